// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderIn, serveJson } from '../test-utils';
import { LoginPage } from './LoginPage';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

async function logIn(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByLabelText('用户名'), 'chair');
  await user.type(screen.getByLabelText('密码'), 'initial-pass');
  await user.click(screen.getByRole('button', { name: '登录' }));
}

describe('LoginPage', () => {
  it('opens the console at once when no password change is due', async () => {
    serveJson({ '/api/auth/login': { token: 't1', role: 'chair', mustChangePassword: false } });
    const onLogin = vi.fn();
    renderIn(<LoginPage onLogin={onLogin} />);
    await logIn(userEvent.setup());
    expect(onLogin).toHaveBeenCalledWith({ token: 't1', role: 'chair', username: 'chair' });
  });

  it('asks for a new password first when the server says mustChangePassword', async () => {
    const fetch = serveJson({
      '/api/auth/login': { token: 't2', role: 'secretariat', mustChangePassword: true },
      '/api/auth/password': { ok: true },
    });
    const onLogin = vi.fn();
    const user = userEvent.setup();
    renderIn(<LoginPage onLogin={onLogin} />);
    await logIn(user);
    expect(onLogin).not.toHaveBeenCalled();
    expect(screen.getByText('首次登录：请先修改初始密码')).toBeTruthy();

    const next = screen.getByLabelText('新密码（至少 10 个字符）');
    const repeat = screen.getByLabelText('再次输入新密码');
    const button = screen.getByRole('button', { name: '修改密码' });
    await user.type(next, 'short');
    await user.type(repeat, 'short');
    await user.click(button);
    expect(screen.getByRole('alert').textContent).toBe('新密码至少 10 个字符');

    await user.clear(next);
    await user.clear(repeat);
    await user.type(next, 'a-good-new-password');
    await user.type(repeat, 'a-good-new-passwore');
    await user.click(button);
    expect(screen.getByRole('alert').textContent).toBe('两次输入的新密码不一致');

    await user.clear(repeat);
    await user.type(repeat, 'a-good-new-password');
    await user.click(button);
    expect(onLogin).toHaveBeenCalledWith({ token: 't2', role: 'secretariat', username: 'chair' });
    const call = fetch.mock.calls.find(([url]) => url === '/api/auth/password')!;
    expect(JSON.parse(call[1]!.body as string)).toEqual({
      oldPassword: 'initial-pass',
      newPassword: 'a-good-new-password',
    });
    expect((call[1]!.headers as Record<string, string>).authorization).toBe('Bearer t2');
  });

  it('shows the form in English too', async () => {
    serveJson({ '/api/auth/login': { token: 't3', role: 'chair', mustChangePassword: true } });
    const user = userEvent.setup();
    renderIn(<LoginPage onLogin={vi.fn()} />, 'en');
    await user.type(screen.getByLabelText('User name'), 'chair');
    await user.type(screen.getByLabelText('Password'), 'initial-pass');
    await user.click(screen.getByRole('button', { name: 'Log in' }));
    expect(screen.getByText('First login: change the initial password first')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Change password' })).toBeTruthy();
  });
});
