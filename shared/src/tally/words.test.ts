import { describe, expect, it } from 'vitest';
import { formatShare } from './share';
import { seedProfile } from '../profile/seeds/index';
import { tally } from './tally';
import { INVITED_BASE_WORDS, thresholdValue } from './words';

describe('thresholdValue (display only)', () => {
  it.each([
    [1, 2, 60, '30'],
    [1, 2, 61, '30.5'],
    [1, 3, 63, '21'],
    [1, 3, 64, '≈21.33'],
    [1, 3, 65, '≈21.67'],
    [2, 3, 1, '≈0.67'],
    [1, 4, 5, '1.25'],
    [1, 8, 1, '≈0.13'],
    [1, 2, 0, '0'],
  ])('%i/%i of %i is %s', (num, den, base, text) => {
    expect(thresholdValue({ num, den }, base)).toBe(text);
  });
});

describe('formatShare (display only, may not add up to 100)', () => {
  it.each([
    [30, 33, 2, '90.91%'],
    [3, 33, 0, '9%'],
    [30, 33, 0, '91%'],
    [42, 42, 2, '100.00%'],
    [1, 3, 2, '33.33%'],
    [2, 3, 2, '66.67%'],
    [1, 8, 1, '12.5%'],
    [0, 0, 2, '—'],
  ])('%i of %i to %i decimals is %s', (count, base, decimals, text) => {
    expect(formatShare(count, base, decimals)).toBe(text);
  });
});

describe('the words of an evaluation meeting', () => {
  it('words the bases as evaluators and ballots issued, and decides the same', () => {
    const p = seedProfile('zizhou')!;
    const input = { members: 42, present: 42, counts: { satisfied: 42 }, invalid: 0 };
    const committee = tally(p, input);
    const invited = tally(p, input, { baseWords: INVITED_BASE_WORDS });
    expect(invited.outcome).toBe(committee.outcome);
    expect(invited.explanation.zh).toContain('有效票 42');
    const anhui = tally(seedProfile('anhui-2013')!, input, { baseWords: INVITED_BASE_WORDS });
    expect(anhui.explanation.zh).toContain('全体评议人员 42');
    expect(anhui.explanation.zh).not.toContain('组成人员');
  });
});
