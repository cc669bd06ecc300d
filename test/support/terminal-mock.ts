import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page, Route } from 'playwright-core';
import { TERMINAL_NAMESPACE, TERMINAL_STATE_EVENT, type TerminalState } from '@hall/shared';
import { REPO_ROOT } from './paths';

/**
 * The built seat terminal in a page with its server mocked by `page.route()`: the files come from
 * a `dist/` directory, the pairing call is answered, and the `/terminal` socket is a minimal
 * Engine.IO v4 long-polling peer that pushes a fixture `TerminalState`. For layout tests of
 * states today's server cannot produce (an option set of 4 or 5 options); the behaviour against
 * the real server is in terminal.browser.test.ts.
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

export interface MockTerminal {
  /** Push a new state to the page, as the server does whenever the hall changes. */
  push(state: TerminalState): void;
}

export async function mockTerminal(page: Page, state: TerminalState): Promise<MockTerminal> {
  let current = state;
  let connected = false;
  let poll: Route | null = null;
  const queue: string[] = [];
  const packet = (s: TerminalState) =>
    `42${TERMINAL_NAMESPACE},${JSON.stringify([TERMINAL_STATE_EVENT, s])}`;
  const flush = () => {
    if (!poll || queue.length === 0) return;
    const route = poll;
    poll = null;
    route
      .fulfill({ contentType: 'text/plain; charset=UTF-8', body: queue.splice(0).join('\x1e') })
      .catch(() => undefined); // the page went away
  };

  await page.route(`${MOCK_ORIGIN}/terminal/**`, async (route) => {
    const rel = new URL(route.request().url()).pathname.replace(/^\/terminal\/?/, '');
    const file = path.join(TERMINAL_DIST, rel === '' ? 'index.html' : rel);
    await route.fulfill({
      contentType: TYPES[path.extname(file)] ?? 'application/octet-stream',
      body: readFileSync(file),
    });
  });
  await page.route(`${MOCK_ORIGIN}/api/terminal/pair`, (route) =>
    route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({ seat: current.seat, credential: 'c'.repeat(43), terminalId: 7 }),
    }),
  );
  await page.route(`${MOCK_ORIGIN}/socket.io/**`, async (route) => {
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
        if (p.startsWith(`40${TERMINAL_NAMESPACE}`)) {
          connected = true;
          queue.push(`40${TERMINAL_NAMESPACE},{"sid":"mock-terminal"}`, packet(current));
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
    push(s) {
      current = s;
      if (connected) queue.push(packet(s));
      flush();
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
