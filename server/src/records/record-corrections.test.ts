import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDb } from '../db/open-db';
import { canonicalHash } from './canonical';
import { RecordService } from './record-service';
import { verifyRecords } from './verify';
import { announced, correctIn, FACTS, service } from '../../test-support/record-fixture';

// Corrections of a sealed record: a new record of the same vote, decided again, and what history
// and follow-ups read afterwards.
describe('RecordService', () => {
  describe('corrections', () => {
    const reason = '计票员误将一张无效票计为满意票';
    const fix = (over: Partial<Parameters<RecordService['propose']>[1]> = {}) => ({
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
      const corrected = correctIn(records)(1, fix());
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
      const r = correctIn(records)(
        1,
        fix({ counts: { satisfied: 30, unsatisfied: 20 }, invalid: 0 }),
      );
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
      expect(err(() => correctIn(records)(1, fix({ present: 61 })))).toMatchObject({
        statusCode: 422,
        message: expect.stringContaining('present 61 is more than members 60'),
      });
      expect(err(() => correctIn(records)(1, fix({ invalid: 2 })))).toMatchObject({
        statusCode: 422,
        message: expect.stringMatching(/ballots 51 .* more than present 50/),
      });
      expect(err(() => correctIn(records)(1, fix({ counts: { abstain: 1 } })))).toMatchObject({
        statusCode: 422,
        message: expect.stringMatching(/unknown option "abstain"/),
      });
      expect(err(() => correctIn(records)(1, fix({ members: -1 })))).toMatchObject({
        statusCode: 422,
      });
      expect(err(() => correctIn(records)(1, fix({ reason: '  ' })))).toMatchObject({
        statusCode: 422,
        code: 'CORRECTION_REASON',
      });
      expect(err(() => correctIn(records)(1, fix({ reason: 'typo' })))).toMatchObject({
        statusCode: 422,
        code: 'CORRECTION_REASON',
      });
      expect(
        err(() => correctIn(records)(1, fix({ counts: { satisfied: 40 }, invalid: 0 }))),
      ).toMatchObject({ statusCode: 422, code: 'CORRECTION_UNCHANGED' });
      expect(err(() => correctIn(records)(9, fix()))).toMatchObject({ statusCode: 404 });
      expect(records.all()).toHaveLength(1);

      correctIn(records)(1, fix());
      expect(err(() => correctIn(records)(1, fix({ counts: { satisfied: 49 } })))).toMatchObject({
        statusCode: 409,
        code: 'RECORD_CORRECTED',
        message: expect.stringMatching(/corrected by record 2/),
      });
      // The latest can be corrected again.
      expect(correctIn(records)(2, fix({ counts: { satisfied: 49 } }))).toMatchObject({
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

      // The correction makes vote 1 satisfied: its statutory re-report stays, marked (issue 10).
      correctIn(records)(1, fix({ counts: { satisfied: 35, unsatisfied: 15 }, invalid: 0 }));
      expect(records.followUps().map((f) => [f.id, f.state, f.correction?.kind])).toEqual([
        ['1:re-report', 'open', 'corrected-away'],
      ]);
      // And vote 2 unsatisfied: the correction's follow-up appears.
      correctIn(records)(2, fix({ counts: { satisfied: 20, unsatisfied: 30 }, invalid: 0 }));
      expect(records.followUps().map((f) => [f.id, f.state, f.correction?.kind])).toEqual([
        ['1:re-report', 'open', 'corrected-away'],
        ['4:re-report', 'open', 'added'],
      ]);
      expect(() => records.linkReevaluation(5, 2)).toThrow(
        expect.objectContaining({ code: 'RECORD_CORRECTED' }),
      );
      // The kept re-report of record 1 can still be put on a later agenda.
      records.linkReevaluation(6, 1);
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
      const c = correctIn(records)(
        2,
        fix({ counts: { satisfied: 10, unsatisfied: 40 }, invalid: 0 }),
      );
      expect(c.reevaluates).toEqual({ seq: 1, hash: canonicalHash(records.get(1)) });
      expect(records.followUps().find((f) => f.seq === 1)).toMatchObject({
        state: 'escalated',
        reevaluatedBy: 3,
      });
    });

    it('relaxes the one-record-per-vote constraint of an older database, keeping its records', () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'hall-records-old-'));
      // A record sealed by the hall (its key in `dir`), then kept in a file as an older version
      // left it (user_version 0, `vote_id UNIQUE`): openDb's baseline migration relaxes it.
      const sealer = openDb(mkdtempSync(path.join(tmpdir(), 'hall-records-sealer-')));
      const before = new RecordService(sealer, dir, () => new Date('2026-11-26T10:00:00Z'));
      const first = before.seal(announced(1, { satisfied: 40 }));
      sealer.close();
      const old = new Database(path.join(dir, 'hall.db'));
      old.exec(
        'CREATE TABLE records (seq INTEGER PRIMARY KEY, vote_id INTEGER NOT NULL UNIQUE, json TEXT NOT NULL)',
      );
      old
        .prepare('INSERT INTO records (seq, vote_id, json) VALUES (?, ?, ?)')
        .run(first.seq, first.voteId, JSON.stringify(first));
      old.close();
      const db = openDb(dir);
      const records = new RecordService(
        db,
        dir,
        () => new Date('2026-11-26T10:00:00Z'),
        undefined,
        (voteId) => ({ voteId, ...FACTS }),
      );
      expect(records.all()).toEqual([first]);
      expect(correctIn(records)(1, fix()).seq).toBe(2);
      expect(() => db.prepare('DELETE FROM records').run()).toThrow(/never removed/);
      expect(() => db.prepare(`UPDATE records SET json = '{}'`).run()).toThrow(/never change/);
    });
  });
});
