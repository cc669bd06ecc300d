import { io as connect, type Socket } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import {
  handshakeRefusalCode,
  parseSeatId,
  type ResultPayload,
  type VotePayload,
} from '@hall/shared';
import { listeningApp } from '../../test-support/listening-app';
import { MEMBER_SEATS } from '../../test-support/hall-fixture';

const live = listeningApp();

function open(ns: string, token?: string): Socket {
  const s = connect(`${live.base}${ns}`, {
    transports: ['websocket'],
    reconnection: false,
    ...(token ? { auth: { token } } : {}),
  });
  live.sockets.push(s);
  return s;
}

/** The refusal of a handshake: its code (`err.data.code`) and its message. */
function refusal(ns: string, token?: string): Promise<{ code?: string; message: string }> {
  return new Promise((resolve, reject) => {
    const s = open(ns, token);
    s.on('connect', () => reject(new Error(`${ns} let us in`)));
    s.on('connect_error', (e) => resolve({ code: handshakeRefusalCode(e), message: e.message }));
  });
}
const refused = async (ns: string, token?: string) => (await refusal(ns, token)).code;

/** Collect events of a socket; `next(name, pred)` waits (bounded) for a matching one. */
function recorder(s: Socket) {
  const seen: { event: string; payload: unknown }[] = [];
  s.onAny((event: string, payload: unknown) => seen.push({ event, payload }));
  return {
    seen,
    async next<T>(event: string, pred: (p: T) => boolean = () => true): Promise<T> {
      const end = Date.now() + 60_000;
      for (;;) {
        const hit = seen.find((e) => e.event === event && pred(e.payload as T));
        if (hit) return hit.payload as T;
        if (Date.now() > end) throw new Error(`no ${event} event came`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
  };
}

describe('live push: one namespace per role', () => {
  it('refuses the console namespaces without a token or with the wrong role', async () => {
    expect(await refused('/chair')).toBe('NO_TOKEN');
    expect(await refused('/chair', 'bogus')).toBe('NO_TOKEN');
    expect(await refused('/chair', live.f.tokens.technician)).toBe('WRONG_ROLE');
    expect(await refused('/secretariat', live.f.tokens.technician)).toBe('WRONG_ROLE');
    expect(await refused('/technician', live.f.tokens.chair)).toBe('WRONG_ROLE');
    expect(await refused('/technician', live.f.tokens.operator)).toBe('WRONG_ROLE');
    // The message of a refused handshake names what is wrong, Chinese first.
    expect((await refusal('/chair')).message).toMatch(/^\p{Script=Han}.* \/ [A-Za-z]/u);
  });

  it('gives the current state at once on connect, to each role that may see it', async () => {
    for (const [ns, token] of [
      ['/chair', live.f.tokens.chair],
      ['/secretariat', live.f.tokens.operator],
      ['/technician', live.f.tokens.technician],
      ['/display', undefined],
    ] as const) {
      const r = recorder(open(ns, token));
      const a = await r.next<{ members: number }>('attendance');
      expect(a.members, ns).toBe(60);
      await r.next('vote');
      await r.next('hardware');
      await r.next('result');
    }
  });

  it('pushes press counts coalesced, never a split while open; the display gets the result only when announced', async () => {
    const chair = recorder(open('/chair', live.f.tokens.chair));
    const display = recorder(open('/display'));
    await chair.next('vote');
    await display.next('vote');
    const hall = live.f.app.hall;
    hall.startSession('s');
    for (const seat of MEMBER_SEATS.slice(0, 50))
      hall.attendance.setPresent(hall.roster.bySeatId(seat)!.memberId, true, false);
    const voteId = hall.votes.open({ title: 't', profile: 'anhui-2013' });
    const tag = hall.votes.current!.tag;
    await display.next<VotePayload>('vote', (v) => v.voteId === voteId && v.state === 'open');
    const before = chair.seen.length;
    // 50 seats press at once, each its own commit: the clients get a handful of updates at most.
    for (const [i, seat] of MEMBER_SEATS.slice(0, 50).entries()) {
      hall.inject({
        type: 'key',
        ...parseSeatId(seat),
        seat,
        tag,
        keys: [1 + (i % 3)],
        deliveryId: `burst:${i}`,
      });
      hall.presses.flush();
    }
    const last = await chair.next<VotePayload>('vote', (v) => v.pressed === 50);
    expect(last.state).toBe('open');
    const burst = chair.seen.slice(before).filter((e) => e.event === 'vote');
    expect(burst.length).toBeLessThan(10);
    for (const e of [...chair.seen, ...display.seen]) {
      expect(JSON.stringify(e.payload), e.event).not.toMatch(/satisfied|"counts"/);
    }
    hall.votes.close();
    const closed = await chair.next<ResultPayload | null>('result', (r) => r?.voteId === voteId);
    expect(closed!.counts.satisfied).toBe(17);
    await display.next<VotePayload>('vote', (v) => v.state === 'closed');
    expect(display.seen.filter((e) => e.event === 'result' && e.payload !== null)).toEqual([]);
    hall.votes.announce();
    const shown = await display.next<ResultPayload | null>('result', (r) => r?.voteId === voteId);
    expect(shown!.announcedAt).toBeTruthy();
    // A display that connects now gets the announced result at once.
    const late = recorder(open('/display'));
    expect((await late.next<ResultPayload | null>('result'))!.voteId).toBe(voteId);
  });
});
