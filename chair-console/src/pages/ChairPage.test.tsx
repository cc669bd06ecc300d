// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import type { ResultPayload, SeatView, VotePayload } from '@hall/shared';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EMPTY_LIVE, type LiveState } from '../lib/live';
import { renderIn, serveJson } from '../test-utils';
import { ChairPage } from './ChairPage';

/** What the chair's socket pushed; each test sets it before rendering. */
let live: LiveState = EMPTY_LIVE;
vi.mock('../lib/live', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  useLive: () => live,
}));

/** jsdom does not scroll: the page's scroll to its top is recorded. */
const scrollTo = vi.fn();
beforeEach(() => {
  serveJson({ '/api/terminals/confirmations': { terminals: [] } });
  scrollTo.mockClear();
  window.scrollTo = scrollTo as unknown as typeof window.scrollTo;
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const seats: SeatView[] = [
  { seat: 'A-1', name: '张三', role: 'member', online: true, checkedIn: true },
  { seat: 'A-2', name: '李四', role: 'member', online: true, checkedIn: true },
  { seat: 'A-10', name: '王五', role: 'member', online: true, checkedIn: false },
];
const session = {
  sessionId: 1,
  title: '第二十三次常委会会议',
  startedAt: '2026-12-02T01:00:00.000Z',
  items: [{ itemId: 1, title: '生态环境保护工作情况的报告', organ: '省人民政府' }],
};
const vote = (over: Partial<VotePayload>): VotePayload => ({
  voteId: 4,
  title: '省人民政府：生态环境保护工作情况的报告',
  state: 'open',
  present: 3,
  pressed: 1,
  openedAt: '2026-12-02T01:10:00.000Z',
  closesAt: null,
  sitting: session.title,
  nextItem: null,
  ...over,
});
const announcementText = {
  zh: '本次测评应到3人，实到2人。满意2票，基本满意0票，不满意0票，无效0票，未按键0人。测评结果为：满意。',
  en: 'This evaluation: 3 members, 2 present. …',
};
const closed: ResultPayload = {
  voteId: 4,
  title: '省人民政府：生态环境保护工作情况的报告',
  profile: 'anhui-2013',
  outcome: 'satisfied',
  members: 3,
  present: 2,
  valid: 2,
  invalid: 0,
  notVoted: 0,
  counts: { satisfied: 2, 'basically-satisfied': 0, unsatisfied: 0 },
  openedAt: '2026-12-02T01:10:00.000Z',
  closedAt: '2026-12-02T01:12:00.000Z',
  announcedAt: null,
  explanation: { zh: '满意 2 > 全体组成人员 3 的半数 1.5 → 满意', en: 'Satisfied 2 > …' },
  announcementText,
  followUp: [],
};
const state = (over: Partial<LiveState>): LiveState => ({
  ...EMPTY_LIVE,
  connected: true,
  sitting: { session, seats },
  ...over,
});

describe('ChairPage (issue 13)', () => {
  it('puts a closed result with its 依据, 宣读稿 and 当场公布 at the top, the next form folded', () => {
    live = state({ vote: vote({ state: 'closed', pressed: 2 }), result: closed });
    const { container } = renderIn(<ChairPage token="t" />);
    const top = screen.getByTestId('chair-result');
    // The result block comes before everything else of the page but the connection banner.
    expect(container.querySelector('.chair > .chair-result')).toBe(top);
    expect(top.compareDocumentPosition(container.querySelector('.columns')!)).toBe(
      Node.DOCUMENT_POSITION_FOLLOWING,
    );
    const block = within(top);
    expect(block.getByTestId('outcome').textContent).toContain('满意');
    expect(block.getByTestId('explanation').textContent).toBe(
      '依据：满意 2 > 全体组成人员 3 的半数 1.5 → 满意',
    );
    expect(block.getByTestId('announcement-text').textContent).toBe(announcementText.zh);
    expect(block.getByRole('button', { name: '当场公布' })).toBeTruthy();
    // The form for the next evaluation is folded away while this result awaits announcement.
    const next = screen.getByTestId('next-evaluation') as HTMLDetailsElement;
    expect(next.open).toBe(false);
    expect(next.textContent).toContain('开始下一项测评');
    expect(screen.queryByTestId('not-pressed')).toBeNull();
    // The page goes to its top, where the result is (结束测评 may have been pressed lower down).
    expect(scrollTo).toHaveBeenCalledWith({ top: 0 });
  });

  it('keeps the announced result at the top and opens the form again', () => {
    live = state({
      vote: vote({ state: 'announced', pressed: 2 }),
      result: { ...closed, announcedAt: '2026-12-02T01:13:00.000Z' },
    });
    renderIn(<ChairPage token="t" />);
    const block = within(screen.getByTestId('chair-result'));
    expect(block.getByTestId('announcement-text').textContent).toBe(announcementText.zh);
    expect(block.queryByRole('button', { name: '当场公布' })).toBeNull();
    expect(screen.queryByTestId('next-evaluation')).toBeNull();
    expect(screen.getByRole('form', { name: '开始测评' })).toBeTruthy();
  });

  it('while a vote is open: the seats not pressed with their members, no result, no form', () => {
    live = state({ vote: vote({ notPressed: ['A-2', 'A-10'] }), result: null });
    const { rerender } = renderIn(<ChairPage token="t" />);
    expect(screen.queryByTestId('chair-result')).toBeNull();
    expect(screen.queryByRole('form', { name: '开始测评' })).toBeNull();
    const list = within(screen.getByTestId('not-pressed'));
    expect(list.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'A-2 李四',
      'A-10 王五（未签到）',
    ]);
    live = state({ vote: vote({ pressed: 2, notPressed: ['A-10'] }), result: null });
    rerender(<ChairPage token="t" />);
    expect(
      within(screen.getByTestId('not-pressed'))
        .getAllByRole('listitem')
        .map((li) => li.dataset.seat),
    ).toEqual(['A-10']);
  });
});
