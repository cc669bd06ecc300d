import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Role } from '@hall/shared';
import { expect } from 'vitest';
import { appFixture, type AppFixture } from './app-fixture';

// Shared by the access-spelling tests (server/src/routes/access-spelling-*.test.ts): the access
// tables, the credentials, the spellings of a path, and the app they run against.

/**
 * Issue 10: access is decided from the route the router matched, never from the URL's text.
 * The tables below are written by hand — NOT read back from the routes' config — so that a
 * route added without a line here, or a route whose roles were loosened or dropped, fails.
 */
export const C = 'chair';
export const S = 'secretariat';
export const T = 'technician';
export const D = 'display';
export type Access = readonly Role[] | 'public';

export const ROUTES: Record<string, Access> = {
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
  'PUT /api/sessions/current/evaluators': [S],
  'GET /api/sessions/current/evaluators': [C, S],
  'POST /api/checkin/open': [C],
  'POST /api/checkin/close': [C],
  'GET /api/attendance': [C, S, T],
  'POST /api/attendance/mark': [S],
  'GET /api/attendance/manual': [C, S],
  // votes
  'GET /api/profiles': [C, S],
  'GET /api/profiles/library': [C, S],
  'POST /api/profiles': [S],
  'POST /api/profiles/check': [C, S],
  'POST /api/votes': [C],
  'GET /api/votes/latest': [C, S],
  'POST /api/votes/latest/close': [C],
  'POST /api/votes/latest/announce': [C],
  'POST /api/votes/latest/counts': [S],
  'POST /api/votes/latest/counts/confirm': [C],
  'GET /api/votes/latest/counts': [C, S],
  'POST /api/votes/latest/abandon': [C],
  'GET /api/votes/:voteId/result': [C, S],
  'GET /api/votes/:voteId/document': [C, S],
  'GET /api/votes/:voteId/record': [C, S],
  // series of subjects, the departments of one report (issue 14)
  'POST /api/series': [C, S],
  'GET /api/series': [C, S],
  'GET /api/series/:seriesId': [C, S],
  'POST /api/series/:seriesId/next': [C],
  'GET /api/series/:seriesId/summary': [C, S, D],
  'GET /api/series/:seriesId/report.pdf': [C, S],
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
  'GET /api/records/export.xlsx': [C, S],
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
  // console users (issue 12)
  'GET /api/users': [S],
  'POST /api/users': [S],
  'PATCH /api/users/:username': [S],
  'POST /api/users/:username/reset-password': [S],
  // operations (issue 12)
  'GET /api/ready': 'public',
  'GET /api/backup': [S],
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

export const CREDENTIALS = ['chair', 'secretariat', 'technician', 'operator'] as const;
export type Credential = (typeof CREDENTIALS)[number];
/** What each credential holds (the operator token: chair and secretariat). */
export const HOLDS: Record<Credential, Role[]> = {
  chair: [C],
  secretariat: [S],
  technician: [T],
  operator: [C, S],
};

/** The app, with the test's own dist folders as the built consoles, listening on a free port. */
export async function spellingApp(): Promise<{
  f: AppFixture;
  port: number;
  close: () => Promise<void>;
}> {
  const dist = mkdtempSync(path.join(tmpdir(), 'hall-dist-'));
  for (const [file, text] of [
    ['chair/index.html', '<!doctype html><title>chair</title>'],
    ['chair/assets/app.js', 'console.log(1)'],
    ['terminal/index.html', '<!doctype html><title>seat</title>'],
    ['terminal/assets/seat.js', 'console.log(2)'],
  ] as const) {
    mkdirSync(path.dirname(path.join(dist, file)), { recursive: true });
    writeFileSync(path.join(dist, file), text);
  }
  const f = await appFixture({
    consoleDirs: { chair: path.join(dist, 'chair'), terminal: path.join(dist, 'terminal') },
  });
  await f.app.listen({ port: 0, host: '127.0.0.1' });
  const port = (f.app.server.address() as AddressInfo).port;
  return {
    f,
    port,
    close: async () => {
      await f.close();
      rmSync(dist, { recursive: true, force: true });
    },
  };
}

export const guarded = () =>
  Object.entries(ROUTES).filter((e): e is [string, readonly Role[]] => e[1] !== 'public');
export const concrete = (url: string) => url.replace(/:[A-Za-z]+/g, '1');

/** Spellings of `p` that a careless check would read differently from the router. */
export function spellings(p: string): string[] {
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
export function expectNoLeak(body: string, what: string) {
  if (!body) return; // HEAD
  const json = JSON.parse(body) as Record<string, unknown>;
  for (const k of Object.keys(json)) {
    expect(['statusCode', 'error', 'code', 'message'], `${what}: ${body}`).toContain(k);
  }
}
