import { rmSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clippedText, launchChromium, screenshot } from '../support/browser';
import { ensureConsolesBuilt } from '../support/consoles';
import { api, login as apiLogin, startDemoHall, type HallServer } from '../support/hall-server';

/**
 * Issue 14 in Debian's Chromium against a real `npm start` demo hall: the departments of one
 * report as a series counted on paper. The secretariat creates the series and enters each
 * subject's counts by hand; the chair (another login) confirms them, closes, announces and
 * advances with 下一项; the printable summary gives each rate with its exact counts. Then a
 * keypad vote abandoned with a reason and retaken by show of hands (`retakeOf`).
 */
const TOKEN = 'series-browser-operator-token';
let server: HallServer;
let browser: Browser;
let present: number;
const WAIT = { timeout: 30_000 };

beforeAll(async () => {
  ensureConsolesBuilt();
  ({ server } = await startDemoHall(TOKEN, 'hall-series-'));
  await api(server, 'POST', '/api/sessions', TOKEN, { title: '第二十六次常委会会议' });
  await api(server, 'POST', '/api/sessions/current/items', TOKEN, {
    title: '关于优化营商环境工作情况的报告',
    organ: '省人民政府',
  });
  // Every member present (marked by hand, with the reason): the quorum is met.
  const roster = await api<{ entries: { memberId: string; role: string }[] }>(
    server,
    'GET',
    '/api/roster',
    TOKEN,
  );
  const members = roster.body.entries.filter((e) => e.role === 'member');
  for (const m of members) {
    const r = await api(server, 'POST', '/api/attendance/mark', TOKEN, {
      memberId: m.memberId,
      present: true,
      reason: '脚本签到',
    });
    expect(r.status, m.memberId).toBe(200);
  }
  present = members.length;
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (server) rmSync(server.dataDir, { recursive: true, force: true });
});

async function login(page: Page, username: string, password: string) {
  await page.goto(`${server.url}/`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}
const go = (page: Page, name: string) =>
  page.getByRole('navigation').getByRole('button', { name, exact: true }).click();

/** The secretariat enters the counts of the open vote on its page. */
async function enterCounts(sec: Page, counts: [string, number][], invalid: number) {
  await go(sec, '工作机构');
  const panel = sec.getByTestId('hand-counts');
  await panel.waitFor(WAIT);
  for (const [label, n] of counts) await panel.getByLabel(label, { exact: true }).fill(String(n));
  await panel.getByLabel('无效票', { exact: true }).fill(String(invalid));
  await panel.getByRole('button', { name: '录入票数' }).click();
  await panel.getByTestId('hand-counts-entered-by').getByText('录入人 secretariat').waitFor(WAIT);
}

describe('series of departments counted on paper, in Chromium', () => {
  it('creates, counts by hand with two logins, advances and prints the summary', async () => {
    const sec = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    const chair = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await login(sec, 'secretariat', 'secretariat-demo');
    await login(chair, 'chair', 'chair-demo');

    // The secretariat creates the series: two departments of the report, on paper.
    await go(sec, '连续测评');
    const form = sec.getByRole('form', { name: '新建连续测评' });
    await form.getByLabel('名称').fill('营商环境报告分部门测评');
    await form.getByLabel('分部门测评').check();
    await form.getByLabel('纸质票').check();
    await form.getByLabel('测评对象（每行一个）').fill('省发展改革委\n省市场监管局\n');
    await form.getByRole('button', { name: '新建连续测评' }).click();
    await sec.getByTestId('series-message').getByText('已创建连续测评').waitFor(WAIT);

    // The chair opens the first subject with 下一项, on the series page.
    await go(chair, '连续测评');
    await chair.getByRole('button', { name: '下一项' }).click();
    await chair.getByText('测评中').first().waitFor(WAIT);
    await go(chair, '主持人');
    expect(await chair.getByTestId('series-subject').textContent()).toBe(
      '第 1 / 2 项：省发展改革委',
    );
    expect(await chair.getByTestId('vote-method').textContent()).toBe('方式：纸质票');
    await chair.getByTestId('close-waits').waitFor(WAIT);
    expect(await chair.getByRole('button', { name: '结束测评' }).count()).toBe(0);

    // The secretariat enters the counts; the chair sees them and confirms.
    await enterCounts(
      sec,
      [
        ['满意', present - 3],
        ['基本满意', 1],
        ['不满意', 1],
      ],
      1,
    );
    const counts = chair.getByTestId('hand-counts');
    await counts
      .getByTestId('hand-count-satisfied')
      .getByText(String(present - 3))
      .waitFor(WAIT);
    await screenshot(chair, 'series-chair-hand-counts');
    await counts.getByRole('button', { name: '确认' }).click();
    await counts.getByTestId('hand-counts-confirmed').waitFor(WAIT);
    await chair.getByRole('button', { name: '结束测评' }).click();
    await chair.getByTestId('outcome').waitFor(WAIT);
    await chair.getByRole('button', { name: '当场公布' }).click();

    // 下一项 on the chair's page opens the second department.
    await chair.getByRole('button', { name: '下一项' }).click();
    await chair.getByTestId('series-subject').getByText('第 2 / 2 项：省市场监管局').waitFor(WAIT);
    await enterCounts(
      sec,
      [
        ['满意', 10],
        ['基本满意', 5],
        ['不满意', present - 16],
      ],
      1,
    );
    await chair.getByTestId('hand-counts').getByRole('button', { name: '确认' }).click();
    await chair.getByRole('button', { name: '结束测评' }).click();
    await chair.getByRole('button', { name: '当场公布' }).click();
    await chair.getByText('全部对象已测评').waitFor(WAIT);

    // The summary: each subject's outcome and shares with exact counts; printable.
    await go(sec, '连续测评');
    await sec.getByRole('button', { name: '汇总' }).click();
    const summary = sec.getByTestId('series-summary');
    await summary.waitFor(WAIT);
    expect(await summary.getByTestId('summary-method').textContent()).toBe('方式：纸质票');
    expect(await summary.getByTestId('summary-subject-1').textContent()).toContain(
      `满意 ${present - 3} / ${present} = `,
    );
    expect(await summary.getByTestId('summary-subject-2').textContent()).toContain(
      `满意 10 / ${present} = `,
    );
    expect(await summary.textContent()).toContain('省人民政府');
    expect(await summary.locator('li').first().textContent()).toMatch(/ \d+ \/ 2 = \d+%$/);
    await sec.emulateMedia({ media: 'print' });
    expect(await sec.getByRole('navigation').isVisible()).toBe(false);
    expect(await summary.getByRole('button', { name: '打印' }).isVisible()).toBe(false);
    await screenshot(sec, 'series-summary-print');
    await sec.emulateMedia({ media: 'screen' });
    expect(await clippedText(sec)).toEqual([]);
    await sec.close();
    await chair.close();
  }, 240_000);

  it('abandons a keypad vote with a reason and retakes it by show of hands', async () => {
    const chair = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await login(chair, 'chair', 'chair-demo');
    await chair.getByRole('button', { name: '开始测评' }).waitFor(WAIT);
    await chair.getByRole('button', { name: '开始测评' }).click();
    await chair.getByTestId('vote-state').getByText('测评进行中').waitFor(WAIT);
    expect(await chair.getByTestId('vote-method').textContent()).toBe('方式：表决器');

    await chair.getByRole('button', { name: '放弃本项测评' }).click();
    const dialog = chair.getByRole('dialog', { name: '放弃本项测评' });
    expect(await dialog.getByRole('button', { name: '确认放弃' }).isDisabled()).toBe(true);
    await dialog.getByLabel('放弃理由（必填）').fill('表决器故障，部分席位无法按键');
    await dialog.getByRole('button', { name: '确认放弃' }).click();
    const retake = chair.getByTestId('retake');
    await retake.waitFor(WAIT);
    const abandoned = await api<{ voteId: number; state: string }>(
      server,
      'GET',
      '/api/votes/latest',
      TOKEN,
    );
    expect(abandoned.body.state).toBe('abandoned');

    await retake.getByLabel('举手').check();
    await retake.getByRole('button', { name: '改为人工计票重新测评' }).click();
    await chair.getByTestId('vote-method').getByText('方式：举手').waitFor(WAIT);
    const latest = await api<{ voteId: number; method: string }>(
      server,
      'GET',
      '/api/votes/latest',
      TOKEN,
    );
    expect(latest.body.voteId).toBeGreaterThan(abandoned.body.voteId);
    expect(latest.body.method).toBe('hands');

    // Counted by hand by the secretariat (its own login), confirmed by the chair, sealed.
    const secretariat = await apiLogin(server, 'secretariat', 'secretariat-demo');
    const entered = await api(server, 'POST', '/api/votes/latest/counts', secretariat, {
      counts: { satisfied: present, 'basically-satisfied': 0, unsatisfied: 0 },
      invalid: 0,
    });
    expect(entered.status).toBe(200);
    await chair.getByTestId('hand-counts').getByRole('button', { name: '确认' }).click();
    await chair.getByRole('button', { name: '结束测评' }).click();
    await chair.getByRole('button', { name: '当场公布' }).click();
    await chair.getByRole('button', { name: '当场公布' }).waitFor({ state: 'detached', ...WAIT });
    const records = await api<{ records: { method?: string; retakes?: { voteId: number } }[] }>(
      server,
      'GET',
      '/api/records',
      TOKEN,
    );
    const sealed = records.body.records.filter((r) => r.retakes);
    expect(sealed).toEqual([
      expect.objectContaining({
        method: 'hands',
        retakes: expect.objectContaining({ voteId: abandoned.body.voteId }),
      }),
    ]);
    await chair.close();
  }, 180_000);
});
