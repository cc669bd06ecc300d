import { describe, expect, it } from 'vitest';
import { describeProfile } from './describe';
import type { Profile } from './schema';
import { anhui2013, shenzhen2011, zizhou } from './seeds/index';

const clone = (p: Profile): Profile => JSON.parse(JSON.stringify(p));

describe('describeProfile: the rule read back from the conditions, Chinese first', () => {
  it('anhui-2013: 达到…半数（含半数）of all members', () => {
    expect(describeProfile(anhui2013)).toEqual([
      {
        zh: '满意票达到全体组成人员的半数（含半数）为满意',
        en: 'Satisfied ballots at least half of all members: satisfied',
      },
      {
        zh: '满意票与基本满意票之和达到全体组成人员的半数（含半数）为基本满意',
        en: 'Satisfied and basically satisfied ballots together at least half of all members: basically satisfied',
      },
      { zh: '其余情形为不满意', en: 'Otherwise: unsatisfied' },
    ]);
  });

  it('zizhou: 超过…半数（不含半数）of the valid ballots, and what the last rung confirms', () => {
    expect(describeProfile(zizhou)).toEqual([
      {
        zh: '满意票超过有效票的半数（不含半数）为满意',
        en: 'Satisfied ballots more than half of valid ballots: satisfied',
      },
      {
        zh: '满意票与基本满意票之和超过有效票的半数（不含半数）为基本满意',
        en: 'Satisfied and basically satisfied ballots together more than half of valid ballots: basically satisfied',
      },
      {
        zh: '其余情形为不满意，此时不满意票达到有效票的半数（含半数）',
        en: 'Otherwise: unsatisfied; then unsatisfied ballots at least half of valid ballots',
      },
    ]);
  });

  it('shenzhen-2011: 不满意票达到…三分之一（含三分之一）', () => {
    expect(describeProfile(shenzhen2011)).toEqual([
      {
        zh: '不满意票达到全体组成人员的三分之一（含三分之一）为应当整改',
        en: 'Unsatisfied ballots at least a third of all members: rectification required',
      },
      { zh: '其余情形为无需整改', en: 'Otherwise: accepted' },
    ]);
  });

  it('reads the numbers, not the rung text: an edited threshold is read back as edited', () => {
    const p = clone(anhui2013);
    p.ladder[0]!.when![0]!.fraction = { num: 3, den: 5 };
    p.ladder[0]!.when![0]!.comparison = 'more-than';
    p.ladder[1]!.when![0]!.base = 'present';
    expect(describeProfile(p).map((t) => t.zh)).toEqual([
      '满意票超过全体组成人员的3/5（不含3/5）为满意',
      '满意票与基本满意票之和达到到会组成人员的半数（含半数）为基本满意',
      '其余情形为不满意',
    ]);
  });

  it('several conditions, three options in one sum, and options left out of the base', () => {
    const p = clone(anhui2013);
    p.optionSet.options.push({ key: 'abstain', label: { zh: '弃权', en: 'Abstain' }, seatKey: 4 });
    p.excludeFromBase = ['abstain'];
    p.ladder[0]!.when!.push({
      options: ['basically-satisfied', 'unsatisfied', 'abstain'],
      comparison: 'more-than',
      fraction: { num: 1, den: 4 },
      base: 'returned',
    });
    expect(describeProfile(p)[0]).toEqual({
      zh: '满意票达到全体组成人员的半数（含半数），且基本满意票、不满意票与弃权票之和超过收回票的四分之一（不含四分之一）为满意（弃权票不计入基数）',
      en: 'Satisfied ballots at least half of all members, and basically satisfied, unsatisfied and abstain ballots together more than a quarter of ballots returned: satisfied (abstain ballots not counted in the base)',
    });
    expect(describeProfile(p)[2]).toEqual({ zh: '其余情形为不满意', en: 'Otherwise: unsatisfied' });
  });
});
