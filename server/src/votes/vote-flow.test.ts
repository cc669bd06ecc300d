import { afterEach, describe, expect, it } from 'vitest';
import { seedProfile } from '@hall/shared';
import { validateHallConfig } from '../config/hall-config';
import { supportedProfile } from './vote-service';
import {
  checkIn,
  hallFixture,
  MEMBER_SEATS,
  OBSERVER_SEATS,
  type HallFixture,
} from '../../test-support/hall-fixture';

let f: HallFixture;
afterEach(async () => {
  await f?.close();
});

const open = (title = '关于全省生态环境保护工作情况的报告', profile = 'anhui-2013') =>
  f.hall.votes.open({ title, profile });

describe('quorum gate (DOMAIN.md §3: more than half of all members)', () => {
  it('refuses to open a vote with exactly half present, opens with one more', async () => {
    f = await hallFixture();
    checkIn(f, 30); // 30 of 60: exactly half is not more than half
    expect(f.hall.attendance.summary()).toMatchObject({
      members: 60,
      present: 30,
      quorumMet: false,
    });
    expect(() => open()).toThrow(expect.objectContaining({ code: 'NO_QUORUM' }));
    expect(() => open()).toThrow(/30 of 60 members present \(more than half required\)/);
    f.hall.markAttendance('M060', true); // card forgotten: the secretariat marks by hand
    expect(f.hall.attendance.summary()).toMatchObject({ present: 31, quorumMet: true });
    expect(open()).toBe(1);
  });

  it('takes the quorum rule of the hall config (two thirds or more), never silently', async () => {
    const config = validateHallConfig({
      hall: '会议厅',
      buses: [
        { id: 'A', driver: 'modbus-rtu', simulated: true, addresses: '1-40' },
        { id: 'W', driver: 'wireless-base', simulated: true, addresses: '1-30' },
      ],
      quorum: { num: 2, den: 3, comparison: 'at-least' },
    });
    f = await hallFixture({ config });
    checkIn(f, 39);
    expect(() => open()).toThrow(expect.objectContaining({ code: 'NO_QUORUM' }));
    expect(() => open()).toThrow(/39 of 60 members present \(at least 2\/3 required\)/);
    f.hall.markAttendance('M060', true); // 40 of 60 is exactly two thirds: at-least includes it
    expect(open()).toBe(1);
  });

  it('counts observers apart, never towards the quorum', async () => {
    f = await hallFixture();
    f.hall.startSession('s');
    f.hall.openCheckin();
    for (const seat of OBSERVER_SEATS) f.press(seat, [2]);
    f.flush();
    expect(f.hall.attendance.summary()).toMatchObject({ present: 0, observersPresent: 4 });
    for (const seat of OBSERVER_SEATS) expect(f.lamp(seat)).toBe('registered');
  });

  it('refuses a second open vote', async () => {
    f = await hallFixture();
    checkIn(f, 40);
    open();
    expect(() => open('again')).toThrow(expect.objectContaining({ code: 'VOTE_OPEN' }));
  });
});

describe('presses during a vote (SEAT-PROTOCOLS.md §3)', () => {
  it('counts valid, invalid and 未按, and the first press is final', async () => {
    f = await hallFixture();
    checkIn(f, 50);
    open();
    const seats = MEMBER_SEATS;
    f.press(seats[0]!, [1]);
    f.press(seats[1]!, [1]);
    f.press(seats[2]!, [2]);
    f.press(seats[3]!, [3]);
    f.press(seats[4]!, [1, 3]); // two keys together: an invalid ballot, counts as pressed
    f.press(seats[0]!, [3]); // a later press changes nothing
    f.flush();
    expect(f.lamp(seats[0]!)).toBe('registered');
    expect(f.lamp(seats[4]!)).toBe('registered');
    expect(f.hall.votes.status()).toMatchObject({ state: 'open', present: 50, pressed: 5 });
    const r = f.hall.votes.close();
    expect(r.counts).toEqual({ satisfied: 2, 'basically-satisfied': 1, unsatisfied: 1 });
    expect(r).toMatchObject({ members: 60, present: 50, valid: 4, invalid: 1, notVoted: 45 });
    expect(r.outcome).toBe('unsatisfied');
  });

  it('shows "registered" again on a seat whose unit was reset after its ballot', async () => {
    f = await hallFixture();
    checkIn(f, 40);
    open();
    f.press('A-7', [1]);
    f.flush();
    f.buses.A.lamps.set('A-7', 'off'); // power blip: the unit forgets its LEDs
    f.buses.A.lamps.set('A-8', 'off');
    f.buses.A.emit({ type: 'unit-reset', bus: 'A', seat: 'A-7' });
    f.buses.A.emit({ type: 'unit-reset', bus: 'A', seat: 'A-8' });
    expect(f.lamp('A-7')).toBe('registered');
    expect(f.lamp('A-8')).toBe('off');
  });

  it('refuses a key that chooses nothing, and lets the seat press again', async () => {
    f = await hallFixture();
    checkIn(f, 40);
    open();
    f.press('A-1', [4]); // key 4 of a five-key unit means nothing under the three levels
    f.flush();
    expect(f.lamp('A-1')).toBe('not-accepted');
    f.press('A-1', [2]);
    f.flush();
    expect(f.lamp('A-1')).toBe('registered');
    expect(f.hall.votes.close().counts['basically-satisfied']).toBe(1);
  });

  it('refuses observers, unassigned seats, stale tags and the check-in tag', async () => {
    f = await hallFixture();
    checkIn(f, 40);
    const checkinTag = f.hall.attendance.checkinTag;
    open();
    const tag = f.hall.votes.current!.tag;
    expect(tag).not.toBe(checkinTag);
    f.press(OBSERVER_SEATS[0]!, [1]);
    f.press('W-25', [1]); // a hall seat nobody sits at
    f.press('A-2', [1], { tag: checkinTag }); // a check-in press delivered late
    f.press('A-3', [1], { tag: tag === 1 ? 2 : tag - 1 }); // an old vote's tag
    f.flush();
    for (const seat of [OBSERVER_SEATS[0]!, 'W-25', 'A-2', 'A-3']) {
      expect(f.lamp(seat)).toBe('not-accepted');
    }
    expect(f.hall.votes.status().pressed).toBe(0);
  });

  it('a late stale press of a seat that has voted keeps showing registered', async () => {
    f = await hallFixture();
    checkIn(f, 40);
    const checkinTag = f.hall.attendance.checkinTag;
    open();
    f.press('A-5', [1]);
    f.press('A-5', [2], { tag: checkinTag });
    f.flush();
    expect(f.lamp('A-5')).toBe('registered');
    expect(f.hall.votes.status().pressed).toBe(1);
  });

  it('counts a re-delivered event once (same deliveryId), in one batch or across batches', async () => {
    f = await hallFixture();
    checkIn(f, 40);
    open();
    f.press('A-1', [1], { deliveryId: 'A:7C3A:17' });
    f.press('A-1', [1], { deliveryId: 'A:7C3A:17' });
    f.flush();
    f.press('A-1', [1], { deliveryId: 'A:7C3A:17' });
    f.flush();
    expect(
      f.buses.A.settled.filter((s) => s.event.deliveryId === 'A:7C3A:17').map((s) => s.lamp),
    ).toEqual(['registered', 'registered', 'registered']);
    expect(f.hall.votes.close().counts.satisfied).toBe(1);
  });

  it('a member who did not check in but presses is present: the ballot counts, 实到 rises', async () => {
    f = await hallFixture();
    checkIn(f, 40);
    open();
    expect(f.hall.attendance.isPresent('M050')).toBe(false);
    f.press('W-10', [1]); // M050
    f.flush();
    expect(f.hall.votes.status()).toMatchObject({ present: 41, pressed: 1 });
    expect(f.hall.votes.close()).toMatchObject({ present: 41, notVoted: 40 });
  });

  it('settles nothing before the commit, and every event after it', async () => {
    f = await hallFixture();
    checkIn(f, 40);
    open();
    const before = f.buses.A.settled.length;
    f.press('A-1', [1]);
    f.press('A-2', [7 as number]); // no such key: refused, but settled too
    expect(f.buses.A.settled.length).toBe(before); // queued, not yet committed
    f.flush();
    expect(f.buses.A.settled.length).toBe(before + 2);
  });

  it('refuses an unknown profile, naming the known ones', async () => {
    f = await hallFixture();
    checkIn(f, 40);
    expect(() => open('x', 'no-such-profile')).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_PROFILE' }),
    );
    expect(() => open('x', 'no-such-profile')).toThrow(/known: anhui-2013, zizhou, shenzhen-2011/);
  });
});

describe('profiles', () => {
  it('refuses a profile that allows changing a ballot before close, with the reason', () => {
    const changeable = {
      ...seedProfile('anhui-2013')!,
      id: 'anhui-changeable',
      allowChangeBeforeClose: true,
    };
    expect(() => supportedProfile(changeable)).toThrow(
      expect.objectContaining({ code: 'CHANGE_NOT_SUPPORTED' }),
    );
    expect(supportedProfile(seedProfile('zizhou')!).id).toBe('zizhou');
  });
});

describe('close and announce', () => {
  it('refuses to close with nothing open and to announce twice', async () => {
    f = await hallFixture();
    checkIn(f, 40);
    expect(() => f.hall.votes.close()).toThrow(expect.objectContaining({ code: 'NO_OPEN_VOTE' }));
    open();
    expect(() => f.hall.votes.announce()).toThrow(expect.objectContaining({ code: 'VOTE_OPEN' }));
    // The message names what is wrong, Chinese first (one check for the votes' refusals).
    expect(() => f.hall.votes.announce()).toThrow(/^\p{Script=Han}.* \/ [A-Za-z]/u);
    f.hall.votes.close();
    expect(() => f.hall.votes.close()).toThrow(expect.objectContaining({ code: 'NO_OPEN_VOTE' }));
    const a = f.hall.votes.announce();
    expect(a.announcedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(() => f.hall.votes.announce()).toThrow(
      expect.objectContaining({ code: 'NOTHING_TO_ANNOUNCE' }),
    );
  });

  it('stores the announced result as an immutable document with the full profile', async () => {
    f = await hallFixture();
    checkIn(f, 40);
    open();
    f.press('A-1', [1]);
    f.flush();
    f.hall.votes.close();
    f.hall.votes.announce();
    const doc = f.hall.votes.document(1) as Record<string, unknown>;
    expect(Object.keys(doc).sort()).toEqual(
      [
        'hall',
        'sessionId',
        'voteId',
        'title',
        'method', // issue 14: how the ballots were taken
        'profile',
        'members',
        'present',
        'counts',
        'invalid',
        'notVoted',
        'outcome',
        'followUp',
        'openedAt',
        'closedAt',
        'announcedAt',
      ].sort(),
    );
    expect((doc.profile as { ladder: unknown[] }).ladder.length).toBe(3);
    expect(() => f.hall.db.prepare('UPDATE results SET document = ?').run('{}')).toThrow(
      /never changes/,
    );
    expect(() => f.hall.db.prepare('DELETE FROM results').run()).toThrow(/never changes/);
  });

  it('gives each vote a new tag, never a recent one', async () => {
    f = await hallFixture();
    checkIn(f, 40);
    const tags = new Set<number>([f.hall.attendance.checkinTag]);
    for (let i = 0; i < 30; i++) {
      open(`item ${i}`);
      const tag = f.hall.votes.current!.tag;
      expect(tags.has(tag)).toBe(false);
      expect(tag).toBeGreaterThanOrEqual(1);
      expect(tag).toBeLessThanOrEqual(65535);
      tags.add(tag);
      f.hall.votes.close();
    }
  });
});
