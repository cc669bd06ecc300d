import { rmSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clippedText, launchChromium, lowContrast, screenshot } from '../support/browser';
import { ensureConsolesBuilt } from '../support/consoles';
import { startDemoHall, type HallServer } from '../support/hall-server';

/**
 * Console users in Debian's Chromium (issue 12 "Accounts") against a real `npm start` demo hall:
 * the secretariat opens 用户管理, adds a user and sees the initial password once, the user logs
 * in with it, the secretariat disables the user (after a confirmation) and the login ends; the
 * secretariat changes their own password from the header.
 */
const TOKEN = 'users-browser-operator-token';
let server: HallServer;
let browser: Browser;
const WAIT = { timeout: 30_000 };

beforeAll(async () => {
  ensureConsolesBuilt();
  ({ server } = await startDemoHall(TOKEN, 'hall-users-'));
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (server) rmSync(server.dataDir, { recursive: true, force: true });
});

const loginCall = (username: string, password: string) =>
  fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });

async function logIn(page: Page, username: string, password: string) {
  await page.goto(`${server.url}/`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

describe('users page in Chromium', () => {
  it('adds a user, shows the initial password once, and disables the user', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await logIn(page, 'secretariat', 'secretariat-demo');
    await page.getByRole('button', { name: '用户管理' }).click();
    const chairRow = page.getByTestId('user-chair');
    await chairRow.waitFor(WAIT);
    expect(await chairRow.getByRole('combobox').inputValue()).toBe('chair');
    expect(await chairRow.textContent()).toContain('已启用');

    // Add a technician: the initial password is shown once, in a dialog.
    const add = page.getByRole('region', { name: '添加用户' });
    await add.getByLabel('用户名').fill('zhang.wei');
    await add.getByLabel('角色').selectOption('technician');
    await add.getByRole('button', { name: '添加用户' }).click();
    const dialog = page.getByRole('dialog', { name: '初始密码' });
    await dialog.waitFor(WAIT);
    const password = (await dialog.getByTestId('initial-password').textContent())!.trim();
    expect(password.length).toBeGreaterThanOrEqual(10);
    expect(await dialog.textContent()).toMatch(/只显示这一次.*首次登录时必须修改/);
    expect(await dialog.textContent()).toContain('zhang.wei（技术人员）');
    await screenshot(page, 'users-initial-password');
    expect(await clippedText(page)).toEqual([]);
    expect(await lowContrast(page)).toEqual([]);
    await dialog.getByRole('button', { name: '关闭' }).click();
    await dialog.waitFor({ state: 'detached', ...WAIT });
    expect(await page.locator('body').textContent()).not.toContain(password);

    // The new user is on the list, on an initial password; they log in with it.
    const row = page.getByTestId('user-zhang.wei');
    await row.waitFor(WAIT);
    expect(await row.getByRole('combobox').inputValue()).toBe('technician');
    expect(await row.textContent()).toContain('尚未修改');
    const first = await loginCall('zhang.wei', password);
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ role: 'technician', mustChangePassword: true });

    // Disable: asked first (it logs the user out everywhere); cancel changes nothing.
    await row.getByRole('button', { name: '停用' }).click();
    const confirm = page.getByRole('dialog', { name: '确定' });
    await confirm.waitFor(WAIT);
    expect(await confirm.textContent()).toContain('停用用户 zhang.wei？');
    expect(await confirm.textContent()).toContain('所有位置立即退出登录');
    await confirm.getByRole('button', { name: '取消' }).click();
    expect(await row.textContent()).toContain('已启用');
    expect(await row.textContent()).not.toContain('已停用');
    await row.getByRole('button', { name: '停用' }).click();
    await confirm.getByRole('button', { name: '确定' }).click();
    await row.getByText('已停用').waitFor(WAIT);
    await row.getByRole('button', { name: '启用' }).waitFor(WAIT);
    expect(await page.getByTestId('users-message').textContent()).toBe('已更新用户 zhang.wei');
    await screenshot(page, 'users-disabled');
    expect((await loginCall('zhang.wei', password)).status).toBe(401);

    // A refusal is shown by the server's message: the name is taken.
    await add.getByLabel('用户名').fill('zhang.wei');
    await add.getByRole('button', { name: '添加用户' }).click();
    const refusal = page.getByRole('alert');
    await refusal.waitFor(WAIT);
    expect(await refusal.textContent()).toMatch(/\p{Script=Han}.* \/ .+/u);
    await page.close();
  });

  it('lets a logged-in user change their own password from the header', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await logIn(page, 'secretariat', 'secretariat-demo');
    await page.getByRole('button', { name: '修改密码' }).click();
    const dialog = page.getByRole('dialog', { name: '修改密码' });
    await dialog.waitFor(WAIT);
    await dialog.getByLabel('原密码').fill('secretariat-demo');
    await dialog.getByLabel('新密码（至少 10 个字符）').fill('a-new-secretariat-password');
    await dialog.getByLabel('再次输入新密码').fill('a-new-secretariat-password');
    await dialog.getByRole('button', { name: '修改密码' }).click();
    await page.getByText('密码已修改').waitFor(WAIT);
    expect((await loginCall('secretariat', 'secretariat-demo')).status).toBe(401);
    expect((await loginCall('secretariat', 'a-new-secretariat-password')).status).toBe(200);
    await page.close();
  });
});
