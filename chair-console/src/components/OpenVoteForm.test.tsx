// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { seedProfile, type ProfileLibraryEntry } from '@hall/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderIn, serveJson } from '../test-utils';
import { OpenVoteForm } from './OpenVoteForm';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const items = [{ itemId: 4, title: '关于食品安全工作情况的报告', organ: '省人民政府' }];

describe('OpenVoteForm', () => {
  it('opens the chosen item under the chosen profile with a timer, by keyboard', async () => {
    const onOpen = vi.fn(async () => {});
    renderIn(<OpenVoteForm items={items} onOpen={onOpen} disabled={false} />);
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText('测评办法'), 'zizhou');
    await user.type(screen.getByLabelText('自动结束（秒，可不填）'), '9x0');
    await user.keyboard('{Enter}');
    expect(onOpen).toHaveBeenCalledWith({
      title: '省人民政府：关于食品安全工作情况的报告',
      profile: 'zizhou',
      method: 'keypads',
      itemId: 4,
      durationSeconds: 90,
    });
  });

  it('shows the server’s reason when opening is refused', async () => {
    const onOpen = vi.fn(async () => {
      throw new Error('未达法定人数：实到 30，应到 60');
    });
    renderIn(<OpenVoteForm items={items} onOpen={onOpen} disabled={false} />);
    await userEvent.setup().click(screen.getByRole('button', { name: '开始测评' }));
    expect((await screen.findByTestId('open-error')).textContent).toBe(
      '未达法定人数：实到 30，应到 60',
    );
  });
});

describe('OpenVoteForm with an agenda that arrives later', () => {
  it('takes the first item once the agenda is there', async () => {
    const onOpen = vi.fn(async () => {});
    const { rerender } = renderIn(<OpenVoteForm items={[]} onOpen={onOpen} disabled={false} />);
    expect((screen.getByRole('button', { name: '开始测评' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
    rerender(<OpenVoteForm items={items} onOpen={onOpen} disabled={false} />);
    await userEvent.setup().click(screen.getByRole('button', { name: '开始测评' }));
    expect(onOpen).toHaveBeenCalledWith({
      title: '省人民政府：关于食品安全工作情况的报告',
      profile: 'anhui-2013',
      method: 'keypads',
      itemId: 4,
    });
  });
});

/** A library entry of GET /api/profiles (issue 14). */
const entry = (over: Partial<ProfileLibraryEntry>): ProfileLibraryEntry => {
  const profile = over.profile ?? seedProfile('anhui-2013')!;
  return {
    id: profile.id,
    version: 1,
    builtIn: true,
    latest: true,
    inUse: false,
    createdAt: null,
    createdBy: null,
    rules: [],
    profile,
    ...over,
  };
};

describe('OpenVoteForm, issue 14', () => {
  it('takes the ballots by 表决器 unless 纸质票 or 举手 is chosen, and posts the method', async () => {
    const onOpen = vi.fn(async () => {});
    renderIn(<OpenVoteForm items={items} onOpen={onOpen} disabled={false} />);
    const user = userEvent.setup();
    const methods = within(screen.getByRole('group', { name: '计票方式' }));
    expect((methods.getByLabelText('表决器') as HTMLInputElement).checked).toBe(true);
    await user.click(methods.getByLabelText('举手'));
    await user.click(screen.getByRole('button', { name: '开始测评' }));
    expect(onOpen).toHaveBeenLastCalledWith(expect.objectContaining({ method: 'hands' }));
    await user.click(methods.getByLabelText('纸质票'));
    await user.click(screen.getByRole('button', { name: '开始测评' }));
    expect(onOpen).toHaveBeenLastCalledWith(expect.objectContaining({ method: 'paper' }));
  });

  it('offers the hall’s own profiles from GET /api/profiles, latest versions only', async () => {
    const own = {
      ...seedProfile('anhui-2013')!,
      id: 'qunzhong-pingyi',
      name: { zh: '群众评议办法', en: 'Public appraisal' },
    };
    const fetch = serveJson({
      '/api/profiles': [
        entry({}),
        entry({ id: own.id, builtIn: false, version: 1, latest: false, profile: own }),
        entry({ id: own.id, builtIn: false, version: 2, profile: own }),
      ],
    });
    const onOpen = vi.fn(async () => {});
    renderIn(<OpenVoteForm items={items} onOpen={onOpen} disabled={false} token="t" />);
    const select = screen.getByLabelText('测评办法') as HTMLSelectElement;
    await screen.findByRole('option', { name: '群众评议办法（本会场） v2' });
    expect([...select.options].map((o) => o.value)).toEqual(['anhui-2013', 'qunzhong-pingyi']);
    expect(fetch.mock.calls[0]![0]).toBe('/api/profiles');
    const user = userEvent.setup();
    await user.selectOptions(select, 'qunzhong-pingyi');
    await user.click(screen.getByRole('button', { name: '开始测评' }));
    expect(onOpen).toHaveBeenCalledWith(expect.objectContaining({ profile: 'qunzhong-pingyi' }));
  });

  it('retakes an abandoned vote by hand: same title, item and profile, retakeOf', async () => {
    const onOpen = vi.fn(async () => {});
    renderIn(
      <OpenVoteForm
        items={items}
        onOpen={onOpen}
        disabled={false}
        retake={{ voteId: 7, title: '省人民政府：食品安全', itemId: 4, profile: 'zizhou' }}
      />,
    );
    const retake = within(screen.getByTestId('retake'));
    expect(retake.getByText('本项测评已放弃')).toBeTruthy();
    const user = userEvent.setup();
    await user.click(retake.getByLabelText('举手'));
    await user.click(retake.getByRole('button', { name: '改为人工计票重新测评' }));
    expect(onOpen).toHaveBeenCalledWith({
      title: '省人民政府：食品安全',
      profile: 'zizhou',
      method: 'hands',
      retakeOf: 7,
      itemId: 4,
    });
    // No keypads for a retake: only the methods counted by people are offered.
    expect(retake.queryByLabelText('表决器')).toBeNull();
  });
});
