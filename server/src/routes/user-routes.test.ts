import type { AddressInfo } from 'node:net';
import { io as connect, type Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { appFixture, type AppFixture } from '../../test-support/app-fixture';

let f: AppFixture | undefined;
const sockets: Socket[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.close();
  await f?.close();
  f = undefined;
});

type Who = 'chair' | 'secretariat' | 'technician' | 'operator';
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

function call(
  fx: AppFixture,
  who: Who | { token: string },
  method: 'GET' | 'POST' | 'PATCH',
  url: string,
  payload?: unknown,
) {
  const headers = typeof who === 'string' ? fx.auth(who) : bearer(who.token);
  return fx.app.inject({
    method,
    url,
    headers,
    ...(payload !== undefined ? { payload: payload as object } : {}),
  });
}

const login = (fx: AppFixture, username: string, password: string) =>
  fx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

/** Any console route (every console role may read the roster). */
const roster = (fx: AppFixture, token: string) =>
  fx.app.inject({ method: 'GET', url: '/api/roster', headers: bearer(token) });

const ROUTES = [
  { method: 'GET', url: '/api/users' },
  { method: 'POST', url: '/api/users', payload: { username: 'clerk', role: 'technician' } },
  { method: 'PATCH', url: '/api/users/chair', payload: { disabled: true } },
  { method: 'POST', url: '/api/users/chair/reset-password' },
] as const;

describe('console users: who may manage them', () => {
  it('refuses every user route to the chair and the technician (403), and to no token (401)', async () => {
    f = await appFixture();
    for (const r of ROUTES) {
      for (const who of ['chair', 'technician'] as const) {
        const res = await call(f, who, r.method, r.url, 'payload' in r ? r.payload : undefined);
        expect(res.statusCode, `${who} ${r.method} ${r.url}`).toBe(403);
        expect(res.json()).toMatchObject({ code: 'WRONG_ROLE' });
      }
      const anon = await f.app.inject({ method: r.method, url: r.url });
      expect(anon.statusCode).toBe(401);
    }
    // nothing changed: the chair still works, nobody was added
    expect((await roster(f, f.tokens.chair)).statusCode).toBe(200);
    const list = await call(f, 'secretariat', 'GET', '/api/users');
    expect(list.json().users.map((u: { username: string }) => u.username)).toEqual([
      'chair',
      'secretariat',
      'technician',
    ]);
  });
});

describe('console users: list, add, role, disable, reset', () => {
  it('lists the users with their session counts, never a password hash', async () => {
    f = await appFixture();
    await login(f, 'chair', 'chair-demo'); // a second chair session
    const res = await call(f, 'secretariat', 'GET', '/api/users');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      users: [
        {
          username: 'chair',
          role: 'chair',
          disabled: false,
          mustChangePassword: false,
          sessions: 2,
        },
        {
          username: 'secretariat',
          role: 'secretariat',
          disabled: false,
          mustChangePassword: false,
          sessions: 1,
        },
        {
          username: 'technician',
          role: 'technician',
          disabled: false,
          mustChangePassword: false,
          sessions: 1,
        },
      ],
    });
    // the operator token may manage users too (scripts), and is not listed as one
    const op = await call(f, 'operator', 'GET', '/api/users');
    expect(op.statusCode).toBe(200);
    expect(op.body).not.toMatch(/operator|salt|hash/);
  });

  it('adds a user on an initial password shown once, which must be changed first', async () => {
    f = await appFixture();
    const res = await call(f, 'secretariat', 'POST', '/api/users', {
      username: 'clerk-2',
      role: 'chair',
    });
    expect(res.statusCode).toBe(201);
    const made = res.json() as { username: string; role: string; initialPassword: string };
    expect(made).toMatchObject({ username: 'clerk-2', role: 'chair' });
    expect(made.initialPassword.length).toBeGreaterThanOrEqual(12);
    const list = await call(f, 'secretariat', 'GET', '/api/users');
    expect(list.json().users).toContainEqual({
      username: 'clerk-2',
      role: 'chair',
      disabled: false,
      mustChangePassword: true,
      sessions: 0,
    });
    expect(list.body).not.toContain(made.initialPassword);

    const logged = await login(f, 'clerk-2', made.initialPassword);
    expect(logged.json()).toMatchObject({ role: 'chair', mustChangePassword: true });
    const token = logged.json().token as string;
    const before = await roster(f, token);
    expect(before.statusCode).toBe(403);
    expect(before.json()).toMatchObject({ code: 'PASSWORD_CHANGE_REQUIRED' });
    const changed = await call(f, { token }, 'POST', '/api/auth/password', {
      oldPassword: made.initialPassword,
      newPassword: 'clerk-2-own-password',
    });
    expect(changed.statusCode).toBe(200);
    expect((await roster(f, token)).statusCode).toBe(200);
  });

  it('refuses a taken name (the operator’s too) and a bad body', async () => {
    f = await appFixture();
    for (const username of ['chair', 'operator']) {
      const res = await call(f, 'secretariat', 'POST', '/api/users', {
        username,
        role: 'technician',
      });
      expect(res.statusCode, username).toBe(409);
      expect(res.json()).toMatchObject({
        code: 'USERNAME_TAKEN',
        message: expect.stringMatching(/^\p{Script=Han}.* \/ [A-Za-z]/u),
      });
    }
    for (const body of [
      { username: 'Big Name', role: 'chair' },
      { username: 'x', role: 'chair' },
      { username: 'clerk', role: 'display' },
      { username: 'clerk', role: 'chair', disabled: true },
      { username: 'clerk' },
    ]) {
      const res = await call(f, 'secretariat', 'POST', '/api/users', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
    }
    for (const body of [{}, { role: 'display' }, { disabled: 'yes' }, { password: 'x' }]) {
      const res = await call(f, 'secretariat', 'PATCH', '/api/users/chair', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
    }
    const unknown = await call(f, 'secretariat', 'PATCH', '/api/users/nobody', { disabled: true });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'USER_NOT_FOUND' });
    const reset = await call(f, 'secretariat', 'POST', '/api/users/nobody/reset-password');
    expect(reset.statusCode).toBe(404);
  });

  it('a role change ends the user’s sessions; the next login has the new role', async () => {
    f = await appFixture();
    const res = await call(f, 'secretariat', 'PATCH', '/api/users/chair', { role: 'technician' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ username: 'chair', role: 'technician', sessions: 0 });
    expect((await roster(f, f.tokens.chair)).statusCode).toBe(401);
    const again = await login(f, 'chair', 'chair-demo');
    expect(again.json()).toMatchObject({ role: 'technician' });
    // the same role again changes nothing, and ends nothing
    const token = again.json().token as string;
    await call(f, 'secretariat', 'PATCH', '/api/users/chair', { role: 'technician' });
    expect((await roster(f, token)).statusCode).toBe(200);
    // other users' sessions were never touched
    expect((await roster(f, f.tokens.technician)).statusCode).toBe(200);
  });

  it('a disabled user is refused at once, and at login exactly as a wrong password', async () => {
    f = await appFixture();
    const res = await call(f, 'secretariat', 'PATCH', '/api/users/chair', { disabled: true });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ disabled: true, sessions: 0 });
    expect((await roster(f, f.tokens.chair)).statusCode).toBe(401);
    const right = await login(f, 'chair', 'chair-demo');
    const wrong = await login(f, 'chair', 'not-the-password');
    expect(right.statusCode).toBe(401);
    expect(right.json()).toEqual(wrong.json());
    expect(right.json()).toMatchObject({ code: 'BAD_LOGIN' });
    // enabled again: the password works again
    await call(f, 'secretariat', 'PATCH', '/api/users/chair', { disabled: false });
    expect((await login(f, 'chair', 'chair-demo')).statusCode).toBe(200);
  });

  it('a reset ends the sessions; the new initial password allows only the change', async () => {
    f = await appFixture();
    const res = await call(f, 'secretariat', 'POST', '/api/users/chair/reset-password');
    expect(res.statusCode).toBe(200);
    const { initialPassword } = res.json() as { initialPassword: string };
    expect(res.json()).toMatchObject({ username: 'chair', role: 'chair' });
    expect((await roster(f, f.tokens.chair)).statusCode).toBe(401);
    expect((await login(f, 'chair', 'chair-demo')).statusCode).toBe(401);
    const logged = await login(f, 'chair', initialPassword);
    expect(logged.json()).toMatchObject({ mustChangePassword: true });
    const token = logged.json().token as string;
    const refused = await roster(f, token);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'PASSWORD_CHANGE_REQUIRED' });
    const changed = await call(f, { token }, 'POST', '/api/auth/password', {
      oldPassword: initialPassword,
      newPassword: 'chair-new-password',
    });
    expect(changed.statusCode).toBe(200);
    expect((await roster(f, token)).statusCode).toBe(200);
  });

  it('never disables or demotes the last enabled secretariat user, nor lets one change themselves', async () => {
    f = await appFixture();
    const own = [
      await call(f, 'secretariat', 'PATCH', '/api/users/secretariat', { disabled: true }),
      await call(f, 'secretariat', 'PATCH', '/api/users/secretariat', { role: 'chair' }),
      await call(f, 'secretariat', 'POST', '/api/users/secretariat/reset-password'),
    ];
    for (const res of own) {
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ code: 'OWN_ACCOUNT' });
    }
    // the operator (not a user) is held to the last-secretariat rule
    for (const body of [{ disabled: true }, { role: 'chair' }, { role: 'chair', disabled: true }]) {
      const res = await call(f, 'operator', 'PATCH', '/api/users/secretariat', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(409);
      expect(res.json()).toMatchObject({
        code: 'LAST_SECRETARIAT',
        message: expect.stringMatching(/^\p{Script=Han}.* \/ [A-Za-z]/u),
      });
    }
    // a second secretariat user, disabled, does not count
    const made = await call(f, 'operator', 'POST', '/api/users', {
      username: 'clerk',
      role: 'secretariat',
    });
    expect(made.statusCode).toBe(201);
    await call(f, 'operator', 'PATCH', '/api/users/clerk', { disabled: true });
    const still = await call(f, 'operator', 'PATCH', '/api/users/secretariat', { role: 'chair' });
    expect(still.json()).toMatchObject({ code: 'LAST_SECRETARIAT' });
    // enabled, it does: now the first may go, and the clerk is the last one
    await call(f, 'operator', 'PATCH', '/api/users/clerk', { disabled: false });
    const gone = await call(f, 'operator', 'PATCH', '/api/users/secretariat', { disabled: true });
    expect(gone.statusCode).toBe(200);
    expect((await roster(f, f.tokens.secretariat)).statusCode).toBe(401);
    const last = await call(f, 'operator', 'PATCH', '/api/users/clerk', { role: 'technician' });
    expect(last.json()).toMatchObject({ code: 'LAST_SECRETARIAT' });
    // …but a disabled secretariat may be re-enabled and its role left as it is
    const back = await call(f, 'operator', 'PATCH', '/api/users/secretariat', { disabled: false });
    expect(back.statusCode).toBe(200);
  });
});

describe('ended sessions close their sockets at once', () => {
  async function listening(): Promise<AppFixture & { base: string }> {
    const fx = await appFixture();
    await fx.app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(fx.app.server.address() as AddressInfo).port}`;
    return Object.assign(fx, { base });
  }
  /** A connected socket, and a promise of its disconnect (bounded: 30 s). */
  async function open(base: string, ns: string, token: string) {
    const s = connect(`${base}${ns}`, {
      transports: ['websocket'],
      reconnection: false,
      auth: { token },
    });
    sockets.push(s);
    await new Promise<void>((resolve, reject) => {
      s.once('connect', () => resolve());
      s.once('connect_error', reject);
    });
    const disconnected = new Promise<string>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`${ns}: no disconnect within 30 s`)), 30_000);
      s.once('disconnect', (reason) => {
        clearTimeout(t);
        resolve(reason);
      });
    });
    disconnected.catch(() => {}); // awaited (or not) by the test
    return { s, disconnected };
  }

  it('a disable disconnects the user’s open sockets, and only theirs', async () => {
    const fx = await listening();
    f = fx;
    const chair = await open(fx.base, '/chair', fx.tokens.chair);
    const secretariat = await open(fx.base, '/secretariat', fx.tokens.secretariat);
    const res = await call(fx, 'secretariat', 'PATCH', '/api/users/chair', { disabled: true });
    expect(res.statusCode).toBe(200);
    expect(await chair.disconnected).toBe('io server disconnect');
    expect((await roster(fx, fx.tokens.chair)).statusCode).toBe(401);
    expect(secretariat.s.connected).toBe(true);
  });

  it('a role change, a reset, a password change and a logout close the sockets of the sessions they end', async () => {
    const fx = await listening();
    f = fx;
    // role change
    const tech = await open(fx.base, '/technician', fx.tokens.technician);
    await call(fx, 'secretariat', 'PATCH', '/api/users/technician', { role: 'chair' });
    expect(await tech.disconnected).toBe('io server disconnect');
    // reset
    const chair = await open(fx.base, '/chair', fx.tokens.chair);
    const reset = await call(fx, 'secretariat', 'POST', '/api/users/chair/reset-password');
    expect(await chair.disconnected).toBe('io server disconnect');
    // a password change ends the user's other sessions, and their sockets; not the caller's
    const initial = reset.json().initialPassword as string;
    const a = (await login(fx, 'chair', initial)).json().token as string;
    await call(fx, { token: a }, 'POST', '/api/auth/password', {
      oldPassword: initial,
      newPassword: 'chair-password-1',
    });
    const b = (await login(fx, 'chair', 'chair-password-1')).json().token as string;
    const onA = await open(fx.base, '/chair', a);
    const onB = await open(fx.base, '/chair', b);
    await call(fx, { token: a }, 'POST', '/api/auth/password', {
      oldPassword: 'chair-password-1',
      newPassword: 'chair-password-2',
    });
    expect(await onB.disconnected).toBe('io server disconnect');
    expect(onA.s.connected).toBe(true);
    // logout closes the sockets of that session
    await call(fx, { token: a }, 'POST', '/api/auth/logout');
    expect(await onA.disconnected).toBe('io server disconnect');
  });
});
