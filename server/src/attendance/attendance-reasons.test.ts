import type { ManualMarksReply } from '@hall/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appFixture, type AppFixture } from '../../test-support/app-fixture';

/**
 * Issue 13: a manual attendance mark carries the secretariat's reason, kept with who marked and
 * when (attendance_notes, migration 004); the table holds nothing about a vote.
 */
let f: AppFixture;
const post = (url: string, payload: object, role: keyof AppFixture['tokens'] = 'secretariat') =>
  f.app.inject({ method: 'POST', url, headers: f.auth(role), payload });

beforeAll(async () => {
  f = await appFixture();
  expect((await post('/api/sessions', { title: '第十三次会议' })).statusCode).toBe(200);
}, 60_000);

afterAll(async () => {
  await f?.close();
});

describe('manual attendance with a reason', () => {
  it('keeps the reason, who and when; a later mark replaces it', async () => {
    const r = await post('/api/attendance/mark', {
      memberId: 'M001',
      present: true,
      reason: '忘带代表证',
    });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ present: 1 });
    await post('/api/attendance/mark', { memberId: 'M002', present: true, reason: '按键器故障' });
    await post('/api/attendance/mark', { memberId: 'M002', present: false, reason: '请假离场' });
    const list = await f.app.inject({ url: '/api/attendance/manual', headers: f.auth('chair') });
    expect(list.statusCode).toBe(200);
    const { marks } = list.json() as ManualMarksReply;
    expect(marks.map((m) => [m.memberId, m.present, m.reason, m.markedBy])).toEqual([
      ['M001', true, '忘带代表证', 'secretariat'],
      ['M002', false, '请假离场', 'secretariat'],
    ]);
    expect(marks[0]!.name.length).toBeGreaterThan(0);
    const { attendees } = list.json() as ManualMarksReply;
    expect(attendees.find((e) => e.memberId === 'M001')).toMatchObject({ present: true });
    expect(attendees.find((e) => e.memberId === 'M002')).toMatchObject({ present: false });
    expect(Number.isNaN(Date.parse(marks[0]!.markedAt))).toBe(false);
  });

  it('still takes a mark without a reason (scripts), kept with an empty reason', async () => {
    expect(
      (await post('/api/attendance/mark', { memberId: 'M003', present: true })).statusCode,
    ).toBe(200);
    const { marks } = (
      await f.app.inject({ url: '/api/attendance/manual', headers: f.auth('secretariat') })
    ).json() as ManualMarksReply;
    expect(marks.find((m) => m.memberId === 'M003')).toMatchObject({ reason: '' });
  });

  it('refuses an over-long or empty reason, and the technician may not read the marks', async () => {
    const long = await post('/api/attendance/mark', {
      memberId: 'M004',
      present: true,
      reason: '长'.repeat(201),
    });
    expect(long.statusCode).toBe(400);
    const empty = await post('/api/attendance/mark', {
      memberId: 'M004',
      present: true,
      reason: '',
    });
    expect(empty.statusCode).toBe(400);
    const tech = await f.app.inject({
      url: '/api/attendance/manual',
      headers: f.auth('technician'),
    });
    expect(tech.statusCode).toBe(403);
  });

  it('the notes table has no vote, option or ballot column', () => {
    const cols = (
      f.app.hall.db.prepare('PRAGMA table_info(attendance_notes)').all() as { name: string }[]
    ).map((c) => c.name);
    expect(cols).toEqual([
      'session_id',
      'member_id',
      'present',
      'reason',
      'marked_by',
      'marked_at',
    ]);
    expect(() => f.app.hall.db.prepare('SELECT rowid FROM attendance_notes').all()).toThrow(
      /rowid/,
    );
  });
});
