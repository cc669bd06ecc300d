// Issue 14 "Seat keys for any option set": a 3-key seat can serve a profile of at most 3
// options; a keypad vote whose options the member seats cannot show is refused at opening with
// a reason naming the seats (SEAT-PROTOCOLS.md §1: units have 3 or 5 keys; keys 4 and 5 exist
// on 5-key units for other option sets).
import { afterEach, describe, expect, it } from 'vitest';
import { anhui2013, seatId } from '@hall/shared';
import {
  checkIn,
  hallFixture,
  MEMBER_SEATS,
  range,
  type HallFixture,
} from '../../test-support/hall-fixture';
import { fourOptions } from '../../test-support/test-profiles';
import { seatKeysRefusal, seatRanges } from './seat-keys';

describe('seatKeysRefusal (pure)', () => {
  const seats = (n: number) => range(1, n).map((a) => seatId('A', a));

  it('joins consecutive addresses in hall order (A-2 before A-10)', () => {
    expect(seatRanges(['A-10', 'A-2', 'A-3', 'A-1', 'W-1', 'A-12', 'W-2', 'A-1'])).toEqual([
      'A-1…A-3',
      'A-10',
      'A-12',
      'W-1…W-2',
    ]);
  });

  it('lets 3-key seats serve three options, and 5-key seats four', () => {
    expect(seatKeysRefusal(anhui2013, seats(60), () => 3)).toBeNull();
    expect(seatKeysRefusal(anhui2013, seats(60), () => undefined)).toBeNull();
    expect(seatKeysRefusal(fourOptions(), seats(60), () => 5)).toBeNull();
    expect(seatKeysRefusal(fourOptions(), [], () => 3)).toBeNull();
  });

  it('refuses a fourth option on 3-key seats, naming them in ranges', () => {
    const keys = (s: string) => (s === 'A-7' || s === 'A-20' ? 3 : 5);
    const r = seatKeysRefusal(fourOptions(), seats(40), keys)!;
    expect(r).toMatchObject({ code: 'SEATS_LACK_KEYS', statusCode: 409 });
    expect(r.message).toMatch(/^测评办法 with-abstain 需要座位的第 4 个键（弃权）/);
    expect(r.message).toContain('A-7、A-20（共 2 个座位）');
    expect(r.message).toContain('A-7, A-20 (2 seats)');
    expect(r.message).not.toMatch(/未知/);
  });

  it('counts a seat of unknown key count as 3 keys, and says so', () => {
    const r = seatKeysRefusal(fourOptions(), seats(60), (s) => (s === 'A-1' ? 3 : undefined))!;
    expect(r.message).toContain('A-1…A-60（共 60 个座位）');
    expect(r.message).toContain('其中 59 个座位的键数未知，按 3 个键计');
    expect(r.message).toContain('59 of them did not report their key count');
  });

  it('lists ten ranges, then how many seats in all', () => {
    const odd = range(1, 30)
      .filter((a) => a % 2 === 1)
      .map((a) => seatId('A', a)); // 15 separate seats
    const r = seatKeysRefusal(fourOptions(), odd, () => 3)!;
    expect(r.message).toContain(
      'A-1、A-3、A-5、A-7、A-9、A-11、A-13、A-15、A-17、A-19 等 15 个座位',
    );
    expect(r.message).not.toContain('A-21');
    expect(r.message.split('\n')).toHaveLength(1);
  });
});

describe('opening a keypad vote (through the hall)', () => {
  let f: HallFixture;
  afterEach(async () => {
    await f?.close();
  });

  /** Every seat of the fixture's buses reports `keys` (as UNIT_INFO / $HELLO do). */
  function seatsReport(keys: number) {
    for (const [bus, n] of [
      ['A', 40],
      ['W', 30],
    ] as const) {
      for (const a of range(1, n)) {
        f.buses[bus].emit({ type: 'seat-online', bus, seat: seatId(bus, a), keys });
      }
    }
  }

  it('refuses a four-option profile on 3-key seats, naming the seats, and changes nothing', async () => {
    f = await hallFixture(); // FakeBus seats report 3 keys
    f.hall.profiles.save(fourOptions(), 'secretariat');
    checkIn(f, 40);
    const open = () =>
      f.hall.votes.open({ title: '关于某某工作情况的报告', profile: 'with-abstain' });
    expect(open).toThrow(expect.objectContaining({ code: 'SEATS_LACK_KEYS', statusCode: 409 }));
    expect(open).toThrow(/A-1…A-40、W-1…W-20（共 60 个座位）/);
    expect(f.hall.votes.current).toBeNull();
    expect(f.hall.votes.latestRow()).toBeNull();
    expect(f.hall.hardware.currentMode.mode).toBe('idle');
    // The built-in three-option profiles still open on the same seats.
    expect(f.hall.votes.open({ title: '关于某某工作情况的报告', profile: 'anhui-2013' })).toBe(1);
  });

  it('opens it on 5-key seats, where key 4 is a valid ballot for 弃权', async () => {
    f = await hallFixture();
    seatsReport(5);
    checkIn(f, 40);
    const voteId = f.hall.votes.open({ title: '关于某某工作情况的报告', profile: fourOptions() });
    expect(voteId).toBe(1);
    f.press(MEMBER_SEATS[0]!, [4]);
    f.press(MEMBER_SEATS[1]!, [1]);
    f.press(MEMBER_SEATS[2]!, [5]); // no option on key 5: not a ballot, may press again
    f.flush();
    expect(f.lamp(MEMBER_SEATS[0]!)).toBe('registered');
    expect(f.lamp(MEMBER_SEATS[2]!)).toBe('not-accepted');
    const result = f.hall.votes.close();
    expect(result.counts).toMatchObject({ abstain: 1, satisfied: 1 });
  });

  it('refuses it when only some seats have five keys, naming the others', async () => {
    f = await hallFixture();
    seatsReport(5);
    f.buses.W.emit({ type: 'seat-online', bus: 'W', seat: 'W-5', keys: 3 });
    checkIn(f, 40);
    expect(() => f.hall.votes.open({ title: 't', profile: fourOptions() })).toThrow(
      /以下座位的键不够：W-5（共 1 个座位）/,
    );
  });
});
