import { io as connect, type Socket } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import {
  announcementText,
  NAMESPACES,
  parseSeatId,
  seedProfile,
  type DisplayReply,
  type ResultPayload,
  type VotePayload,
} from '@hall/shared';
import { listeningApp } from '../../test-support/listening-app';
import { MEMBER_SEATS } from '../../test-support/hall-fixture';
import { compareSeats } from './vote-state';

/**
 * Issue 13, what the sockets push: the sitting and the next item to everyone; the seats that
 * have not pressed to the chair and secretariat only (never the display or the technician, and
 * never in press order); the 依据 to everyone once announced, and the 宣读稿 to the chair and
 * secretariat once closed, in the pushed state (a reloaded console gets them at once).
 */
const live = listeningApp();

function listen(ns: string, token?: string) {
  const s: Socket = connect(`${live.base}${ns}`, {
    transports: ['websocket'],
    reconnection: false,
    ...(token ? { auth: { token } } : {}),
  });
  live.sockets.push(s);
  const seen: { event: string; payload: unknown }[] = [];
  s.onAny((event: string, payload: unknown) => seen.push({ event, payload }));
  return {
    seen,
    of: <T>(event: string) => seen.filter((e) => e.event === event).map((e) => e.payload as T),
    async next<T>(event: string, pred: (p: T) => boolean = () => true): Promise<T> {
      const end = Date.now() + 60_000;
      for (;;) {
        const hit = seen.find((e) => e.event === event && pred(e.payload as T));
        if (hit) return hit.payload as T;
        if (Date.now() > end) throw new Error(`no matching ${event} event came`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
  };
}

const post = (url: string, payload: object = {}) =>
  live.f.app.inject({ method: 'POST', url, headers: live.f.auth('operator'), payload });

/** The seats a press order leaves, in seat order: what `notPressed` must be. */
const left = (pressed: readonly string[]) =>
  MEMBER_SEATS.filter((s) => !pressed.includes(s)).sort(compareSeats);

describe('the vote push of issue 13', () => {
  it('names the seats not pressed to the chair and secretariat only, in seat order, and the 宣读稿 and 依据 once closed', async () => {
    const hall = live.f.app.hall;
    const chair = listen(NAMESPACES.chair, live.f.tokens.chair);
    const secretariat = listen(NAMESPACES.secretariat, live.f.tokens.operator);
    const technician = listen(NAMESPACES.technician, live.f.tokens.technician);
    const display = listen(NAMESPACES.display);
    const all = [chair, secretariat, technician, display];
    for (const c of all) await c.next('vote');

    expect((await post('/api/sessions', { title: '第十次会议' })).statusCode).toBe(200);
    for (const title of ['执行工作报告', '环境保护工作报告'])
      expect(
        (await post('/api/sessions/current/items', { title, organ: '省人民政府' })).statusCode,
      ).toBe(200);
    for (const c of all) {
      const v = await c.next<VotePayload>('vote', (p) => p.nextItem === '省人民政府：执行工作报告');
      expect(v.sitting).toBe('第十次会议');
    }
    for (const seat of MEMBER_SEATS.slice(0, 40))
      hall.attendance.setPresent(hall.roster.bySeatId(seat)!.memberId, true, false);
    const open = await post('/api/votes', { title: '执行工作', profile: 'anhui-2013', itemId: 1 });
    expect(open.statusCode).toBe(200);
    const voteId = (open.json() as { voteId: number }).voteId;
    const opened = await chair.next<VotePayload>(
      'vote',
      (v) => v.voteId === voteId && v.state === 'open',
    );
    expect(opened.notPressed).toEqual(left([]));
    // The item being evaluated is not "next" any more.
    expect(opened.nextItem).toBe('省人民政府：环境保护工作报告');

    // Seats press out of seat order; each push lists what is left, in seat order.
    const order = ['W-3', 'A-17', 'A-2', 'W-12', 'A-10', 'A-1', 'W-1'];
    const tag = hall.votes.current!.tag;
    for (const [i, seat] of order.entries()) {
      hall.inject({
        type: 'key',
        ...parseSeatId(seat),
        seat,
        tag,
        keys: [1 + (i % 3)],
        deliveryId: `np:${i}`,
      });
      hall.presses.flush();
      const v = await chair.next<VotePayload>('vote', (p) => p.pressed === i + 1);
      expect(v.notPressed, seat).toEqual(left(order.slice(0, i + 1)));
      const s = await secretariat.next<VotePayload>('vote', (p) => p.pressed === i + 1);
      expect(s.notPressed).toEqual(v.notPressed);
    }
    const d = await display.next<VotePayload>('vote', (p) => p.pressed === order.length);
    expect(d).toMatchObject({ sitting: '第十次会议', nextItem: '省人民政府：环境保护工作报告' });

    // The REST display state is the display's too.
    const rest = (await live.f.app.inject({ url: '/api/display' })).json() as DisplayReply;
    expect(rest.vote.pressed).toBe(order.length);
    expect(rest.vote).not.toHaveProperty('notPressed');

    // Nothing but the chair's and secretariat's `notPressed` names a seat in a vote payload,
    // and every list is in seat order: the press order shows nowhere.
    for (const c of all) {
      for (const v of c.of<VotePayload>('vote')) {
        const { notPressed, ...rest } = v;
        expect(JSON.stringify(rest)).not.toMatch(/"[AW]-\d+"/);
        if (notPressed) expect(notPressed).toEqual([...notPressed].sort(compareSeats));
      }
    }
    for (const c of [technician, display]) {
      expect(
        c.of<VotePayload>('vote').some((v) => 'notPressed' in v),
        'notPressed',
      ).toBe(false);
    }

    // Close: the chair and secretariat get the 依据 and the 宣读稿 in the push; nobody else yet.
    expect((await post('/api/votes/latest/close')).statusCode).toBe(200);
    const closed = await chair.next<ResultPayload | null>('result', (r) => r?.voteId === voteId);
    const expected = announcementText({ ...closed!, profile: seedProfile('anhui-2013')! });
    expect(closed!.announcementText).toEqual(expected);
    // 40 checked in, and the three W seats that pressed without checking in are present too.
    expect(closed!.announcementText!.zh).toBe(
      '本次测评应到60人，实到43人。满意3票，基本满意2票，不满意2票，无效0票，未按键36人。测评结果为：不满意。',
    );
    expect(closed!.explanation!.zh).toContain('满意 3');
    const afterClose = await chair.next<VotePayload>('vote', (v) => v.state === 'closed');
    expect(afterClose).not.toHaveProperty('notPressed');
    expect(
      (await secretariat.next<ResultPayload | null>('result', (r) => r?.voteId === voteId))!
        .announcementText,
    ).toEqual(expected);
    await display.next<VotePayload>('vote', (v) => v.state === 'closed');
    expect(display.of<ResultPayload | null>('result').filter((r) => r !== null)).toEqual([]);

    // A console that connects now (a reload) gets them at once.
    const reloaded = listen(NAMESPACES.chair, live.f.tokens.chair);
    const first = await reloaded.next<ResultPayload | null>('result');
    expect(first).toMatchObject({
      voteId,
      explanation: closed!.explanation,
      announcementText: expected,
    });

    // Announce: everyone gets the 依据; only the chair and secretariat the 宣读稿 and follow-up.
    expect((await post('/api/votes/latest/announce')).statusCode).toBe(200);
    for (const c of [display, technician]) {
      const r = await c.next<ResultPayload | null>('result', (p) => p?.voteId === voteId);
      expect(r!.explanation).toEqual(closed!.explanation);
      expect(r).not.toHaveProperty('announcementText');
      expect(r).not.toHaveProperty('followUp');
    }
    const sealed = await chair.next<ResultPayload | null>('result', (r) => r?.announcedAt != null);
    expect(sealed).toMatchObject({ explanation: closed!.explanation, announcementText: expected });
    const shown = (await live.f.app.inject({ url: '/api/display' })).json() as DisplayReply;
    expect(shown.result!.explanation).toEqual(closed!.explanation);
    expect(shown.result).not.toHaveProperty('announcementText');
    expect(shown.vote.nextItem).toBe('省人民政府：环境保护工作报告');
  });
});
