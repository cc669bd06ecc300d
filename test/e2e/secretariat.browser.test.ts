import { rmSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clippedText, launchChromium, lowContrast, screenshot } from '../support/browser';
import { ensureConsolesBuilt } from '../support/consoles';
import { api, startDemoHall, type HallServer } from '../support/hall-server';

/**
 * Issue 13, the secretariat's console pages in Debian's Chromium against a real `npm start` demo
 * hall: a manual attendance mark with its reason, a vote run and announced by the operator's
 * token, a re-report scheduled and a correction proposed from the follow-up page, confirmed by
 * the chair from the chair console; the follow-up table readable at 1366×768.
 */
const TOKEN = 'secretariat-browser-operator-token';
let server: HallServer;
let browser: Browser;
let tech: string;
let memberSeats: string[];
const WAIT = { timeout: 30_000 };

beforeAll(async () => {
  ensureConsolesBuilt();
  ({ server, tech, memberSeats } = await startDemoHall(TOKEN, 'hall-secretariat-'));
  await api(server, 'POST', '/api/sessions', TOKEN, { title: '第二十四次常委会会议' });
  await api(server, 'POST', '/api/sessions/current/items', TOKEN, {
    title: '关于2025年度全省法院执行工作及切实解决执行难问题情况的报告',
    organ: '省高级人民法院、省人民检察院',
  });
  browser = await launchChromium();
}, 120_000);

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

/** Each header cell of the follow-up table renders on one line (its height ≈ one line). */
async function expectHeadersOnOneLine(page: Page) {
  const table = page.getByTestId('followup-table');
  await table.waitFor(WAIT);
  const heads = await table.locator('th').evaluateAll((ths) =>
    ths.map((th) => {
      const style = getComputedStyle(th);
      const line = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.4;
      const pad = parseFloat(style.paddingTop) + parseFloat(style.paddingBottom);
      return { text: th.textContent, height: th.getBoundingClientRect().height - pad, line };
    }),
  );
  expect(heads.length).toBe(7);
  for (const h of heads) expect(h.height, `${h.text}`).toBeLessThan(h.line * 1.5);
}

describe('the secretariat’s console pages in Chromium', () => {
  it('marks attendance with a reason, proposes a correction the chair confirms', async () => {
    const sec = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await login(sec, 'secretariat', 'secretariat-demo');
    await sec.getByRole('button', { name: '工作机构', exact: true }).click();
    const panel = sec.getByRole('region', { name: '人工签到' });
    await panel.locator('option[value="M001"]').waitFor({ state: 'attached', ...WAIT });
    await panel.getByLabel('人员').selectOption('M001');
    await panel.getByLabel('理由（必填）').fill('忘带代表证');
    await panel.getByRole('button', { name: '核对后确认' }).click();
    await panel.getByRole('button', { name: '确认标记' }).click();
    await sec.getByTestId('manual-attendance-message').waitFor(WAIT);
    expect(await sec.getByTestId('manual-attendance-message').textContent()).toContain(
      '已人工标记',
    );
    await sec.getByTestId('manual-mark-M001').waitFor(WAIT);
    expect(await sec.getByTestId('manual-mark-M001').textContent()).toContain('忘带代表证');
    await screenshot(sec, 'secretariat-manual-attendance-1366x768');
    const manual = await api<{ marks: { memberId: string; reason: string; markedBy: string }[] }>(
      server,
      'GET',
      '/api/attendance/manual',
      TOKEN,
    );
    expect(manual.body.marks).toEqual([
      expect.objectContaining({ memberId: 'M001', reason: '忘带代表证', markedBy: 'secretariat' }),
    ]);

    // The operator's token runs a vote: 35 present, 32 seats press 不满意; close and announce.
    for (let i = 2; i <= 35; i++) {
      const memberId = `M${String(i).padStart(3, '0')}`;
      const r = await api(server, 'POST', '/api/attendance/mark', TOKEN, {
        memberId,
        present: true,
        reason: '脚本',
      });
      expect(r.status).toBe(200);
    }
    const items = await api<{ items: { itemId: number }[] }>(
      server,
      'GET',
      '/api/sessions/current',
      TOKEN,
    );
    const opened = await api(server, 'POST', '/api/votes', TOKEN, {
      title: '关于2025年度全省法院执行工作及切实解决执行难问题情况的报告',
      profile: 'anhui-2013',
      itemId: items.body.items[0]!.itemId,
    });
    expect(opened.status).toBe(200);
    for (const seat of memberSeats.slice(0, 32)) {
      const r = await api<{ lamp: string }>(server, 'POST', '/api/demo/press', tech, {
        seat,
        keys: [3],
      });
      expect(r.body.lamp, seat).toBe('registered');
    }
    expect((await api(server, 'POST', '/api/votes/latest/close', TOKEN, {})).status).toBe(200);
    expect((await api(server, 'POST', '/api/votes/latest/announce', TOKEN, {})).status).toBe(200);
    // A later sitting, for the re-made report.
    await api(server, 'POST', '/api/sessions', TOKEN, { title: '第二十五次常委会会议' });

    // The follow-up page at 1366×768: headers on one line, nothing clipped.
    await sec.getByRole('button', { name: '跟踪督办', exact: true }).click();
    await expectHeadersOnOneLine(sec);
    expect(await clippedText(sec)).toEqual([]);
    expect(await lowContrast(sec)).toEqual([]);
    await screenshot(sec, 'secretariat-followups-1366x768');

    // Schedule the re-made report the outcome requires.
    const row = sec.getByTestId('followup-1:re-report');
    await row.getByRole('button', { name: '安排重作报告' }).click();
    await sec.getByRole('button', { name: '列入本次会议议程' }).click();
    await sec.getByTestId('rereport-done').waitFor(WAIT);
    const session = await api<{ items: { title: string }[] }>(
      server,
      'GET',
      '/api/sessions/current',
      TOKEN,
    );
    expect(session.body.items.map((i) => i.title)).toContain(
      '关于2025年度全省法院执行工作及切实解决执行难问题情况的报告（重作报告）',
    );

    // Propose a correction: the 32 ballots were 满意, entered as 不满意.
    await row.getByRole('button', { name: '提议更正' }).click();
    const form = sec.getByTestId('correction-form-1');
    await form.getByLabel('应到').waitFor(WAIT);
    expect(await form.getByLabel('应到').getAttribute('readonly')).not.toBeNull();
    // An impossible figure first: the server's bounded refusal is shown.
    await form.getByLabel(/^满意/).fill('40');
    await form.getByLabel('更正理由（必填）').fill('计票录入颠倒，经监票人复核');
    await form.getByRole('button', { name: '提交更正提议' }).click();
    await sec.getByTestId('correction-error').waitFor(WAIT);
    expect(await sec.getByTestId('correction-error').textContent()).toMatch(/ \/ /);
    await form.getByLabel(/^满意/).fill('32');
    await form.getByLabel(/^不满意/).fill('0');
    await form.getByRole('button', { name: '提交更正提议' }).click();
    await sec.getByTestId('correction-pending').waitFor(WAIT);
    expect(await sec.getByTestId('correction-pending').textContent()).toContain('待主持人确认');
    expect(await clippedText(sec)).toEqual([]);
    expect(await lowContrast(sec)).toEqual([]);
    await screenshot(sec, 'secretariat-correction-pending-1366x768');
    const pending = await api<{ proposals: { id: number; state: string }[] }>(
      server,
      'GET',
      '/api/corrections',
      TOKEN,
    );
    expect(pending.body.proposals).toEqual([expect.objectContaining({ state: 'pending' })]);

    // The chair confirms it from the chair console.
    const chair = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await login(chair, 'chair', 'chair-demo');
    const list = chair.getByRole('region', { name: '待确认的更正提议' });
    const item = list.getByTestId(`pending-correction-${pending.body.proposals[0]!.id}`);
    await item.waitFor(WAIT);
    expect(await item.textContent()).toContain('计票录入颠倒');
    await screenshot(chair, 'chair-pending-correction-1366x768');
    await item.getByRole('button', { name: '确认并签名' }).click();
    await chair.getByTestId('pending-corrections-message').waitFor(WAIT);
    expect(await chair.getByTestId('pending-corrections-message').textContent()).toContain(
      '更正已确认',
    );
    const records = await api<{ records: { seq: number; outcome: string; corrects: unknown }[] }>(
      server,
      'GET',
      '/api/records',
      TOKEN,
    );
    expect(records.body.records.map((r) => [r.seq, r.outcome])).toEqual([
      [1, 'unsatisfied'],
      [2, 'satisfied'],
    ]);
    // The follow-up page now also says what the correction changed: still one line per header.
    await sec.reload();
    await sec.getByRole('button', { name: '跟踪督办', exact: true }).click();
    await expectHeadersOnOneLine(sec);
    expect(await clippedText(sec)).toEqual([]);
    await screenshot(sec, 'secretariat-followups-corrected-1366x768');
    await sec.close();
    await chair.close();
  }, 180_000);
});
