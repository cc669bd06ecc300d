import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { UserService } from '../auth/users';
import { runMigrations } from '../db/migrations';
import { appFixture, type AppFixture } from '../../test-support/app-fixture';

let f: AppFixture | undefined;
afterEach(async () => {
  await f?.close();
  f = undefined;
});

const login = (app: AppFixture['app'], username: string, password: string, ip = '127.0.0.1') =>
  app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
    remoteAddress: ip,
  });

describe('failed logins are throttled per address and per account', () => {
  it('refuses an account after 5 failures in 15 minutes, from any address, saying when', async () => {
    f = await appFixture();
    for (let i = 0; i < 5; i++) {
      expect((await login(f.app, 'chair', 'wrong', '10.0.0.1')).statusCode).toBe(401);
    }
    const again = await login(f.app, 'chair', 'chair-demo', '10.0.0.1');
    expect(again.statusCode).toBe(429);
    expect(again.json()).toMatchObject({
      code: 'LOGIN_THROTTLED',
      message: expect.stringMatching(/try again in 1[45] minutes/), // says when
    });
    // the account is refused from another address too, even with the right password
    expect((await login(f.app, 'chair', 'chair-demo', '10.0.0.2')).statusCode).toBe(429);
    // another account from that other address is not
    expect((await login(f.app, 'secretariat', 'secretariat-demo', '10.0.0.2')).statusCode).toBe(
      200,
    );
  });

  it('refuses an address after 5 failures, whatever the account names', async () => {
    f = await appFixture();
    for (let i = 0; i < 5; i++) {
      expect((await login(f.app, `nobody-${i}`, 'wrong', '10.0.0.3')).statusCode).toBe(401);
    }
    expect((await login(f.app, 'technician', 'technician-demo', '10.0.0.3')).statusCode).toBe(429);
    expect((await login(f.app, 'technician', 'technician-demo', '10.0.0.4')).statusCode).toBe(200);
  });

  it("a success does not reset another address's count", async () => {
    f = await appFixture();
    for (let i = 0; i < 4; i++) {
      expect((await login(f.app, 'technician', 'wrong', '10.0.0.5')).statusCode).toBe(401);
    }
    expect((await login(f.app, 'technician', 'technician-demo', '10.0.0.6')).statusCode).toBe(200);
    expect((await login(f.app, 'nobody', 'wrong', '10.0.0.5')).statusCode).toBe(401);
    expect((await login(f.app, 'technician', 'technician-demo', '10.0.0.5')).statusCode).toBe(429);
  });
});

describe('an initial password must be changed at first login', () => {
  const passwords = (dir: string) =>
    Object.fromEntries(
      readFileSync(path.join(dir, 'initial-passwords.txt'), 'utf8')
        .trim()
        .split('\n')
        .map((l) => l.split(' ') as [string, string]),
    );
  const change = (
    app: AppFixture['app'],
    token: string,
    body: { oldPassword: string; newPassword: string },
  ) =>
    app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { authorization: `Bearer ${token}` },
      payload: body,
    });

  it('demo users need not change theirs', async () => {
    f = await appFixture();
    const res = await login(f.app, 'chair', 'chair-demo');
    expect(res.json()).toMatchObject({ role: 'chair', mustChangePassword: false });
  });

  it('allows only the change (and logout) until it is done; the file goes once all changed', async () => {
    f = await appFixture({ demo: false });
    const initial = passwords(f.dir);
    const res = await login(f.app, 'chair', initial.chair!);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ role: 'chair', mustChangePassword: true });
    const token = (res.json() as { token: string }).token;
    const headers = { authorization: `Bearer ${token}` };

    for (const [method, url] of [
      ['GET', '/api/roster'],
      ['GET', '/api/attendance'],
      ['POST', '/api/votes/latest/close'],
    ] as const) {
      const refused = await f.app.inject({ method, url, headers });
      expect(refused.statusCode, url).toBe(403);
      expect(refused.json(), url).toMatchObject({
        code: 'PASSWORD_CHANGE_REQUIRED',
      });
    }
    // too short, the same as the old, a wrong old one
    expect(
      (await change(f.app, token, { oldPassword: initial.chair!, newPassword: 'short' }))
        .statusCode,
    ).toBe(400);
    const same = await change(f.app, token, {
      oldPassword: initial.chair!,
      newPassword: initial.chair!,
    });
    expect(same.statusCode).toBe(422);
    expect(same.json()).toMatchObject({ code: 'SAME_PASSWORD' });
    const wrongOld = await change(f.app, token, {
      oldPassword: 'not-the-old-one',
      newPassword: 'a-new-password-1',
    });
    expect(wrongOld.statusCode).toBe(403);
    expect(wrongOld.json()).toMatchObject({ code: 'WRONG_PASSWORD' });

    // a second token of the same user, ended by the change
    const second = (await login(f.app, 'chair', initial.chair!)).json() as { token: string };
    const ok = await change(f.app, token, {
      oldPassword: initial.chair!,
      newPassword: 'a-new-password-1',
    });
    expect(ok.statusCode).toBe(200);
    expect((await f.app.inject({ url: '/api/attendance', headers })).statusCode).toBe(200);
    expect(
      (
        await f.app.inject({
          url: '/api/attendance',
          headers: { authorization: `Bearer ${second.token}` },
        })
      ).statusCode,
    ).toBe(401);
    expect((await login(f.app, 'chair', initial.chair!)).statusCode).toBe(401);
    expect((await login(f.app, 'chair', 'a-new-password-1')).json()).toMatchObject({
      mustChangePassword: false,
    });

    // two users still on their initial password: the file stays until both changed
    const file = path.join(f.dir, 'initial-passwords.txt');
    expect(existsSync(file)).toBe(true);
    for (const user of ['secretariat', 'technician']) {
      const t = (await login(f.app, user, initial[user]!)).json() as { token: string };
      expect(existsSync(file)).toBe(true);
      const done = await change(f.app, t.token, {
        oldPassword: initial[user]!,
        newPassword: `${user}-new-password`,
      });
      expect(done.statusCode).toBe(200);
    }
    expect(existsSync(file)).toBe(false);
  });

  it('lets a user on an initial password log out', async () => {
    f = await appFixture({ demo: false });
    const initial = passwords(f.dir);
    const { token } = (await login(f.app, 'secretariat', initial.secretariat!)).json() as {
      token: string;
    };
    const out = await f.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(out.statusCode).toBe(200);
  });

  it('the operator token has no password to change', async () => {
    f = await appFixture();
    const res = await change(f.app, f.tokens.operator, {
      oldPassword: 'whatever-it-is',
      newPassword: 'a-new-password-1',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'NO_PASSWORD' });
  });

  it('adds the must_change column to a database from before it, keeping its users as they are', () => {
    const db = new Database(':memory:');
    db.exec(
      'CREATE TABLE users (username TEXT PRIMARY KEY, role TEXT NOT NULL, salt TEXT NOT NULL, hash TEXT NOT NULL) WITHOUT ROWID',
    );
    db.prepare("INSERT INTO users VALUES ('chair', 'chair', '00', '00')").run();
    runMigrations(db); // what openDb runs at start: the baseline migration adds the column
    new UserService(db, undefined);
    expect(db.prepare('SELECT must_change FROM users').get()).toEqual({ must_change: 0 });
    db.close();
  });
});
