import { afterEach, describe, expect, it } from 'vitest';
import { hallFixture, type HallFixture } from '../test-support/hall-fixture';

let f: HallFixture;
afterEach(async () => {
  await f?.close();
});

it('imports a roster atomically: a bad file changes nothing', async () => {
  f = await hallFixture();
  const before = [...f.hall.roster.all()];
  expect(before).toHaveLength(64);
  const bad = 'member_id,name,role,seat\nX1,甲,member,A-1\nX2,乙,member,A-1\n';
  expect(() => f.hall.importRoster(Buffer.from(bad))).toThrow(
    expect.objectContaining({ code: 'ROSTER_INVALID' }),
  );
  expect(f.hall.roster.all()).toEqual(before);
  const good = 'member_id,name,role,seat\nX1,甲,member,A-1\nX2,乙,observer,\n';
  expect(f.hall.importRoster(Buffer.from(good))).toEqual({ members: 1, observers: 1 });
  expect(f.hall.roster.all()).toHaveLength(2);
});

it('refuses a roster change while a vote is open', async () => {
  f = await hallFixture();
  f.hall.startSession('s');
  for (let i = 1; i <= 40; i++) f.hall.markAttendance(`M${String(i).padStart(3, '0')}`, true);
  f.hall.votes.open({ title: 't', profile: 'zizhou' });
  expect(() => f.hall.importRoster(Buffer.from('member_id,name,role,seat\n'))).toThrow(
    expect.objectContaining({ code: 'VOTE_OPEN' }),
  );
});

describe('a sitting for attendance', () => {
  it('opening check-in with no sitting started begins today’s sitting; bad input begins none', async () => {
    const f = await hallFixture({ now: () => new Date('2026-11-26T01:30:00.000Z') });
    try {
      expect(f.hall.sessions.currentId()).toBeNull();
      expect(() => f.hall.markAttendance('NOBODY', true)).toThrow();
      expect(f.hall.sessions.currentId()).toBeNull();
      f.hall.openCheckin();
      const current = f.hall.sessions.current();
      expect(current?.title).toBe('2026年11月26日会议');
      expect(f.hall.attendance.checkinOpen).toBe(true);
    } finally {
      await f.close();
    }
  });
});
