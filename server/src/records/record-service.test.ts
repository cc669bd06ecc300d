import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { seedProfile, tally } from '@hall/shared';
import { describe, expect, it } from 'vitest';
import { openDb } from '../db/open-db';
import { canonicalHash } from './canonical';
import { RecordService, type AnnouncedVote } from './record-service';
import { verifyRecords } from './verify';

/** What the hall stored about every vote of these tests: 60 members, 50 present, 50 pressed. */
const FACTS = { members: 60, presentAtClose: 50, pressed: 50 };

function service(now = new Date('2026-11-26T10:00:00Z'), facts = FACTS) {
  const dir = mkdtempSync(path.join(tmpdir(), 'hall-records-'));
  const db = openDb(dir);
  const records = new RecordService(
    db,
    dir,
    () => now,
    undefined,
    (voteId) => ({
      voteId,
      ...facts,
    }),
  );
  return { dir, db, records };
}

/** The two-person correction: the secretariat proposes, the chair (another login) confirms. */
const correctIn =
  (records: RecordService) => (seq: number, input: Parameters<RecordService['propose']>[1]) =>
    records.confirm(records.propose(seq, input, 'secretariat').id, 'chair');

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
      expect(() => records.linkReevaluation(5, 2)).toThrow(/corrected by record 4/);
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
      const db = openDb(dir);
      db.exec(
        'CREATE TABLE records (seq INTEGER PRIMARY KEY, vote_id INTEGER NOT NULL UNIQUE, json TEXT NOT NULL)',
      );
      const before = new RecordService(db, dir, () => new Date('2026-11-26T10:00:00Z'));
      const first = before.seal(announced(1, { satisfied: 40 }));
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

  describe('issue 10: corrections bounded by the stored facts, two people, obligations kept', () => {
    const reason = '计票员误将一张不满意票计为满意票';
    const base = { members: 60, present: 50, invalid: 0, reason };
    const err = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e as { statusCode: number; code: string; message: string };
      }
      throw new Error('expected a refusal');
    };

    it('refuses an inflated correction (members 1000), naming the stored members', () => {
      const { records } = service();
      records.seal(announced(1, { satisfied: 10, unsatisfied: 40 }));
      const inflated = { ...base, members: 1000, present: 1000, counts: { satisfied: 999 } };
      expect(err(() => records.propose(1, inflated, 'secretariat'))).toMatchObject({
        statusCode: 422,
        code: 'CORRECTION_MEMBERS',
        message: expect.stringMatching(/全体组成人员 60 人.*members must stay 60/),
      });
      expect(records.proposals()).toEqual([]);
      expect(records.all()).toHaveLength(1);
    });

    it('refuses valid + invalid more than the seats that pressed, naming the stored figure', () => {
      const { records } = service(undefined, { ...FACTS, pressed: 45 });
      records.seal(announced(1, { satisfied: 10, unsatisfied: 35 }));
      const more = { ...base, counts: { satisfied: 40, unsatisfied: 5 }, invalid: 1 };
      expect(err(() => records.propose(1, more, 'secretariat'))).toMatchObject({
        statusCode: 422,
        code: 'CORRECTION_BALLOTS',
        message: expect.stringMatching(/已按键的 45 个席位.*more than the 45 seats that pressed/),
      });
      // At most the seats that pressed is a correction.
      expect(records.propose(1, { ...more, invalid: 0 }, 'secretariat')).toMatchObject({
        state: 'pending',
        outcome: 'satisfied',
      });
    });

    it('refuses a changed present, naming the present stored at close', () => {
      const { records } = service();
      records.seal(announced(1, { satisfied: 10, unsatisfied: 40 }));
      const fewer = { ...base, present: 49, counts: { satisfied: 30, unsatisfied: 19 } };
      expect(err(() => records.propose(1, fewer, 'secretariat'))).toMatchObject({
        statusCode: 422,
        code: 'CORRECTION_PRESENT',
        message: expect.stringMatching(/结束时记录的 50 人.*present must stay 50/),
      });
    });

    it('refuses when the hall stores no facts of the vote', () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'hall-records-nofacts-'));
      const db = openDb(dir);
      const records = new RecordService(db, dir); // the real query: no votes row for vote 1
      records.seal(announced(1, { satisfied: 10, unsatisfied: 40 }));
      expect(
        err(() => records.propose(1, { ...base, counts: { satisfied: 30 } }, 'secretariat')),
      ).toMatchObject({ statusCode: 409, code: 'CORRECTION_NO_FACTS' });
    });

    it('needs two people: the proposer cannot confirm; the sealed record names both', () => {
      const { records } = service();
      const original = records.seal(announced(1, { satisfied: 10, unsatisfied: 40 }));
      const input = { ...base, counts: { satisfied: 40, unsatisfied: 10 } };
      const p = records.propose(1, input, 'operator');
      expect(p).toMatchObject({
        id: 1,
        seq: 1,
        hash: canonicalHash(original),
        state: 'pending',
        previousOutcome: 'unsatisfied',
        outcome: 'satisfied',
        proposedBy: 'operator',
      });
      // Nothing sealed by a proposal; one pending proposal per vote.
      expect(records.all()).toHaveLength(1);
      expect(err(() => records.propose(1, input, 'secretariat'))).toMatchObject({
        statusCode: 409,
        code: 'CORRECTION_PENDING',
      });
      expect(err(() => records.confirm(p.id, 'operator'))).toMatchObject({
        statusCode: 409,
        code: 'CORRECTION_SAME_PERSON',
      });
      expect(records.all()).toHaveLength(1);
      const sealed = records.confirm(p.id, 'chair');
      expect(sealed).toMatchObject({
        seq: 2,
        outcome: 'satisfied',
        corrects: {
          seq: 1,
          hash: canonicalHash(original),
          reason,
          proposedBy: 'operator',
          confirmedBy: 'chair',
          previousOutcome: { id: 'unsatisfied', label: { zh: '不满意' } },
        },
      });
      expect(records.proposals()).toEqual([]);
      expect(records.proposals(true)[0]).toMatchObject({
        state: 'confirmed',
        decidedBy: 'chair',
        sealedSeq: 2,
      });
      expect(err(() => records.confirm(p.id, 'chair'))).toMatchObject({
        code: 'CORRECTION_DECIDED',
      });
      expect(verifyRecords(records.all(), { publicKey: records.publicKey })).toMatchObject({
        valid: true,
        problems: [],
      });
      // A verifier sees a record naming one person twice as broken.
      const { signature: _s, ...tampered } = {
        ...sealed,
        corrects: { ...sealed.corrects!, confirmedBy: 'operator' },
      };
      expect(verifyRecords(tampered).problems.join('\n')).toMatch(/another person/);
    });

    it('a rejected proposal seals nothing', () => {
      const { records } = service();
      records.seal(announced(1, { satisfied: 10, unsatisfied: 40 }));
      const p = records.propose(1, { ...base, counts: { satisfied: 40 } }, 'secretariat');
      expect(records.reject(p.id, 'chair', '复核无误')).toMatchObject({
        state: 'rejected',
        decidedBy: 'chair',
        rejectReason: '复核无误',
      });
      expect(records.all()).toHaveLength(1);
      expect(err(() => records.confirm(p.id, 'chair'))).toMatchObject({
        code: 'CORRECTION_DECIDED',
      });
    });

    it('refuses a reason, title or organ with a bidi override or a control character', () => {
      const { records } = service();
      records.seal(announced(1, { satisfied: 20, 'basically-satisfied': 20, unsatisfied: 10 }));
      const counts = { satisfied: 20, 'basically-satisfied': 20, unsatisfied: 10 };
      for (const bad of [
        { reason: `${reason}\u202e意满不` },
        { title: '关于\u0000报告' },
        { organ: '省人民政府\u2066' },
      ]) {
        expect(
          err(() => records.propose(1, { ...base, counts, ...bad }, 'secretariat')),
          JSON.stringify(bad),
        ).toMatchObject({ statusCode: 422, code: 'UNSAFE_TEXT' });
      }
      expect(records.proposals()).toEqual([]);
    });

    it('fixes what a person typed: title, organ, and the profile chosen by mistake (decided again)', () => {
      const { records } = service();
      records.seal(announced(1, { satisfied: 20, 'basically-satisfied': 20, unsatisfied: 10 }));
      const c = correctIn(records)(1, {
        ...base,
        counts: { satisfied: 20, 'basically-satisfied': 20, unsatisfied: 10 },
        title: '省人民政府关于食品安全工作情况的报告',
        organ: '省食品药品监督管理局',
        profile: 'zizhou',
      });
      // 子洲: base = valid 50; 2s = 40 ≤ 50 not 满意; 2(s+b) = 80 > 50 基本满意.
      expect(c).toMatchObject({
        title: '省人民政府关于食品安全工作情况的报告',
        organ: '省食品药品监督管理局',
        outcome: 'basically-satisfied',
      });
      expect(c.profile.id).toBe('zizhou');
      expect(
        err(() =>
          records.propose(2, { ...base, counts: { satisfied: 1 }, profile: 'made-up' }, 's'),
        ),
      ).toMatchObject({ code: 'UNKNOWN_PROFILE' });
      expect(verifyRecords(records.all()).valid).toBe(true);
    });

    it('an outcome-changing correction keeps the original re-report; both obligations show, marked', () => {
      const { records } = service();
      const zizhou = seedProfile('zizhou')!;
      const profiled = (counts: Record<string, number>) =>
        announced(1, counts, {
          profile: zizhou,
          result: tally(zizhou, { members: 60, present: 50, counts, invalid: 0 }),
        });
      // 子洲: 不满意 (2u ≥ v) requires rectification and a new report evaluated again.
      records.seal(profiled({ satisfied: 10, 'basically-satisfied': 10, unsatisfied: 30 }));
      const before = records.followUps();
      expect(before.map((f) => f.id)).toEqual(['1:rectify-and-re-report']);
      // Corrected to 基本满意: its own obligation (report the rectification) appears beside it.
      correctIn(records)(1, {
        ...base,
        counts: { satisfied: 10, 'basically-satisfied': 25, unsatisfied: 15 },
      });
      const items = records.followUps();
      expect(items.map((f) => [f.id, f.state, f.correction?.kind])).toEqual([
        ['1:rectify-and-re-report', 'open', 'corrected-away'],
        ['2:rectify-and-report-to-council', 'open', 'added'],
      ]);
      expect(items[0]!.correction!.note.zh).toContain('第 2 号更正记录将结果改为基本满意');
      expect(items[0]!.dueDate).toBe(before[0]!.dueDate);
    });

    it('a correction that keeps the outcome keeps the original obligation (same id)', () => {
      const { records } = service();
      records.seal(announced(1, { satisfied: 10, unsatisfied: 40 }));
      records.markDone('1:re-report');
      correctIn(records)(1, { ...base, counts: { satisfied: 11, unsatisfied: 39 } });
      expect(records.followUps().map((f) => [f.id, f.state, f.correction?.kind])).toEqual([
        ['1:re-report', 'done', 'kept'],
      ]);
    });

    it('names the chain head: the latest seq and the first 12 hex of its hash', () => {
      const { records } = service();
      expect(records.chainHead()).toBeNull();
      records.seal(announced(1, { satisfied: 40 }));
      const r = records.seal(announced(2, { satisfied: 40 }));
      expect(records.chainHead()).toEqual({ seq: 2, hash: canonicalHash(r).slice(0, 12) });
    });
  });
});
