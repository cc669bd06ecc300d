import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page, Route } from 'playwright-core';
import { TERMINAL_NAMESPACE, TERMINAL_STATE_EVENT, type TerminalState } from '@hall/shared';
import { REPO_ROOT } from './paths';

/**
 * The built seat terminal in a page with its server mocked by `page.route()`: the files come from
 * a `dist/` directory, the pairing call is answered, and the `/terminal` socket is a minimal
 * Engine.IO v4 long-polling peer that pushes a fixture `TerminalState`. For layout tests of
 * states a demo hall does not produce at will (2 to 5 options, a paper vote); the behaviour
 * against the real server is in terminal.browser.test.ts. `mockSocketIo` and `serveDist` are
 * shared with the hall display's mock (display-mock.ts).
 */
export const MOCK_ORIGIN = 'http://seat-terminal.test';
export const MOCK_URL = `${MOCK_ORIGIN}/terminal/`;

/** The terminal build under test: `dist/`, or another build (e.g. of older code) by env. */
export const TERMINAL_DIST =
  process.env.TERMINAL_DIST ?? path.join(REPO_ROOT, 'terminal-ui', 'dist');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** Serve `dist` under `origin + base`: a path with no file extension gets index.html. */
export async function serveDist(
  page: Page,
  origin: string,
  base: string,
  dist: string,
): Promise<void> {
  await page.route(`${origin}${base}**`, async (route) => {
    const rel = new URL(route.request().url()).pathname.slice(base.length);
    if (rel.startsWith('socket.io/') || rel.startsWith('api/')) return route.fallback();
    const file = path.join(dist, path.extname(rel) === '' ? 'index.html' : rel);
    await route.fulfill({
      contentType: TYPES[path.extname(file)] ?? 'application/octet-stream',
      body: readFileSync(file),
    });
  });
}

/** A mocked socket.io server of one namespace: what it sends on connect, and later pushes. */
export interface MockSocket {
  /** Send one event to the page (queued until it has connected). */
  send(event: string, payload: unknown): void;
}

/**
 * A minimal Engine.IO v4 long-polling socket.io peer at `origin` for `namespace`: on connect it
 * sends `initial()` (event, payload pairs), then whatever `send` is given.
 */
export async function mockSocketIo(
  page: Page,
  origin: string,
  namespace: string,
  initial: () => [string, unknown][],
): Promise<MockSocket> {
  let connected = false;
  let poll: Route | null = null;
  const queue: string[] = [];
  const packet = (event: string, payload: unknown) =>
    `42${namespace},${JSON.stringify([event, payload])}`;
  const flush = () => {
    if (!poll || queue.length === 0) return;
    const route = poll;
    poll = null;
    route
      .fulfill({ contentType: 'text/plain; charset=UTF-8', body: queue.splice(0).join('\x1e') })
      .catch(() => undefined); // the page went away
  };
  await page.route(`${origin}/socket.io/**`, async (route) => {
    const req = route.request();
    if (!new URL(req.url()).searchParams.get('sid')) {
      // The handshake: no upgrade, and pings far apart (the pages live a few seconds).
      const open = { sid: 'mock', upgrades: [], pingInterval: 600_000, pingTimeout: 600_000 };
      await route.fulfill({
        contentType: 'text/plain; charset=UTF-8',
        body: `0${JSON.stringify({ ...open, maxPayload: 1_000_000 })}`,
      });
      return;
    }
    if (req.method() === 'POST') {
      for (const p of (req.postData() ?? '').split('\x1e')) {
        if (p.startsWith(`40${namespace}`)) {
          connected = true;
          queue.push(`40${namespace},{"sid":"mock-socket"}`);
          for (const [event, payload] of initial()) queue.push(packet(event, payload));
        }
      }
      await route.fulfill({ contentType: 'text/html', body: 'ok' });
      flush();
      return;
    }
    poll = route; // a long poll: answered when there is something to send
    flush();
  });
  return {
    send(event, payload) {
      if (connected) queue.push(packet(event, payload));
      flush();
    },
  };
}

export interface MockTerminal {
  /** Push a new state to the page, as the server does whenever the hall changes. */
  push(state: TerminalState): void;
}

export async function mockTerminal(page: Page, state: TerminalState): Promise<MockTerminal> {
  let current = state;
  await serveDist(page, MOCK_ORIGIN, '/terminal/', TERMINAL_DIST);
  await page.route(`${MOCK_ORIGIN}/api/terminal/pair`, (route) =>
    route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({ seat: current.seat, credential: 'c'.repeat(43), terminalId: 7 }),
    }),
  );
  const socket = await mockSocketIo(page, MOCK_ORIGIN, TERMINAL_NAMESPACE, () => [
    [TERMINAL_STATE_EVENT, current],
  ]);
  return {
    push(s) {
      current = s;
      socket.send(TERMINAL_STATE_EVENT, s);
    },
  };
}

/** A page that starts with this terminal already paired (its credential stored). */
export async function alreadyPaired(page: Page, seat: string): Promise<void> {
  await page.addInitScript(
    (pairing) => localStorage.setItem('hall.terminal', pairing),
    JSON.stringify({ seat, credential: 'c'.repeat(43), terminalId: 7 }),
  );
}
