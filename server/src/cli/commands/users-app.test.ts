import { describe, expect, it } from 'vitest';
import { OPERATOR_TOKEN } from '../../../test-support/app-fixture';
import { listeningApp } from '../../../test-support/listening-app';
import type { CliIo } from '../io';
import { runHall } from '../run';

/** The `user …` commands against the real app (its user routes), with the operator token. */
const live = listeningApp();

async function hall(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    env: { HALL_OPERATOR_TOKEN: OPERATOR_TOKEN },
    cwd: process.cwd(),
  };
  const code = await runHall([...argv, '--server', live.base], io);
  return { code, stdout, stderr };
}

const login = (username: string, password: string) =>
  live.f.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
  });

describe('hall user against the real server', () => {
  it('adds, lists, changes the role of, disables, enables and resets a user', async () => {
    const added = await hall(['user', 'add', 'zhao.li', '--role', 'technician', '--json']);
    expect(added).toMatchObject({ code: 0, stderr: '' });
    const made = JSON.parse(added.stdout) as { initialPassword: string };
    expect(JSON.parse(added.stdout)).toMatchObject({ username: 'zhao.li', role: 'technician' });
    const first = await login('zhao.li', made.initialPassword);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ role: 'technician', mustChangePassword: true });

    const list = await hall(['user', 'list', '--json']);
    expect(list.code).toBe(0);
    const { users } = JSON.parse(list.stdout) as { users: { username: string }[] };
    expect(users.find((u) => u.username === 'zhao.li')).toEqual({
      username: 'zhao.li',
      role: 'technician',
      disabled: false,
      mustChangePassword: true,
      sessions: 1,
    });
    expect(users.map((u) => u.username)).toEqual(
      expect.arrayContaining(['chair', 'secretariat', 'technician']),
    );

    const role = await hall(['user', 'role', 'zhao.li', '--role', 'chair', '--json']);
    expect(role.code).toBe(0);
    expect(JSON.parse(role.stdout)).toMatchObject({ role: 'chair', sessions: 0 });

    const off = await hall(['user', 'disable', 'zhao.li', '--json']);
    expect(off.code).toBe(0);
    expect(JSON.parse(off.stdout)).toMatchObject({ disabled: true });
    expect((await login('zhao.li', made.initialPassword)).statusCode).toBe(401);
    const on = await hall(['user', 'enable', 'zhao.li']);
    expect(on).toMatchObject({ code: 0, stderr: '' });
    expect((await login('zhao.li', made.initialPassword)).statusCode).toBe(200);

    const reset = await hall(['user', 'reset-password', 'zhao.li', '--json']);
    expect(reset.code).toBe(0);
    const again = JSON.parse(reset.stdout) as { initialPassword: string };
    expect(again.initialPassword).not.toBe(made.initialPassword);
    expect((await login('zhao.li', made.initialPassword)).statusCode).toBe(401);
    expect((await login('zhao.li', again.initialPassword)).statusCode).toBe(200);
  });

  it('passes the server’s refusals on as one line, exit 1', async () => {
    const dup = await hall(['user', 'add', 'chair', '--role', 'chair', '--json']);
    expect(dup.code).toBe(1);
    expect(dup.stdout).toBe('');
    expect(dup.stderr).toMatch(/^hall user add: 服务器拒绝：.+ \/ the server refused: .+\n$/);
    const none = await hall(['user', 'disable', 'nobody']);
    expect(none.code).toBe(1);
    expect(none.stdout).toBe('');
    expect(none.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});
