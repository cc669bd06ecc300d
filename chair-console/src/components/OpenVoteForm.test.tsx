// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderIn } from '../test-utils';
import { OpenVoteForm } from './OpenVoteForm';

afterEach(cleanup);

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
      itemId: 4,
    });
  });
});
