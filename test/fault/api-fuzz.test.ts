import type { AddressInfo } from 'node:net';
import type { Role } from '@hall/shared';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appFixture, type AppFixture } from '../../server/test-support/app-fixture';
import {
  BAD_PARAMS,
  BAD_QUERIES,
  dbFingerprint,
  errorProblem,
  sample,
  wrongTypes,
  type JsonSchema,
} from './fuzz-support';
import { socketFuzz } from './socket-fuzz';

/**
 * Issue 15 "API and socket fuzzing": every route of the app (as the router holds them,
 * `app.routeAccess`, with the body schemas of the OpenAPI document at /docs/json) gets bad
 * requests — no or a wrong credential, broken or oversized bodies, wrong types, unknown fields,
 * bad path parameters and query strings. Each is refused with a 4xx and the typed error body
 * (server/src/errors.ts), never a 5xx, and the database is the same afterwards.
 */

interface Route {
  method: string;
  url: string;
  roles: readonly Role[] | 'public';
  body?: JsonSchema;
}
type Cred = 'chair' | 'secretariat' | 'technician' | 'operator' | 'terminal' | 'garbage';
const HOLDS: Record<Cred, readonly Role[]> = {
  chair: ['chair'],
  secretariat: ['secretariat'],
  technician: ['technician'],
  operator: ['chair', 'secretariat'],
  terminal: [],
  garbage: [],
};
const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

let f: AppFixture;
let routes: Route[];
let headers: Record<Cred, Record<string, string>>;
let before: ReturnType<typeof dbFingerprint>;
const seen = { requests: 0, byStatus: new Map<number, number>() };

beforeAll(async () => {
  f = await appFixture();
  // a terminal credential (pending the chair's confirmation): a credential of no console role
  const code = await f.app.inject({
    method: 'POST',
    url: '/api/terminals/pairings',
    headers: f.auth('technician'),
    payload: { seat: 'A-2' },
  });
  const pair = await f.app.inject({
    method: 'POST',
    url: '/api/terminal/pair',
    payload: { code: (code.json() as { code: string }).code },
  });
  const credential = (pair.json() as { credential: string }).credential;
  expect(credential).toBeTruthy();
  headers = {
    chair: f.auth('chair'),
    secretariat: f.auth('secretariat'),
    technician: f.auth('technician'),
    operator: f.auth('operator'),
    terminal: { authorization: `Bearer ${credential}` },
    garbage: { authorization: 'Bearer not-a-token' },
  };
  const doc = (await f.app.inject({ url: '/docs/json' })).json() as {
    paths: Record<
      string,
      Record<string, { requestBody?: { content: Record<string, { schema: JsonSchema }> } }>
    >;
  };
  routes = f.app.routeAccess.map((r) => {
    const op = doc.paths[r.url.replace(/:(\w+)/g, '{$1}')]?.[r.method.toLowerCase()];
    const body = op?.requestBody?.content['application/json']?.schema;
    return { method: r.method, url: r.url, roles: r.roles ?? 'public', ...(body ? { body } : {}) };
  });
  before = dbFingerprint(f.app.hall.db);
});
afterAll(async () => {
  await f?.close();
});

/** The first credential that may call `r` (its own role), or none for a public route. */
function rightCred(r: Route): Record<string, string> {
  if (r.roles === 'public') return {};
  const c = (Object.keys(HOLDS) as Cred[]).find((k) => HOLDS[k].some((x) => r.roles.includes(x)));
  return c ? headers[c] : {};
}
/** `url` with each parameter filled: a plausible value, or `param` when given. */
const concrete = (url: string, param?: string) =>
  url.replace(/:\w+|\*/g, (p) => param ?? (p === ':username' ? 'chair' : '1'));

interface Bad {
  what: string;
  method: string;
  url: string;
  headers?: Record<string, string>;
  payload?: string | Buffer;
  /** A 2xx is allowed (a GET with a junk query, a file route); a 5xx never is. */
  mayPass?: boolean;
  /** What a passing reply must not hold (a file from outside the served folder). */
  forbid?: RegExp;
  /** The statuses it must get (a missing or wrong credential: 401 or 403). */
  statuses?: number[];
  /** What the refusal's message must name (the field of the wrong type). */
  names?: string;
}

async function send(bad: Bad): Promise<void> {
  const res = await f.app.inject({
    method: bad.method as 'GET',
    url: bad.url,
    headers: bad.headers ?? {},
    ...(bad.payload !== undefined ? { payload: bad.payload } : {}),
  });
  seen.requests++;
  seen.byStatus.set(res.statusCode, (seen.byStatus.get(res.statusCode) ?? 0) + 1);
  const label = `${bad.what}: ${bad.method} ${bad.url.slice(0, 120)} → ${res.statusCode} ${res.body.slice(0, 200)}`;
  expect(res.statusCode, label).toBeLessThan(500);
  if (bad.forbid) expect(res.body, label).not.toMatch(bad.forbid);
  if (bad.mayPass && res.statusCode < 400) return;
  expect(res.statusCode, label).toBeGreaterThanOrEqual(400);
  if (bad.statuses) expect(bad.statuses, label).toContain(res.statusCode);
  if (bad.method !== 'HEAD') expect(errorProblem(res.statusCode, res.body), label).toBeUndefined();
  // The login route's own rate limit (20 a minute) may refuse first: still a typed 4xx.
  if (bad.names && res.statusCode !== 429) expect(res.body, label).toContain(bad.names);
}

const json = { 'content-type': 'application/json' };

/** The bad requests for one route, deterministic (the generated ones are in their own test). */
function badRequests(r: Route): Bad[] {
  const out: Bad[] = [];
  const url = concrete(r.url);
  const right = rightCred(r);
  const mutating = MUTATING.has(r.method);
  if (r.roles !== 'public') {
    out.push({
      what: 'no credential (display)',
      method: r.method,
      url,
      headers: json,
      payload: '{}',
      statuses: [401, 403],
    });
    for (const c of Object.keys(HOLDS) as Cred[]) {
      if (HOLDS[c].some((x) => r.roles.includes(x))) continue;
      out.push({
        what: `wrong role ${c}`,
        method: r.method,
        url,
        headers: { ...headers[c], ...json },
        payload: '{}',
        statuses: [401, 403],
      });
    }
    out.push({
      what: 'a Basic header',
      method: r.method,
      url,
      headers: { authorization: 'Basic Og==' },
      statuses: [401, 403],
    });
  }
  if (mutating) {
    const h = { ...right, ...json };
    out.push({ what: 'broken JSON', method: r.method, url, headers: h, payload: '{"a": ' });
    out.push({
      what: 'JSON with a NUL',
      method: r.method,
      url,
      headers: h,
      payload: '{"\u0000":1',
    });
    out.push({
      what: 'oversized',
      method: r.method,
      url,
      headers: h,
      payload: Buffer.alloc(6_100_000, 'a'),
    });
    out.push({
      what: 'wrong content-type',
      method: r.method,
      url,
      headers: { ...right, 'content-type': 'application/xml' },
      payload: '<a/>',
    });
    if (r.body) {
      out.push({
        what: 'text for an object',
        method: r.method,
        url,
        headers: { ...right, 'content-type': 'text/plain' },
        payload: 'title=x',
      });
      for (const body of ['null', '[]', '"x"', '7', '{}']) {
        if (
          body === '{}' &&
          !r.body.required?.length &&
          !(r.body as { minProperties?: number }).minProperties
        )
          continue;
        out.push({ what: `body ${body}`, method: r.method, url, headers: h, payload: body });
      }
      const base = sample(r.body) as Record<string, unknown>;
      for (const [k, s] of Object.entries(r.body.properties ?? {})) {
        for (const v of wrongTypes(s)) {
          out.push({
            what: `wrong type for ${k}`,
            method: r.method,
            url,
            headers: h,
            payload: JSON.stringify({ ...base, [k]: v }),
            names: k,
          });
        }
      }
      out.push({
        what: 'unknown field',
        method: r.method,
        url,
        headers: h,
        payload: JSON.stringify({ ...base, fuzzUnknown: 1 }),
      });
      out.push({
        what: '__proto__ field',
        method: r.method,
        url,
        headers: h,
        payload: `{"__proto__": {"x": 1}, ${JSON.stringify(base).slice(1)}`,
      });
    }
  }
  if (/:\w|\*/.test(r.url)) {
    for (const p of [...BAD_PARAMS, '../../etc/passwd', '..', '%2e%2e%2f%2e%2e%2fpackage.json']) {
      out.push({
        what: `bad path parameter ${p.slice(0, 20)}`,
        method: r.method,
        url: concrete(r.url, p),
        headers: { ...right, ...json },
        ...(mutating ? { payload: '{}' } : {}),
        // a wildcard route serves a folder (the API docs): `..` may land on its index page,
        // never on a file outside it
        ...(r.url.endsWith('*')
          ? { mayPass: true, forbid: /"workspaces"|root:x:0|"name": "@hall/ }
          : {}),
      });
    }
  }
  if (!mutating) {
    for (const q of BAD_QUERIES) {
      out.push({
        what: `bad query ${q.slice(0, 20)}`,
        method: r.method,
        url: url + q,
        headers: right,
        mayPass: true,
      });
    }
  }
  return out;
}

describe('API fuzzing: every route refuses bad requests with a typed 4xx, and nothing changes', () => {
  it('holds the routes it fuzzes (the router’s own list, with the OpenAPI bodies)', () => {
    expect(routes.length).toBeGreaterThan(70);
    const withBody = routes.filter((r) => r.body).map((r) => `${r.method} ${r.url}`);
    expect(withBody).toContain('POST /api/votes');
    expect(withBody).toContain('POST /api/terminal/press');
  });

  it('refuses no credential, each wrong role, broken bodies, bad params and bad queries', async () => {
    const failures: string[] = [];
    for (const r of routes) {
      for (const bad of badRequests(r)) {
        try {
          await send(bad);
        } catch (e) {
          failures.push((e as Error).message.split('\n')[0]!);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('refuses generated bad bodies (fast-check, fixed seed) on every route that takes one', async () => {
    const withBody = routes.filter((r) => r.body && MUTATING.has(r.method));
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...withBody),
        fc.oneof(
          // not an object at all
          fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.array(fc.anything())),
          // an object that always carries a field no schema declares (additionalProperties: false)
          fc
            .dictionary(fc.string({ maxLength: 12 }), fc.anything({ maxDepth: 2 }))
            .map((o) => ({ ...o, fuzzExtra: 1 })),
        ),
        async (r, body) => {
          await send({
            what: 'generated body',
            method: r.method,
            url: concrete(r.url),
            headers: { ...rightCred(r), ...json },
            payload: JSON.stringify(body) ?? 'null',
          });
        },
      ),
      { numRuns: 300, seed: 20261202 },
    );
  });

  it('left the database as it was (every table, every row)', () => {
    expect(dbFingerprint(f.app.hall.db)).toEqual(before);
    expect(seen.requests).toBeGreaterThan(1000);
    expect([...seen.byStatus.keys()].filter((s) => s >= 500)).toEqual([]);
  });
});

describe('socket fuzzing: refused handshakes, junk events, floods; the server stays up', () => {
  let port: number;
  beforeAll(async () => {
    await f.app.listen({ port: 0, host: '127.0.0.1' });
    port = (f.app.server.address() as AddressInfo).port;
  });

  it('refuses bad handshakes, survives junk, pushes to a good client, never leaks, changes nothing', async () => {
    await socketFuzz({
      port,
      tokens: f.tokens,
      credential: headers.terminal.authorization!.slice(7),
      push: () => f.buses.A.emit({ type: 'seat-offline', bus: 'A', seat: 'A-5' }),
    });
    expect(dbFingerprint(f.app.hall.db)).toEqual(before);
  });

  it('the fingerprint sees a change (a good request, after all the bad ones)', async () => {
    const res = await f.app.inject({
      method: 'POST',
      url: '/api/sessions',
      headers: f.auth('secretariat'),
      payload: { title: '第一次会议' },
    });
    expect(res.statusCode).toBeLessThan(300);
    expect(dbFingerprint(f.app.hall.db)).not.toEqual(before);
  });
});
