import { describe, expect, it } from 'vitest';
import { anhui2013, shenzhen2011, zizhou } from '../profile/seeds/index';
import { tally } from './tally';

/** Decide with everyone present and every ballot valid unless said otherwise. */
function decide(
  profile: typeof anhui2013,
  members: number,
  counts: { s?: number; b?: number; u?: number },
  extra: { present?: number; invalid?: number } = {},
) {
  const s = counts.s ?? 0;
  const b = counts.b ?? 0;
  const u = counts.u ?? 0;
  return tally(profile, {
    members,
    present: extra.present ?? members,
    counts: { satisfied: s, 'basically-satisfied': b, unsatisfied: u },
    invalid: extra.invalid ?? 0,
  });
}

describe('anhui-2013: 半数以上 of all members, half included (2s >= n)', () => {
  it.each([
    // n even: exactly half decides
    [60, 30, 0, 30, 'satisfied'],
    [60, 29, 1, 30, 'basically-satisfied'],
    [60, 29, 0, 31, 'unsatisfied'],
    [60, 0, 30, 30, 'basically-satisfied'],
    [60, 15, 14, 31, 'unsatisfied'],
    // n odd: half is 30.5, so 31 is needed
    [61, 31, 0, 30, 'satisfied'],
    [61, 30, 1, 30, 'basically-satisfied'],
    [61, 30, 0, 31, 'unsatisfied'],
    [61, 15, 16, 30, 'basically-satisfied'],
    [61, 15, 15, 31, 'unsatisfied'],
  ])('n=%i s=%i b=%i u=%i -> %s', (n, s, b, u, outcome) => {
    expect(decide(anhui2013, n, { s, b, u }).outcome).toBe(outcome);
  });

  it('counts absent members, invalid ballots and 未按 against the result: the base is n', () => {
    // 60 members, 40 present, 30 satisfied: exactly half of 60 -> satisfied
    const r = decide(anhui2013, 60, { s: 30, b: 2 }, { present: 40, invalid: 3 });
    expect(r).toMatchObject({ outcome: 'satisfied', valid: 32, invalid: 3, notVoted: 5 });
    // one satisfied fewer, the rest 未按: 29 + 2 = 31 >= 30 -> basically satisfied
    expect(decide(anhui2013, 60, { s: 29, b: 2 }, { present: 40, invalid: 3 }).outcome).toBe(
      'basically-satisfied',
    );
    // 29 + 0 < 30 even though nobody pressed 不满意
    expect(decide(anhui2013, 60, { s: 29 }, { present: 40, invalid: 11 }).outcome).toBe(
      'unsatisfied',
    );
  });

  it('an unsatisfied report is not passed and must be re-reported at the next session', () => {
    const r = decide(anhui2013, 61, { s: 10, u: 51 });
    expect(r.passed).toBe(false);
    expect(r.followUp.map((f) => [f.action, f.due, f.reevaluate])).toEqual([
      ['re-report', { kind: 'next-session' }, true],
    ]);
    expect(r.followUp[0]!.onRepeatedFailure?.action).toBe('supervision-measures');
  });
});

describe('zizhou: share of valid ballots, 50% excluded for 满意/基本满意, included for 不满意', () => {
  it.each([
    // v even (24): 12 is exactly half
    [12, 0, 12, 'unsatisfied'],
    [13, 0, 11, 'satisfied'],
    [12, 1, 11, 'basically-satisfied'],
    [12, 0, 12, 'unsatisfied'],
    [0, 12, 12, 'unsatisfied'],
    [0, 13, 11, 'basically-satisfied'],
    // v odd (25): half is 12.5
    [13, 0, 12, 'satisfied'],
    [12, 1, 12, 'basically-satisfied'],
    [12, 0, 13, 'unsatisfied'],
    [0, 12, 13, 'unsatisfied'],
  ])('s=%i b=%i u=%i -> %s', (s, b, u, outcome) => {
    expect(decide(zizhou, 31, { s, b, u }, { present: 30 }).outcome).toBe(outcome);
  });

  it('invalid ballots and 未按 are outside the base', () => {
    // 26 present, 2 invalid, 2 did not press: v = 22, 12 > 11 -> satisfied
    const r = decide(zizhou, 31, { s: 12, b: 0, u: 10 }, { present: 26, invalid: 2 });
    expect(r).toMatchObject({ outcome: 'satisfied', valid: 22, invalid: 2, notVoted: 2 });
  });

  it('no valid ballot at all is 不满意 (0 >= 50% of 0), and the explanation says so', () => {
    const r = decide(zizhou, 31, {}, { present: 20, invalid: 20 });
    expect(r.outcome).toBe('unsatisfied');
    expect(r.explanation.zh).toContain('不满意 0 ≥ 有效票 0 的半数 0');
  });

  it('基本满意 requires rectification reported to the 主任会议; 不满意 escalates on a second failure', () => {
    const basic = decide(zizhou, 31, { s: 12, b: 1, u: 11 });
    expect(basic.passed).toBe(true);
    expect(basic.followUp.map((f) => f.action)).toEqual(['rectify-and-report-to-council']);
    const unsat = decide(zizhou, 31, { s: 12, u: 12 });
    expect(unsat.passed).toBe(false);
    expect(unsat.followUp[0]).toMatchObject({ action: 'rectify-and-re-report', reevaluate: true });
    expect(unsat.followUp[0]!.onRepeatedFailure?.action).toBe('inspection-and-accountability');
  });
});

describe('shenzhen-2011: 不满意 三分之一以上 of all members, a third included (3u >= n)', () => {
  it.each([
    // 63 = 3 x 21: exactly a third triggers
    [63, 21, 'rectification-required'],
    [63, 20, 'accepted'],
    // 64: a third is 21.33, so 22 is needed
    [64, 21, 'accepted'],
    [64, 22, 'rectification-required'],
    // 65: a third is 21.67
    [65, 21, 'accepted'],
    [65, 22, 'rectification-required'],
  ])('n=%i u=%i -> %s', (n, u, outcome) => {
    expect(decide(shenzhen2011, n, { s: n - u - 1, u }, { present: n }).outcome).toBe(outcome);
  });

  it('absent members still count in the base', () => {
    // 63 members, 40 present: 21 unsatisfied is a third of 63 whatever the attendance
    expect(decide(shenzhen2011, 63, { s: 19, u: 21 }, { present: 40 }).outcome).toBe(
      'rectification-required',
    );
    expect(decide(shenzhen2011, 63, { s: 19, u: 20 }, { present: 40, invalid: 1 }).outcome).toBe(
      'accepted',
    );
  });

  it('rectification is due within six months and the report is evaluated again', () => {
    const r = decide(shenzhen2011, 63, { s: 42, u: 21 });
    expect(r.followUp[0]).toMatchObject({ due: { kind: 'months', months: 6 }, reevaluate: true });
  });
});

describe('explanations', () => {
  it('show the integer comparison that decided, with the threshold as people read it', () => {
    expect(decide(anhui2013, 60, { s: 31, b: 10, u: 19 }).explanation.zh).toBe(
      '满意 31 ≥ 全体组成人员 60 的半数 30 → 满意',
    );
    expect(decide(anhui2013, 61, { s: 30, b: 1, u: 30 }).explanation.zh).toBe(
      '满意 30 < 全体组成人员 61 的半数 30.5，不是满意；满意加基本满意 31 ≥ 全体组成人员 61 的半数 30.5 → 基本满意',
    );
    expect(decide(shenzhen2011, 64, { s: 43, u: 21 }).explanation.en).toBe(
      'Unsatisfied 21 < a third of all members 64 (≈21.33): not “Rectification required”; otherwise → Accepted',
    );
  });
});
