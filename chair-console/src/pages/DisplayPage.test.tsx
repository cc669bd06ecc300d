// @vitest-environment jsdom
import { act, cleanup, screen } from '@testing-library/react';
import type { ResultPayload, VotePayload } from '@hall/shared';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EMPTY_LIVE, type LiveState } from '../lib/live';
import { TONE_COLOURS, cssRgb } from '../lib/outcome-tone';
import { renderIn } from '../test-utils';
import { DisplayPage } from './DisplayPage';

/** What the `/display` namespace has pushed; each test sets it before rendering. */
let live: LiveState = EMPTY_LIVE;
vi.mock('../lib/live', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  useLive: () => live,
}));

const SITTING = '第十四届常委会第十次会议';
const NOW = Date.parse('2026-12-02T02:00:00.000Z');

const vote = (over: Partial<VotePayload>): VotePayload => ({
  voteId: 4,
  title: '关于全省生态环境保护工作情况的报告',
  state: 'open',
  present: 55,
  pressed: 37,
  openedAt: '2026-12-02T01:59:00.000Z',
  closesAt: null,
  sitting: SITTING,
  nextItem: '关于食品安全工作情况的报告',
  ...over,
});

const result = (over: Partial<ResultPayload>): ResultPayload => ({
  voteId: 4,
  title: '关于全省生态环境保护工作情况的报告',
  profile: 'anhui-2013',
  outcome: 'satisfied',
  members: 60,
  present: 55,
  valid: 53,
  invalid: 1,
  notVoted: 1,
  counts: { satisfied: 40, 'basically-satisfied': 9, unsatisfied: 4 },
  openedAt: '2026-12-02T01:59:00.000Z',
  closedAt: '2026-12-02T02:01:00.000Z',
  announcedAt: '2026-12-02T02:01:10.000Z',
  record: { seq: 7, hash: '0123456789ab' },
  chainHead: { seq: 7, hash: '0123456789ab' },
  explanation: { zh: '满意 40 ≥ 全体组成人员 60 的半数 30 → 满意', en: 'Satisfied 40 ≥ half …' },
  ...over,
});

const show = (state: Partial<LiveState>) => {
  live = { ...EMPTY_LIVE, connected: true, ...state };
  return renderIn(<DisplayPage />);
};

beforeEach(() => {
  vi.useFakeTimers({ now: NOW, toFake: ['Date', 'setInterval', 'clearInterval'] });
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  live = EMPTY_LIVE;
});

describe('DisplayPage', () => {
  it('while open: the sitting, the item, 请按键表决, 已按键 N / 实到 M, never the split', () => {
    show({ vote: vote({}) });
    expect(screen.getByTestId('display-sitting').textContent).toBe(SITTING);
    expect(screen.getByTestId('display-title').textContent).toBe(
      '关于全省生态环境保护工作情况的报告',
    );
    expect(screen.getByTestId('display-instruction').textContent).toContain('请按键表决');
    expect(screen.getByTestId('display-instruction').textContent).toContain('Please press');
    expect(screen.getByTestId('display-pressed').textContent).toBe('37');
    expect(screen.getByTestId('display-present').textContent).toBe('55');
    expect(screen.getByTestId('display-state').textContent).toContain('测评进行中');
    expect(screen.queryByTestId('display-countdown')).toBeNull(); // no timer: nothing
    expect(screen.queryByTestId('outcome')).toBeNull();
    expect(document.body.textContent).not.toMatch(/基本满意|不满意|无效/);
  });

  it('counts a timer down locally in mm:ss', () => {
    show({ vote: vote({ closesAt: new Date(NOW + 90_000).toISOString() }) });
    expect(screen.getByTestId('display-countdown').textContent).toBe('01:30');
    act(() => vi.advanceTimersByTime(31_000));
    expect(screen.getByTestId('display-countdown').textContent).toBe('00:59');
    act(() => vi.advanceTimersByTime(120_000));
    expect(screen.getByTestId('display-countdown').textContent).toBe('00:00');
  });

  it('once closed: waits for the announcement, without instruction, timer or result', () => {
    show({
      vote: vote({ state: 'closed', closesAt: new Date(NOW + 90_000).toISOString() }),
      result: null,
    });
    expect(screen.getByTestId('display-state').textContent).toContain('请等待主持人公布结果');
    expect(screen.queryByTestId('display-instruction')).toBeNull();
    expect(screen.queryByTestId('display-countdown')).toBeNull();
    expect(screen.queryByTestId('outcome')).toBeNull();
  });

  it('after the announcement: outcome, every figure, 依据 and the sealed record', () => {
    show({ vote: vote({ state: 'announced', pressed: 54 }), result: result({}) });
    const outcome = screen.getByTestId('outcome');
    expect(outcome.textContent).toContain('满意');
    expect(outcome.getAttribute('data-tone')).toBe('good');
    const figure = (k: string) => screen.getByTestId(`count-${k}`).querySelector('td')!.textContent;
    expect(figure('members')).toBe('60');
    expect(figure('present')).toBe('55');
    expect(figure('satisfied')).toBe('40');
    expect(figure('basically-satisfied')).toBe('9');
    expect(figure('unsatisfied')).toBe('4');
    expect(figure('invalid')).toBe('1');
    expect(figure('notVoted')).toBe('1');
    expect(screen.getByTestId('count-members').textContent).toContain('应到');
    expect(screen.getByTestId('count-notVoted').textContent).toContain('未按');
    expect(screen.getByTestId('explanation').textContent).toContain(
      '依据：满意 40 ≥ 全体组成人员 60 的半数 30 → 满意',
    );
    expect(screen.getByTestId('sealed-record').textContent).toContain('第 7 号');
    expect(screen.getByTestId('sealed-record').textContent).toContain('0123456789ab');
    expect(screen.getByTestId('display-next-item').textContent).toContain('食品安全');
  });

  it.each([
    ['anhui-2013', 'satisfied', '满意', TONE_COLOURS.good],
    ['anhui-2013', 'basically-satisfied', '基本满意', TONE_COLOURS.fair],
    ['anhui-2013', 'unsatisfied', '不满意', TONE_COLOURS.bad],
    ['zizhou', 'basically-satisfied', '基本满意', TONE_COLOURS.fair],
    ['shenzhen-2011', 'accepted', '无需整改', TONE_COLOURS.good],
    ['shenzhen-2011', 'rectification-required', '应当整改', TONE_COLOURS.bad],
  ])('draws %s %s (%s) in its own colour', (profile, outcome, label, colour) => {
    show({ vote: vote({ state: 'announced' }), result: result({ profile, outcome }) });
    const word = screen.getByTestId('outcome-word');
    expect(word.textContent).toBe(label);
    expect(word.style.color).toBe(cssRgb(colour));
  });

  it('never shows an announced result of an earlier vote as the current one', () => {
    show({ vote: vote({ voteId: 5, state: 'open', pressed: 3 }), result: result({}) });
    expect(screen.queryByTestId('outcome')).toBeNull();
    expect(screen.getByTestId('display-pressed').textContent).toBe('3');
    expect(screen.getByTestId('chain-head').textContent).toContain('第 7 号');
  });

  it('between votes: the sitting and the next item', () => {
    show({
      vote: vote({ voteId: null, title: null, state: null, pressed: 0, openedAt: null }),
    });
    expect(screen.getByTestId('display-sitting').textContent).toBe(SITTING);
    expect(screen.getByTestId('display-next-item').textContent).toBe('关于食品安全工作情况的报告');
    expect(screen.getByTestId('display-state').textContent).toContain('等待开始');
    expect(screen.queryByTestId('display-instruction')).toBeNull();
  });

  it('shows a banner while the connection is down', () => {
    show({ vote: vote({}) });
    live = { ...live, connected: false };
    cleanup();
    renderIn(<DisplayPage />);
    expect(screen.getByRole('alert').textContent).toContain('连接已断开');
  });
});
