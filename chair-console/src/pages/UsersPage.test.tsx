// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { User } from '@hall/shared';
import { renderIn } from '../test-utils';
import { UsersPage } from './UsersPage';
import { ConsoleApp } from './ConsoleApp';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  sessionStorage.clear();
});

const user = (over: Partial<User>): User => ({
  username: 'chair',
  role: 'chair',
  disabled: false,
  mustChangePassword: false,
  sessions: 1,
  ...over,
});

/** The users API of shared/src/api/user-schemas.ts over an in-memory list; every call recorded. */
function fakeUsersApi(users: User[]) {
  const calls: { method: string; url: string; body: unknown }[] = [];
  const json = (status: number, body: unknown) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  const fetch = vi.fn(async (url: string, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    const body: unknown = init?.body ? JSON.parse(init.body as string) : undefined;
    calls.push({ method, url, body });
    if (url === '/api/users' && method === 'GET') return json(200, { users });
    if (url === '/api/auth/password') return json(200, { ok: true });
    if (url === '/api/users' && method === 'POST') {
      const { username, role } = body as User;
      if (users.some((u) => u.username === username)) {
        return json(409, {
          statusCode: 409,
          error: 'Conflict',
          code: 'USER_EXISTS',
          message: `用户 ${username} 已存在 / user ${username} already exists`,
        });
      }
      users.push(user({ username, role, mustChangePassword: true, sessions: 0 }));
      return json(201, { username, role, initialPassword: 'first-pass-123' });
    }
    const m = /^\/api\/users\/([^/]+)(\/reset-password)?$/.exec(url);
    const u = m && users.find((x) => x.username === decodeURIComponent(m[1]!));
    if (u && m[2] && method === 'POST') {
      Object.assign(u, { mustChangePassword: true, sessions: 0 });
      return json(200, { username: u.username, role: u.role, initialPassword: 'reset-pass-456' });
    }
    if (u && method === 'PATCH') {
      Object.assign(u, body, { sessions: 0 });
      return json(200, u);
    }
    return json(404, { statusCode: 404, code: 'NOT_FOUND', message: '未找到 / not found' });
  });
  vi.stubGlobal('fetch', fetch);
  return calls;
}

describe('UsersPage', () => {
  it('lists the users with their role in Chinese, state, initial password and sessions', async () => {
    fakeUsersApi([
      user({}),
      user({ username: 'wang', role: 'technician', disabled: true, mustChangePassword: true }),
    ]);
    renderIn(<UsersPage token="t" />);
    const wang = within(await screen.findByTestId('user-wang'));
    expect((wang.getByLabelText('更改角色 wang') as HTMLSelectElement).value).toBe('technician');
    expect(wang.getByRole('option', { name: '技术人员', selected: true })).toBeTruthy();
    expect(wang.getByText('已停用')).toBeTruthy();
    expect(wang.getByText('尚未修改')).toBeTruthy();
    expect(wang.getByRole('button', { name: '启用' })).toBeTruthy();
    const chair = within(screen.getByTestId('user-chair'));
    expect(chair.getByText('已修改')).toBeTruthy();
    expect(chair.getByText('已启用')).toBeTruthy();
    expect(chair.getByText('1')).toBeTruthy();
  });

  it('adds a user and shows the initial password once, with a copy button', async () => {
    const calls = fakeUsersApi([user({})]);
    const ui = userEvent.setup(); // with its own stand-in for the clipboard
    renderIn(<UsersPage token="t" />);
    await screen.findByTestId('user-chair');
    await ui.type(screen.getByLabelText(/^用户名/), 'li.si');
    await ui.selectOptions(screen.getByLabelText('角色'), 'secretariat');
    await ui.click(screen.getByRole('button', { name: '添加用户' }));
    const dialog = within(await screen.findByRole('dialog', { name: '初始密码' }));
    expect(dialog.getByTestId('initial-password').textContent).toBe('first-pass-123');
    expect(dialog.getByText(/只显示这一次.*首次登录时必须修改/)).toBeTruthy();
    expect(dialog.getByText('用户 li.si（工作机构）的初始密码：')).toBeTruthy();
    await ui.click(dialog.getByRole('button', { name: '复制' }));
    expect(await navigator.clipboard.readText()).toBe('first-pass-123');
    expect(dialog.getByRole('status').textContent).toBe('已复制');
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      username: 'li.si',
      role: 'secretariat',
    });
    await ui.click(dialog.getByRole('button', { name: '关闭' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.queryByText('first-pass-123')).toBeNull();
    expect(within(await screen.findByTestId('user-li.si')).getByText('尚未修改')).toBeTruthy();
  });

  it('shows a refusal by the server’s message, and a bad name before asking', async () => {
    const calls = fakeUsersApi([user({})]);
    const ui = userEvent.setup();
    renderIn(<UsersPage token="t" />);
    await screen.findByTestId('user-chair');
    await ui.type(screen.getByLabelText(/^用户名/), 'chair');
    await ui.click(screen.getByRole('button', { name: '添加用户' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      '用户 chair 已存在 / user chair already exists',
    );
    await ui.clear(screen.getByLabelText(/^用户名/));
    await ui.type(screen.getByLabelText(/^用户名/), 'Bad Name');
    await ui.click(screen.getByRole('button', { name: '添加用户' }));
    expect(screen.getByRole('alert').textContent).toMatch(/^用户名：小写字母/);
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1);
  });

  it('asks before a role change, a disable or a reset, and sends only what was confirmed', async () => {
    const calls = fakeUsersApi([user({ sessions: 2 })]);
    const ui = userEvent.setup();
    renderIn(<UsersPage token="t" />);
    const row = within(await screen.findByTestId('user-chair'));

    await ui.selectOptions(row.getByLabelText('更改角色 chair'), 'technician');
    let dialog = within(screen.getByRole('dialog', { name: '确定' }));
    expect(dialog.getByText('将用户 chair 的角色改为“技术人员”？')).toBeTruthy();
    expect(dialog.getByText('该用户将在所有位置立即退出登录。')).toBeTruthy();
    await ui.click(dialog.getByRole('button', { name: '取消' }));
    expect(calls.some((c) => c.method === 'PATCH')).toBe(false);
    expect((row.getByLabelText('更改角色 chair') as HTMLSelectElement).value).toBe('chair');

    await ui.selectOptions(row.getByLabelText('更改角色 chair'), 'technician');
    await ui.click(screen.getByRole('button', { name: '确定' }));
    expect(calls.find((c) => c.method === 'PATCH')).toEqual({
      method: 'PATCH',
      url: '/api/users/chair',
      body: { role: 'technician' },
    });
    expect((await screen.findByRole('status')).textContent).toBe('已更新用户 chair');

    await ui.click(row.getByRole('button', { name: '停用' }));
    dialog = within(screen.getByRole('dialog'));
    expect(dialog.getByText('停用用户 chair？')).toBeTruthy();
    await ui.click(dialog.getByRole('button', { name: '确定' }));
    expect(calls.at(-2)?.body).toEqual({ disabled: true });
    await within(await screen.findByTestId('user-chair')).findByText('已停用');

    await ui.click(screen.getByRole('button', { name: '启用' }));
    expect(calls.at(-2)?.body).toEqual({ disabled: false });

    await ui.click(screen.getByRole('button', { name: '重置密码' }));
    await ui.click(within(screen.getByRole('dialog')).getByRole('button', { name: '确定' }));
    const shown = await screen.findByRole('dialog', { name: '初始密码' });
    expect(within(shown).getByTestId('initial-password').textContent).toBe('reset-pass-456');
    expect(calls.some((c) => c.url === '/api/users/chair/reset-password')).toBe(true);
  });
});

describe('the console header', () => {
  it('gives the secretariat the users page and every user a password change', async () => {
    sessionStorage.setItem('hall.auth', JSON.stringify({ token: 't', role: 'secretariat' }));
    const calls = fakeUsersApi([user({})]);
    const ui = userEvent.setup();
    renderIn(<ConsoleApp />);
    await ui.click(screen.getByRole('button', { name: '用户管理' }));
    await screen.findByTestId('user-chair');

    await ui.click(screen.getByRole('button', { name: '修改密码' }));
    const dialog = within(screen.getByRole('dialog', { name: '修改密码' }));
    await ui.type(dialog.getByLabelText('原密码'), 'old-password-1');
    await ui.type(dialog.getByLabelText('新密码（至少 10 个字符）'), 'new-password-2');
    await ui.type(dialog.getByLabelText('再次输入新密码'), 'new-password-3');
    await ui.click(dialog.getByRole('button', { name: '修改密码' }));
    expect(dialog.getByRole('alert').textContent).toBe('两次输入的新密码不一致');
    expect(calls.some((c) => c.url === '/api/auth/password')).toBe(false);
    await ui.clear(dialog.getByLabelText('再次输入新密码'));
    await ui.type(dialog.getByLabelText('再次输入新密码'), 'new-password-2');
    await ui.click(dialog.getByRole('button', { name: '修改密码' }));
    expect((await screen.findByText('密码已修改')).getAttribute('role')).toBe('status');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(calls.find((c) => c.url === '/api/auth/password')?.body).toEqual({
      oldPassword: 'old-password-1',
      newPassword: 'new-password-2',
    });
  });

  it('gives the chair no users page', () => {
    sessionStorage.setItem('hall.auth', JSON.stringify({ token: 't', role: 'chair' }));
    fakeUsersApi([]);
    renderIn(<ConsoleApp />);
    expect(screen.queryByRole('button', { name: '用户管理' })).toBeNull();
    expect(screen.getByRole('button', { name: '修改密码' })).toBeTruthy();
  });
});
