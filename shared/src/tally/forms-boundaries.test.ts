import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import abstainCountedDoc from '../../../docs/profiles/example-abstain-counted.json';
import abstainExcludedDoc from '../../../docs/profiles/example-abstain-excluded.json';
import halfExcludedDoc from '../../../docs/profiles/example-half-excluded.json';
import twoThirdsDoc from '../../../docs/profiles/example-two-thirds.json';
import returnedDoc from '../../../docs/profiles/example-returned.json';
import { describeProfile } from '../profile/describe';
import { checkProfileDocument, parseProfileDocument } from '../profile/document';
import type { Profile } from '../profile/schema';
import { baseValue, tally } from './tally';
import { checkInput } from './input';

/**
 * The other evaluation forms of issue 14, as the example documents of docs/profiles/ (README
 * "Profile documents"), decided at every boundary: just below, at and just above each
 * threshold, for even and odd bases. Every expected outcome is worked by hand in the comment.
 */

const DOCS = {
  abstainCounted: abstainCountedDoc,
  abstainExcluded: abstainExcludedDoc,
  halfExcluded: halfExcludedDoc,
  twoThirds: twoThirdsDoc,
  returned: returnedDoc,
};
const counted = parseProfileDocument(DOCS.abstainCounted);
const excluded = parseProfileDocument(DOCS.abstainExcluded);
const halfExcluded = parseProfileDocument(DOCS.halfExcluded);
const twoThirds = parseProfileDocument(DOCS.twoThirds);
const returned = parseProfileDocument(DOCS.returned);

interface Sitting {
  members?: number;
  present?: number;
  s?: number;
  b?: number;
  u?: number;
  a?: number;
  i?: number;
}

/** Decide; members and present default to the ballots cast (everyone present voted). */
function decide(p: Profile, x: Sitting) {
  const s = x.s ?? 0;
  const b = x.b ?? 0;
  const u = x.u ?? 0;
  const a = x.a ?? 0;
  const i = x.i ?? 0;
  const keys = p.optionSet.options.map((o) => o.key);
  const counts: Record<string, number> = { satisfied: s, 'basically-satisfied': b, unsatisfied: u };
  if (keys.includes('abstain')) counts.abstain = a;
  const present = x.present ?? s + b + u + a + i;
  return tally(p, { members: x.members ?? present, present, counts, invalid: i });
}

describe('the example documents of docs/profiles', () => {
  it.each(Object.entries(DOCS))('%s is a valid hall-profile/1 document', (_name, doc) => {
    expect(checkProfileDocument(doc)).toEqual({ valid: true, problems: [] });
    expect(doc.format).toBe('hall-profile/1');
    expect(doc.source.articles).toEqual(['示例']);
    expect(doc.name.zh).toMatch(/^示例：/);
  });

  it('read back in words from their conditions', () => {
    expect(describeProfile(counted).map((t) => t.zh)).toEqual([
      '满意票超过有效票的半数（不含半数）为满意',
      '满意票与基本满意票之和超过有效票的半数（不含半数）为基本满意',
      '其余情形为不满意',
    ]);
    expect(describeProfile(excluded)).toEqual([
      {
        zh: '满意票超过有效票的半数（不含半数）为满意（弃权票不计入基数）',
        en: 'Satisfied ballots more than half of valid ballots: satisfied (abstain ballots not counted in the base)',
      },
      {
        zh: '满意票与基本满意票之和超过有效票的半数（不含半数）为基本满意（弃权票不计入基数）',
        en: 'Satisfied and basically satisfied ballots together more than half of valid ballots: basically satisfied (abstain ballots not counted in the base)',
      },
      { zh: '其余情形为不满意', en: 'Otherwise: unsatisfied' },
    ]);
    expect(describeProfile(halfExcluded).map((t) => t.zh)).toEqual([
      '满意票超过全体组成人员的半数（不含半数）为满意',
      '满意票与基本满意票之和超过全体组成人员的半数（不含半数）为基本满意',
      '其余情形为不满意',
    ]);
    expect(describeProfile(twoThirds).map((t) => t.zh)).toEqual([
      '满意票达到全体组成人员的三分之二（含三分之二）为满意',
      '满意票与基本满意票之和达到全体组成人员的三分之二（含三分之二）为基本满意',
      '其余情形为不满意',
    ]);
    expect(describeProfile(returned).map((t) => t.en)).toEqual([
      'Satisfied ballots more than half of ballots returned: satisfied',
      'Satisfied and basically satisfied ballots together more than half of ballots returned: basically satisfied',
      'Otherwise: unsatisfied',
    ]);
  });
});

describe('四项含弃权，弃权票计入基数: more than half of the valid ballots, 弃权 among them', () => {
  it.each<[string, Sitting, string]>([
    // v = 40 (even, 4 of them 弃权): half is 20, so 21 is needed
    ['s 19 of v 40', { s: 19, b: 0, u: 17, a: 4 }, 'unsatisfied'],
    ['s 20 of v 40 (at half)', { s: 20, b: 0, u: 16, a: 4 }, 'unsatisfied'],
    ['s 21 of v 40', { s: 21, b: 0, u: 15, a: 4 }, 'satisfied'],
    ['s+b 19 of v 40', { s: 10, b: 9, u: 17, a: 4 }, 'unsatisfied'],
    ['s+b 20 of v 40 (at half)', { s: 10, b: 10, u: 16, a: 4 }, 'unsatisfied'],
    ['s+b 21 of v 40', { s: 10, b: 11, u: 15, a: 4 }, 'basically-satisfied'],
    ['s 20 at half, s+b 21', { s: 20, b: 1, u: 15, a: 4 }, 'basically-satisfied'],
    // v = 41 (odd): half is 20.5
    ['s 20 of v 41', { s: 20, b: 0, u: 17, a: 4 }, 'unsatisfied'],
    ['s 21 of v 41', { s: 21, b: 0, u: 16, a: 4 }, 'satisfied'],
    ['s+b 20 of v 41', { s: 10, b: 10, u: 17, a: 4 }, 'unsatisfied'],
    ['s+b 21 of v 41', { s: 10, b: 11, u: 16, a: 4 }, 'basically-satisfied'],
    // 弃权 weighs like 不满意 here: 19 satisfied of 38 is not more than half
    ['s 19, 弃权 19 (v 38)', { s: 19, a: 19 }, 'unsatisfied'],
    ['s 20, 弃权 19 (v 39)', { s: 20, a: 19 }, 'satisfied'],
    // invalid ballots and 未按 are outside the base (v), absent members too
    [
      's 21 of v 40, 5 invalid, 5 未按',
      { members: 60, present: 50, s: 21, u: 15, a: 4, i: 5 },
      'satisfied',
    ],
  ])('%s', (_what, x, outcome) => {
    expect(decide(counted, x).outcome).toBe(outcome);
  });
});

describe('四项含弃权，弃权票不计入基数: more than half of the valid ballots other than 弃权', () => {
  it.each<[string, Sitting, string]>([
    // v = 40 with 4 弃权: the base is 36 (even), half 18
    ['s 18 of 36', { s: 18, b: 0, u: 18, a: 4 }, 'unsatisfied'],
    ['s 19 of 36', { s: 19, b: 0, u: 17, a: 4 }, 'satisfied'],
    ['s 17 of 36', { s: 17, b: 1, u: 18, a: 4 }, 'unsatisfied'],
    ['s+b 18 of 36 (at half)', { s: 9, b: 9, u: 18, a: 4 }, 'unsatisfied'],
    ['s+b 19 of 36', { s: 9, b: 10, u: 17, a: 4 }, 'basically-satisfied'],
    // v = 40 with 3 弃权: the base is 37 (odd), half 18.5
    ['s 18 of 37', { s: 18, b: 0, u: 19, a: 3 }, 'unsatisfied'],
    ['s 19 of 37', { s: 19, b: 0, u: 18, a: 3 }, 'satisfied'],
    ['s+b 18 of 37', { s: 9, b: 9, u: 19, a: 3 }, 'unsatisfied'],
    ['s+b 19 of 37', { s: 9, b: 10, u: 18, a: 3 }, 'basically-satisfied'],
    // the same ballots as above, where counting 弃权 in the base decided otherwise
    ['s 19, 弃权 19 (base 19)', { s: 19, a: 19 }, 'satisfied'],
    ['s 19, u 19, 弃权 19 (base 38)', { s: 19, u: 19, a: 19 }, 'unsatisfied'],
    // nearly everyone abstains: 1 satisfied of a base of 1 is more than half
    ['s 1, 弃权 39', { s: 1, a: 39 }, 'satisfied'],
    // everyone abstains: a base of 0, and nothing is more than half of nothing
    ['弃权 40', { a: 40 }, 'unsatisfied'],
  ])('%s', (_what, x, outcome) => {
    expect(decide(excluded, x).outcome).toBe(outcome);
  });

  it('the explanation shows the base with 弃权 taken out', () => {
    expect(decide(excluded, { s: 19, b: 0, u: 17, a: 4 }).explanation.zh).toBe(
      '满意 19 > 有效票 40 − 弃权 4 = 36 的半数 18 → 满意',
    );
    expect(decide(excluded, { s: 18, b: 0, u: 18, a: 4 }).explanation.en).toContain(
      'Satisfied 18 ≤ half of valid ballots 40 − Abstain 4 = 36 (18)',
    );
  });

  it('decides every sitting as the counted form would with no 弃权 at all (fast-check)', () => {
    const ballots = fc.record({
      s: fc.nat({ max: 120 }),
      b: fc.nat({ max: 120 }),
      u: fc.nat({ max: 120 }),
      a: fc.nat({ max: 120 }),
      i: fc.nat({ max: 20 }),
    });
    fc.assert(
      fc.property(ballots, (x) => {
        const withAbstain = decide(excluded, x).outcome;
        expect(withAbstain).toBe(decide(counted, { ...x, a: 0 }).outcome);
      }),
      { numRuns: 1000 },
    );
  });

  it('baseValue takes the excluded ballots out of every base, never below 0', () => {
    const x = checkInput(excluded, {
      members: 60,
      present: 50,
      counts: { satisfied: 20, abstain: 7, unsatisfied: 10 },
      invalid: 3,
    });
    expect(baseValue('members', x, ['abstain'])).toBe(53);
    expect(baseValue('present', x, ['abstain'])).toBe(43);
    expect(baseValue('valid', x, ['abstain'])).toBe(30);
    expect(baseValue('returned', x, ['abstain'])).toBe(33);
    expect(baseValue('valid', x)).toBe(37);
  });
});

describe('过半数，不足半数（含半数）为不满意: of all members, half excluded', () => {
  it.each<[string, Sitting, string]>([
    // n = 60 (even): half is 30, exactly half is not enough
    ['s 29 of 60', { members: 60, s: 29, b: 0, u: 31 }, 'unsatisfied'],
    ['s 30 of 60 (at half)', { members: 60, s: 30, b: 0, u: 30 }, 'unsatisfied'],
    ['s 31 of 60', { members: 60, s: 31, b: 0, u: 29 }, 'satisfied'],
    ['s+b 29 of 60', { members: 60, s: 15, b: 14, u: 31 }, 'unsatisfied'],
    ['s+b 30 of 60 (at half)', { members: 60, s: 15, b: 15, u: 30 }, 'unsatisfied'],
    ['s+b 31 of 60', { members: 60, s: 15, b: 16, u: 29 }, 'basically-satisfied'],
    ['s 30 at half, s+b 31', { members: 60, s: 30, b: 1, u: 29 }, 'basically-satisfied'],
    // n = 61 (odd): half is 30.5
    ['s 30 of 61', { members: 61, s: 30, b: 0, u: 31 }, 'unsatisfied'],
    ['s 31 of 61', { members: 61, s: 31, b: 0, u: 30 }, 'satisfied'],
    ['s+b 30 of 61', { members: 61, s: 15, b: 15, u: 31 }, 'unsatisfied'],
    ['s+b 31 of 61', { members: 61, s: 15, b: 16, u: 30 }, 'basically-satisfied'],
    // the base is all members: absent members count against
    ['s 31 of 62, 40 present', { members: 62, present: 40, s: 31, u: 9 }, 'unsatisfied'],
    ['s 32 of 62, 40 present', { members: 62, present: 40, s: 32, u: 8 }, 'satisfied'],
  ])('%s', (_what, x, outcome) => {
    expect(decide(halfExcluded, x).outcome).toBe(outcome);
  });
});

describe('三分之二以上 of all members, two thirds included (3s >= 2n)', () => {
  it.each<[string, Sitting, string]>([
    // n = 60: two thirds is exactly 40
    ['s 39 of 60', { members: 60, s: 39, b: 0, u: 21 }, 'unsatisfied'],
    ['s 40 of 60 (at two thirds)', { members: 60, s: 40, b: 0, u: 20 }, 'satisfied'],
    ['s 41 of 60', { members: 60, s: 41, b: 0, u: 19 }, 'satisfied'],
    ['s+b 39 of 60', { members: 60, s: 20, b: 19, u: 21 }, 'unsatisfied'],
    ['s+b 40 of 60 (at two thirds)', { members: 60, s: 20, b: 20, u: 20 }, 'basically-satisfied'],
    ['s 39, s+b 40', { members: 60, s: 39, b: 1, u: 20 }, 'basically-satisfied'],
    // n = 61: two thirds is 40.67, so 41 is needed
    ['s 40 of 61', { members: 61, s: 40, b: 0, u: 21 }, 'unsatisfied'],
    ['s 41 of 61', { members: 61, s: 41, b: 0, u: 20 }, 'satisfied'],
    ['s+b 40 of 61', { members: 61, s: 20, b: 20, u: 21 }, 'unsatisfied'],
    ['s+b 41 of 61', { members: 61, s: 20, b: 21, u: 20 }, 'basically-satisfied'],
    // n = 62: two thirds is 41.33, so 42 is needed
    ['s 41 of 62', { members: 62, s: 41, b: 0, u: 21 }, 'unsatisfied'],
    ['s 42 of 62', { members: 62, s: 42, b: 0, u: 20 }, 'satisfied'],
    ['s+b 41 of 62', { members: 62, s: 21, b: 20, u: 21 }, 'unsatisfied'],
    ['s+b 42 of 62', { members: 62, s: 21, b: 21, u: 20 }, 'basically-satisfied'],
    // n = 63 (odd, a multiple of 3): exactly 42
    ['s 41 of 63', { members: 63, s: 41, b: 0, u: 22 }, 'unsatisfied'],
    ['s 42 of 63', { members: 63, s: 42, b: 0, u: 21 }, 'satisfied'],
    // absent members count against
    ['s 40 of 60, 45 present', { members: 60, present: 45, s: 40, u: 5 }, 'satisfied'],
    ['s 39 of 60, 45 present', { members: 60, present: 45, s: 39, u: 6 }, 'unsatisfied'],
  ])('%s', (_what, x, outcome) => {
    expect(decide(twoThirds, x).outcome).toBe(outcome);
  });

  it('shows the threshold as people read it', () => {
    expect(decide(twoThirds, { members: 61, s: 41, u: 20 }).explanation.zh).toBe(
      '满意 41 ≥ 全体组成人员 61 的三分之二 ≈40.67 → 满意',
    );
  });
});

describe('以收回票为基数: more than half of the ballots returned (valid + invalid)', () => {
  it.each<[string, Sitting, string]>([
    // returned 40 (even): half is 20
    ['s 20 of 40 returned', { s: 20, b: 0, u: 18, i: 2 }, 'unsatisfied'],
    ['s 21 of 40 returned', { s: 21, b: 0, u: 17, i: 2 }, 'satisfied'],
    ['s 19 of 40 returned', { s: 19, b: 2, u: 17, i: 2 }, 'basically-satisfied'],
    ['s+b 20 of 40 returned', { s: 10, b: 10, u: 18, i: 2 }, 'unsatisfied'],
    ['s+b 21 of 40 returned', { s: 10, b: 11, u: 17, i: 2 }, 'basically-satisfied'],
    // returned 41 (odd): half is 20.5
    ['s 20 of 41 returned', { s: 20, b: 0, u: 19, i: 2 }, 'unsatisfied'],
    ['s 21 of 41 returned', { s: 21, b: 0, u: 18, i: 2 }, 'satisfied'],
    ['s+b 20 of 41 returned', { s: 10, b: 10, u: 19, i: 2 }, 'unsatisfied'],
    ['s+b 21 of 41 returned', { s: 10, b: 11, u: 18, i: 2 }, 'basically-satisfied'],
    // an invalid ballot is in the base: one more invalid turns 20 of 39 into 20 of 40
    ['s 20, u 18, 1 invalid (39 returned)', { s: 20, u: 18, i: 1 }, 'satisfied'],
    ['s 20, u 18, 2 invalid (40 returned)', { s: 20, u: 18, i: 2 }, 'unsatisfied'],
    // 未按 and absent members are not returned ballots
    ['s 21 of 40 returned, 10 未按', { members: 60, present: 50, s: 21, u: 17, i: 2 }, 'satisfied'],
    // nothing returned: nothing is more than half of nothing
    ['no ballot returned', { members: 60, present: 50 }, 'unsatisfied'],
  ])('%s', (_what, x, outcome) => {
    expect(decide(returned, x).outcome).toBe(outcome);
  });
});
