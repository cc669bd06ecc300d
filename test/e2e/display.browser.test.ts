import { rmSync } from 'node:fs';
import {
  seedProfile,
  tally,
  type ResultLabels,
  type ResultPayload,
  type VotePayload,
} from '@hall/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TONE_COLOURS, cssRgb, outcomeColour } from '../../chair-console/src/lib/outcome-tone';
import { axeViolations } from '../support/axe';
import { clippedText, launchChromium, lowContrast, screenshot } from '../support/browser';
import { ensureConsolesBuilt } from '../support/consoles';
import { DISPLAY_URL, mockDisplay } from '../support/display-mock';
import { api, startDemoHall, type HallServer } from '../support/hall-server';

/**
 * The hall display (issue 13) in Debian's Chromium against a real `npm start` demo hall, at the
 * hall's screen sizes: while a vote is open the instruction and a press count readable from the
 * back row (≥ 72 px at 1080p) with the countdown; after the announcement the outcome in its own
 * colour (a 满意 and a 不满意 vote), every figure and the 依据 line; nothing clipped and
 * contrast at WCAG AA at 1280×720, 1920×1080 and 3840×2160. Screenshots go to test-artifacts/
 * as display-<w>x<h>-<state>.png. Issue 14, against a mocked `/display` socket (test/support/
 * display-mock.ts): a profile of the secretariat's own (优秀 / 合格 / 基本合格 / 不合格, and 2 and
 * 5 options) in its own words and colours, a paper and a hands vote (人工计票中, no press count),
 * the series line and an abandoned vote, each on one screen without scrolling.
 */
const TOKEN = 'display-browser-operator-token';
const SITTING = '第十四届常委会第十次会议';
const ITEMS = ['关于全省生态环境保护工作情况的报告', '关于全省食品安全工作情况的报告'];
const SIZES = [
  { width: 1920, height: 1080 },
  { width: 1280, height: 720 },
  { width: 3840, height: 2160 },
];
const WAIT = { timeout: 30_000 };
const anhui = seedProfile('anhui-2013')!;

let server: HallServer;
let browser: Browser;
let tech: string;
let memberSeats: string[];
let itemIds: number[];

beforeAll(async () => {
  ensureConsolesBuilt();
  ({ server, tech, memberSeats } = await startDemoHall(TOKEN, 'hall-display-'));
  expect((await api(server, 'POST', '/api/sessions', TOKEN, { title: SITTING })).status).toBe(200);
  itemIds = [];
  for (const title of ITEMS) {
    const r = await api<{ itemId: number }>(server, 'POST', '/api/sessions/current/items', TOKEN, {
      title,
      organ: '省人民政府',
    });
    expect(r.status).toBe(200);
    itemIds.push(r.body.itemId);
  }
  // Every member checks in (any key), so each vote may open.
  expect((await api(server, 'POST', '/api/checkin/open', TOKEN)).status).toBe(200);
  for (const seat of memberSeats) await press(seat, [1]);
  expect((await api(server, 'POST', '/api/checkin/close', TOKEN)).status).toBe(200);
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (server) rmSync(server.dataDir, { recursive: true, force: true });
});

async function press(seat: string, keys: number[]) {
  const r = await api<{ lamp: string }>(server, 'POST', '/api/demo/press', tech, { seat, keys });
  expect(r.status, seat).toBe(200);
  expect(r.body.lamp, seat).toBe('registered');
}

/** At every size: nothing clipped, contrast at AA, and a screenshot; axe-core at 1080p. */
async function checkSizes(page: Page, state: string) {
  expect(await axeViolations(page, `display ${state}`)).toEqual([]);
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await screenshot(page, `display-${size.width}x${size.height}-${state}`);
    expect(await clippedText(page), `${state} ${size.width}x${size.height}`).toEqual([]);
    expect(await lowContrast(page), `${state} ${size.width}x${size.height}`).toEqual([]);
  }
  await page.setViewportSize(SIZES[0]!);
}

const fontPx = (page: Page, testId: string) =>
  page.getByTestId(testId).evaluate((el) => parseFloat(getComputedStyle(el).fontSize));

/** Open a vote on item `n` with a timer, press `keys` at the first `voters` seats, close, announce. */
async function runVote(page: Page, n: number, keys: number[], voters: number) {
  const opened = await api(server, 'POST', '/api/votes', TOKEN, {
    title: ITEMS[n],
    profile: anhui.id,
    itemId: itemIds[n],
    durationSeconds: 3600,
  });
  expect(opened.status).toBe(200);
  await page.getByTestId('display-instruction').getByText('请按键表决').waitFor(WAIT);
  for (const seat of memberSeats.slice(0, voters)) await press(seat, keys);
  await page
    .getByTestId('display-pressed')
    .getByText(String(voters), { exact: true })
    .waitFor(WAIT);
  expect(await page.getByTestId('display-present').textContent()).toBe(String(memberSeats.length));
  expect(await page.getByTestId('display-title').textContent()).toBe(ITEMS[n]);
  expect(await page.getByTestId('display-sitting').textContent()).toBe(SITTING);
  // Read from the back row: the press count at least 72 px at 1080p; the countdown runs.
  expect(await fontPx(page, 'display-pressed')).toBeGreaterThanOrEqual(72);
  expect(await page.getByTestId('display-countdown').textContent()).toMatch(/^(59|60):\d\d$/);
  expect(await page.locator('body').textContent()).not.toMatch(/基本满意|不满意|无效/);
  // The public display's state: how many pressed, never who has not (that is the chair's).
  const pub = (await (await fetch(`${server.url}/api/display`)).json()) as {
    vote: Record<string, unknown>;
    result: unknown;
  };
  expect(pub.vote.pressed).toBe(voters);
  expect(pub.vote).not.toHaveProperty('notPressed');
  if (n === 0) await checkSizes(page, 'open');

  expect((await api(server, 'POST', '/api/votes/latest/close', TOKEN)).status).toBe(200);
  await page.getByText('请等待主持人公布结果').waitFor(WAIT);
  expect(await page.getByTestId('outcome').count()).toBe(0);
  if (n === 0) await checkSizes(page, 'closed');
  expect((await api(server, 'POST', '/api/votes/latest/announce', TOKEN)).status).toBe(200);
  await page.getByTestId('outcome').waitFor(WAIT);

  const counts = { satisfied: 0, 'basically-satisfied': 0, unsatisfied: 0 };
  counts[(['satisfied', 'basically-satisfied', 'unsatisfied'] as const)[keys[0]! - 1]!] = voters;
  const expected = tally(anhui, {
    members: memberSeats.length,
    present: memberSeats.length,
    counts,
    invalid: 0,
  });
  const label = anhui.outcomes.find((o) => o.id === expected.outcome)!.label.zh;
  expect(await page.getByTestId('outcome').getAttribute('data-outcome')).toBe(expected.outcome);
  expect(await page.getByTestId('outcome-word').textContent()).toBe(label);
  const colour = await page
    .getByTestId('outcome-word')
    .evaluate((el) => getComputedStyle(el).color);
  expect(colour).toBe(cssRgb(outcomeColour(anhui.outcomes, expected.outcome)));
  const figure = async (key: string) =>
    (await page.getByTestId(`count-${key}`).locator('td').textContent())?.trim();
  expect(await figure('members')).toBe(String(memberSeats.length));
  expect(await figure('present')).toBe(String(memberSeats.length));
  for (const [k, v] of Object.entries(counts)) expect(await figure(k)).toBe(String(v));
  expect(await figure('invalid')).toBe('0');
  expect(await figure('notVoted')).toBe(String(expected.notVoted));
  // 依据: how the rule decided, public once announced.
  await page.getByTestId('explanation').waitFor(WAIT);
  expect(await page.getByTestId('explanation').textContent()).toContain(expected.explanation.zh);
  expect(await page.getByTestId('sealed-record').textContent()).toContain(`第 ${n + 1} 号`);
  // The next item, while there is one on the agenda.
  if (ITEMS[n + 1]) {
    await page
      .getByTestId('display-next-item')
      .getByText(ITEMS[n + 1]!, { exact: false })
      .waitFor(WAIT);
  }
  await checkSizes(page, `announced-${expected.outcome}`);
  return { outcome: expected.outcome, colour };
}

describe('hall display in Chromium', () => {
  it('is readable from the back row while open, and colours each outcome its own way', async () => {
    // bypassCSP: axe-core is injected as a script, which the hall's CSP forbids.
    const page = await browser.newPage({ viewport: SIZES[0]!, bypassCSP: true });
    await page.goto(`${server.url}/display`);
    await page.getByTestId('display-state').getByText('等待开始').waitFor(WAIT);
    // Between votes: the sitting and the next item of its agenda.
    await page
      .getByTestId('display-next-item')
      .getByText(ITEMS[0]!, { exact: false })
      .waitFor(WAIT);
    expect(await page.getByTestId('display-sitting').textContent()).toBe(SITTING);
    await checkSizes(page, 'idle');

    const first = await runVote(page, 0, [1], 40); // 满意 40 ≥ half of 60
    const second = await runVote(page, 1, [3], 40); // 不满意
    expect(first.outcome).toBe('satisfied');
    expect(second.outcome).toBe('unsatisfied');
    expect(second.colour).not.toBe(first.colour);
    await page.close();
  }, 300_000);

  it('abandons a keypad vote, then shows a paper vote under a four-option profile of its own', async () => {
    const page = await browser.newPage({ viewport: SIZES[0]!, bypassCSP: true });
    await page.goto(`${server.url}/display`);
    await page.getByTestId('display-sitting').getByText(SITTING).waitFor(WAIT);
    const title = '关于全省安全生产工作情况的报告';
    const opened = await api<{ voteId: number }>(server, 'POST', '/api/votes', TOKEN, {
      title,
      profile: anhui.id,
    });
    expect(opened.status).toBe(200);
    await page.getByTestId('display-instruction').getByText('请按键表决').waitFor(WAIT);
    expect(await page.getByTestId('display-method').innerText()).toContain('表决器');
    for (const seat of memberSeats.slice(0, 5)) await press(seat, [1]);
    const abandon = await api(server, 'POST', '/api/votes/latest/abandon', TOKEN, {
      reason: '表决器故障',
    });
    expect(abandon.status).toBe(200);
    await page.getByTestId('display-state').getByText('本项测评已放弃').waitFor(WAIT);
    expect(await page.getByTestId('display-pressed').count()).toBe(0);
    expect(await page.getByTestId('outcome').count()).toBe(0);

    // Retaken on paper under 优秀 / 合格 / 基本合格 / 不合格 (a document no seed has).
    const retake = await api(server, 'POST', '/api/votes', TOKEN, {
      title,
      profile: FOUR_PROFILE,
      method: 'paper',
      retakeOf: opened.body.voteId,
    });
    expect(retake.status, JSON.stringify(retake.body)).toBe(200);
    await page.getByTestId('display-hand-counting').waitFor(WAIT);
    expect(await page.getByTestId('display-instruction').innerText()).toContain('请填写纸质票');
    expect(await page.getByTestId('display-method').innerText()).toContain('纸质票 · 人工计票');
    expect(await page.getByTestId('display-pressed').count()).toBe(0);
    const n = memberSeats.length;
    const counts = { excellent: n - 10, competent: 6, 'basically-competent': 3, incompetent: 1 };
    const entered = await api(server, 'POST', '/api/votes/latest/counts', TOKEN, { counts });
    expect(entered.status, JSON.stringify(entered.body)).toBe(200);
    // Entered, not announced: the display shows no figure of it.
    expect(await page.locator('body').innerText()).not.toMatch(/优秀|不合格/);
    expect((await api(server, 'POST', '/api/votes/latest/close', TOKEN)).status).toBe(200);
    await page.getByText('请等待主持人公布结果').waitFor(WAIT);
    expect(await page.getByTestId('outcome').count()).toBe(0);
    expect((await api(server, 'POST', '/api/votes/latest/announce', TOKEN)).status).toBe(200);
    await page.getByTestId('outcome').waitFor(WAIT);
    expect(await page.getByTestId('outcome').getAttribute('data-outcome')).toBe('excellent');
    expect(await page.getByTestId('outcome-word').innerText()).toBe('优秀');
    expect(
      await page.getByTestId('outcome-word').evaluate((el) => getComputedStyle(el).color),
    ).toBe(cssRgb(TONE_COLOURS.good));
    expect(await page.getByTestId('display-method').innerText()).toContain('纸质票 · 人工计票');
    for (const o of FOUR_PROFILE.optionSet.options) {
      const row = page.getByTestId(`count-${o.key}`);
      expect(await row.locator('th').innerText()).toContain(o.label.zh);
      expect((await row.locator('td').innerText()).trim()).toBe(String(counts[o.key]));
    }
    expect(await page.getByTestId('count-notVoted').innerText()).toContain('未投票');
    await checkSizes(page, 'announced-paper-four-options');
    await page.close();
  }, 300_000);
});

/** 优秀 / 合格 / 基本合格 / 不合格 on keys 1–4: a profile document of the secretariat's own. */
const FOUR_PROFILE = {
  ...anhui,
  id: 'branch-members',
  name: { zh: '党员评议', en: 'Member evaluation' },
  optionSet: {
    id: 'four-grades',
    name: { zh: '四档', en: 'Four grades' },
    options: [
      { key: 'excellent', label: { zh: '优秀', en: 'Excellent' }, seatKey: 1 },
      { key: 'competent', label: { zh: '合格', en: 'Competent' }, seatKey: 2 },
      {
        key: 'basically-competent',
        label: { zh: '基本合格', en: 'Basically competent' },
        seatKey: 3,
      },
      { key: 'incompetent', label: { zh: '不合格', en: 'Incompetent' }, seatKey: 4 },
    ],
  },
  base: 'present',
  outcomes: [
    { id: 'excellent', label: { zh: '优秀', en: 'Excellent' }, passed: true, followUp: [] },
    { id: 'competent', label: { zh: '合格', en: 'Competent' }, passed: true, followUp: [] },
    { id: 'failing', label: { zh: '不合格', en: 'Failing' }, passed: false, followUp: [] },
  ],
  ladder: [
    {
      outcome: 'excellent',
      when: [{ options: ['excellent'], comparison: 'more-than', fraction: { num: 1, den: 2 } }],
      rule: { zh: '优秀票超过实到人数的半数为优秀', en: 'Excellent: more than half present' },
      cite: '测试',
    },
    {
      outcome: 'competent',
      when: [
        {
          options: ['excellent', 'competent'],
          comparison: 'more-than',
          fraction: { num: 1, den: 2 },
        },
      ],
      rule: { zh: '优秀与合格票超过半数为合格', en: 'Competent: more than half' },
      cite: '测试',
    },
    { outcome: 'failing', rule: { zh: '其余为不合格', en: 'Otherwise failing' }, cite: '测试' },
  ],
} as const;

// ── Issue 14: any profile, hand counts, series, abandoned (mocked `/display` socket) ──────────

const text = (zh: string, en: string) => ({ zh, en });
/** 优秀 / 合格 / 基本合格 / 不合格: a profile of the secretariat's own, as its result carries it. */
const FOUR: ResultLabels = {
  options: [
    { key: 'excellent', label: text('优秀', 'Excellent') },
    { key: 'competent', label: text('合格', 'Competent') },
    { key: 'basically-competent', label: text('基本合格', 'Basically competent') },
    { key: 'incompetent', label: text('不合格', 'Incompetent') },
  ],
  outcomes: [
    { id: 'excellent', label: text('优秀', 'Excellent'), passed: true },
    { id: 'competent', label: text('合格', 'Competent'), passed: true },
    { id: 'basically-competent', label: text('基本合格', 'Basically competent'), passed: false },
    { id: 'incompetent', label: text('不合格', 'Incompetent'), passed: false },
  ],
};
const SERIES = { seriesId: 2, title: '机关党支部群众评议', index: 3, count: 34, subject: '张三' };

const mockVote = (over: Partial<VotePayload>): VotePayload => ({
  voteId: 12,
  title: '张三',
  state: 'open',
  present: 42,
  pressed: 0,
  method: 'paper',
  series: SERIES,
  openedAt: '2026-12-02T02:00:00.000Z',
  closesAt: null,
  sitting: '机关党支部群众评议会议',
  nextItem: null,
  ...over,
});

const mockResult = (labels: ResultLabels, counts: Record<string, number>, outcome: string) => {
  const valid = Object.values(counts).reduce((a, b) => a + b, 0);
  return {
    voteId: 12,
    title: '张三',
    profile: 'branch-members',
    outcome,
    members: 42,
    present: 42,
    valid,
    invalid: 0,
    notVoted: 42 - valid,
    counts,
    labels,
    method: 'paper',
    openedAt: '2026-12-02T02:00:00.000Z',
    closedAt: '2026-12-02T02:05:00.000Z',
    announcedAt: '2026-12-02T02:06:00.000Z',
    record: { seq: 9, hash: 'abcdef012345' },
    correction: null,
    chainHead: { seq: 9, hash: 'abcdef012345' },
    explanation: text(
      '优秀 30 超过收回票数 42 的半数 21 → 优秀',
      'Excellent 30 is more than half of the 42 ballots returned → Excellent',
    ),
  } satisfies ResultPayload;
};

const scrolls = (page: Page) =>
  page.evaluate(
    () =>
      document.documentElement.scrollHeight > window.innerHeight + 1 ||
      document.documentElement.scrollWidth > window.innerWidth + 1,
  );

/** checkSizes, and at every size the whole screen without scrolling. */
async function checkMockSizes(page: Page, state: string) {
  expect(await axeViolations(page, `display ${state}`)).toEqual([]);
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.evaluate(() => new Promise(requestAnimationFrame));
    const tag = `${state} ${size.width}x${size.height}`;
    await screenshot(page, `display-${size.width}x${size.height}-${state}`);
    expect(await clippedText(page), tag).toEqual([]);
    expect(await lowContrast(page), tag).toEqual([]);
    expect(await scrolls(page), `${tag} scrolls`).toBe(false);
  }
  await page.setViewportSize(SIZES[0]!);
}

/** The option rows: in the profile's order, each its figure, all of one height (±1 px). */
async function expectOptionRows(page: Page, labels: ResultLabels, counts: Record<string, number>) {
  const heights: number[] = [];
  for (const o of labels.options) {
    const row = page.getByTestId(`count-${o.key}`);
    expect(await row.locator('th').innerText()).toContain(o.label.zh);
    expect((await row.locator('td').innerText()).trim()).toBe(String(counts[o.key] ?? 0));
    heights.push((await row.boundingBox())!.height);
  }
  expect(Math.max(...heights) - Math.min(...heights), `heights ${heights}`).toBeLessThanOrEqual(1);
  const order = (table: string) =>
    page
      .getByRole('table', { name: table })
      .locator('tr')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-testid')));
  expect(await order('票数分布')).toEqual(labels.options.map((o) => `count-${o.key}`));
  expect(await order('人数')).toEqual([
    'count-members',
    'count-present',
    'count-invalid',
    'count-notVoted',
  ]);
}

describe('hall display of issue 14 in Chromium (mocked socket)', () => {
  it('a paper vote open: how to vote, 人工计票中, the series line; then its four-option result', async () => {
    const page = await browser.newPage({ viewport: SIZES[0]!, bypassCSP: true });
    const hall = await mockDisplay(page, { vote: mockVote({}), result: null });
    await page.goto(DISPLAY_URL);
    await page.getByTestId('display-hand-counting').waitFor(WAIT);
    expect(await page.getByTestId('display-instruction').innerText()).toContain('请填写纸质票');
    expect(await page.getByTestId('display-method').innerText()).toContain('纸质票 · 人工计票');
    expect(await page.getByTestId('display-series-item').innerText()).toContain(
      '第 3 / 34 项：张三',
    );
    expect(await page.getByTestId('display-series-title').innerText()).toBe('机关党支部群众评议');
    expect(await page.getByTestId('display-pressed').count()).toBe(0);
    expect(await page.locator('body').innerText()).not.toMatch(/已按键|优秀|不合格/);
    await checkMockSizes(page, 'paper-open');

    hall.push({ vote: mockVote({ state: 'closed' }), result: null });
    await page.getByText('请等待主持人公布结果').waitFor(WAIT);
    expect(await page.getByTestId('display-pressed').count()).toBe(0);
    await checkMockSizes(page, 'paper-closed');

    const counts = { excellent: 30, competent: 9, 'basically-competent': 2, incompetent: 1 };
    for (const [outcome, tone] of [
      ['excellent', 'good'],
      ['basically-competent', 'poor'],
    ] as const) {
      hall.push({
        vote: mockVote({ state: 'announced' }),
        result: mockResult(FOUR, counts, outcome),
      });
      const word = page.getByTestId('outcome-word');
      await page.locator(`[data-testid="outcome"][data-outcome="${outcome}"]`).waitFor(WAIT);
      expect(await word.innerText()).toBe(FOUR.outcomes.find((o) => o.id === outcome)!.label.zh);
      expect(await word.evaluate((el) => getComputedStyle(el).color)).toBe(
        cssRgb(TONE_COLOURS[tone]),
      );
      expect(await page.getByTestId('display-method').innerText()).toContain('纸质票 · 人工计票');
      expect(await page.getByTestId('display-series-item').innerText()).toContain(
        '第 3 / 34 项：张三',
      );
      await expectOptionRows(page, FOUR, counts);
      expect(await page.getByRole('img').getAttribute('aria-label')).toContain(
        '优秀 30，合格 9，基本合格 2，不合格 1',
      );
      await checkMockSizes(page, `four-options-${outcome}`);
    }
    await page.close();
  }, 300_000);

  it('a hands vote and an abandoned one; two and five options fit one screen', async () => {
    const page = await browser.newPage({ viewport: SIZES[0]!, bypassCSP: true });
    const hall = await mockDisplay(page, {
      vote: mockVote({ method: 'hands', series: null, title: ITEMS[0]! }),
      result: null,
    });
    await page.goto(DISPLAY_URL);
    await page.getByTestId('display-hand-counting').waitFor(WAIT);
    expect(await page.getByTestId('display-instruction').innerText()).toContain('请举手表决');
    expect(await page.getByTestId('display-method').innerText()).toContain('举手 · 人工计票');
    expect(await page.getByTestId('display-series').count()).toBe(0);
    await checkMockSizes(page, 'hands-open');

    hall.push({
      vote: mockVote({ method: 'keypads', state: 'abandoned', pressed: 20 }),
      result: null,
    });
    await page.getByTestId('display-state').getByText('本项测评已放弃').waitFor(WAIT);
    expect(await page.getByTestId('display-pressed').count()).toBe(0);
    expect(await page.getByTestId('outcome').count()).toBe(0);
    await checkMockSizes(page, 'abandoned');

    const sets: [ResultLabels, Record<string, number>][] = [
      [
        {
          options: [
            { key: 'agree', label: text('同意', 'Agree') },
            { key: 'disagree', label: text('不同意', 'Disagree') },
          ],
          outcomes: [
            { id: 'passed', label: text('通过', 'Passed'), passed: true },
            { id: 'failed', label: text('不通过', 'Not passed'), passed: false },
          ],
        },
        { agree: 30, disagree: 10 },
      ],
      [
        {
          options: [
            { key: 'very-satisfied', label: text('非常满意', 'Very satisfied') },
            { key: 'satisfied', label: text('满意', 'Satisfied') },
            { key: 'basically-satisfied', label: text('基本满意', 'Basically satisfied') },
            { key: 'unsatisfied', label: text('不满意', 'Unsatisfied') },
            { key: 'abstain', label: text('弃权', 'Abstain'), excluded: true },
          ],
          outcomes: [
            { id: 'satisfied', label: text('满意', 'Satisfied'), passed: true },
            { id: 'unsatisfied', label: text('不满意', 'Unsatisfied'), passed: false },
          ],
        },
        {
          'very-satisfied': 12,
          satisfied: 15,
          'basically-satisfied': 8,
          unsatisfied: 3,
          abstain: 2,
        },
      ],
    ];
    for (const [labels, counts] of sets) {
      const outcome = labels.outcomes[0]!.id;
      hall.push({
        vote: mockVote({ state: 'announced', method: 'keypads', series: SERIES }),
        result: { ...mockResult(labels, counts, outcome), method: 'keypads' },
      });
      await page.getByTestId(`count-${labels.options[0]!.key}`).waitFor(WAIT);
      expect(await page.getByTestId('outcome-word').innerText()).toBe(labels.outcomes[0]!.label.zh);
      expect(await page.getByTestId('display-method').innerText()).toContain('表决器');
      await expectOptionRows(page, labels, counts);
      await checkMockSizes(page, `${labels.options.length}-options`);
    }
    await page.close();
  }, 300_000);
});
