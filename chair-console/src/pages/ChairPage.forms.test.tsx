// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { HandCountsReply, VotePayload } from '@hall/shared';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EMPTY_LIVE, type LiveState } from '../lib/live';
import { renderIn } from '../test-utils';
import { ChairPage } from './ChairPage';

/** What the chair's socket pushed; each test sets it before rendering. */
let live: LiveState = EMPTY_LIVE;
vi.mock('../lib/live', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  useLive: () => live,
}));

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});
beforeEach(() => {
  window.scrollTo = vi.fn() as unknown as typeof window.scrollTo;
});

const session = {
  sessionId: 1,
  title: '群众评议会议',
  startedAt: '2026-12-02T01:00:00.000Z',
  items: [{ itemId: 1, title: '第一党支部工作', organ: '机关党委' }],
};
const series = { seriesId: 12, title: '群众评议', index: 3, count: 34, subject: '张三' };
const vote = (over: Partial<VotePayload>): VotePayload => ({
  voteId: 4,
  title: '群众评议：张三',
  state: 'open',
  present: 42,
  pressed: 0,
  openedAt: '2026-12-02T01:10:00.000Z',
  closesAt: null,
  ...over,
});
const state = (over: Partial<LiveState>): LiveState => ({
  ...EMPTY_LIVE,
  connected: true,
  sitting: { session, seats: [] },
  ...over,
});
const counts: HandCountsReply = {
  voteId: 4,
  method: 'paper',
  pressed: 42,
  counts: { satisfied: 40, 'basically-satisfied': 2, unsatisfied: 0 },
  invalid: 0,
  enteredBy: 'mishu',
  enteredAt: '2026-12-02T01:20:00.000Z',
  confirmedBy: null,
  confirmedAt: null,
};

/** A fake hall server: GETs by path, POSTs recorded and answered by `posts`. */
function serve(gets: Record<string, unknown>, posts: Record<string, unknown> = {}) {
  const sent: { url: string; body: unknown }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const path = url.split('?')[0]!;
      if (init?.method === 'POST') {
        sent.push({ url: path, body: JSON.parse(String(init.body)) });
        const reply = posts[path];
        if (path === '/api/votes/latest/counts/confirm') gets[path.replace('/confirm', '')] = reply;
        return new Response(JSON.stringify(reply ?? { message: 'not found' }), {
          status: reply ? 200 : 404,
        });
      }
      const body = gets[path];
      return new Response(JSON.stringify(body ?? { message: 'not found' }), {
        status: body ? 200 : 404,
      });
    }),
  );
  return sent;
}
/** GET /api/votes/latest: the open vote's options, as the server names them (issue 14). */
const latest = {
  voteId: 4,
  state: 'open',
  present: 42,
  pressed: 42,
  method: 'paper',
  profileName: { zh: '群众评议办法', en: 'Evaluation' },
  options: [
    { key: 'satisfied', label: { zh: '满意', en: 'Satisfied' }, seatKey: 1 },
    {
      key: 'basically-satisfied',
      label: { zh: '基本满意', en: 'Basically satisfied' },
      seatKey: 2,
    },
    { key: 'unsatisfied', label: { zh: '不满意', en: 'Unsatisfied' }, seatKey: 3 },
  ],
};
const base = { '/api/terminals/confirmations': { terminals: [] }, '/api/votes/latest': latest };

describe('ChairPage, issue 14', () => {
  it('a paper vote: says how it is taken, closes only once another login confirmed the counts', async () => {
    live = state({ vote: vote({ method: 'paper', series }) });
    const sent = serve(
      { ...base, '/api/votes/latest/counts': counts },
      {
        '/api/votes/latest/counts/confirm': {
          ...counts,
          confirmedBy: 'zhuren',
          confirmedAt: '2026-12-02T01:21:00.000Z',
        },
      },
    );
    renderIn(<ChairPage token="c" username="zhuren" />);
    expect(screen.getByTestId('vote-method').textContent).toBe('方式：纸质票');
    expect(screen.getByTestId('series-subject').textContent).toBe('第 3 / 34 项：张三');
    expect(screen.queryByRole('button', { name: '下一项' })).toBeNull(); // not while open
    const panel = within(await screen.findByTestId('hand-counts-entered'));
    expect(panel.getByTestId('hand-count-satisfied').textContent).toBe('满意40');
    expect(screen.queryByRole('button', { name: '结束测评' })).toBeNull();
    expect(screen.getByTestId('close-waits').textContent).toBe('票数确认后方可结束测评');
    await userEvent.setup().click(panel.getByRole('button', { name: '确认' }));
    await screen.findByRole('button', { name: '结束测评' });
    expect(sent.map((s) => s.url)).toEqual(['/api/votes/latest/counts/confirm']);
  });

  it('a keypad vote closes as before, and can be abandoned', () => {
    live = state({ vote: vote({}) });
    serve(base);
    renderIn(<ChairPage token="c" username="zhuren" />);
    expect(screen.getByTestId('vote-method').textContent).toBe('方式：表决器');
    expect(screen.getByRole('button', { name: '结束测评' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '放弃本项测评' })).toBeTruthy();
    expect(screen.queryByTestId('hand-counts')).toBeNull();
  });

  it('a closed subject of a series: 下一项 asks the server for the next', async () => {
    live = state({ vote: vote({ state: 'closed', series }) });
    const sent = serve(base, { '/api/series/12/next': { seriesId: 12, index: 4, voteId: 5 } });
    renderIn(<ChairPage token="c" />);
    await userEvent.setup().click(screen.getByRole('button', { name: '下一项' }));
    expect(sent).toEqual([{ url: '/api/series/12/next', body: {} }]);
  });

  it('an abandoned vote: 改为人工计票重新测评 opens its retake by hand with retakeOf', async () => {
    live = state({ vote: vote({ state: 'abandoned', title: '机关党委：第一党支部工作' }) });
    const sent = serve(base, { '/api/votes': { voteId: 5 } });
    renderIn(<ChairPage token="c" />);
    const retake = within(screen.getByTestId('retake'));
    await userEvent.setup().click(retake.getByRole('button', { name: '改为人工计票重新测评' }));
    expect(sent).toEqual([
      {
        url: '/api/votes',
        // No profile: the server decides a retake under the abandoned vote's own.
        body: { title: '机关党委：第一党支部工作', method: 'paper', retakeOf: 4 },
      },
    ]);
  });
});
