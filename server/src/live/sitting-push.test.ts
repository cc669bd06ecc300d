import { io as connect } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { NAMESPACES, type SittingPayload } from '@hall/shared';
import { listeningApp } from '../../test-support/listening-app';

const live = listeningApp();

/** Open a namespace and record what it pushes; `next` waits (bounded) for a matching event. */
function listen(ns: string, token?: string) {
  const s = connect(`${live.base}${ns}`, {
    transports: ['websocket'],
    reconnection: false,
    ...(token ? { auth: { token } } : {}),
  });
  live.sockets.push(s);
  const seen: { event: string; payload: unknown }[] = [];
  s.onAny((event: string, payload: unknown) => seen.push({ event, payload }));
  return {
    seen,
    async next<T>(event: string, pred: (p: T) => boolean): Promise<T> {
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

const post = (url: string, payload: object) =>
  live.f.app.inject({ method: 'POST', url, headers: live.f.auth('operator'), payload });

describe('the sitting push: the chair console needs no follow-up fetch', () => {
  it('carries the sitting, its agenda and the seat map, to the consoles and not the display', async () => {
    const chair = listen(NAMESPACES.chair, live.f.tokens.chair);
    const display = listen(NAMESPACES.display);
    const first = await chair.next<SittingPayload>('sitting', () => true);
    expect(first.seats.length).toBe(live.f.app.hall.seatViews().length);

    expect((await post('/api/sessions', { title: '第十次会议' })).statusCode).toBe(200);
    const item = { title: '执行工作报告', organ: '省高级人民法院' };
    expect((await post('/api/sessions/current/items', item)).statusCode).toBe(200);
    const withItem = await chair.next<SittingPayload>(
      'sitting',
      (p) => p.session?.items.some((i) => i.title === item.title) ?? false,
    );
    expect(withItem.session).toMatchObject({ title: '第十次会议', items: [item] });

    expect(
      (await post('/api/attendance/mark', { memberId: 'M001', present: true })).statusCode,
    ).toBe(200);
    const seat = live.f.app.hall.roster.all().find((e) => e.memberId === 'M001')!.seat!;
    await chair.next<SittingPayload>(
      'sitting',
      (p) => p.seats.find((s) => s.seat === seat)?.checkedIn === true,
    );
    // The REST seat view and the pushed one are the same.
    const rest = (
      await live.f.app.inject({ url: '/api/seats', headers: live.f.auth('chair') })
    ).json();
    const pushed = chair.seen.filter((e) => e.event === 'sitting').at(-1)!
      .payload as SittingPayload;
    expect(pushed.seats).toEqual(rest.seats);

    await display.next('attendance', () => true);
    expect(display.seen.some((e) => e.event === 'sitting')).toBe(false);
  });
});
