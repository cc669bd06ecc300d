import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Role } from '@hall/shared';
import Fastify from 'fastify';
import { Manager } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserService } from '../auth/users';
import { accessPlugin, type RouteAccess } from '../plugins/access';
import { appFixture, type AppFixture } from '../testing/app-fixture';

/**
 * Issue 10: access is decided from the route the router matched, never from the URL's text.
 * The tables below are written by hand — NOT read back from the routes' config — so that a
 * route added without a line here, or a route whose roles were loosened or dropped, fails.
 */
const C = 'chair';
const S = 'secretariat';
const T = 'technician';
const D = 'display';
type Access = readonly Role[] | 'public';

const ROUTES: Record<string, Access> = {
  // auth
  'POST /api/auth/login': 'public',
  'POST /api/auth/logout': [C, S, T, D],
  'POST /api/auth/password': [C, S, T],
  // roster, sittings, check-in, attendance
  'POST /api/roster': [S],
  'GET /api/roster': [C, S, T],
  'GET /api/seats': [C, S, T],
  'POST /api/sessions': [S],
  'GET /api/sessions/current': [C, S, T],
  'POST /api/sessions/current/items': [S],
  'POST /api/checkin/open': [C],
  'POST /api/checkin/close': [C],
  'GET /api/attendance': [C, S, T],
  'POST /api/attendance/mark': [S],
  // votes
  'GET /api/profiles': [C, S],
  'POST /api/votes': [C],
  'GET /api/votes/latest': [C, S],
  'POST /api/votes/latest/close': [C],
  'POST /api/votes/latest/announce': [C],
  'GET /api/votes/:voteId/result': [C, S],
  'GET /api/votes/:voteId/document': [C, S],
  'GET /api/votes/:voteId/record': [C, S],
  // hall, hardware, display, demo
  'GET /api/health': 'public',
  'GET /api/hardware': [T, C],
  'GET /api/display': 'public',
  'POST /api/demo/press': [T],
  // records, history, follow-ups, corrections
  'GET /api/key': [C, S, T],
  'GET /api/records': [C, S],
  'GET /api/records/head': 'public',
  'GET /api/records/export.csv': [C, S],
  'GET /api/records/:seq': [C, S],
  'GET /api/records/:seq/pdf': [C, S],
  'POST /api/records/:seq/corrections': [S],
  'POST /api/records/:seq/rereport': [S],
  'GET /api/history': [C, S],
  'GET /api/followups': [C, S],
  'POST /api/followups/:id/done': [S],
  'GET /api/corrections': [C, S],
  'POST /api/corrections/:id/confirm': [C],
  'POST /api/corrections/:id/reject': [C],
  // terminals
  'POST /api/terminals/pairings': [T],
  'GET /api/terminals': [T],
  'POST /api/terminals/:terminalId/revoke': [T],
  'GET /api/terminals/confirmations': [C],
  'POST /api/terminals/:terminalId/confirm': [C],
  'POST /api/terminals/:terminalId/reject': [C],
  'POST /api/terminal/pair': 'public',
  'POST /api/terminal/press': 'public',
  // the API docs (@fastify/swagger-ui, registered under /docs)
  'GET /docs': 'public',
  'GET /docs/': 'public',
  'GET /docs/json': 'public',
  'GET /docs/yaml': 'public',
  'GET /docs/static/index.html': 'public',
  'GET /docs/static/swagger-initializer.js': 'public',
  'GET /docs/static/*': 'public',
  // the built consoles (@fastify/static, one route per file: the test's own dist folders)
  'GET /': 'public',
  'GET /index.html': 'public',
  'GET /assets/app.js': 'public',
  'GET /terminal/': 'public',
  'GET /terminal/index.html': 'public',
  'GET /terminal/assets/seat.js': 'public',
};

/** The socket.io namespaces: a role's token, anyone (read-only), or the terminal's own check. */
const NAMESPACES: Record<string, Role | 'public' | 'own-credential'> = {
  '/chair': C,
  '/secretariat': S,
  '/technician': T,
  '/display': 'public',
  '/terminal': 'own-credential',
};

const CREDENTIALS = ['chair', 'secretariat', 'technician', 'operator'] as const;
type Credential = (typeof CREDENTIALS)[number];
/** What each credential holds (the operator token: chair and secretariat). */
const HOLDS: Record<Credential, Role[]> = {
  chair: [C],
  secretariat: [S],
  technician: [T],
  operator: [C, S],
};

let f: AppFixture;
let dist: string;
let port: number;

beforeAll(async () => {
  dist = mkdtempSync(path.join(tmpdir(), 'hall-dist-'));
  for (const [file, text] of [
    ['chair/index.html', '<!doctype html><title>chair</title>'],
    ['chair/assets/app.js', 'console.log(1)'],
    ['terminal/index.html', '<!doctype html><title>seat</title>'],
    ['terminal/assets/seat.js', 'console.log(2)'],
  ] as const) {
    mkdirSync(path.dirname(path.join(dist, file)), { recursive: true });
    writeFileSync(path.join(dist, file), text);
  }
  f = await appFixture({
    consoleDirs: { chair: path.join(dist, 'chair'), terminal: path.join(dist, 'terminal') },
  });
  await f.app.listen({ port: 0, host: '127.0.0.1' });
  port = (f.app.server.address() as AddressInfo).port;
});
afterAll(async () => {
  await f.close();
  rmSync(dist, { recursive: true, force: true });
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

const guarded = () =>
  Object.entries(ROUTES).filter((e): e is [string, readonly Role[]] => e[1] !== 'public');
const concrete = (url: string) => url.replace(/:[A-Za-z]+/g, '1');

/** Spellings of `p` that a careless check would read differently from the router. */
function spellings(p: string): string[] {
  const out = new Set<string>();
  const letters = [...p].flatMap((ch, i) => (/[a-z]/i.test(ch) ? [i] : []));
  const hex = (ch: string, upper: boolean) => {
    const h = ch.charCodeAt(0).toString(16);
    return `%${upper ? h.toUpperCase() : h}`;
  };
  // letter positions percent-encoded in turn (alternating hex case): every one in the first
  // two segments, a sample of the rest; then whole segments
  const early = p.indexOf('/', p.indexOf('/', 1) + 1);
  letters
    .filter((i, n) => early < 0 || i < early || n % 4 === 0)
    .forEach((i, n) => out.add(p.slice(0, i) + hex(p[i]!, n % 2 === 1) + p.slice(i + 1)));
  const segs = p.split('/').slice(1);
  segs.forEach((_, k) => {
    const enc = segs.map((s, j) => (j === k ? [...s].map((c) => hex(c, false)).join('') : s));
    out.add(`/${enc.join('/')}`);
  });
  // case
  out.add(p.toUpperCase());
  out.add(p.replace(/^\/(.)/, (_, c: string) => `/${c.toUpperCase()}`));
  out.add(`/${segs.map((s, j) => (j === segs.length - 1 ? s.toUpperCase() : s)).join('/')}`);
  // slashes and dot segments at every slash
  // (the first slash, the one after `/api`, the last one)
  const slashes = [...new Set([0, p.indexOf('/', 1), p.lastIndexOf('/')])].filter((i) => i >= 0);
  for (const i of slashes) {
    out.add(`${p.slice(0, i)}/${p.slice(i)}`);
    out.add(`${p.slice(0, i)}/.${p.slice(i)}`);
    out.add(`${p.slice(0, i)}/x/..${p.slice(i)}`);
    out.add(`${p.slice(0, i)}/%2e${p.slice(i)}`);
    out.add(`${p.slice(0, i)}/x/%2e%2e${p.slice(i)}`);
    if (i > 0) out.add(`${p.slice(0, i)};jsessionid=x${p.slice(i)}`);
    if (i > 0) out.add(`${p.slice(0, i)}%2f${p.slice(i + 1)}`);
    if (i > 0) out.add(`${p.slice(0, i)}%2F${p.slice(i + 1)}`);
  }
  out.add(`${p}/`);
  out.add(`${p}//`);
  out.add(`${p}/.`);
  out.add(`${p};jsessionid=x`);
  out.add(`${p}%20`);
  out.add(`${p}?x=1`);
  // mixed
  out.add(`/%41${p.slice(2).toUpperCase()}`);
  out.add(`/${hex(p[1]!, false)}${p.slice(2)}/`);
  out.add(`/${hex(p[1]!, true)}${p.slice(2).replace('/', '//')}`);
  out.add(`/.${p.replace(/\//g, '/./').slice(2)}`);
  out.add(`/${hex(p[1]!, false)}${p.slice(2)};jsessionid=x`);
  out.delete(p);
  return [...out];
}

/** A refusal's body says why and nothing else: no roster, no vote, no record. */
function expectNoLeak(body: string, what: string) {
  if (!body) return; // HEAD
  const json = JSON.parse(body) as Record<string, unknown>;
  for (const k of Object.keys(json)) {
    expect(['statusCode', 'error', 'code', 'message'], `${what}: ${body}`).toContain(k);
  }
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

describe('socket namespaces: decided from the namespace socket.io matched, deny by default', () => {
  let local = 0;
  /** Connect to namespace `nsp` exactly as spelled; resolves 'connected' or the refusal. */
  function tryConnect(nsp: string, auth: Record<string, string>): Promise<string> {
    const manager = new Manager(`http://127.0.0.1:${port}`, {
      transports: ['websocket'],
      reconnection: false,
      autoConnect: false,
      // each walk step from its own loopback address: the handshake throttle counts per address
      localAddress: `127.1.${Math.floor(local / 200) % 200}.${(local++ % 200) + 2}`,
    } as ConstructorParameters<typeof Manager>[1]);
    const socket = manager.socket(nsp, { auth });
    return new Promise((resolve) => {
      let finished = false;
      const done = (what: string) => {
        if (finished) return;
        finished = true;
        socket.close();
        manager.engine?.close();
        resolve(what);
      };
      const timer = setTimeout(() => done('timeout'), 5_000);
      socket.on('connect', () => {
        clearTimeout(timer);
        done('connected');
      });
      socket.on('connect_error', (e: Error) => {
        clearTimeout(timer);
        done(`refused: ${e.message}`);
      });
      // a spelling the parser cannot read (no leading '/') makes the server drop the connection
      // (the client also closes the manager just before it reports a refusal: let that win)
      manager.on('close', () => {
        setTimeout(() => {
          clearTimeout(timer);
          done('refused: connection closed');
        }, 100);
      });
      socket.connect();
    });
  }

  it('the hand-written namespace table is what the server holds', () => {
    const held = [...f.app.live.io._nsps.keys()].filter((n) => n !== '/').sort();
    expect(held).toEqual(Object.keys(NAMESPACES).sort());
    expect(Object.fromEntries(f.app.live.namespaces())).toEqual(NAMESPACES);
  });

  it('lets the right role in, on the exact name only', async () => {
    for (const [nsp, access] of Object.entries(NAMESPACES)) {
      if (access === 'own-credential') continue;
      const auth: Record<string, string> =
        access === 'public' ? {} : { token: f.tokens[access as 'chair'] };
      expect(await tryConnect(nsp, auth), nsp).toBe('connected');
    }
    expect(await tryConnect('/chair', { token: f.tokens.operator })).toBe('connected');
    expect(await tryConnect('/secretariat', { token: f.tokens.operator })).toBe('connected');
  });

  it('refuses the wrong role, no token and a bad token on the exact name', async () => {
    for (const [nsp, access] of Object.entries(NAMESPACES)) {
      if (access === 'public') continue;
      const tokens: Record<string, string>[] = [{}, { token: 'not-a-token' }];
      for (const c of CREDENTIALS) {
        if (access === 'own-credential' || !HOLDS[c].includes(access)) {
          tokens.push({ token: f.tokens[c] });
        }
      }
      for (const auth of tokens) {
        expect(await tryConnect(nsp, auth), `${nsp} ${JSON.stringify(auth)}`).toMatch(/^refused/);
      }
    }
  });

  it('refuses a namespace that declares no access, to everyone', async () => {
    const ns = f.app.live.io.of('/undeclared-for-test');
    ns.on('connection', (s) => s.emit('secret', 1));
    try {
      for (const auth of [{}, ...CREDENTIALS.map((c) => ({ token: f.tokens[c] }))]) {
        expect(await tryConnect('/undeclared-for-test', auth), JSON.stringify(auth)).toBe(
          'refused: 无权访问：此通道未声明访问角色 / forbidden: this namespace declares no access',
        );
      }
    } finally {
      f.app.live.io._nsps.delete('/undeclared-for-test');
    }
  });

  it('refuses every other spelling of every namespace, and the default namespace, to anyone', async () => {
    const names = Object.keys(NAMESPACES);
    // ('' is not here: the client sends it as '/'.)
    const odd = new Set<string>(['/', '//', '/%2F']);
    for (const n of names) {
      const bare = n.slice(1);
      for (const s of [
        `/${bare[0]!.toUpperCase()}${bare.slice(1)}`,
        n.toUpperCase(),
        `/${n}`,
        `${n}/`,
        `/%${bare.charCodeAt(0).toString(16)}${bare.slice(1)}`,
        bare,
        `/.${n}`,
        `${n}?x=1`,
        `${n}#`,
        ` ${n}`,
        `${n} `,
        `${n}%00`,
        `${n};jsessionid=x`,
        `/x/..${n}`,
      ]) {
        odd.add(s);
      }
    }
    const auths: Record<string, string>[] = [
      {},
      ...CREDENTIALS.map((c) => ({ token: f.tokens[c] })),
    ];
    const results = await Promise.all(
      [...odd].flatMap((nsp) =>
        auths.map(async (auth) => ({ nsp, auth, got: await tryConnect(nsp, auth) })),
      ),
    );
    for (const { nsp, auth, got } of results) {
      expect(got, `${JSON.stringify(nsp)} ${JSON.stringify(auth)}`).toMatch(/^refused/);
    }
  });
});
