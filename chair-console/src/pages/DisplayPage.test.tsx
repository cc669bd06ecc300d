// @vitest-environment jsdom
import { act, cleanup, screen, within } from '@testing-library/react';
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

  /** A profile of the secretariat's own (issue 14): four options, four outcomes, none a seed's. */
  const FOUR = {
    options: [
      { key: 'excellent', label: { zh: '优秀', en: 'Excellent' } },
      { key: 'competent', label: { zh: '合格', en: 'Competent' } },
      { key: 'basically-competent', label: { zh: '基本合格', en: 'Basically competent' } },
      { key: 'incompetent', label: { zh: '不合格', en: 'Incompetent' } },
    ],
    outcomes: [
      { id: 'excellent', label: { zh: '优秀', en: 'Excellent' }, passed: true },
      { id: 'competent', label: { zh: '合格', en: 'Competent' }, passed: true },
      {
        id: 'basically-competent',
        label: { zh: '基本合格', en: 'Basically competent' },
        passed: false,
      },
      { id: 'incompetent', label: { zh: '不合格', en: 'Incompetent' }, passed: false },
    ],
  };
  const SERIES = { seriesId: 2, title: '机关党支部群众评议', index: 3, count: 34, subject: '张三' };
  const fourResult = (outcome: string, over: Partial<ResultPayload> = {}) =>
    result({
      title: '张三',
      profile: 'branch-members',
      outcome,
      members: 42,
      present: 42,
      valid: 42,
      invalid: 0,
      notVoted: 0,
      counts: { excellent: 30, competent: 9, 'basically-competent': 2, incompetent: 1 },
      labels: FOUR,
      method: 'paper',
      explanation: { zh: '优秀 30 ≥ 收回票数 42 的半数 → 优秀', en: 'Excellent 30 ≥ half …' },
      ...over,
    });

  it('a custom four-option profile: its own labels, every option, and its outcome tone', () => {
    show({
      vote: vote({ state: 'announced', title: '张三', method: 'paper', series: SERIES }),
      result: fourResult('excellent'),
    });
    const figure = (k: string) => screen.getByTestId(`count-${k}`);
    expect(figure('excellent').textContent).toBe('优秀 Excellent30');
    expect(figure('competent').textContent).toContain('合格');
    expect(figure('basically-competent').textContent).toBe('基本合格 Basically competent2');
    expect(figure('incompetent').querySelector('td')!.textContent).toBe('1');
    expect(screen.getByRole('img').getAttribute('aria-label')).toContain(
      '优秀 30，合格 9，基本合格 2，不合格 1',
    );
    expect(document.body.textContent).not.toMatch(/basically-competent|incompetent/); // no raw keys
    const word = screen.getByTestId('outcome-word');
    expect(word.textContent).toBe('优秀');
    expect(word.style.color).toBe(cssRgb(TONE_COLOURS.good));
    // How the ballots were taken, and where the vote sits in its series.
    expect(screen.getByTestId('display-method').textContent).toContain('纸质票 · 人工计票');
    expect(screen.getByTestId('display-series-title').textContent).toBe('机关党支部群众评议');
    expect(screen.getByTestId('display-series-item').textContent).toContain('第 3 / 34 项：张三');
    // Counted by people: those who did not vote are 未投票, not 未按 (nobody pressed anything).
    expect(screen.getByTestId('count-notVoted').textContent).toContain('未投票');
    expect(document.body.textContent).not.toContain('未按');
  });

  it.each([
    ['excellent', '优秀', 'good'],
    ['competent', '合格', 'fair'],
    ['basically-competent', '基本合格', 'poor'],
    ['incompetent', '不合格', 'bad'],
  ] as const)('a custom profile’s %s (%s) is coloured by passed and place', (id, zh, tone) => {
    show({ vote: vote({ state: 'announced' }), result: fourResult(id) });
    expect(screen.getByTestId('outcome').getAttribute('data-tone')).toBe(tone);
    expect(screen.getByTestId('outcome-word').textContent).toBe(zh);
    expect(screen.getByTestId('outcome-word').style.color).toBe(cssRgb(TONE_COLOURS[tone]));
  });

  it('two and five options: one row each, in the profile’s order', () => {
    for (const n of [2, 5]) {
      const options = Array.from({ length: n }, (_, i) => ({
        key: `o${i}`,
        label: { zh: `选项${i + 1}`, en: `Option ${i + 1}` },
      }));
      const counts = Object.fromEntries(options.map((o, i) => [o.key, i + 1]));
      show({
        vote: vote({ state: 'announced' }),
        result: result({
          profile: `custom-${n}`,
          outcome: 'yes',
          counts,
          labels: {
            options,
            outcomes: [
              { id: 'yes', label: { zh: '通过', en: 'Passed' }, passed: true },
              { id: 'no', label: { zh: '不通过', en: 'Not passed' }, passed: false },
            ],
          },
        }),
      });
      const rows = (name: string) =>
        within(screen.getByRole('table', { name }))
          .getAllByRole('row')
          .map((r) => r.getAttribute('data-testid'));
      expect(rows('票数分布')).toEqual(options.map((o) => `count-${o.key}`));
      expect(rows('人数')).toEqual([
        'count-members',
        'count-present',
        'count-invalid',
        'count-notVoted',
      ]);
      expect(screen.getByTestId('outcome-word').textContent).toBe('通过');
      cleanup();
    }
  });

  it('a keypad result says so: 表决方式：表决器', () => {
    show({
      vote: vote({ state: 'announced', method: 'keypads' }),
      result: result({ method: 'keypads' }),
    });
    expect(screen.getByTestId('display-method').textContent).toContain('表决器');
    expect(screen.getByTestId('display-method').textContent).not.toContain('人工计票');
    expect(screen.queryByTestId('display-series')).toBeNull();
  });

  it.each([
    ['paper', '请填写纸质票', '纸质票 · 人工计票'],
    ['hands', '请举手表决', '举手 · 人工计票'],
  ] as const)('a %s vote open: how to vote and 人工计票中, no press count', (method, how, line) => {
    show({ vote: vote({ method, pressed: 0, series: SERIES, title: '张三' }) });
    expect(screen.getByTestId('display-instruction').textContent).toContain(how);
    expect(screen.getByTestId('display-instruction').textContent).not.toContain('按键');
    expect(screen.getByTestId('display-method').textContent).toContain(line);
    expect(screen.getByTestId('display-hand-counting').textContent).toContain('人工计票中');
    expect(screen.queryByTestId('display-pressed')).toBeNull();
    expect(document.body.textContent).not.toContain('已按键');
    expect(screen.getByTestId('display-present').textContent).toBe('55');
    expect(screen.getByTestId('display-series-item').textContent).toContain('第 3 / 34 项：张三');
    expect(screen.queryByTestId('outcome')).toBeNull();
  });

  it('a paper vote closed: waits for the announcement, still no press count', () => {
    show({ vote: vote({ method: 'paper', state: 'closed', pressed: 0 }), result: null });
    expect(screen.getByTestId('display-state').textContent).toContain('请等待主持人公布结果');
    expect(screen.getByTestId('display-hand-counting')).toBeTruthy();
    expect(screen.queryByTestId('display-pressed')).toBeNull();
  });

  it('an abandoned vote: 本项测评已放弃, and never an earlier result as its own', () => {
    show({
      vote: vote({ state: 'abandoned', method: 'keypads', pressed: 20 }),
      result: result({ voteId: 3 }),
    });
    expect(screen.getByTestId('display-state').textContent).toContain('本项测评已放弃');
    expect(screen.getByTestId('display-title').textContent).toBe(
      '关于全省生态环境保护工作情况的报告',
    );
    expect(screen.queryByTestId('outcome')).toBeNull();
    expect(screen.queryByTestId('display-pressed')).toBeNull();
    expect(screen.queryByTestId('display-instruction')).toBeNull();
  });

  it('a result without labels (an older server) still reads a built-in profile', () => {
    show({ vote: vote({ state: 'announced' }), result: result({ outcome: 'unsatisfied' }) });
    expect(screen.getByTestId('outcome-word').textContent).toBe('不满意');
    expect(screen.getByTestId('outcome').getAttribute('data-tone')).toBe('bad');
    expect(screen.getByTestId('count-basically-satisfied').textContent).toContain('基本满意');
  });

  it('shows a banner while the connection is down', () => {
    show({ vote: vote({}) });
    live = { ...live, connected: false };
    cleanup();
    renderIn(<DisplayPage />);
    expect(screen.getByRole('alert').textContent).toContain('连接已断开');
  });
});
