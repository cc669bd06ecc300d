import type { ResultLabels, ResultPayload, VotePayload } from '@hall/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TONE_COLOURS, cssRgb } from '../../chair-console/src/lib/outcome-tone';
import { axeViolations } from '../support/axe';
import { clippedText, launchChromium, lowContrast, screenshot } from '../support/browser';
import { ensureConsolesBuilt } from '../support/consoles';
import { DISPLAY_URL, mockDisplay } from '../support/display-mock';

/**
 * The hall display of issue 14 in Debian's Chromium, against a mocked `/display` socket (test/
 * support/display-mock.ts): a profile of the secretariat's own (优秀 / 合格 / 基本合格 / 不合格,
 * and 2 and 5 options) in its own words and colours, a paper and a hands vote (人工计票中, no
 * press count), the series line and an abandoned vote, each on one screen without scrolling, at
 * 1280×720, 1920×1080 and 3840×2160. The real-server display is display.browser.test.ts.
 */
const SIZES = [
  { width: 1920, height: 1080 },
  { width: 1280, height: 720 },
  { width: 3840, height: 2160 },
];
const WAIT = { timeout: 30_000 };
const ITEMS = ['关于全省生态环境保护工作情况的报告'];

let browser: Browser;

beforeAll(async () => {
  ensureConsolesBuilt();
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
});

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
