import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { seedProfile, tally } from '@hall/shared';
import { describe, expect, it } from 'vitest';
import { openDb } from '../db/open-db';
import { canonicalHash } from './canonical';
import { RecordService, type AnnouncedVote } from './record-service';
import { verifyRecords } from './verify';

function service(now = new Date('2026-11-26T10:00:00Z')) {
  const dir = mkdtempSync(path.join(tmpdir(), 'hall-records-'));
  const db = openDb(dir);
  return { dir, db, records: new RecordService(db, dir, () => now) };
}

function announced(
  voteId: number,
  counts: Record<string, number>,
  over: Partial<AnnouncedVote> = {},
): AnnouncedVote {
  const profile = seedProfile('anhui-2013')!;
  return {
    hall: '常委会会议厅',
    sessionId: 1,
    voteId,
    itemId: null,
    title: `第${voteId}项`,
    organ: '省人民政府',
    profile,
    result: tally(profile, { members: 60, present: 50, counts, invalid: 0 }),
    openedAt: '2026-11-26T09:00:00.000Z',
    closedAt: '2026-11-26T09:01:00.000Z',
    announcedAt: '2026-11-26T09:02:00.000Z',
    ...over,
  };
}

describe('RecordService', () => {
  it('seals a chain that verifies with the hall key, once per vote', () => {
    const { records } = service();
    const a = records.seal(announced(1, { satisfied: 40 }));
    expect(records.seal(announced(1, { satisfied: 40 }))).toEqual(a);
    records.seal(announced(2, { unsatisfied: 40 }));
    const all = records.all();
    expect(all.map((r) => [r.seq, r.voteId, r.outcome])).toEqual([
      [1, 1, 'satisfied'],
      [2, 2, 'unsatisfied'],
    ]);
    expect(verifyRecords(all, { publicKey: records.publicKey })).toMatchObject({
      valid: true,
      records: 2,
    });
    expect(records.forVote(2).seq).toBe(2);
    expect(() => records.get(9)).toThrow(/no sealed record 9/);
  });

  it('keeps records unchangeable in the database itself', () => {
    const { db, records } = service();
    records.seal(announced(1, { satisfied: 40 }));
    expect(() => db.prepare(`UPDATE records SET json = '{}'`).run()).toThrow(
      /sealed records never change/,
    );
    expect(() => db.prepare('DELETE FROM records').run()).toThrow(/never removed/);
  });

  it('keeps its key across restarts of the same data directory', () => {
    const { dir, db, records } = service();
    const again = new RecordService(db, dir);
    expect(again.publicKey).toBe(records.publicKey);
    expect(records.fingerprint).toMatch(/^([0-9a-f]{4}:){7}[0-9a-f]{4}$/);
  });

  it('links the re-made report to the original, and flags a second failure for escalation', () => {
    const { records } = service();
    const first = records.seal(announced(1, { unsatisfied: 40 }));
    expect(() => records.linkReevaluation(7, 9)).toThrow(/no sealed record 9/);
    records.seal(announced(2, { satisfied: 40 }));
    expect(() => records.linkReevaluation(8, 2)).toThrow(/requires no re-evaluation/);
    records.linkReevaluation(7, first.seq);
    const again = records.seal(announced(3, { unsatisfied: 45 }, { itemId: 7, sessionId: 2 }));
    expect(again.reevaluates).toEqual({ seq: 1, hash: canonicalHash(first) });
    const items = records.followUps();
    expect(items.find((f) => f.seq === 1)).toMatchObject({ state: 'escalated', reevaluatedBy: 3 });
    expect(() => records.markDone('1:re-report')).toThrow(/settled by its re-evaluation/);
    expect(() => records.markDone('5:x')).toThrow(/no follow-up 5:x/);
    expect(verifyRecords(records.all()).valid).toBe(true);
  });

  it('history filters by year and profile', () => {
    const { records } = service();
    records.seal(announced(1, { satisfied: 40 }));
    expect(records.history({ year: 2026 }).organs[0]!.entries).toHaveLength(1);
    expect(records.history({ profile: 'zizhou' }).organs).toEqual([]);
    expect(records.history().years).toEqual([2026]);
  });

  describe('corrections', () => {
    const reason = '计票员误将一张无效票计为满意票';
    const fix = (over: Partial<Parameters<RecordService['correct']>[1]> = {}) => ({
      members: 60,
      present: 50,
      counts: { satisfied: 29, 'basically-satisfied': 5, unsatisfied: 15 },
      invalid: 1,
      reason,
      ...over,
    });

    it('seals a correction as a new record of the same vote, chained and naming the old one', () => {
      const { records } = service();
      const original = records.seal(
        announced(1, { satisfied: 30, 'basically-satisfied': 5, unsatisfied: 15 }),
      );
      records.seal(announced(2, { satisfied: 40 }));
      const corrected = records.correct(1, fix());
      expect(corrected).toMatchObject({
        seq: 3,
        voteId: 1,
        title: original.title,
        organ: original.organ,
        profile: original.profile,
        openedAt: original.openedAt,
        closedAt: original.closedAt,
        announcedAt: '2026-11-26T10:00:00.000Z',
        members: 60,
        present: 50,
        valid: 49,
        invalid: 1,
        notVoted: 0,
        // 2s = 58 < 60, 2(s+b) = 68 >= 60 (安徽: 半数以上 includes half).
        outcome: 'basically-satisfied',
        corrects: { seq: 1, hash: canonicalHash(original), reason },
        reevaluates: null,
      });
      expect(original.outcome).toBe('satisfied');
      expect(records.get(1)).toEqual(original);
      expect(records.forVote(1)).toEqual(corrected);
      expect(records.all().map((r) => r.seq)).toEqual([1, 2, 3]);
      const report = verifyRecords(records.all(), { publicKey: records.publicKey });
      expect(report.problems).toEqual([]);
      expect(report).toMatchObject({ valid: true, records: 3 });
    });

    it('decides the corrected figures under the original profile, at its boundary', () => {
      const { records } = service();
      records.seal(announced(1, { unsatisfied: 40 }));
      // 2s = 60 = n: exactly half of all members is 满意 under 安徽 (以上 includes the number).
      const r = records.correct(1, fix({ counts: { satisfied: 30, unsatisfied: 20 }, invalid: 0 }));
      expect(r.outcome).toBe('satisfied');
      expect(r.followUp).toEqual([]);
    });

    it('refuses correcting a corrected record, bad numbers with the tally reason, and no change', () => {
      const { records } = service();
      records.seal(announced(1, { satisfied: 40 }));
      const err = (f: () => unknown) => {
        try {
          f();
        } catch (e) {
          return e as { statusCode: number; code: string; message: string };
        }
        throw new Error('expected a refusal');
      };
      expect(err(() => records.correct(1, fix({ present: 61 })))).toMatchObject({
        statusCode: 422,
        message: expect.stringContaining('present 61 is more than members 60'),
      });
      expect(err(() => records.correct(1, fix({ invalid: 2 })))).toMatchObject({
        statusCode: 422,
        message: expect.stringMatching(/ballots 51 .* more than present 50/),
      });
      expect(err(() => records.correct(1, fix({ counts: { abstain: 1 } })))).toMatchObject({
        statusCode: 422,
        message: expect.stringMatching(/unknown option "abstain"/),
      });
      expect(err(() => records.correct(1, fix({ members: -1 })))).toMatchObject({
        statusCode: 422,
      });
      expect(err(() => records.correct(1, fix({ reason: '  ' })))).toMatchObject({
        statusCode: 422,
        code: 'CORRECTION_REASON',
      });
      expect(err(() => records.correct(1, fix({ reason: 'typo' })))).toMatchObject({
        statusCode: 422,
        code: 'CORRECTION_REASON',
      });
      expect(
        err(() => records.correct(1, fix({ counts: { satisfied: 40 }, invalid: 0 }))),
      ).toMatchObject({ statusCode: 422, code: 'CORRECTION_UNCHANGED' });
      expect(err(() => records.correct(9, fix()))).toMatchObject({ statusCode: 404 });
      expect(records.all()).toHaveLength(1);

      records.correct(1, fix());
      expect(err(() => records.correct(1, fix({ counts: { satisfied: 49 } })))).toMatchObject({
        statusCode: 409,
        code: 'RECORD_CORRECTED',
        message: expect.stringMatching(/corrected by record 2/),
      });
      // The latest can be corrected again.
      expect(records.correct(2, fix({ counts: { satisfied: 49 } }))).toMatchObject({
        seq: 3,
        corrects: { seq: 2 },
        outcome: 'satisfied',
      });
      expect(verifyRecords(records.all()).valid).toBe(true);
    });

    it('history and follow-up read the latest record of each vote', () => {
      const { records } = service();
      records.seal(announced(1, { unsatisfied: 40 }));
      records.seal(announced(2, { satisfied: 40 }, { organ: '省监察委员会' }));
      expect(records.followUps().map((f) => f.id)).toEqual(['1:re-report']);

      // The correction makes vote 1 satisfied: its follow-up disappears.
      records.correct(1, fix({ counts: { satisfied: 35, unsatisfied: 15 }, invalid: 0 }));
      expect(records.followUps()).toEqual([]);
      // And vote 2 unsatisfied: the correction's follow-up appears.
      records.correct(2, fix({ counts: { satisfied: 20, unsatisfied: 30 }, invalid: 0 }));
      expect(records.followUps().map((f) => [f.id, f.state])).toEqual([['4:re-report', 'open']]);
      expect(() => records.linkReevaluation(5, 2)).toThrow(/corrected by record 4/);

      const h = records.history();
      expect(h.years).toEqual([2026]);
      expect(
        h.organs.map((o) => [o.organ, o.entries.map((e) => [e.seq, e.outcome, e.correctsSeq])]),
      ).toEqual([
        ['省人民政府', [[3, 'satisfied', 1]]],
        ['省监察委员会', [[4, 'unsatisfied', 2]]],
      ]);
      expect(h.organs[0]!.entries[0]!.announcedAt).toBe('2026-11-26T09:02:00.000Z');
      expect(h.organs[0]!.outcomes).toEqual({ satisfied: 1 });
    });

    it('a corrected re-evaluation still answers the record that required it', () => {
      const { records } = service();
      records.seal(announced(1, { unsatisfied: 40 }));
      records.linkReevaluation(7, 1);
      records.seal(announced(2, { satisfied: 40 }, { itemId: 7, sessionId: 2 }));
      expect(records.followUps()[0]).toMatchObject({ state: 'fulfilled', reevaluatedBy: 2 });
      // The re-evaluation's figures were wrong: it failed again, so the item escalates.
      const c = records.correct(2, fix({ counts: { satisfied: 10, unsatisfied: 40 }, invalid: 0 }));
      expect(c.reevaluates).toEqual({ seq: 1, hash: canonicalHash(records.get(1)) });
      expect(records.followUps().find((f) => f.seq === 1)).toMatchObject({
        state: 'escalated',
        reevaluatedBy: 3,
      });
    });

    it('relaxes the one-record-per-vote constraint of an older database, keeping its records', () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'hall-records-old-'));
      const db = openDb(dir);
      db.exec(
        'CREATE TABLE records (seq INTEGER PRIMARY KEY, vote_id INTEGER NOT NULL UNIQUE, json TEXT NOT NULL)',
      );
      const before = new RecordService(db, dir, () => new Date('2026-11-26T10:00:00Z'));
      const first = before.seal(announced(1, { satisfied: 40 }));
      const records = new RecordService(db, dir, () => new Date('2026-11-26T10:00:00Z'));
      expect(records.all()).toEqual([first]);
      expect(records.correct(1, fix()).seq).toBe(2);
      expect(() => db.prepare('DELETE FROM records').run()).toThrow(/never removed/);
      expect(() => db.prepare(`UPDATE records SET json = '{}'`).run()).toThrow(/never change/);
    });
  });
});
