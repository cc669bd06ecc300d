import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { seedProfile, tally } from '@hall/shared';
import { describe, expect, it } from 'vitest';
import { openDb } from '../db/open-db';
import { canonicalHash } from './canonical';
import { RecordService } from './record-service';
import { verifyRecords } from './verify';
import { announced, correctIn, FACTS, service } from '../../test-support/record-fixture';

// The safeguards on a correction (issue 10): bounded by the facts the hall stored, proposed and
// confirmed by two people, safe text, and the original obligations kept.
describe('RecordService', () => {
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
