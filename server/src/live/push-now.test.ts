import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NAMESPACES, type ResultPayload, type VotePayload } from '@hall/shared';
import { UserService } from '../auth/users';
import {
  checkIn,
  hallFixture,
  MEMBER_SEATS,
  type HallFixture,
} from '../../test-support/hall-fixture';
import { LiveHub } from './live-hub';

/**
 * Issue 15, "state changes pushed at once", through real sockets: the hub coalesces press
 * counts for 10 minutes here, far longer than this test runs, so every push it sees before then
 * came at once. A burst of presses is no push of its own; the close that follows carries its
 * final count, and no count older than a state change ever follows it. No timed assertion:
 * every wait is for an event, bounded generously.
 */
const TOKEN = 'operator-token-for-push-now';
const TEN_MINUTES = 600_000;

let f: HallFixture;
let hub: LiveHub;
let base = '';
const sockets: Socket[] = [];

beforeAll(async () => {
  f = await hallFixture();
  const http = createServer();
  hub = new LiveHub(http, f.hall, new UserService(f.hall.db, TOKEN), {
    pushIntervalMs: TEN_MINUTES,
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const s of sockets) s.close();
  await hub.close(); // closes the HTTP server too
  await f.close();
});

function listen(ns: string, token?: string) {
  const s = connect(`${base}${ns}`, {
    transports: ['websocket'],
    reconnection: false,
    ...(token ? { auth: { token } } : {}),
  });
  sockets.push(s);
  const seen: { event: string; payload: unknown }[] = [];
  s.onAny((event: string, payload: unknown) => seen.push({ event, payload }));
  return {
    seen,
    /** The index in `seen` of the first matching event, waited for (bounded). */
    async at<T>(event: string, pred: (p: T) => boolean = () => true): Promise<number> {
      const end = Date.now() + 60_000;
      for (;;) {
        const i = seen.findIndex((e) => e.event === event && pred(e.payload as T));
        if (i >= 0) return i;
        if (Date.now() > end) throw new Error(`no matching ${event} event came`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
  };
}

describe('the live hub pushes state changes at once (issue 15)', () => {
  it('pushes open, close and announce without the coalescing interval, the close with the final count', async () => {
    const chair = listen(NAMESPACES.chair, TOKEN);
    const display = listen(NAMESPACES.display);
    await chair.at('vote');
    await display.at('vote');

    checkIn(f, 50); // check-in presses are counts; the close of check-in a state change
    await chair.at<{ checkinOpen: boolean; present: number }>(
      'attendance',
      (a) => !a.checkinOpen && a.present === 50,
    );
    const voteId = f.hall.votes.open({ title: '执行工作', profile: 'anhui-2013' });
    const opened = await chair.at<VotePayload>(
      'vote',
      (v) => v.voteId === voteId && v.state === 'open',
    );
    await display.at<VotePayload>('vote', (v) => v.voteId === voteId && v.state === 'open');

    // 40 seats press, each its own commit in its own turn of the event loop (as the seats'
    // lines deliver them): 40 count ticks, all waiting for the interval.
    for (const [i, seat] of MEMBER_SEATS.slice(0, 40).entries()) {
      f.press(seat, [1 + (i % 3)]);
      f.flush();
      await new Promise((r) => setImmediate(r));
    }
    f.hall.votes.close();
    const result = await chair.at<ResultPayload | null>('result', (r) => r?.voteId === voteId);
    const closed = chair.seen[result]!.payload as ResultPayload;
    expect(closed.closedAt).toBeTruthy();
    expect(closed.announcedAt).toBeNull();
    expect(closed.valid + closed.invalid).toBe(40);
    // Between the open and the result: one `vote` only, the close's, with the final count. The
    // burst was no push of its own, and its pending push went out with the close.
    const votes = chair.seen
      .slice(opened + 1, result)
      .filter((e) => e.event === 'vote')
      .map((e) => e.payload as VotePayload);
    expect(votes.map((v) => [v.state, v.pressed])).toEqual([['closed', 40]]);
    await display.at<VotePayload>('vote', (v) => v.voteId === voteId && v.state === 'closed');
    expect(
      display.seen.some(
        (e) => e.event === 'result' && (e.payload as ResultPayload | null)?.voteId === voteId,
      ),
    ).toBe(false);

    f.hall.votes.announce();
    const shown = await display.at<ResultPayload | null>(
      'result',
      (r) => r?.voteId === voteId && r.announcedAt !== null,
    );
    expect((display.seen[shown]!.payload as ResultPayload).counts.satisfied).toBe(
      closed.counts.satisfied,
    );
    await chair.at<ResultPayload | null>('result', (r) => r?.voteId === voteId && !!r.announcedAt);

    // Never a count going backwards, never an open vote after its close, on either socket; and
    // while it was open, counts only (DOMAIN.md "Secrecy").
    for (const c of [chair, display]) {
      const mine = c.seen
        .filter((e) => e.event === 'vote')
        .map((e) => e.payload as VotePayload)
        .filter((v) => v.voteId === voteId);
      const pressed = mine.map((v) => v.pressed);
      expect(pressed).toEqual([...pressed].sort((a, b) => a - b));
      const states = mine.map((v) => v.state);
      expect(states.slice(states.indexOf('closed'))).not.toContain('open');
      for (const v of mine) expect(JSON.stringify(v)).not.toMatch(/satisfied|"counts"/);
    }
  });
});
