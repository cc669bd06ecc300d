import { describe, expect, it } from 'vitest';
import { canonicalHash } from './canonical';
import { dueAfterMonths, followUps } from './followup';
import { history, historyYears } from './history';
import type { RecordBody, SealedRecord } from '@hall/shared';
import { sealRecord } from './seal';
import { bodyFor, tempKey } from '../../test-support/test-records';

const key = tempKey();

function chainOf(bodies: RecordBody[]): SealedRecord[] {
  const chain: SealedRecord[] = [];
  for (const b of bodies) chain.push(sealRecord(b, chain.at(-1) ?? null, key));
  return chain;
}
const link = (r: SealedRecord) => ({ seq: r.seq, hash: canonicalHash(r) });
const at = (b: RecordBody, organ: string, announcedAt: string, sessionId: number): RecordBody => ({
  ...b,
  organ,
  sessionId,
  openedAt: announcedAt,
  closedAt: announcedAt,
  announcedAt,
});

describe('follow-up across sessions', () => {
  const unsat = (id: number) => bodyFor(id, 'anhui-2013', { satisfied: 20, unsatisfied: 30 });
  const first = chainOf([at(unsat(1), '省人民政府', '2026-03-01T02:00:00.000Z', 1)]);

  it('安徽: 不满意 requires a re-report at the next session, open until it is evaluated again', () => {
    const [item] = followUps(first, new Date('2026-04-01T00:00:00Z'));
    expect(item).toMatchObject({
      seq: 1,
      action: 're-report',
      due: { kind: 'next-session' },
      state: 'open',
      reevaluatedBy: null,
    });
  });

  it('a re-evaluation that passes fulfils it; one that fails again escalates (第十七条)', () => {
    const passed = chainOf([
      ...first.map(({ seq: _s, prevHash: _p, signature: _g, ...b }) => b),
      {
        ...at(
          bodyFor(2, 'anhui-2013', { satisfied: 40 }),
          '省人民政府',
          '2026-06-01T02:00:00.000Z',
          2,
        ),
        reevaluates: link(first[0]!),
      },
    ]);
    expect(followUps(passed, new Date())[0]).toMatchObject({
      state: 'fulfilled',
      reevaluatedBy: 2,
      escalation: null,
    });

    const failed = chainOf([
      ...first.map(({ seq: _s, prevHash: _p, signature: _g, ...b }) => b),
      {
        ...at(unsat(2), '省人民政府', '2026-06-01T02:00:00.000Z', 2),
        reevaluates: link(first[0]!),
      },
    ]);
    const items = followUps(failed, new Date());
    expect(items[0]).toMatchObject({ state: 'escalated', reevaluatedBy: 2 });
    expect(items[0]!.escalation?.action).toBe('supervision-measures');
    // the second failure has its own follow-up, open
    expect(items[1]).toMatchObject({ seq: 2, state: 'open' });
  });

  it('a link to a record with another hash does not count', () => {
    const chain = chainOf([
      ...first.map(({ seq: _s, prevHash: _p, signature: _g, ...b }) => b),
      {
        ...at(unsat(2), '省人民政府', '2026-06-01T02:00:00.000Z', 2),
        reevaluates: { seq: 1, hash: '0'.repeat(64) },
      },
    ]);
    expect(followUps(chain, new Date())[0]!.state).toBe('open');
  });

  it('深圳: rectification within six months has a due date and becomes overdue', () => {
    const chain = chainOf([
      at(
        bodyFor(
          1,
          'shenzhen-2011',
          { satisfied: 30, unsatisfied: 21 },
          { members: 63, present: 55, invalid: 0 },
        ),
        '市中级人民法院',
        '2026-08-31T02:00:00.000Z',
        1,
      ),
    ]);
    const before = followUps(chain, new Date('2027-02-27T00:00:00Z'))[0]!;
    expect(before).toMatchObject({
      action: 'rectify-and-report',
      // until 24:00 Beijing time on 2027-02-28 (the corresponding day, clamped to February)
      dueDate: '2027-02-28T15:59:59.999Z',
      state: 'open',
    });
    expect(followUps(chain, new Date('2027-02-28T15:59:59.999Z'))[0]!.state).toBe('open');
    expect(followUps(chain, new Date('2027-02-28T16:00:00.000Z'))[0]!.state).toBe('overdue');
    expect(followUps(chain, new Date('2027-03-01T00:00:00Z'))[0]!.state).toBe('overdue');
  });

  it('深圳: six months are counted on the Beijing calendar, from the Beijing day of the announcement', () => {
    // 2026-12-31T17:00Z is 2027-01-01 01:00 in Beijing: due at the end of 2027-07-01, Beijing time
    // (counted on the UTC calendar it would have been 2027-06-30).
    const chain = chainOf([
      at(
        bodyFor(
          1,
          'shenzhen-2011',
          { satisfied: 30, unsatisfied: 21 },
          { members: 63, present: 55, invalid: 0 },
        ),
        '市中级人民法院',
        '2026-12-31T17:00:00.000Z',
        1,
      ),
    ]);
    const [item] = followUps(chain, new Date('2027-07-01T15:00:00.000Z'));
    expect(item).toMatchObject({ dueDate: '2027-07-01T15:59:59.999Z', state: 'open' });
    expect(followUps(chain, new Date('2027-07-01T16:00:00.000Z'))[0]!.state).toBe('overdue');
  });

  it('子洲 基本满意: a report to the 主任会议, open until marked done', () => {
    const chain = chainOf([
      at(
        bodyFor(
          1,
          'zizhou',
          { satisfied: 12, 'basically-satisfied': 2, unsatisfied: 10 },
          { members: 31, present: 26, invalid: 2 },
        ),
        '县人民检察院',
        '2026-05-01T02:00:00.000Z',
        1,
      ),
    ]);
    const [item] = followUps(chain, new Date());
    expect(item).toMatchObject({
      action: 'rectify-and-report-to-council',
      state: 'open',
      due: { kind: 'set-by-council' },
    });
    expect(followUps(chain, new Date(), new Set([item!.id]))[0]!.state).toBe('done');
  });

  it('adds Beijing calendar months, clamped to the end of the month, due at 24:00 Beijing time', () => {
    expect(dueAfterMonths('2026-08-31T02:00:00.000Z', 6)).toBe('2027-02-28T15:59:59.999Z');
    expect(dueAfterMonths('2027-08-31T02:00:00.000Z', 6)).toBe('2028-02-29T15:59:59.999Z');
    expect(dueAfterMonths('2026-01-15T00:00:00.000Z', 12)).toBe('2027-01-15T15:59:59.999Z');
    // 2026-01-14T16:00Z is already 2026-01-15 in Beijing
    expect(dueAfterMonths('2026-01-14T16:00:00.000Z', 12)).toBe('2027-01-15T15:59:59.999Z');
    expect(dueAfterMonths('2026-01-14T15:59:59.999Z', 12)).toBe('2027-01-14T15:59:59.999Z');
  });
});

describe('history per reporting organ', () => {
  const chain = chainOf([
    at(bodyFor(1, 'anhui-2013', { satisfied: 40 }), '省人民政府', '2025-06-01T02:00:00.000Z', 1),
    at(
      bodyFor(2, 'anhui-2013', { satisfied: 20, unsatisfied: 30 }),
      '省高级人民法院',
      '2025-09-01T02:00:00.000Z',
      2,
    ),
    at(
      bodyFor(3, 'zizhou', { satisfied: 10, unsatisfied: 12 }),
      '省人民政府',
      '2026-03-01T02:00:00.000Z',
      3,
    ),
  ]);

  it('groups by organ over the years (纵向) and across organs (横向)', () => {
    const h = history(chain);
    expect(h.map((o) => [o.organ, o.entries.map((e) => e.seq)])).toEqual([
      ['省人民政府', [1, 3]],
      ['省高级人民法院', [2]],
    ]);
    expect(h[0]!.outcomes).toEqual({ satisfied: 1, unsatisfied: 1 });
    expect(h[0]!.entries[0]).toMatchObject({
      year: 2025,
      outcomeLabel: '满意',
      passed: true,
      satisfiedShare: '100.00%',
    });
    expect(historyYears(chain)).toEqual([2026, 2025]);
  });

  it('filters by year and by profile', () => {
    expect(history(chain, { year: 2025 }).flatMap((o) => o.entries.map((e) => e.seq))).toEqual([
      1, 2,
    ]);
    expect(
      history(chain, { profile: 'zizhou' }).flatMap((o) => o.entries.map((e) => e.seq)),
    ).toEqual([3]);
    expect(history(chain, { year: 2024 })).toEqual([]);
  });

  it('dates an evaluation by the Beijing calendar year: 2026-12-31T17:00Z is in 2027', () => {
    const newYear = chainOf([
      at(bodyFor(1, 'anhui-2013', { satisfied: 40 }), '省人民政府', '2026-12-31T15:59:59.999Z', 1),
      at(bodyFor(2, 'anhui-2013', { satisfied: 40 }), '省人民政府', '2026-12-31T17:00:00.000Z', 2),
    ]);
    expect(history(newYear)[0]!.entries.map((e) => [e.seq, e.year])).toEqual([
      [1, 2026],
      [2, 2027],
    ]);
    expect(historyYears(newYear)).toEqual([2027, 2026]);
    expect(history(newYear, { year: 2027 }).flatMap((o) => o.entries.map((e) => e.seq))).toEqual([
      2,
    ]);
    // the record's own time is unchanged
    expect(history(newYear)[0]!.entries[1]!.announcedAt).toBe('2026-12-31T17:00:00.000Z');
  });
});
