import path from 'node:path';
import type { Page, WebSocketRoute } from 'playwright-core';
import {
  LIVE_EVENTS,
  NAMESPACES,
  type AttendancePayload,
  type ResultPayload,
  type VotePayload,
} from '@hall/shared';
import { REPO_ROOT } from './paths';
import { serveDist } from './terminal-mock';

/**
 * The built hall display (chair-console/dist at /display) in a page with its server mocked: the
 * `/display` namespace pushes fixture `vote` and `result` payloads. For layout tests of what a
 * demo hall does not produce at will (a profile of the secretariat's own with 2 to 5 options, a
 * paper vote, a series); the behaviour against the real server is in display.browser.test.ts.
 * The display's socket tries a WebSocket first (chair-console/src/lib/live.ts), so the mock is a
 * minimal Engine.IO v4 peer over a routed WebSocket (`page.routeWebSocket`).
 */
export const DISPLAY_ORIGIN = 'http://hall-display.test';
export const DISPLAY_URL = `${DISPLAY_ORIGIN}/display`;
const CONSOLE_DIST = path.join(REPO_ROOT, 'chair-console', 'dist');

export interface DisplayFixture {
  vote: VotePayload;
  result: ResultPayload | null;
  attendance?: AttendancePayload;
}

export interface MockDisplay {
  /** Push a new vote and result, as the server does whenever the hall changes. */
  push(state: DisplayFixture): void;
}

export async function mockDisplay(page: Page, state: DisplayFixture): Promise<MockDisplay> {
  let current = state;
  await serveDist(page, DISPLAY_ORIGIN, '/', CONSOLE_DIST);
  const events = (s: DisplayFixture): [string, unknown][] => [
    ...(s.attendance ? [[LIVE_EVENTS.attendance, s.attendance] as [string, unknown]] : []),
    [LIVE_EVENTS.vote, s.vote],
    [LIVE_EVENTS.result, s.result],
  ];
  const ns = NAMESPACES.display;
  const packet = ([event, payload]: [string, unknown]) =>
    `42${ns},${JSON.stringify([event, payload])}`;
  const sockets = new Set<WebSocketRoute>();
  await page.routeWebSocket(/\/socket\.io\//, (ws) => {
    // The Engine.IO open packet; pings far apart (the pages live a few seconds).
    const open = { sid: 'mock', upgrades: [], pingInterval: 600_000, pingTimeout: 600_000 };
    ws.send(`0${JSON.stringify({ ...open, maxPayload: 1_000_000 })}`);
    ws.onMessage((m) => {
      if (typeof m !== 'string' || !m.startsWith(`40${ns}`)) return;
      ws.send(`40${ns},{"sid":"mock-display"}`);
      for (const e of events(current)) ws.send(packet(e));
      sockets.add(ws);
    });
    ws.onClose(() => sockets.delete(ws));
  });
  return {
    push(s) {
      current = s;
      for (const ws of sockets) for (const e of events(s)) ws.send(packet(e));
    },
  };
}
