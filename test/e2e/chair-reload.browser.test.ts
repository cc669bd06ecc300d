import { rmSync } from 'node:fs';
import { announcementText, seedProfile, tally } from '@hall/shared';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clippedText, launchChromium, lowContrast, screenshot } from '../support/browser';
import { ensureConsolesBuilt } from '../support/consoles';
import { api, startDemoHall, type HallServer } from '../support/hall-server';

/**
 * Issue 13, the chair console in Debian's Chromium against a real `npm start` demo hall: while
 * the vote is open the seats that have not pressed (shrinking live); after close the result, its
 * 依据 and the 宣读稿 at the top of the page, in the first screen, and still there after a reload
 * (they come from the pushed state, not from the close reply). The key fingerprint is on the
 * secretariat's page, not the chair's. Screenshots go to test-artifacts/.
 */
const TOKEN = 'chair-reload-operator-token';
const VIEWPORT = { width: 1280, height: 720 };
const WAIT = { timeout: 30_000 };
let server: HallServer;
let browser: Browser;
let tech: string;
let memberSeats: string[];

beforeAll(async () => {
  ensureConsolesBuilt();
  ({ server, tech, memberSeats } = await startDemoHall(TOKEN, 'hall-chair-reload-'));
  const op = (route: string, body: unknown = {}) => api(server, 'POST', route, TOKEN, body);
  expect((await op('/api/sessions', { title: '第二十四次常委会会议' })).status).toBe(200);
  await op('/api/sessions/current/items', {
    title: '关于食品安全工作情况的报告',
    organ: '省人民政府',
  });
  // Check-in: 40 of the 60 members, by their seats.
  expect((await op('/api/checkin/open')).status).toBe(200);
  for (const seat of memberSeats.slice(0, 40)) await press(seat, [1]);
  expect((await op('/api/checkin/close')).status).toBe(200);
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

/** The seats the not-pressed list shows, in its order. */
const listed = (page: Page) =>
  page
    .getByTestId('not-pressed')
    .locator('li')
    .evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset.seat));

/** The element lies (at least its top) within the first screen, without scrolling. */
async function inFirstScreen(page: Page, el: Locator) {
  const box = await el.boundingBox();
  expect(box, 'visible').not.toBeNull();
  const scrolled = await page.evaluate(() => window.scrollY);
  expect(scrolled).toBe(0);
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.y).toBeLessThan(VIEWPORT.height);
}

/** Seat order: bus, then address as a number. */
const seatOrder = (a: string, b: string) => {
  const [ba, na] = [a.slice(0, a.lastIndexOf('-')), Number(a.slice(a.lastIndexOf('-') + 1))];
  const [bb, nb] = [b.slice(0, b.lastIndexOf('-')), Number(b.slice(b.lastIndexOf('-') + 1))];
  return ba === bb ? na - nb : ba < bb ? -1 : 1;
};

describe('chair console: not pressed, then 依据 and 宣读稿 at the top through a reload', () => {
  it('shows the seats not pressed live, and the result block survives a reload in the first screen', async () => {
    const page = await browser.newPage({ viewport: VIEWPORT });
    await page.goto(`${server.url}/`);
    await page.getByLabel('用户名').fill('chair');
    await page.getByLabel('密码').fill('chair-demo');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('button', { name: '开始测评' }).waitFor(WAIT);
    // The key fingerprint no longer heads the chair's page.
    expect(await page.getByTestId('key-fingerprint').count()).toBe(0);

    await page.getByRole('button', { name: '开始测评' }).click();
    await page.getByTestId('vote-state').getByText('测评进行中').waitFor(WAIT);
    const count = page.getByTestId('not-pressed-count');
    await count.getByText(String(memberSeats.length), { exact: true }).waitFor(WAIT);
    expect(await listed(page)).toEqual([...memberSeats].sort(seatOrder));
    // With the member's name from the seat map.
    expect(await page.getByTestId('not-pressed').locator('li').first().textContent()).toMatch(
      /^A-1 \S+/,
    );

    // A few seats press, out of seat order: the list shrinks, in seat order still.
    const pressing = [memberSeats[7]!, memberSeats[2]!, memberSeats[30]!, memberSeats[0]!];
    const keys = [[1], [2], [1], [3]];
    for (const [i, seat] of pressing.entries()) {
      await press(seat, keys[i]!);
      await count.getByText(String(memberSeats.length - i - 1), { exact: true }).waitFor(WAIT);
    }
    const left = memberSeats.filter((s) => !pressing.includes(s)).sort(seatOrder);
    expect(await listed(page)).toEqual(left);
    expect(await page.getByTestId('outcome').count()).toBe(0); // never the split while open
    await screenshot(page, 'chair-not-pressed-1280x720');
    expect(await clippedText(page)).toEqual([]);

    // Close: the result, its 依据 and the 宣读稿 at the top of the page.
    await page.getByRole('button', { name: '结束测评' }).click();
    const text = page.getByTestId('announcement-text');
    await text.waitFor(WAIT);
    const profile = seedProfile('anhui-2013')!;
    const expected = tally(profile, {
      members: memberSeats.length,
      present: 40,
      counts: { satisfied: 2, 'basically-satisfied': 1, unsatisfied: 1 },
      invalid: 0,
    });
    const words = announcementText({ ...expected, profile });
    expect(words.zh).toMatch(/^本次测评应到60人，实到40人。满意2票，基本满意1票，不满意1票/);

    const check = async (when: string) => {
      expect(await text.textContent(), when).toBe(words.zh);
      expect(await page.getByTestId('explanation').textContent(), when).toContain(
        expected.explanation.zh,
      );
      await inFirstScreen(page, page.getByTestId('explanation'));
      await inFirstScreen(page, text);
      await inFirstScreen(page, page.getByRole('button', { name: '当场公布' }));
      // The result block heads the page, above the (folded) form for the next evaluation.
      const top = await page.getByTestId('chair-result').boundingBox();
      const next = await page.getByTestId('next-evaluation').boundingBox();
      expect(top!.y).toBeLessThan(next!.y);
      expect(await page.getByTestId('next-evaluation').getAttribute('open')).toBeNull();
    };
    await check('after close');
    await screenshot(page, 'chair-closed-1280x720');

    // Reload: the page comes back from the pushed state alone.
    await page.reload();
    await text.waitFor(WAIT);
    await check('after reload');
    await screenshot(page, 'chair-closed-reloaded-1280x720');
    expect(await clippedText(page)).toEqual([]);
    expect(await lowContrast(page)).toEqual([]);

    // The copy button copies the 宣读稿 (or says how to copy by hand).
    await page.getByTestId('copy-announcement').click();
    await page
      .getByRole('status')
      .filter({ hasText: /已复制|手动复制/ })
      .waitFor(WAIT);

    // Announce: the 依据 and 宣读稿 stay at the top, through another reload.
    await page.getByRole('button', { name: '当场公布' }).click();
    await page.getByTestId('sealed-record').waitFor(WAIT);
    await page.reload();
    await text.waitFor(WAIT);
    expect(await text.textContent()).toBe(words.zh);
    await inFirstScreen(page, page.getByTestId('explanation'));
    await inFirstScreen(page, text);

    // The fingerprint is on the secretariat's page.
    await page.getByRole('button', { name: '工作机构' }).click();
    await page.getByTestId('key-fingerprint').waitFor(WAIT);
    await page.close();
  }, 240_000);
});
