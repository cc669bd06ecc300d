import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { announcementText } from '@hall/shared';
import { afterEach, describe, expect, it } from 'vitest';
import {
  checkIn,
  hallFixture,
  MEMBER_SEATS,
  type HallFixture,
} from '../../test-support/hall-fixture';
import type { CountsBy } from './hand-counts';

/**
 * Issue 14: "a keypad vote that the hardware failed during can be abandoned (recorded as
 * abandoned, with the reason) and retaken by hand". Its ballots are destroyed unread, exactly as
 * a close destroys them, and no count is ever written: its partial split never exists anywhere.
 */
const fixtures: HallFixture[] = [];
afterEach(async () => {
  for (const x of fixtures.splice(0)) await x.close();
});

const SEC: CountsBy = { username: 'secretariat', operator: false, issuedBy: null };
const CHAIR: CountsBy = { username: 'chair', operator: false, issuedBy: null };
const REASON = '表决器故障';
const FIXED = new Date('2026-11-26T09:30:00.000Z').getTime();

const keyFiles = (f: HallFixture) =>
  existsSync(f.keyDir) ? readdirSync(f.keyDir).filter((n) => n.startsWith('ballot-')) : [];
const count = (f: HallFixture, sql: string, ...args: unknown[]) =>
  (f.hall.db.prepare(sql).get(...args) as { n: number }).n;

/**
 * A sitting on a clock that moves one second a press, with fixed tags and key ids: 40 check in,
 * a keypad vote opens, the first 20 seats press `keys`, and the vote is abandoned.
 */
async function abandonedSitting(keys: number[]): Promise<HallFixture> {
  let clock = FIXED;
  let t = 0;
  let ids = 0;
  const f = await hallFixture({
    now: () => new Date(clock),
    random: () => 777 + t++,
    ballotKeyIds: () => (0xabad0000 + ids++).toString(16).padStart(32, '0'),
  });
  fixtures.push(f);
  const press = (seat: string, k: number[]) => {
    clock += 1000;
    f.press(seat, k);
    f.flush();
  };
  f.hall.startSession('第十四届常委会第十次会议');
  f.hall.openCheckin();
  for (const seat of MEMBER_SEATS.slice(0, 40)) press(seat, [1]);
  f.hall.closeCheckin();
  clock += 1000;
  f.hall.votes.open({ title: '关于全省生态环境保护工作情况的报告', profile: 'anhui-2013' });
  expect(keyFiles(f)).toHaveLength(1);
  for (const seat of MEMBER_SEATS.slice(0, 20)) press(seat, keys);
  clock += 1000;
  f.hall.votes.abandon(REASON);
  return f;
}

describe('abandoning a vote destroys its ballots unread', () => {
  it('leaves the same bytes whatever was pressed: no counts row, no slot, no key file', async () => {
    // Sitting a: all 20 pressed 满意; sitting b: all 20 pressed 不满意. Not even the totals
    // differ in what is left: nothing of the split was computed or stored.
    const a = await abandonedSitting([1]);
    const b = await abandonedSitting([3]);
    for (const f of [a, b]) {
      expect(f.hall.votes.latestRow()).toMatchObject({
        state: 'abandoned',
        abandon_reason: REASON,
        abandoned_at: expect.any(String),
      });
      expect(count(f, 'SELECT count(*) AS n FROM vote_counts')).toBe(0);
      expect(count(f, 'SELECT count(*) AS n FROM vote_ballots')).toBe(0);
      expect(count(f, 'SELECT count(*) AS n FROM hand_counts')).toBe(0);
      expect(keyFiles(f)).toEqual([]);
      expect(f.hall.votes.current).toBeNull();
      expect(f.buses.A.mode).toBe('idle');
      expect(f.hall.votes.status()).toMatchObject({ state: 'abandoned', pressed: 20 });
    }
    const db = (f: HallFixture) => readFileSync(path.join(f.dir, 'hall.db'));
    expect(Buffer.compare(db(a), db(b))).toBe(0);
  });

  it('has no result, no document and no announcement, ever', async () => {
    const f = await abandonedSitting([2]);
    const abandoned = expect.objectContaining({ code: 'VOTE_ABANDONED' });
    expect(() => f.hall.votes.result(1)).toThrow(abandoned);
    expect(() => f.hall.votes.document(1)).toThrow(abandoned);
    expect(() => f.hall.votes.announce()).toThrow(abandoned);
    expect(() => f.hall.votes.close()).toThrow(expect.objectContaining({ code: 'NO_OPEN_VOTE' }));
    expect(() => f.hall.votes.abandon('again')).toThrow(
      expect.objectContaining({ code: 'NO_OPEN_VOTE' }),
    );
    expect(f.hall.records.all()).toEqual([]);
    // Presses now are no ballots.
    f.press(MEMBER_SEATS[30]!, [1]);
    f.flush();
    expect(f.lamp(MEMBER_SEATS[30]!)).toBe('not-accepted');
  });

  it('wants a reason, and forgets a hand vote’s entered counts with it', async () => {
    const f = await hallFixture();
    fixtures.push(f);
    checkIn(f, 40);
    f.hall.votes.open({ title: '报告', profile: 'anhui-2013', method: 'paper' });
    f.hall.votes.hand.enter({ counts: { satisfied: 12 } }, SEC);
    expect(() => f.hall.votes.abandon('   ')).toThrow(expect.objectContaining({ statusCode: 422 }));
    expect(f.hall.votes.abandon('计票中断')).toMatchObject({
      voteId: 1,
      state: 'abandoned',
      reason: '计票中断',
    });
    expect(count(f, 'SELECT count(*) AS n FROM hand_counts')).toBe(0);
    expect(count(f, 'SELECT count(*) AS n FROM vote_counts')).toBe(0);
    expect(() => f.hall.votes.hand.latestCounts()).toThrow(
      expect.objectContaining({ code: 'NO_HAND_COUNTS' }),
    );
  });
});

describe('retaking an abandoned vote by hand', () => {
  it('seals the retake with method paper and the abandoned vote named with its reason', async () => {
    const f = await abandonedSitting([1]);
    const retake = (retakeOf: number) =>
      f.hall.votes.open({
        title: '关于全省生态环境保护工作情况的报告',
        profile: 'anhui-2013',
        method: 'paper',
        retakeOf,
      });
    expect(() => retake(9)).toThrow(expect.objectContaining({ code: 'RETAKE_NOT_ABANDONED' }));
    const id = retake(1);
    expect(id).toBe(2);
    f.hall.votes.hand.enter({ counts: { satisfied: 25, 'basically-satisfied': 10 } }, SEC);
    f.hall.votes.hand.confirm(CHAIR);
    f.hall.votes.close();
    f.hall.votes.announce();
    const [rec] = f.hall.records.all();
    expect(rec).toMatchObject({
      voteId: 2,
      method: 'paper',
      valid: 35,
      retakes: {
        voteId: 1,
        method: 'keypads',
        reason: REASON,
        title: '关于全省生态环境保护工作情况的报告',
        abandonedAt: expect.any(String),
      },
    });
    expect(announcementText(rec!).zh).toMatch(
      /^重新测评：第1项测评因表决器故障放弃，本项测评改为纸质票计票。本次测评应到60人，实到40人。/,
    );
    expect(announcementText(rec!).zh).toContain('未投票5人');
    // Retaken once only; a closed vote is no abandoned one.
    expect(() => retake(1)).toThrow(expect.objectContaining({ code: 'RETAKE_ALREADY_TAKEN' }));
    expect(() => retake(2)).toThrow(expect.objectContaining({ code: 'RETAKE_NOT_ABANDONED' }));
  });

  it('only in the sitting it was abandoned in', async () => {
    const f = await abandonedSitting([1]);
    f.hall.startSession('第十一次会议');
    for (let i = 1; i <= 40; i++) f.hall.markAttendance(`M${String(i).padStart(3, '0')}`, true);
    expect(() =>
      f.hall.votes.open({ title: '报告', profile: 'anhui-2013', method: 'hands', retakeOf: 1 }),
    ).toThrow(expect.objectContaining({ code: 'RETAKE_OTHER_SESSION' }));
  });

  it('keeps the abandoned vote’s profile, item and series place: the rule cannot change', async () => {
    const f = await abandonedSitting([1]);
    // Another profile for the retake is refused (abandoning is no way to a softer rule).
    expect(() =>
      f.hall.votes.open({ title: '报告', profile: 'zizhou', method: 'paper', retakeOf: 1 }),
    ).toThrow(expect.objectContaining({ code: 'RETAKE_OTHER_PROFILE' }));
    expect(() => f.hall.votes.open({ title: '报告', method: 'paper' })).toThrow(
      expect.objectContaining({ code: 'PROFILE_REQUIRED' }),
    );
    // Omitted, the profile is the abandoned vote's own.
    const id = f.hall.votes.open({ title: '报告', method: 'hands', retakeOf: 1 });
    const row = f.hall.db
      .prepare('SELECT profile_json, item_id, retake_of FROM votes WHERE vote_id = ?')
      .get(id) as { profile_json: string; item_id: number | null; retake_of: number };
    const own = f.hall.db.prepare('SELECT profile_json FROM votes WHERE vote_id = 1').get() as {
      profile_json: string;
    };
    expect(row).toMatchObject({ retake_of: 1, profile_json: own.profile_json });
  });

  it('takes the item and the series place of the vote it retakes', async () => {
    const f = await hallFixture();
    fixtures.push(f);
    checkIn(f, 40);
    const itemId = f.hall.addItem('关于全省生态环境保护工作情况的报告', '省人民政府');
    const voteId = f.hall.votes.open({ title: '报告', profile: 'anhui-2013', itemId });
    f.hall.db
      .prepare('UPDATE votes SET series_id = 7, series_index = 3 WHERE vote_id = ?')
      .run(voteId);
    f.hall.votes.reloadOpen();
    f.hall.votes.abandon(REASON);
    const retake = f.hall.votes.open({ title: '报告', method: 'paper', retakeOf: voteId });
    expect(
      f.hall.db
        .prepare('SELECT item_id, series_id, series_index FROM votes WHERE vote_id = ?')
        .get(retake),
    ).toEqual({ item_id: itemId, series_id: 7, series_index: 3 });
  });
});
