import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { announced, correctIn, service } from '../../test-support/record-fixture';
import { recordsCsv } from './render/csv';
import { reportModel } from './render/report-model';
import { verifyRecords } from './verify';

/**
 * Issue 14: a sealed record says how its ballots were taken (CONTRACT.md §5 `method`), and what
 * it retakes; a correction carries both (and the roster and series) unchanged; every printout
 * says how the ballots were taken.
 */
const RETAKES = {
  voteId: 1,
  title: '关于全省生态环境保护工作情况的报告',
  method: 'keypads' as const,
  reason: '表决器故障',
  abandonedAt: '2026-11-26T08:59:00.000Z',
};
const fix = {
  members: 60,
  present: 50,
  counts: { satisfied: 29, 'basically-satisfied': 5, unsatisfied: 15 },
  invalid: 1,
  reason: '计票员误将一张无效票计为满意票',
};

describe('method on records, corrections and printouts', () => {
  it('a correction carries the corrected record’s method, roster, series and retakes', () => {
    const { records } = service();
    const series = {
      seriesId: 3,
      title: '群众评议',
      kind: 'subjects' as const,
      index: 2,
      count: 34,
      subject: '张三',
    };
    const original = records.seal(
      announced(
        2,
        { satisfied: 30, 'basically-satisfied': 5, unsatisfied: 15 },
        {
          method: 'paper',
          roster: 'invited',
          series,
          retakes: RETAKES,
        },
      ),
    );
    expect(original).toMatchObject({ method: 'paper', roster: 'invited', retakes: RETAKES });
    const corrected = correctIn(records)(original.seq, fix);
    expect(corrected).toMatchObject({
      method: 'paper',
      roster: 'invited',
      series,
      retakes: RETAKES,
      corrects: { seq: original.seq },
    });
    expect(verifyRecords(records.all(), { publicKey: records.publicKey })).toMatchObject({
      valid: true,
    });
  });

  it('a correction of a record sealed before issue 14 (no method) says keypads', () => {
    const { records } = service();
    const v = announced(1, { satisfied: 30, 'basically-satisfied': 5, unsatisfied: 15 });
    const { method: _m, roster: _r, ...old } = v;
    const original = records.seal(old as typeof v);
    expect(original.method).toBeUndefined();
    const corrected = correctIn(records)(original.seq, fix);
    expect(corrected).toMatchObject({ method: 'keypads', roster: 'committee' });
    expect(corrected.retakes).toBeUndefined();
  });

  it('the CSV and the printout say how the ballots were taken and what was retaken', () => {
    const { records } = service();
    records.seal(announced(1, { satisfied: 40 }));
    records.seal(announced(2, { satisfied: 40 }, { method: 'paper', retakes: RETAKES }));
    records.seal(announced(3, { satisfied: 40 }, { method: 'hands' }));
    const rows = parse(recordsCsv(records.all()).slice(1), { columns: true }) as Record<
      string,
      string
    >[];
    expect(rows.map((r) => r.表决方式)).toEqual(['表决器按键表决', '纸质票计票', '举手方式表决']);
    expect(rows.map((r) => r.表决方式代码)).toEqual(['keypads', 'paper', 'hands']);
    expect(rows.map((r) => r.重新测评)).toEqual([
      '',
      '重新测评：第1项测评因表决器故障放弃，本项测评改为纸质票计票。',
      '',
    ]);
    const [k, p, h] = records.all().map((r) => reportModel(r));
    expect(k!.method).toBe('表决方式：表决器按键表决');
    expect(k!.retake).toBeNull();
    expect(k!.rows.at(-1)!.label).toBe('未按');
    expect(p!.method).toBe('表决方式：纸质票计票');
    expect(p!.retake).toBe('重新测评：第1项测评因表决器故障放弃，本项测评改为纸质票计票。');
    expect(p!.rows.at(-1)!.label).toBe('未投票');
    expect(h!.method).toBe('表决方式：举手方式表决');
  });
});
