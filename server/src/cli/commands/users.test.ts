import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import type { CreateUserBody, UpdateUserBody, User } from '@hall/shared';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CliIo } from '../io';
import { runHall } from '../run';

/**
 * The `user …` commands against a stand-in of the secretariat's user routes, exactly as
 * shared/src/api/user-schemas.ts fixes them (the real routes are tested in user-routes tests).
 */
const TOKEN = 'cli-users-operator-token';
let stub: FastifyInstance;
let base = '';
let users: User[] = [];
const seen: { method: string; url: string; body: unknown }[] = [];

const refuse = (reply: FastifyReply, statusCode: number, code: string, message: string) =>
  reply.code(statusCode).send({ statusCode, error: 'Refused', code, message });

beforeAll(async () => {
  stub = Fastify();
  stub.addHook('onRequest', async (req, reply) => {
    seen.push({ method: req.method, url: req.url, body: undefined });
    if (req.headers.authorization !== `Bearer ${TOKEN}`) {
      return refuse(reply, 401, 'UNAUTHORIZED', '未登录 / not logged in');
    }
  });
  stub.addHook('preHandler', async (req) => {
    seen.at(-1)!.body = req.body;
  });
  stub.get('/api/users', async () => ({ users }));
  stub.post<{ Body: CreateUserBody }>('/api/users', async (req, reply) => {
    const { username, role } = req.body;
    if (users.some((u) => u.username === username)) {
      return refuse(reply, 409, 'USER_EXISTS', `用户 ${username} 已存在 / user ${username} exists`);
    }
    users.push({ username, role, disabled: false, mustChangePassword: true, sessions: 0 });
    return reply.code(201).send({ username, role, initialPassword: 'initial-secret-1' });
  });
  const find = (name: string) => users.find((u) => u.username === name);
  stub.patch<{ Params: { username: string }; Body: UpdateUserBody }>(
    '/api/users/:username',
    async (req, reply) => {
      const u = find(req.params.username);
      if (!u) return refuse(reply, 404, 'NO_USER', '没有该用户 / no such user');
      Object.assign(u, req.body, { sessions: 0 });
      return u;
    },
  );
  stub.post<{ Params: { username: string } }>(
    '/api/users/:username/reset-password',
    async (req, reply) => {
      const u = find(req.params.username);
      if (!u) return refuse(reply, 404, 'NO_USER', '没有该用户 / no such user');
      Object.assign(u, { mustChangePassword: true, sessions: 0 });
      return { username: u.username, role: u.role, initialPassword: 'reset-secret-2' };
    },
  );
  await stub.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(stub.server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await stub.close();
});

beforeEach(() => {
  users = [
    { username: 'chair', role: 'chair', disabled: false, mustChangePassword: false, sessions: 2 },
  ];
  seen.length = 0;
});

async function hall(argv: string[], env: Record<string, string> = { HALL_OPERATOR_TOKEN: TOKEN }) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    env,
    cwd: process.cwd(),
  };
  const code = await runHall([...argv, '--server', base], io);
  return { code, stdout, stderr };
}

describe('hall user (against the contract of the user routes)', () => {
  it('lists the users as one JSON document, and in Chinese first without --json', async () => {
    const json = await hall(['user', 'list', '--json']);
    expect(json).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(json.stdout)).toEqual({ users });
    const text = await hall(['user', 'list']);
    expect(text.stdout).toBe('chair  主持人  启用  密码已修改  会话 2\n');
  });

  it('adds a user and prints the initial password once', async () => {
    const r = await hall(['user', 'add', 'li.si', '--role', 'secretariat', '--json']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(r.stdout)).toEqual({
      username: 'li.si',
      role: 'secretariat',
      initialPassword: 'initial-secret-1',
    });
    expect(seen.at(-1)).toEqual({
      method: 'POST',
      url: '/api/users',
      body: { username: 'li.si', role: 'secretariat' },
    });
    const text = await hall(['user', 'add', 'wang', '--role', 'technician']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^已添加用户：wang（技术人员）/);
    expect(text.stdout.match(/initial-secret-1/g)).toHaveLength(1);
    expect(text.stdout).toContain('此密码只显示这一次，首次登录时必须修改');
  });

  it('changes a role, disables, enables and resets through the contract’s routes', async () => {
    const role = await hall(['user', 'role', 'chair', '--role', 'technician', '--json']);
    expect(role.code).toBe(0);
    expect(JSON.parse(role.stdout)).toMatchObject({ username: 'chair', role: 'technician' });
    expect(seen.at(-1)).toEqual({
      method: 'PATCH',
      url: '/api/users/chair',
      body: { role: 'technician' },
    });

    const off = await hall(['user', 'disable', 'chair']);
    expect(off).toMatchObject({ code: 0, stderr: '' });
    expect(off.stdout).toMatch(/^用户 chair 已停用/);
    expect(seen.at(-1)?.body).toEqual({ disabled: true });
    const on = await hall(['user', 'enable', 'chair', '--json']);
    expect(JSON.parse(on.stdout)).toMatchObject({ disabled: false });
    expect(seen.at(-1)?.body).toEqual({ disabled: false });

    const reset = await hall(['user', 'reset-password', 'chair', '--json']);
    expect(reset.code).toBe(0);
    expect(JSON.parse(reset.stdout)).toEqual({
      username: 'chair',
      role: 'technician',
      initialPassword: 'reset-secret-2',
    });
    expect(seen.at(-1)).toMatchObject({
      method: 'POST',
      url: '/api/users/chair/reset-password',
    });
  });

  it('says a refusal in one line on stderr with nothing on stdout (exit 1)', async () => {
    const dup = await hall(['user', 'add', 'chair', '--role', 'chair', '--json']);
    expect(dup).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'hall user add: 服务器拒绝：用户 chair 已存在 / the server refused: user chair exists\n',
    });
    const none = await hall(['user', 'disable', 'nobody']);
    expect(none).toMatchObject({ code: 1, stdout: '' });
    expect(none.stderr).toBe(
      'hall user disable: 服务器拒绝：没有该用户 / the server refused: no such user\n',
    );
    const noToken = await hall(['user', 'list', '--json'], {});
    expect(noToken).toMatchObject({ code: 1, stdout: '' });
    expect(noToken.stderr).toMatch(/HALL_OPERATOR_TOKEN/);
    const wrongToken = await hall(['user', 'list'], { HALL_OPERATOR_TOKEN: 'wrong' });
    expect(wrongToken).toMatchObject({ code: 1, stdout: '' });
  });

  it('refuses a bad name or role before calling the server (exit 1)', async () => {
    for (const argv of [
      ['user', 'add', 'Li Si', '--role', 'chair'],
      ['user', 'add', 'x', '--role', 'chair'],
      ['user', 'add', 'lisi', '--role', 'admin'],
      ['user', 'role', 'chair', '--role', 'display'],
      ['user', 'disable', '../users'],
    ]) {
      const r = await hall(argv);
      expect(r.code, argv.join(' ')).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    }
    expect(seen).toEqual([]);
  });

  it('is a usage error without the username, with two, or without --role (exit 2)', async () => {
    for (const argv of [
      ['user', 'add', '--role', 'chair'],
      ['user', 'add', 'lisi'],
      ['user', 'role', 'lisi'],
      ['user', 'disable'],
      ['user', 'enable', 'a1', 'b2'],
      ['user', 'reset-password'],
      ['user', 'list', 'extra'],
      ['user', 'list', '--role', 'chair'],
    ]) {
      const r = await hall(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/usage: npm run -s hall -- user /);
      expect(r.stderr.split('\n')[0]).toMatch(/\p{Script=Han}.* \/ /u);
    }
    expect(seen).toEqual([]);
  });

  it('lists the user commands in --help', async () => {
    const r = await hall(['--help']);
    for (const w of ['list', 'add', 'role', 'disable', 'enable', 'reset-password']) {
      expect(r.stdout).toContain(`user ${w}`);
    }
  });
});
