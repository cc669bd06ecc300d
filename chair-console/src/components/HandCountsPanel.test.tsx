// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { HandCountsReply, VotePayload } from '@hall/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderIn } from '../test-utils';
import { HandCountsPanel, type CountOption } from './HandCountsPanel';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const vote: VotePayload = {
  voteId: 9,
  title: '省人民政府：生态环境保护工作情况的报告',
  state: 'open',
  present: 40,
  pressed: 0,
  method: 'paper',
  openedAt: '2026-12-02T01:10:00.000Z',
  closesAt: null,
};
const options: CountOption[] = [
  { key: 'satisfied', label: { zh: '满意', en: 'Satisfied' } },
  { key: 'basically-satisfied', label: { zh: '基本满意', en: 'Basically satisfied' } },
  { key: 'unsatisfied', label: { zh: '不满意', en: 'Unsatisfied' } },
];
const entered = (over: Partial<HandCountsReply> = {}): HandCountsReply => ({
  voteId: 9,
  method: 'paper',
  pressed: 39,
  counts: { satisfied: 30, 'basically-satisfied': 6, unsatisfied: 2 },
  invalid: 1,
  enteredBy: 'mishu',
  enteredAt: '2026-12-02T01:20:00.000Z',
  confirmedBy: null,
  confirmedAt: null,
  ...over,
});

/** A fake server for the counts: GET answers `current` (404 when null), POSTs are recorded. */
function serve(
  initial: HandCountsReply | null,
  onPost: (url: string, body: unknown) => unknown,
  extra: Record<string, unknown> = {},
) {
  let current = initial;
  const posts: { url: string; body: unknown }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      if (init?.method === 'POST') {
        const body = JSON.parse(String(init.body)) as unknown;
        posts.push({ url, body });
        const reply = onPost(url, body) as { status?: number; json: unknown };
        if (reply.status && reply.status !== 200)
          return new Response(JSON.stringify(reply.json), { status: reply.status });
        current = reply.json as HandCountsReply;
        return new Response(JSON.stringify(current), { status: 200 });
      }
      if (extra[url]) return new Response(JSON.stringify(extra[url]), { status: 200 });
      if (url === '/api/votes/latest/counts')
        return current
          ? new Response(JSON.stringify(current), { status: 200 })
          : new Response(JSON.stringify({ code: 'NOT_FOUND', message: 'none' }), { status: 404 });
      return new Response('{}', { status: 404 });
    }),
  );
  return posts;
}

describe('HandCountsPanel (issue 14)', () => {
  it('the secretariat enters the counts of each option and the invalid ones', async () => {
    const posts = serve(null, (_url, body) => ({
      json: entered({ ...(body as object), enteredBy: 'mishu' }),
    }));
    renderIn(<HandCountsPanel token="s" vote={vote} mode="enter" options={options} />);
    expect((await screen.findByTestId('hand-counts-none')).textContent).toBe('尚未录入票数');
    expect(screen.getByTestId('hand-counts-method').textContent).toBe('方式：纸质票');
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('满意'), '30');
    await user.type(screen.getByLabelText('基本满意'), '6');
    await user.type(screen.getByLabelText('不满意'), '2');
    await user.type(screen.getByLabelText('无效票'), '1');
    expect(screen.getByTestId('hand-counts-total').textContent).toBe('合计 39 / 实到 40');
    await user.click(screen.getByRole('button', { name: '录入票数' }));
    await screen.findByTestId('hand-counts-entered');
    expect(posts).toEqual([
      {
        url: '/api/votes/latest/counts',
        body: { counts: { satisfied: 30, 'basically-satisfied': 6, unsatisfied: 2 }, invalid: 1 },
      },
    ]);
    expect(screen.getByTestId('hand-counts-entered-by').textContent).toContain('录入人 mishu');
    expect(screen.getByTestId('hand-counts-message').textContent).toBe('票数已录入，待主持人确认');
  });

  it('does not send counts that exceed the members present', async () => {
    const posts = serve(null, () => ({ json: entered() }));
    renderIn(<HandCountsPanel token="s" vote={vote} mode="enter" options={options} />);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('满意'), '38');
    await user.type(screen.getByLabelText('无效票'), '3');
    expect(screen.getByTestId('hand-counts-total').textContent).toBe('票数合计 41 超过实到人数 40');
    const send = screen.getByRole('button', { name: '录入票数' }) as HTMLButtonElement;
    expect(send.disabled).toBe(true);
    await user.clear(screen.getByLabelText('无效票'));
    await user.type(screen.getByLabelText('无效票'), '2');
    expect(send.disabled).toBe(false);
    expect(posts).toEqual([]);
  });

  it('the chair sees the entered counts and confirms them; the page learns they are confirmed', async () => {
    const posts = serve(entered(), () => ({
      json: entered({ confirmedBy: 'zhuren', confirmedAt: '2026-12-02T01:21:00.000Z' }),
    }));
    const onCounts = vi.fn();
    renderIn(
      <HandCountsPanel
        token="c"
        vote={vote}
        mode="confirm"
        username="zhuren"
        options={options}
        onCounts={onCounts}
      />,
    );
    const shown = within(await screen.findByTestId('hand-counts-entered'));
    expect(shown.getByTestId('hand-count-satisfied').textContent).toBe('满意30');
    expect(shown.getByTestId('hand-count-invalid').textContent).toBe('无效票1');
    expect(screen.queryByRole('form', { name: '录入票数' })).toBeNull();
    expect(onCounts).toHaveBeenLastCalledWith(expect.objectContaining({ confirmedBy: null }));
    await userEvent.setup().click(screen.getByRole('button', { name: '确认' }));
    await screen.findByTestId('hand-counts-confirmed');
    expect(posts.map((p) => p.url)).toEqual(['/api/votes/latest/counts/confirm']);
    expect(onCounts).toHaveBeenLastCalledWith(expect.objectContaining({ confirmedBy: 'zhuren' }));
    expect(screen.getByTestId('hand-counts-entered-by').textContent).toContain('确认人 zhuren');
  });

  it('offers no confirmation to the login that entered the counts, and shows a refusal', async () => {
    serve(entered({ enteredBy: 'zhuren' }), () => ({
      status: 409,
      json: { code: 'COUNTS_SAME_USER', message: '须由另一用户确认 / another user must confirm' },
    }));
    const { rerender } = renderIn(
      <HandCountsPanel token="c" vote={vote} mode="confirm" username="zhuren" options={options} />,
    );
    const confirm = (await screen.findByRole('button', { name: '确认' })) as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    expect(screen.getByText('须由录入人以外的另一登录用户确认')).toBeTruthy();
    // Another login: offered; the server still decides and its reason is shown as it is.
    rerender(
      <HandCountsPanel token="c" vote={vote} mode="confirm" username="other" options={options} />,
    );
    await waitFor(() => expect(confirm.disabled).toBe(false));
    await userEvent.setup().click(confirm);
    expect((await screen.findByRole('alert')).textContent).toBe(
      '须由另一用户确认 / another user must confirm',
    );
  });

  it('enters the counts under the open vote’s own options, as the server names them', async () => {
    const posts = serve(null, (_url, body) => ({ json: entered(body as object) }), {
      '/api/votes/latest': {
        voteId: 9,
        state: 'open',
        present: 40,
        pressed: 0,
        method: 'paper',
        profileName: { zh: '党员评议办法', en: 'Members' },
        options: [
          { key: 'excellent', label: { zh: '优秀', en: 'Excellent' }, seatKey: 1 },
          { key: 'qualified', label: { zh: '合格', en: 'Qualified' }, seatKey: 2 },
        ],
      },
    });
    renderIn(<HandCountsPanel token="s" vote={vote} mode="enter" />);
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('优秀'), '28');
    await user.type(screen.getByLabelText('合格'), '12');
    expect(screen.queryByLabelText('满意')).toBeNull();
    await user.click(screen.getByRole('button', { name: '录入票数' }));
    await screen.findByTestId('hand-counts-entered');
    expect(posts[0]!.body).toEqual({ counts: { excellent: 28, qualified: 12 }, invalid: 0 });
  });
});
