import { describe, expect, it } from 'vitest';
import type { Hall } from '../hall';
import { checkIn, hallFixture, MEMBER_SEATS } from '../../test-support/hall-fixture';
import { compareSeats, notPressedSeats, votePayload } from './vote-state';

/** A fixed clock: two sittings that differ only in press order have the same times. */
const at = () => new Date('2026-12-02T02:00:00.000Z');

/** Open a vote after 50 check-ins, let `order` press (key 1, 2, 3 in turn), and return the hall. */
async function pressedInOrder(order: readonly string[]) {
  const f = await hallFixture({ now: at });
  checkIn(f, 50);
  f.hall.votes.open({ title: '执行工作', profile: 'anhui-2013' });
  const seen: ReturnType<typeof votePayload>[] = [];
  for (const [i, seat] of order.entries()) {
    f.press(seat, [1 + (i % 3)]);
    f.flush();
    seen.push(votePayload(f.hall, 'chair'));
  }
  return { f, seen };
}

describe('the seats not pressed (issue 13)', () => {
  it('are the same whatever order the seats pressed in, in seat order', async () => {
    const seats = MEMBER_SEATS.slice(0, 30);
    // Every other seat, then the rest backwards.
    const shuffled = [
      ...seats.filter((_, i) => i % 2 === 1),
      ...seats.filter((_, i) => i % 2 === 0).reverse(),
    ];
    expect(shuffled).not.toEqual(seats);
    const one = await pressedInOrder(seats);
    const two = await pressedInOrder(shuffled);
    try {
      const a = votePayload(one.f.hall, 'chair');
      const b = votePayload(two.f.hall, 'chair');
      expect(a).toEqual(b);
      expect(a.notPressed).toEqual(MEMBER_SEATS.slice(30).sort(compareSeats));
      expect(a.notPressed!.slice(0, 3)).toEqual(['A-31', 'A-32', 'A-33']);
      // After every press, what is left in seat order: nothing of the order in which they came.
      for (const [i, v] of two.seen.entries()) {
        const done = new Set(shuffled.slice(0, i + 1));
        expect(v.notPressed).toEqual(MEMBER_SEATS.filter((s) => !done.has(s)).sort(compareSeats));
      }
      // The display and the technician get the count only.
      for (const role of ['display', 'technician'] as const) {
        const v = votePayload(two.f.hall, role);
        expect(v).not.toHaveProperty('notPressed');
        expect(v.pressed).toBe(30);
      }
    } finally {
      await one.f.close();
      await two.f.close();
    }
  });

  it('orders seats by bus and then by address as a number', () => {
    expect(['W-2', 'A-10', 'A-2', 'A-1', 'W-10', 'W-1'].sort(compareSeats)).toEqual([
      'A-1',
      'A-2',
      'A-10',
      'W-1',
      'W-2',
      'W-10',
    ]);
  });

  it('stay cheap for 3,000 member seats: sorted once per roster, one short id per seat', () => {
    const seats = Array.from({ length: 3000 }, (_, i) => `${i % 2 ? 'B' : 'A'}-${3000 - i}`);
    const roster = seats.map((seat) => ({ seat, role: 'member' as const }));
    let sorts = 0;
    const pressed = new Set(seats.filter((_, i) => i % 3 === 0));
    const hall = {
      votes: { current: { pressed }, keypadVote: { pressed } },
      roster: {
        all: () => roster,
        memberSeats: () => {
          sorts++;
          return seats.slice().sort();
        },
      },
    } as unknown as Hall;
    const started = performance.now();
    let last: string[] | null = null;
    for (let i = 0; i < 100; i++) last = notPressedSeats(hall);
    const ms = performance.now() - started;
    expect(sorts).toBe(1);
    expect(last).toHaveLength(2000);
    expect(last![0]).toBe('A-2');
    expect(JSON.stringify(last).length).toBeLessThan(20_000);
    // 100 pushes (10 seconds' worth at the coalesced rate): far under a second even when loaded.
    expect(ms).toBeLessThan(2_000);
  });
});
