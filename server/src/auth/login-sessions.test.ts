import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { io as connect } from 'socket.io-client';
import { parseSeatId } from '@hall/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { demoHallConfig } from '../config/demo-hall';
import { FakeBus } from '../../test-support/fake-bus';
import { range, silentLog } from '../../test-support/hall-fixture';
import { DEMO_PASSWORDS, tokenSha256 } from './users';

const dirs: string[] = [];
const apps: FastifyInstance[] = [];
afterEach(async () => {
  for (const a of apps.splice(0)) await a.close();
  for (const d of dirs.splice(0)) {
    rmSync(d, { recursive: true, force: true });
    rmSync(`${d}-keys`, { recursive: true, force: true });
  }
});

/** A clock the test moves. */
function clock(start = '2026-12-01T08:00:00.000Z') {
  let t = Date.parse(start);
  return {
    now: () => new Date(t),
    advance: (ms: number) => (t += ms),
  };
}

async function build(
  dataDir: string,
  opts: { now?: () => Date; sessionIdleMinutes?: number; sessionMaxHours?: number } = {},
) {
  const config = demoHallConfig();
  const buses = { A: new FakeBus('A', range(1, 40)), W: new FakeBus('W', range(1, 30)) };
  const app = await buildApp({
    config,
    dataDir,
    demo: true,
    logger: silentLog,
    ...opts,
    buses: [
      { driver: buses.A, seats: config.seats.filter((s) => parseSeatId(s).bus === 'A') },
      { driver: buses.W, seats: config.seats.filter((s) => parseSeatId(s).bus === 'W') },
    ],
  });
  apps.push(app);
  return app;
}

function tempDir(): string {
  const d = mkdtempSync(path.join(tmpdir(), 'hall-sessions-'));
  dirs.push(d);
  return d;
}

async function login(app: FastifyInstance, username: string): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password: DEMO_PASSWORDS[username] },
  });
  expect(res.statusCode).toBe(200);
  return (res.json() as { token: string }).token;
}

/** A chair-only GET: 200 while the chair's session lasts, 401 after. */
const chairCall = (app: FastifyInstance, token: string) =>
  app.inject({
    method: 'GET',
    url: '/api/terminals/confirmations',
    headers: { authorization: `Bearer ${token}` },
  });

async function closeApp(app: FastifyInstance): Promise<void> {
  apps.splice(apps.indexOf(app), 1);
  await app.close();
}

describe('login sessions are stored (issue 12)', () => {
  it('survive a restart of the app on the same data directory', async () => {
    const dir = tempDir();
    const first = await build(dir);
    const token = await login(first, 'chair');
    expect((await chairCall(first, token)).statusCode).toBe(200);
    await closeApp(first);

    const second = await build(dir);
    expect((await chairCall(second, token)).statusCode).toBe(200);
    // logout deletes it: gone for good, after another restart too
    const out = await second.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(out.statusCode).toBe(200);
    expect((await chairCall(second, token)).statusCode).toBe(401);
    await closeApp(second);
    const third = await build(dir);
    expect((await chairCall(third, token)).statusCode).toBe(401);
  });

  it('end after the idle limit unused, and are kept alive by use', async () => {
    const c = clock();
    const app = await build(tempDir(), { now: c.now, sessionIdleMinutes: 30 });
    const token = await login(app, 'chair');
    for (let i = 0; i < 4; i++) {
      c.advance(25 * 60_000); // 25 minutes each time: 100 minutes in all, never 30 unused
      expect((await chairCall(app, token)).statusCode).toBe(200);
    }
    c.advance(31 * 60_000);
    expect((await chairCall(app, token)).statusCode).toBe(401);
    c.advance(-31 * 60_000); // the row is gone: turning the clock back brings nothing back
    expect((await chairCall(app, token)).statusCode).toBe(401);
  });

  it('end at the absolute limit however much they are used', async () => {
    const c = clock();
    const app = await build(tempDir(), { now: c.now, sessionMaxHours: 2 });
    const token = await login(app, 'chair');
    for (let i = 0; i < 7; i++) {
      c.advance(15 * 60_000);
      expect((await chairCall(app, token)).statusCode).toBe(200);
    }
    c.advance(16 * 60_000); // 2 h 1 min after login
    expect((await chairCall(app, token)).statusCode).toBe(401);
  });

  it('defaults to 4 hours idle and 16 hours in all', async () => {
    const c = clock();
    const app = await build(tempDir(), { now: c.now });
    const idle = await login(app, 'chair');
    const busy = await login(app, 'chair');
    c.advance(4 * 3600_000 - 60_000);
    expect((await chairCall(app, idle)).statusCode).toBe(200);
    c.advance(4 * 3600_000 + 60_000);
    expect((await chairCall(app, idle)).statusCode).toBe(401);
    // `busy` was last seen at 3 h 59 min, now 8 h: too long unused as well; a fresh one for 16 h
    expect((await chairCall(app, busy)).statusCode).toBe(401);
    const day = await login(app, 'chair');
    for (let h = 0; h < 16; h += 3) {
      expect((await chairCall(app, day)).statusCode).toBe(200);
      c.advance(3 * 3600_000);
    }
    // 18 h after login
    expect((await chairCall(app, day)).statusCode).toBe(401);
  });

  it('writes last_seen_at at most once a minute, and deletes expired rows at login', async () => {
    const c = clock();
    const dir = tempDir();
    const app = await build(dir, { now: c.now, sessionIdleMinutes: 10 });
    const token = await login(app, 'chair');
    const db = app.hall.db;
    const seen = () =>
      (
        db
          .prepare('SELECT last_seen_at FROM login_sessions WHERE token_sha256 = ?')
          .get(tokenSha256(token)) as { last_seen_at: string } | undefined
      )?.last_seen_at;
    const at = seen();
    expect(at).toBe('2026-12-01T08:00:00.000Z');
    c.advance(30_000);
    expect((await chairCall(app, token)).statusCode).toBe(200);
    expect(seen()).toBe(at); // not written for every request
    c.advance(31_000);
    expect((await chairCall(app, token)).statusCode).toBe(200);
    expect(seen()).toBe('2026-12-01T08:01:01.000Z');
    c.advance(11 * 60_000);
    await login(app, 'secretariat'); // the login sweeps: the chair's expired row goes
    expect(seen()).toBeUndefined();
    const n = db.prepare('SELECT count(*) AS n FROM login_sessions').get() as { n: number };
    expect(n.n).toBe(1);
  });

  it('keep only a hash of the token: the database files never hold a token', async () => {
    const dir = tempDir();
    const app = await build(dir);
    const tokens = [await login(app, 'chair'), await login(app, 'secretariat')];
    await closeApp(app); // everything on disk
    const files = readdirSync(dir, { recursive: true })
      .map(String)
      .filter((f) => f.startsWith('hall.db'));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const bytes = readFileSync(path.join(dir, f));
      for (const t of tokens) {
        expect(bytes.includes(Buffer.from(t)), `${f} holds a token`).toBe(false);
        // …nor its base64url-decoded bytes
        expect(bytes.includes(Buffer.from(t, 'base64url')), `${f} holds a token's bytes`).toBe(
          false,
        );
      }
    }
    // what it does hold is the hash, which is no token: presenting it logs nobody in
    const again = await build(dir);
    expect((await chairCall(again, tokenSha256(tokens[0]!))).statusCode).toBe(401);
    expect((await chairCall(again, tokens[0]!)).statusCode).toBe(200);
  });

  it('an expired session’s open socket is disconnected when the expired rows are swept', async () => {
    const c = clock();
    const app = await build(tempDir(), { now: c.now, sessionIdleMinutes: 30 });
    const token = await login(app, 'chair');
    await app.listen({ port: 0, host: '127.0.0.1' });
    const port = (app.server.address() as AddressInfo).port;
    const s = connect(`http://127.0.0.1:${port}/chair`, {
      transports: ['websocket'],
      reconnection: false,
      auth: { token },
    });
    try {
      await new Promise<void>((resolve, reject) => {
        s.once('connect', () => resolve());
        s.once('connect_error', reject);
      });
      const gone = new Promise<string>((resolve, reject) => {
        const t = setTimeout(() => reject(new Error('no disconnect within 30 s')), 30_000);
        s.once('disconnect', (reason) => {
          clearTimeout(t);
          resolve(reason);
        });
      });
      c.advance(31 * 60_000);
      await login(app, 'secretariat'); // a login sweeps (as the minute timer does)
      expect(await gone).toBe('io server disconnect');
    } finally {
      s.close();
    }
  });
});
