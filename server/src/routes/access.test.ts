import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appFixture, type AppFixture } from '../../test-support/app-fixture';

let f: AppFixture;
beforeAll(async () => {
  f = await appFixture();
});
afterAll(async () => {
  await f.close();
});

const concrete = (url: string) => url.replace(':voteId', '1');
/** Logout would end the very token the table uses: it gets its own test. */
const guarded = () =>
  f.app.routeAccess.filter((r) => r.roles !== 'public' && r.url !== '/api/auth/logout');

describe('every route checks the role (table over the registered routes)', () => {
  it('knows the routes and every one declares who may call it', () => {
    const urls = f.app.routeAccess.map((r) => `${r.method} ${r.url}`);
    expect(urls).toEqual(
      expect.arrayContaining([
        'POST /api/roster',
        'POST /api/sessions',
        'POST /api/checkin/open',
        'POST /api/votes',
        'POST /api/votes/latest/close',
        'POST /api/demo/press',
      ]),
    );
    for (const r of f.app.routeAccess) expect(r.roles, `${r.method} ${r.url}`).toBeDefined();
  });

  it('answers 401 without a token and with a wrong token, on every non-public route', async () => {
    for (const r of guarded()) {
      for (const headers of [
        {},
        { authorization: 'Bearer not-a-token' },
        { authorization: 'Basic x' },
      ]) {
        const res = await f.app.inject({
          method: r.method as 'GET',
          url: concrete(r.url),
          headers,
        });
        expect(res.statusCode, `${r.method} ${r.url} ${JSON.stringify(headers)}`).toBe(401);
      }
    }
  });

  it('answers 403 to every role that is not allowed, and never 401/403 to one that is', async () => {
    const roles = ['chair', 'secretariat', 'technician'] as const;
    for (const r of guarded()) {
      for (const role of roles) {
        const allowed = r.roles !== undefined && r.roles !== 'public' && r.roles.includes(role);
        const res = await f.app.inject({
          method: r.method as 'GET',
          url: concrete(r.url),
          headers: f.auth(role),
        });
        if (allowed)
          expect([401, 403], `${role} ${r.method} ${r.url}`).not.toContain(res.statusCode);
        else expect(res.statusCode, `${role} ${r.method} ${r.url}`).toBe(403);
        expect(res.statusCode, `${role} ${r.method} ${r.url}`).toBeLessThan(500);
      }
    }
  });

  it('says why, Chinese first: log in, or which role is needed', async () => {
    const anon = await f.app.inject({ method: 'POST', url: '/api/votes/latest/close' });
    expect(anon.json()).toMatchObject({
      code: 'NO_TOKEN',
      // The message names what is wrong, Chinese first (one check for the access refusals).
      message: expect.stringMatching(/^\p{Script=Han}.* \/ [A-Za-z]/u),
    });
    const tech = await f.app.inject({
      method: 'POST',
      url: '/api/votes/latest/close',
      headers: f.auth('technician'),
    });
    expect(tech.json()).toMatchObject({
      code: 'WRONG_ROLE',
    });
  });

  it('gives the operator token chair and secretariat rights, not technician ones', async () => {
    for (const r of guarded()) {
      const allowed =
        r.roles !== 'public' && !!r.roles?.some((x) => x === 'chair' || x === 'secretariat');
      const res = await f.app.inject({
        method: r.method as 'GET',
        url: concrete(r.url),
        headers: f.auth('operator'),
      });
      if (allowed) expect([401, 403]).not.toContain(res.statusCode);
      else expect(res.statusCode, `operator ${r.method} ${r.url}`).toBe(403);
    }
  });

  it('ends a token at logout', async () => {
    const login = await f.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'secretariat', password: 'secretariat-demo' },
    });
    const headers = { authorization: `Bearer ${(login.json() as { token: string }).token}` };
    expect((await f.app.inject({ url: '/api/attendance', headers })).statusCode).toBe(200);
    const out = await f.app.inject({ method: 'POST', url: '/api/auth/logout', headers });
    expect(out.statusCode).toBe(200);
    expect((await f.app.inject({ url: '/api/attendance', headers })).statusCode).toBe(401);
  });

  it('refuses a wrong password and lets the right one in', async () => {
    const bad = await f.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'chair', password: 'nope' },
    });
    expect(bad.statusCode).toBe(401);
    const unknown = await f.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'nobody', password: 'nope' },
    });
    expect(unknown.statusCode).toBe(401);
  });
});
