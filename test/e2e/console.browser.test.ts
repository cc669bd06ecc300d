import { rmSync } from 'node:fs';
import { seedProfile, tally } from '@hall/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clippedText, launchChromium, lowContrast, screenshot } from '../support/browser';
import { ensureConsolesBuilt } from '../support/consoles';
import { api, startDemoHall, startHallServer, type HallServer } from '../support/hall-server';

/**
 * The chair console and the hall display in Debian's Chromium against a real `npm start` demo
 * hall (simulated seats on the real protocols): check-in, a refused opening without quorum,
 * presses, close, announce, the display, a lost connection. Screenshots go to test-artifacts/.
 */
const TOKEN = 'browser-operator-token';
let server: HallServer;
let browser: Browser;
let tech: string;
let memberSeats: string[];

const WAIT = { timeout: 30_000 };

beforeAll(async () => {
  ensureConsolesBuilt();
  ({ server, tech, memberSeats } = await startDemoHall(TOKEN, 'hall-browser-'));
  await api(server, 'POST', '/api/sessions', TOKEN, { title: '第二十三次常委会会议' });
  await api(server, 'POST', '/api/sessions/current/items', TOKEN, {
    title: '关于生态环境保护工作情况的报告',
    organ: '省人民政府',
  });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (server) rmSync(server.dataDir, { recursive: true, force: true });
});

const press = async (seat: string, keys: number[]) => {
  const r = await api<{ lamp: string }>(server, 'POST', '/api/demo/press', tech, { seat, keys });
  expect(r.status, seat).toBe(200);
  return r.body.lamp;
};

async function loginByKeyboard(page: Page, username: string, password: string) {
  await page.goto(`${server.url}/`);
  await page.getByLabel('用户名').focus();
  await page.keyboard.type(username);
  await page.keyboard.press('Tab');
  await page.keyboard.type(password);
  await page.keyboard.press('Enter');
}

describe('chair console and hall display in Chromium', () => {
  it('runs a sitting from check-in to the announced result', async () => {
    const console = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const display = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await display.goto(`${server.url}/display`);
    await loginByKeyboard(console, 'chair', 'chair-demo');
    await console.getByRole('button', { name: '开始签到' }).click();
    await console.getByText('签到进行中').waitFor(WAIT);

    // Check-in: fewer than half of the members.
    const half = Math.floor(memberSeats.length / 2);
    const early = memberSeats.slice(0, half);
    for (const seat of early) expect(await press(seat, [1])).toBe('registered');
    await console.getByTestId('present').getByText(String(half), { exact: true }).waitFor(WAIT);
    expect(await console.getByTestId('quorum').textContent()).toContain('未达法定人数');

    // Opening without quorum is refused, with the server's reason on screen.
    await console.getByRole('button', { name: '开始测评' }).click();
    const refusal = console.getByTestId('open-error');
    await refusal.waitFor(WAIT);
    expect(await refusal.textContent()).toMatch(/法定人数|quorum/);
    await screenshot(console, 'console-refused-no-quorum');
    expect((await api<{ state?: string }>(server, 'GET', '/api/votes/latest', TOKEN)).status).toBe(
      404,
    );

    // One more member present: more than half.
    const late = memberSeats.slice(half, half + 3);
    for (const seat of late) expect(await press(seat, [2])).toBe('registered');
    const present = half + late.length;
    await console.getByTestId('present').getByText(String(present), { exact: true }).waitFor(WAIT);
    expect(await console.getByTestId('quorum').getAttribute('class')).toMatch(/\bmet\b/);
    await console.getByRole('button', { name: '结束签到' }).click();

    // Open under the first seed profile (anhui-2013) for the agenda item.
    await console.getByRole('button', { name: '开始测评' }).click();
    await console.getByTestId('vote-state').getByText('测评进行中').waitFor(WAIT);
    await display.getByTestId('display-state').getByText('测评进行中').waitFor(WAIT);

    // Presses: satisfied, basically satisfied, unsatisfied, one invalid (two keys), the rest 未按.
    const voters = [...early, ...late];
    const plan: number[][] = voters.map((_, i) =>
      i === 0 ? [1, 3] : [[1], [1], [2], [3]][i % 4]!,
    );
    const pressing = voters.length - 4;
    for (let i = 0; i < pressing; i++) expect(await press(voters[i]!, plan[i]!)).toBe('registered');
    await console.getByTestId('pressed').getByText(`已按键 ${pressing} / ${present}`).waitFor(WAIT);
    expect(await console.getByTestId('outcome').count()).toBe(0); // never the split while open
    expect(await display.locator('body').textContent()).not.toMatch(/基本满意|不满意|无效/);
    await screenshot(console, 'console-vote-open');
    expect(await clippedText(console)).toEqual([]);
    expect(await lowContrast(console)).toEqual([]);

    // Close: the chair sees the result and how the rule decided; the display does not yet.
    await console.getByRole('button', { name: '结束测评' }).click();
    await console.getByTestId('outcome').waitFor(WAIT);
    const counts = { satisfied: 0, 'basically-satisfied': 0, unsatisfied: 0 };
    let invalid = 0;
    for (const k of plan.slice(0, pressing)) {
      if (k.length > 1) invalid++;
      else counts[(['satisfied', 'basically-satisfied', 'unsatisfied'] as const)[k[0]! - 1]!]++;
    }
    const expected = tally(seedProfile('anhui-2013')!, {
      members: memberSeats.length,
      present,
      counts,
      invalid,
    });
    const label = seedProfile('anhui-2013')!.outcomes.find((o) => o.id === expected.outcome)!.label
      .zh;
    expect(await console.getByTestId('outcome').textContent()).toContain(label);
    expect(await console.getByTestId('explanation').textContent()).toContain(
      expected.explanation.zh,
    );
    await display.getByText('请等待主持人公布结果').waitFor(WAIT);
    expect(await display.getByTestId('outcome').count()).toBe(0);

    // Announce: the display shows every figure and the outcome in large type.
    await console.getByRole('button', { name: '当场公布' }).click();
    await display.getByTestId('outcome').waitFor(WAIT);
    const figure = async (key: string) =>
      (await display.getByTestId(`count-${key}`).locator('td').textContent())?.trim();
    expect(await figure('members')).toBe(String(memberSeats.length));
    expect(await figure('present')).toBe(String(present));
    expect(await figure('satisfied')).toBe(String(counts.satisfied));
    expect(await figure('basically-satisfied')).toBe(String(counts['basically-satisfied']));
    expect(await figure('unsatisfied')).toBe(String(counts.unsatisfied));
    expect(await figure('invalid')).toBe(String(invalid));
    expect(await figure('notVoted')).toBe(String(expected.notVoted));
    expect(await display.getByTestId('outcome').textContent()).toContain(label);
    expect(await display.getByRole('img').getAttribute('aria-label')).toContain(
      `满意 ${counts.satisfied}`,
    );
    await screenshot(display, 'display-announced-1920x1080');
    await screenshot(console, 'console-announced');
    expect(await clippedText(display)).toEqual([]);
    expect(await lowContrast(display)).toEqual([]);
    expect(await clippedText(console)).toEqual([]);

    // The same display at 1280×720 has nothing cut off either.
    await display.setViewportSize({ width: 1280, height: 720 });
    expect(await clippedText(display)).toEqual([]);

    // A lost connection shows a banner; the page recovers the state by itself.
    await server.stop();
    await display.getByRole('alert').getByText('连接已断开', { exact: false }).waitFor(WAIT);
    server = await startHallServer({ dataDir: server.dataDir, port: server.port, env: server.env });
    await display.getByRole('alert').waitFor({ state: 'detached', timeout: 60_000 });
    expect(await figure('satisfied')).toBe(String(counts.satisfied));
    await console.close();
    await display.close();
  }, 240_000);
});
