import { describe, expect, it } from 'vitest';
import { canonicalHash } from './canonical';
import { RecordService } from './record-service';
import { verifyRecords } from './verify';
import { announced, service } from '../../test-support/record-fixture';

// Sealing, the key, re-evaluation links and history; corrections are in record-corrections.test.ts
// and record-correction-safeguards.test.ts.
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
    expect(() => records.get(9)).toThrow(expect.objectContaining({ code: 'RECORD_NOT_FOUND' }));
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
    expect(() => records.linkReevaluation(7, 9)).toThrow(
      expect.objectContaining({ code: 'RECORD_NOT_FOUND' }),
    );
    records.seal(announced(2, { satisfied: 40 }));
    expect(() => records.linkReevaluation(8, 2)).toThrow(
      expect.objectContaining({ code: 'RECORD_NEEDS_NO_REEVALUATION' }),
    );
    records.linkReevaluation(7, first.seq);
    const again = records.seal(announced(3, { unsatisfied: 45 }, { itemId: 7, sessionId: 2 }));
    expect(again.reevaluates).toEqual({ seq: 1, hash: canonicalHash(first) });
    const items = records.followUps();
    expect(items.find((f) => f.seq === 1)).toMatchObject({ state: 'escalated', reevaluatedBy: 3 });
    expect(() => records.markDone('1:re-report')).toThrow(
      expect.objectContaining({ code: 'FOLLOWUP_NOT_MANUAL' }),
    );
    expect(() => records.markDone('5:x')).toThrow(
      expect.objectContaining({ code: 'FOLLOWUP_NOT_FOUND' }),
    );
    expect(verifyRecords(records.all()).valid).toBe(true);
  });

  it('history filters by year and profile', () => {
    const { records } = service();
    records.seal(announced(1, { satisfied: 40 }));
    expect(records.history({ year: 2026 }).organs[0]!.entries).toHaveLength(1);
    expect(records.history({ profile: 'zizhou' }).organs).toEqual([]);
    expect(records.history().years).toEqual([2026]);
  });
});
