import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { THREE_LEVEL, type TerminalOption, type TerminalState } from '@hall/shared';
import { clippedText, launchChromium, lowContrast, screenshot } from '../support/browser';
import { ensureConsolesBuilt } from '../support/consoles';
import { alreadyPaired, mockTerminal, MOCK_URL, TERMINAL_DIST } from '../support/terminal-mock';

/**
 * Issue 13: the seat terminal's ballot never favours an option. At the seat tablets' sizes, in
 * landscape and portrait, with 2, 3, 4 and 5 options (issue 14: any option set a profile of the
 * secretariat's own has, e.g. 优秀 / 合格 / 基本合格 / 不合格), every option is on screen at once,
 * all of one size, in the profile's order, with no scrolling; the pairing button fits too; zoom is
 * allowed. A paper or hands vote and an abandoned one show their notice, with no option to press.
 * The server is mocked (test/support/terminal-mock.ts). `TERMINAL_DIST=/tmp/old-terminal` runs
 * it against another build.
 */
const SIZES = [
  [800, 480],
  [1024, 600],
  [1280, 800],
].flatMap(([w, h]) => [
  { width: w!, height: h! },
  { width: h!, height: w! },
]);
const option = (key: string, zh: string, en: string, seatKey: number): TerminalOption => ({
  key,
  label: { zh, en },
  seatKey,
});
const OPTION_SETS: Record<string, TerminalOption[]> = {
  2: [option('agree', '同意', 'Agree', 1), option('disagree', '不同意', 'Disagree', 3)],
  3: THREE_LEVEL.options,
  '4 (优秀 / 合格 / 基本合格 / 不合格)': [
    option('excellent', '优秀', 'Excellent', 1),
    option('competent', '合格', 'Competent', 2),
    option('basically-competent', '基本合格', 'Basically competent', 3),
    option('incompetent', '不合格', 'Incompetent', 4),
  ],
  4: [
    option('satisfied', '满意', 'Satisfied', 1),
    option('fairly-satisfied', '比较满意', 'Fairly satisfied', 2),
    option('basically-satisfied', '基本满意', 'Basically satisfied', 3),
    option('unsatisfied', '不满意', 'Unsatisfied', 4),
  ],
  5: [
    option('very-satisfied', '非常满意', 'Very satisfied', 1),
    option('satisfied', '满意', 'Satisfied', 2),
    option('basically-satisfied', '基本满意', 'Basically satisfied', 3),
    option('not-very-satisfied', '不太满意', 'Not very satisfied', 4),
    option('unsatisfied', '不满意', 'Unsatisfied', 5),
  ],
};
const openVote = (options: TerminalOption[]): TerminalState => ({
  seat: 'A-12',
  pairing: 'confirmed',
  occupant: '张三',
  mayVote: true,
  mode: 'open',
  checkedIn: true,
  vote: {
    voteId: 9,
    title: '省人民政府关于食品安全工作情况的报告',
    state: 'open',
    method: 'keypads',
    options,
    registered: false,
  },
  result: null,
});

let browser: Browser;
beforeAll(async () => {
  if (!process.env.TERMINAL_DIST) ensureConsolesBuilt();
  expect(existsSync(path.join(TERMINAL_DIST, 'index.html'))).toBe(true);
  browser = await launchChromium();
}, 180_000);
afterAll(async () => {
  await browser?.close();
});

type Box = { x: number; y: number; width: number; height: number };
function insideViewport(page: Page, box: Box | null): boolean {
  const { width, height } = page.viewportSize()!;
  return (
    box !== null &&
    box.x >= -0.5 &&
    box.y >= -0.5 &&
    box.x + box.width <= width + 0.5 &&
    box.y + box.height <= height + 0.5
  );
}
const pageScrolls = (page: Page) =>
  page.evaluate(
    () =>
      document.documentElement.scrollHeight > window.innerHeight + 1 ||
      document.documentElement.scrollWidth > window.innerWidth + 1,
  );

/** Every option: on screen, in order, one size (±1 px), nothing clipped, contrast AA. */
async function expectFairBallot(page: Page, options: TerminalOption[], lang: 'zh' | 'en') {
  const size = `${page.viewportSize()!.width}x${page.viewportSize()!.height}`;
  const buttons = page.getByRole('group', { name: lang === 'zh' ? '请选择一项' : 'Choose one' });
  const all = buttons.getByRole('button');
  expect(await all.allInnerTexts(), size).toEqual(options.map((o) => o.label[lang]));
  const boxes = await Promise.all((await all.all()).map((b) => b.boundingBox()));
  for (const [i, box] of boxes.entries())
    expect(
      insideViewport(page, box),
      `${size}: ${options[i]!.label.zh} ${JSON.stringify(box)}`,
    ).toBe(true);
  const widths = boxes.map((b) => b!.width);
  const heights = boxes.map((b) => b!.height);
  expect(Math.max(...widths) - Math.min(...widths), `${size} widths ${widths}`).toBeLessThanOrEqual(
    1,
  );
  expect(
    Math.max(...heights) - Math.min(...heights),
    `${size} heights ${heights}`,
  ).toBeLessThanOrEqual(1);
  // Neutral: every option drawn alike (no green 满意, red 不满意).
  const looks = await all.evaluateAll((els) =>
    els.map((el) => {
      const s = getComputedStyle(el);
      return [s.backgroundColor, s.color, s.borderColor, s.fontSize, s.fontWeight].join(' ');
    }),
  );
  expect(new Set(looks).size, `${size} looks ${looks.join(' | ')}`).toBe(1);
  expect(await pageScrolls(page), `${size} scrolls`).toBe(false);
  expect(await clippedText(page), size).toEqual([]);
  expect(await lowContrast(page), size).toEqual([]);
}

describe('seat terminal layout in Chromium (issue 13)', () => {
  it('zoom is allowed and the pairing screen fits at every size', async () => {
    const ctx = await browser.newContext({ viewport: SIZES[0]! });
    const page = await ctx.newPage();
    await mockTerminal(page, openVote(THREE_LEVEL.options));
    await page.goto(MOCK_URL);
    const viewport = await page.locator('meta[name="viewport"]').getAttribute('content');
    expect(viewport).not.toMatch(/user-scalable\s*=\s*(no|0)|maximum-scale/);
    for (const size of SIZES) {
      await page.setViewportSize(size);
      const pair = page.getByRole('button', { name: '配对' });
      const code = page.getByLabel('配对码');
      await code.fill('123456');
      await page.evaluate(() => new Promise(requestAnimationFrame));
      const tag = `${size.width}x${size.height}`;
      expect(insideViewport(page, await pair.boundingBox()), `${tag} pair button`).toBe(true);
      expect(insideViewport(page, await code.boundingBox()), `${tag} code field`).toBe(true);
      expect(await pageScrolls(page), `${tag} scrolls`).toBe(false);
      expect(await clippedText(page), tag).toEqual([]);
      expect(await lowContrast(page), tag).toEqual([]);
      await screenshot(page, `terminal-pair-${tag}`);
    }
    await ctx.close();
  }, 120_000);

  it('the chosen option is cleared when the vote closes, and the next vote starts unmarked', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1024, height: 600 } });
    const page = await ctx.newPage();
    await alreadyPaired(page, 'A-12');
    const open = openVote(THREE_LEVEL.options);
    const hall = await mockTerminal(page, open);
    await page.goto(MOCK_URL);
    await page.getByRole('button', { name: '不满意', exact: true }).click();
    await page.getByTestId('chosen').getByText('不满意').waitFor({ timeout: 30_000 });
    const stored = await page.evaluate(() =>
      JSON.stringify({ ...localStorage, ...sessionStorage }),
    );
    expect(stored).not.toMatch(/unsatisfied|不满意/);
    hall.push({ ...open, mode: 'closed', vote: { ...open.vote!, state: 'closed' } });
    await page.getByTestId('closed').waitFor({ timeout: 30_000 });
    expect(await page.locator('body').innerText()).not.toContain('不满意');
    hall.push({ ...open, vote: { ...open.vote!, voteId: 10 } });
    const option = page.getByRole('button', { name: '不满意', exact: true });
    await option.waitFor({ timeout: 30_000 });
    expect(await option.getAttribute('aria-pressed')).toBe('false');
    expect(await page.getByTestId('chosen').count()).toBe(0);
    await ctx.close();
  }, 120_000);

  for (const n of Object.keys(OPTION_SETS)) {
    it(`${n} options: all visible at once, equal, in order, at every size`, async () => {
      const options = OPTION_SETS[n]!;
      const ctx = await browser.newContext({ viewport: SIZES[0]! });
      const page = await ctx.newPage();
      await alreadyPaired(page, 'A-12');
      await mockTerminal(page, openVote(options));
      await page.goto(MOCK_URL);
      await page.getByText('请选择一项').first().waitFor({ timeout: 30_000 });
      for (const size of SIZES) {
        await page.setViewportSize(size);
        await page.evaluate(() => new Promise(requestAnimationFrame));
        await expectFairBallot(page, options, 'zh');
        await screenshot(
          page,
          `terminal-${size.width}x${size.height}-${options.length}opt-${options[0]!.key}`,
        );
        // After a press the options stay where they were, the chosen one marked; confirm fits.
        const last = options[options.length - 1]!.label.zh;
        await page.getByRole('button', { name: last, exact: true }).click();
        const confirm = page.getByRole('button', { name: '确认提交' });
        expect(insideViewport(page, await confirm.boundingBox()), `${size.width} confirm`).toBe(
          true,
        );
        expect(
          await page.getByRole('button', { name: last, exact: true }).getAttribute('aria-pressed'),
        ).toBe('true');
        await page.getByRole('button', { name: '返回重选' }).click();
        // English labels are longer: still every option, one size, nothing clipped.
        await page.getByRole('button', { name: 'English' }).click();
        await expectFairBallot(page, options, 'en');
        await page.getByRole('button', { name: '中文' }).click();
      }
      await ctx.close();
    }, 120_000);
  }
  const NOTICES = [
    ['a paper vote', 'paper', 'hand-counted', '本项测评以纸质票进行，请按工作人员指引投票'],
    ['a hands vote', 'hands', 'hand-counted', '本项测评以举手方式表决，请按工作人员指引表决'],
    ['an abandoned vote', 'abandoned', 'abandoned', '本项测评已放弃'],
  ] as const;
  for (const [what, kind, testId, zh] of NOTICES) {
    it(`${what}: the notice fits at every size, and no option is offered`, async () => {
      const open = openVote(OPTION_SETS['4 (优秀 / 合格 / 基本合格 / 不合格)']!);
      const state: TerminalState =
        kind === 'abandoned'
          ? { ...open, mode: 'idle', vote: { ...open.vote!, state: 'abandoned', options: [] } }
          : // The seats stay idle; even if the options came along, none of them is offered.
            { ...open, mode: 'idle', vote: { ...open.vote!, method: kind } };
      const ctx = await browser.newContext({ viewport: SIZES[0]! });
      const page = await ctx.newPage();
      await alreadyPaired(page, 'A-12');
      await mockTerminal(page, state);
      await page.goto(MOCK_URL);
      const notice = page.getByTestId(testId);
      await notice.waitFor({ timeout: 30_000 });
      expect(await notice.innerText()).toBe(zh);
      // The only button on screen is the language switch: nothing to press for a ballot.
      expect(await page.getByRole('button').allInnerTexts()).toEqual(['English']);
      expect(await page.getByRole('group', { name: '请选择一项' }).count()).toBe(0);
      for (const size of SIZES) {
        await page.setViewportSize(size);
        await page.evaluate(() => new Promise(requestAnimationFrame));
        const tag = `${size.width}x${size.height}`;
        expect(insideViewport(page, await notice.boundingBox()), `${tag} notice`).toBe(true);
        expect(await pageScrolls(page), `${tag} scrolls`).toBe(false);
        expect(await clippedText(page), tag).toEqual([]);
        expect(await lowContrast(page), tag).toEqual([]);
        await screenshot(page, `terminal-${tag}-${kind}`);
      }
      await page.getByRole('button', { name: 'English' }).click();
      expect(await notice.innerText()).not.toMatch(/[\u4e00-\u9fff]/);
      await ctx.close();
    }, 120_000);
  }
});
