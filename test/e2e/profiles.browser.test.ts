import { rmSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Profile, ProfileLibraryEntry } from '@hall/shared';
import { clippedText, launchChromium, screenshot } from '../support/browser';
import { ensureConsolesBuilt } from '../support/consoles';
import { api, startDemoHall, type HallServer } from '../support/hall-server';

/**
 * Issue 14 "Profiles as documents" in Debian's Chromium against a real `npm start` demo hall:
 * the secretariat copies anhui-2013, changes its 半数 to 三分之二, reads the rule back from the
 * hall server, tries sample counts and saves it as version 1; then edits it (达到 → 超过) and saves
 * version 2, while version 1 stays in the library exactly as it was.
 */
const TOKEN = 'profiles-browser-operator-token';
const WAIT = { timeout: 30_000 };
let server: HallServer;
let browser: Browser;

beforeAll(async () => {
  ensureConsolesBuilt();
  ({ server } = await startDemoHall(TOKEN, 'hall-profiles-'));
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (server) rmSync(server.dataDir, { recursive: true, force: true });
});

async function setNumber(page: Page, label: string, value: string) {
  await page.getByLabel(label, { exact: true }).fill(value);
}

/** 试算 with these sample numbers; the outcome the hall server decided. */
async function tryCounts(page: Page, numbers: Record<string, string>) {
  const panel = page.getByRole('region', { name: '试算' });
  for (const [label, value] of Object.entries(numbers)) {
    await panel.getByLabel(label, { exact: true }).fill(value);
  }
  const result = panel.getByTestId('try-result');
  const seq = (await result.count()) > 0 ? Number(await result.getAttribute('data-seq')) : 0;
  await panel.getByRole('button', { name: '试算' }).click();
  // The reply to this click: each result carries the number of replies so far.
  await panel.locator(`[data-testid="try-result"][data-seq="${seq + 1}"]`).waitFor(WAIT);
  return {
    outcome: (await panel.getByTestId('try-outcome').textContent())!.trim(),
    explanation: (await panel.getByTestId('try-explanation').textContent())!.trim(),
  };
}

describe('profile editor in Chromium', () => {
  it('copies a built-in, saves version 1, edits it into version 2 and keeps version 1', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(`${server.url}/`);
    await page.getByLabel('用户名').fill('secretariat');
    await page.getByLabel('密码').fill('secretariat-demo');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('navigation').getByRole('button', { name: '测评办法' }).click();

    // The built-in profile: 内置, copied (never edited).
    const anhui = page.getByTestId('profile-anhui-2013-v1');
    await anhui.waitFor(WAIT);
    expect(await anhui.textContent()).toContain('内置');
    expect(await anhui.getByRole('button', { name: /^编辑/ }).count()).toBe(0);
    expect(await anhui.textContent()).toContain('满意票达到全体组成人员的半数（含半数）为满意');
    await anhui.getByRole('button', { name: /^复制/ }).click();
    const editor = page.getByRole('region', { name: '复制为新办法 anhui-2013-copy' });
    await editor.waitFor(WAIT);

    // 1/2 → 2/3 on the first rung: the hall server reads the new rule back.
    await setNumber(page, '第 1 级 条件 1 分子', '2');
    await setNumber(page, '第 1 级 条件 1 分母', '3');
    const readBack = page.getByTestId('profile-readback');
    await readBack
      .getByText('满意票达到全体组成人员的三分之二（含三分之二）为满意', { exact: true })
      .waitFor(WAIT);
    await page.getByTestId('readback-source').getByText('会场服务器核对').waitFor(WAIT);
    expect(await readBack.textContent()).toContain(
      '满意票与基本满意票之和达到全体组成人员的半数（含半数）为基本满意',
    );

    // 试算: 40 of 60 reaches two thirds (inclusive); 39 does not.
    const base = { 全体组成人员: '60', 实到: '58', 基本满意票: '10', 不满意票: '5', 无效票: '0' };
    expect((await tryCounts(page, { ...base, 满意票: '40' })).outcome).toBe('满意');
    const below = await tryCounts(page, { ...base, 满意票: '39' });
    expect(below.outcome).toBe('基本满意');
    expect(below.explanation).toMatch(/39/);
    await screenshot(page, 'profiles-editor-copy');
    expect(await clippedText(page)).toEqual([]);

    await page.getByRole('button', { name: '保存' }).click();
    await page
      .getByTestId('profiles-message')
      .getByText('已保存 anhui-2013-copy 第 1 版')
      .waitFor(WAIT);
    const v1 = page.getByTestId('profile-anhui-2013-copy-v1');
    await v1.waitFor(WAIT);
    expect(await v1.textContent()).toContain('最新');
    expect(await v1.textContent()).toContain('三分之二（含三分之二）');

    // 编辑: the next version; the id stays.
    await v1.getByRole('button', { name: /^编辑/ }).click();
    const edit = page.getByRole('region', { name: /^编辑 anhui-2013-copy：保存为第 2 版/ });
    await edit.waitFor(WAIT);
    expect(await edit.getByLabel(/^办法编号/).getAttribute('readonly')).not.toBeNull();
    await page.getByLabel(/^第 1 级 条件 1 比较/).selectOption('more-than');
    await readBack
      .getByText('满意票超过全体组成人员的三分之二（不含三分之二）为满意', { exact: true })
      .waitFor(WAIT);
    // At exactly two thirds the strict rule no longer says 满意.
    expect((await tryCounts(page, { ...base, 满意票: '40' })).outcome).toBe('基本满意');
    await page.getByRole('button', { name: '保存' }).click();
    await page
      .getByTestId('profiles-message')
      .getByText('已保存 anhui-2013-copy 第 2 版')
      .waitFor(WAIT);
    const v2 = page.getByTestId('profile-anhui-2013-copy-v2');
    await v2.waitFor(WAIT);
    expect(await v2.textContent()).toContain('最新');
    expect(await v2.textContent()).toContain('超过全体组成人员的三分之二（不含三分之二）');
    expect(await v1.textContent()).not.toContain('最新');
    expect(await v1.textContent()).toContain('达到全体组成人员的三分之二（含三分之二）');
    expect(await v1.getByRole('button', { name: /^编辑/ }).count()).toBe(0);
    await screenshot(page, 'profiles-library-versions');

    // The hall keeps both versions; version 1 is exactly what was saved first.
    const library = await api<ProfileLibraryEntry[]>(server, 'GET', '/api/profiles/library', TOKEN);
    expect(library.status).toBe(200);
    const versions = library.body.filter((e) => e.id === 'anhui-2013-copy');
    expect(versions.map((e) => [e.version, e.latest, e.builtIn])).toEqual(
      expect.arrayContaining([
        [1, false, false],
        [2, true, false],
      ]),
    );
    const cond = (p: Profile) => p.ladder[0]!.when![0]!;
    const first = versions.find((e) => e.version === 1)!.profile;
    const second = versions.find((e) => e.version === 2)!.profile;
    expect(cond(first)).toMatchObject({ comparison: 'at-least', fraction: { num: 2, den: 3 } });
    expect(cond(second)).toMatchObject({ comparison: 'more-than', fraction: { num: 2, den: 3 } });
    expect(first.ladder.slice(1)).toEqual(second.ladder.slice(1));
    await page.close();
  });
});
