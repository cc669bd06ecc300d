import { anhui2013, type SealedRecord } from '@hall/shared';
import { describe, expect, it } from 'vitest';
import type { SeriesRow, SubjectRow, SubjectVote } from './series-store';
import { seriesSummary, share } from './series-summary';

/** The summary's arithmetic on hand-made records (series-routes.test.ts has it on a real hall). */
const S: SeriesRow = {
  series_id: 7,
  session_id: 1,
  item_id: null,
  kind: 'subjects',
  title: '评议',
  auto_advance: 0,
  method: 'keypads',
  duration_seconds: null,
  created_at: '2026-01-17T01:00:00Z',
  created_by: 'secretariat',
};
const v2 = { ...anhui2013, version: 2 };
const subjects: SubjectRow[] = [
  { idx: 1, title: '甲', profile: anhui2013 },
  { idx: 2, title: '乙', profile: anhui2013 },
  { idx: 3, title: '丙', profile: v2 },
  { idx: 4, title: '丁', profile: anhui2013 },
  { idx: 5, title: '戊', profile: anhui2013 },
];
const record = (voteId: number, profile: typeof anhui2013, outcome: string, s: number) =>
  ({
    seq: voteId + 100,
    voteId,
    profile,
    members: 60,
    present: 41,
    valid: 40,
    invalid: 1,
    counts: { satisfied: s, 'basically-satisfied': 40 - s, unsatisfied: 0 },
    outcome,
  }) as unknown as SealedRecord;

describe('seriesSummary', () => {
  it('reads announced subjects only, and groups by profile id and version', () => {
    const votes = new Map<number, SubjectVote>([
      [1, { voteId: 1, state: 'announced' }],
      [2, { voteId: 2, state: 'announced' }],
      [3, { voteId: 3, state: 'announced' }],
      [4, { voteId: 4, state: 'closed' }],
    ]);
    const records = new Map([
      [1, record(1, anhui2013, 'satisfied', 35)],
      [2, record(2, anhui2013, 'basically-satisfied', 10)],
      [3, record(3, v2, 'satisfied', 33)],
    ]);
    const asked: number[] = [];
    const sum = seriesSummary(
      S,
      null,
      subjects,
      votes,
      (id) => {
        asked.push(id);
        return records.get(id)!;
      },
      0,
    );
    expect(asked).toEqual([1, 2, 3]); // never the closed, unannounced subject 4
    expect(sum.subjects.map((x) => [x.index, x.voteId, x.recordSeq, x.returned])).toEqual([
      [1, 1, 101, 41],
      [2, 2, 102, 41],
      [3, 3, 103, 41],
      [4, 4, null, null],
      [5, null, null, null],
    ]);
    expect(sum.subjects[0]!.optionShares.map((o) => o.share)).toEqual([
      { count: 35, of: 41, text: '85%' },
      { count: 5, of: 41, text: '12%' },
      { count: 0, of: 41, text: '0%' },
    ]);
    expect(
      sum.groups.map((g) => [
        g.profileId,
        g.profileVersion,
        g.decided,
        g.outcomes.map((o) => o.share.count),
      ]),
    ).toEqual([
      ['anhui-2013', 1, 2, [1, 1, 0]],
      ['anhui-2013', 2, 1, [1, 0, 0]],
    ]);
  });

  it('keeps the exact counts; only the text is rounded (half up)', () => {
    expect(share(30, 33, 0)).toEqual({ count: 30, of: 33, text: '91%' });
    expect(share(3, 33, 0)).toEqual({ count: 3, of: 33, text: '9%' });
    expect(share(1, 8, 0).text).toBe('13%'); // 12.5 rounds half up
    expect(share(1, 3, 2).text).toBe('33.33%');
    expect(share(0, 0, 0)).toEqual({ count: 0, of: 0, text: '—' });
  });
});
