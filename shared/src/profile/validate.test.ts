import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { anhui2013, SEED_PROFILES, seedProfile } from './seeds/index';
import type { Profile } from './schema';
import { validateProfile } from './validate';
import { tally } from '../tally/tally';

const clone = (p: Profile): Profile => JSON.parse(JSON.stringify(p));

function problem(mutate: (p: Profile) => void): string {
  const p = clone(anhui2013);
  mutate(p);
  try {
    validateProfile(p);
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    return (e as DomainError).message;
  }
  return 'accepted';
}

describe('profiles are data', () => {
  it('the three seed profiles are valid, cite their articles, and survive a JSON round trip', () => {
    expect(SEED_PROFILES.map((p) => p.id)).toEqual(['anhui-2013', 'zizhou', 'shenzhen-2011']);
    for (const p of SEED_PROFILES) {
      expect(validateProfile(JSON.parse(JSON.stringify(p)))).toEqual(p);
      expect(p.source.articles.length).toBeGreaterThan(0);
      for (const rung of p.ladder) expect(rung.cite).toMatch(/^第.+条/);
    }
    expect(seedProfile('zizhou')?.base).toBe('valid');
    expect(seedProfile('nope')).toBeUndefined();
  });

  it.each<[string, (p: Profile) => void, RegExp]>([
    ['an unknown field', (p) => Object.assign(p, { extra: 1 }), /invalid profile at \/extra/],
    ['a bad base', (p) => Object.assign(p, { base: 'everyone' }), /invalid profile at \/base/],
    [
      'a zero denominator',
      (p) => (p.ladder[0]!.when![0]!.fraction.den = 0),
      /\/ladder\/0\/when\/0\/fraction\/den/,
    ],
    [
      'a fraction above 1',
      (p) => (p.ladder[0]!.when![0]!.fraction = { num: 3, den: 2 }),
      /fraction 3\/2 is above 1/,
    ],
    [
      'an option outside the set',
      (p) => (p.ladder[0]!.when![0]!.options = ['abstain']),
      /option "abstain" is not in option set three-level/,
    ],
    [
      'an undefined outcome',
      (p) => (p.ladder[1]!.outcome = 'great'),
      /outcome "great" is not defined/,
    ],
    [
      'a last rung with a condition',
      (p) => (p.ladder[2]!.when = p.ladder[0]!.when),
      /last rung must have no "when"/,
    ],
    [
      'a middle rung without one',
      (p) => delete p.ladder[1]!.when,
      /only the last rung may have no "when"/,
    ],
    [
      'an outcome never reached',
      (p) => p.ladder.splice(1, 1),
      /outcome "basically-satisfied" is on no rung/,
    ],
    [
      'two options on one seat key',
      (p) => (p.optionSet.options[1]!.seatKey = 1),
      /seat key 1 chooses two options/,
    ],
    [
      'a duplicate option key',
      (p) => (p.optionSet.options[1]!.key = 'satisfied'),
      /option key "satisfied" appears twice/,
    ],
  ])('rejects %s, naming it', (_what, mutate, message) => {
    expect(problem(mutate)).toMatch(message);
  });

  it('a secretariat can write a new profile: four options, strict half of ballots returned', () => {
    // 某地: "满意票超过收回票半数的为满意" with 弃权 as a fourth option on key 4.
    const p = clone(anhui2013);
    p.id = 'custom-returned';
    p.base = 'returned';
    p.optionSet = {
      id: 'four-level',
      name: { zh: '满意/基本满意/不满意/弃权', en: 'Four levels with abstain' },
      options: [
        ...p.optionSet.options,
        { key: 'abstain', label: { zh: '弃权', en: 'Abstain' }, seatKey: 4 },
      ],
    };
    for (const rung of p.ladder) for (const c of rung.when ?? []) c.comparison = 'more-than';
    const custom = validateProfile(p);
    const at = (s: number, abstain: number, invalid: number) =>
      tally(custom, { members: 50, present: 40, counts: { satisfied: s, abstain }, invalid })
        .outcome;
    expect(at(20, 18, 2)).toBe('unsatisfied'); // 20 of 40 returned: not more than half
    expect(at(20, 18, 0)).toBe('satisfied'); // 20 of 38 returned
    expect(at(20, 0, 1)).toBe('satisfied'); // 20 of 21
  });
});
