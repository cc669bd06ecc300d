import http from 'node:http';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserService } from '../auth/users';
import { accessPlugin, type RouteAccess } from '../plugins/access';
import type { AppFixture } from '../../test-support/app-fixture';
import {
  concrete,
  CREDENTIALS,
  expectNoLeak,
  guarded,
  HOLDS,
  spellingApp,
  ROUTES,
  spellings,
} from '../../test-support/spelling';

/**
 * Issue 10: access is decided from the route the router matched, never from the URL's text.
 * The HTTP routes: the hand-written table (ROUTES, server/test-support/spelling.ts) is what the
 * router holds, and every spelling of every route meets the same check, by inject and over a
 * real connection. The socket namespaces are in access-spelling-sockets.test.ts.
 */

let f: AppFixture;
let port: number;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ f, port, close } = await spellingApp());
});
afterAll(async () => {
  await close();
});

/**
 * How many routes the router holds, read from its own tree (`printRoutes`), HEAD twins of GET
 * routes aside (the tree prints a wildcard beside, not under, its parent: count, not paths).
 */
function registeredCount(): number {
  const tree = f.app.printRoutes({ commonPrefix: false });
  let n = 0;
  for (const m of tree.matchAll(/ \(([A-Z, ]+)\)$/gm)) {
    const methods = m[1]!.split(', ');
    n += methods.filter((x) => x !== 'HEAD' || !methods.includes('GET')).length;
  }
  return n;
}

let addr = 0;
/** A fresh client address per call: the walk is thousands of calls, under the rate limit. */
const nextAddress = () => `10.9.${Math.floor(addr / 250) % 250}.${(addr++ % 250) + 1}`;

describe('the route table (hand-written) is the registered routes, and the access list', () => {
  it('lists every registered route, and nothing else', () => {
    for (const route of Object.keys(ROUTES)) {
      const [method, url] = route.split(' ') as ['GET', string];
      expect(f.app.hasRoute({ method, url }), `${route} is not registered`).toBe(true);
      if (method === 'GET') expect(f.app.hasRoute({ method: 'HEAD', url }), route).toBe(true);
    }
    expect(registeredCount(), 'routes registered but not in the table').toBe(
      Object.keys(ROUTES).length,
    );
  });

  it("routeAccess (the docs' list) holds every route with the table's roles", () => {
    const listed = Object.fromEntries(
      f.app.routeAccess.map((r) => [
        `${r.method} ${r.url}`,
        r.roles === 'public' ? 'public' : r.roles && [...r.roles].sort(),
      ]),
    );
    const expected = Object.fromEntries(
      Object.entries(ROUTES).map(([k, v]) => [k, v === 'public' ? 'public' : [...v].sort()]),
    );
    expect(listed).toEqual(expected);
  });
});

describe('every spelling of every route meets the same check (inject)', () => {
  it('never answers a 2xx or data to no token, a bad token, or a wrong role', async () => {
    for (const [route, roles] of guarded()) {
      const [method, url] = route.split(' ') as ['GET' | 'POST', string];
      const wrong = CREDENTIALS.filter((c) => !HOLDS[c].some((r) => roles.includes(r)));
      const headersList: Record<string, string>[] = [
        {},
        { authorization: 'Bearer not-a-token' },
        ...wrong.map((c) => f.auth(c)),
      ];
      const methods = method === 'GET' ? (['GET', 'HEAD'] as const) : ([method] as const);
      const calls = [concrete(url), ...spellings(concrete(url))].flatMap((spelled) =>
        methods.flatMap((m) => headersList.map((headers) => ({ m, spelled, headers }))),
      );
      calls.push({ m: method, spelled: concrete(url), headers: { authorization: 'Basic x' } });
      await Promise.all(
        calls.map(async ({ m, spelled, headers }) => {
          const res = await f.app.inject({
            method: m,
            url: spelled,
            headers,
            remoteAddress: nextAddress(),
          });
          const what = `${m} ${spelled} ${headers.authorization ?? '(no token)'}`;
          expect([401, 403, 404], what).toContain(res.statusCode);
          expectNoLeak(res.body, what);
        }),
      );
    }
  }, 120_000);

  it('the canonical spelling works with the right role', async () => {
    for (const [route, roles] of guarded()) {
      const [method, url] = route.split(' ') as ['GET' | 'POST', string];
      if (url === '/api/auth/logout') continue; // would end the token: access.test.ts covers it
      for (const c of CREDENTIALS.filter((x) => HOLDS[x].some((r) => roles.includes(r)))) {
        const res = await f.app.inject({
          method,
          url: concrete(url),
          headers: f.auth(c),
          remoteAddress: nextAddress(),
        });
        expect([401, 403], `${c} ${route}: ${res.body}`).not.toContain(res.statusCode);
        expect(res.statusCode, `${c} ${route}: ${res.body}`).toBeLessThan(500);
      }
    }
  });

  it('answers /%61pi/roster as /api/roster: 401, and the roster with the role', async () => {
    const anon = await f.app.inject({ url: '/%61pi/roster' });
    expect(anon.statusCode).toBe(401);
    expect(anon.body).not.toContain('memberId');
    const ok = await f.app.inject({ url: '/%61pi/roster', headers: f.auth('secretariat') });
    expect(ok.statusCode).toBe(200);
  });

  it('refuses a route that declares no roles, to everyone (with any token)', async () => {
    const app = Fastify();
    const users = {
      principal: (t: string | undefined) =>
        t === 'good' ? { username: 'u', roles: ['chair', 'secretariat', 'technician'] } : null,
    } as unknown as UserService;
    const routes: RouteAccess[] = [];
    await app.register(accessPlugin, { users, routes });
    app.get('/api/undeclared', async () => ({ secret: 1 }));
    app.get('/api/open', { config: { roles: 'public' } }, async () => ({ open: 1 }));
    await app.ready();
    for (const headers of [{}, { authorization: 'Bearer good' }]) {
      for (const url of ['/api/undeclared', '/%61pi/undeclared']) {
        const res = await app.inject({ url, headers });
        expect(res.statusCode, url).toBe(403);
        expect(res.json(), url).toMatchObject({ code: 'NO_ROLES_DECLARED' });
      }
    }
    expect((await app.inject({ url: '/api/open' })).statusCode).toBe(200);
    expect(routes).toContainEqual({ method: 'GET', url: '/api/undeclared', roles: undefined });
    await app.close();
  });
});

/** One request sent as is (no URL normalisation), from a loopback address of its own. */
function rawRequest(
  method: string,
  p: string,
  headers: Record<string, string>,
  localAddress: string,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method, path: p, headers, localAddress, agent: false },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('every spelling over a real connection (no client-side normalisation)', () => {
  it('never answers a 2xx or data without the role', async () => {
    let n = 0;
    for (const [route, roles] of guarded()) {
      const [method, url] = route.split(' ') as [string, string];
      const wrong = CREDENTIALS.filter((c) => !HOLDS[c].some((r) => roles.includes(r)));
      // (the inject walk tries every wrong role; here no token and one wrong role)
      const headersList = [{}, ...wrong.slice(0, 1).map((c) => f.auth(c))];
      const all = [concrete(url), ...spellings(concrete(url)), `${concrete(url)}\\`];
      await Promise.all(
        all.flatMap((spelled) =>
          headersList.map(async (headers) => {
            const local = `127.0.${Math.floor(n / 200) % 200}.${(n++ % 200) + 2}`;
            const res = await rawRequest(method, spelled, headers, local);
            const what = `${method} ${spelled} ${JSON.stringify(headers)}`;
            expect([400, 401, 403, 404], what).toContain(res.status);
            expectNoLeak(res.body, what);
          }),
        ),
      );
    }
  }, 120_000);

  it('refuses /api/./roster and /x/../api/roster sent as they are', async () => {
    for (const p of ['/api/./roster', '/x/../api/roster', '/api/%2e/roster', '/%61pi/roster']) {
      const res = await rawRequest('GET', p, {}, '127.0.0.1');
      expect([401, 404], p).toContain(res.status);
      expect(res.body, p).not.toContain('memberId');
    }
  });
});
