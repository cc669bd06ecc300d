import { seedProfile, type Profile } from '@hall/shared';
import { describe, expect, it } from 'vitest';
import {
  DISPLAY_BACKGROUND,
  TONE_COLOURS,
  contrastRatio,
  cssRgb,
  optionTone,
  outcomeColour,
  outcomeTone,
} from './outcome-tone';

const anhui = seedProfile('anhui-2013')!;
const zizhou = seedProfile('zizhou')!;
const shenzhen = seedProfile('shenzhen-2011')!;

/** A profile of the secretariat's own: four outcomes, the last two not passed. */
const fourLevels: Profile = {
  ...anhui,
  id: 'four-levels',
  outcomes: [
    { id: 'excellent', label: { zh: '优秀', en: 'Excellent' }, passed: true, followUp: [] },
    { id: 'good-enough', label: { zh: '合格', en: 'Adequate' }, passed: true, followUp: [] },
    { id: 'weak', label: { zh: '基本合格', en: 'Weak' }, passed: false, followUp: [] },
    { id: 'failed', label: { zh: '不合格', en: 'Failed' }, passed: false, followUp: [] },
  ],
};

describe('outcomeTone', () => {
  it('gives 满意 green, 基本满意 amber, 不满意 red under anhui-2013 and zizhou', () => {
    for (const p of [anhui, zizhou]) {
      expect(outcomeTone(p.outcomes, 'satisfied')).toBe('good');
      expect(outcomeTone(p.outcomes, 'basically-satisfied')).toBe('fair');
      expect(outcomeTone(p.outcomes, 'unsatisfied')).toBe('bad');
    }
  });

  it('reads shenzhen-2011 by rank: 无需整改 green, 应当整改 red', () => {
    expect(outcomeTone(shenzhen.outcomes, 'accepted')).toBe('good');
    expect(outcomeTone(shenzhen.outcomes, 'rectification-required')).toBe('bad');
  });

  it('ranks a profile of its own: best green, passing amber, failing orange, worst red', () => {
    expect(fourLevels.outcomes.map((o) => outcomeTone(fourLevels.outcomes, o.id))).toEqual([
      'good',
      'fair',
      'poor',
      'bad',
    ]);
  });

  it('reads `passed` and the place, never the id: the same ids under another ladder', () => {
    // Ids that read like the seeds', in a ladder where 满意-like ids mean something else.
    const odd = [
      { id: 'unsatisfied', passed: true },
      { id: 'satisfied', passed: true },
      { id: 'accepted', passed: false },
    ];
    expect(odd.map((o) => outcomeTone(odd, o.id))).toEqual(['good', 'fair', 'bad']);
    // Every outcome passes (优秀 / 合格 / 基本合格): none of them red.
    const allPass = ['a', 'b', 'c'].map((id) => ({ id, passed: true }));
    expect(allPass.map((o) => outcomeTone(allPass, o.id))).toEqual(['good', 'fair', 'fair']);
    // A single outcome: green if it passes, else red.
    expect(outcomeTone([{ id: 'x', passed: true }], 'x')).toBe('good');
    expect(outcomeTone([{ id: 'x', passed: false }], 'x')).toBe('bad');
  });

  it('is neutral for an outcome the list does not have, or with no list', () => {
    expect(outcomeTone(undefined, 'satisfied')).toBe('neutral');
    expect(outcomeTone(anhui.outcomes, 'something-else')).toBe('neutral');
  });

  it('gives every outcome of a seed profile and of a four-level one its own colour', () => {
    for (const p of [anhui, zizhou, shenzhen, fourLevels]) {
      const colours = p.outcomes.map((o) => outcomeColour(p.outcomes, o.id));
      expect(new Set(colours).size).toBe(colours.length);
    }
  });
});

describe('colours', () => {
  it('each pass WCAG AA (4.5:1) on the display background', () => {
    for (const colour of Object.values(TONE_COLOURS)) {
      expect(contrastRatio(colour, DISPLAY_BACKGROUND)).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('are written as a browser computes them', () => {
    expect(cssRgb('#2ec27e')).toBe('rgb(46, 194, 126)');
  });
});

describe('optionTone', () => {
  it('colours the options best first', () => {
    const options = anhui.optionSet.options;
    expect(options.map((o) => optionTone(options, o.key))).toEqual(['good', 'fair', 'bad']);
    expect(optionTone(options, 'nope')).toBe('neutral');
    expect(optionTone(undefined, 'satisfied')).toBe('neutral');
  });

  it('2 to 5 options: first green, last red; an option left out of the base is neutral', () => {
    const keys = (n: number) => Array.from({ length: n }, (_, i) => ({ key: `o${i}` }));
    expect(keys(2).map((o) => optionTone(keys(2), o.key))).toEqual(['good', 'bad']);
    expect(keys(5).map((o) => optionTone(keys(5), o.key))).toEqual([
      'good',
      'fair',
      'fair',
      'fair',
      'bad',
    ]);
    // 满意 / 基本满意 / 不满意 / 弃权 with 弃权 not in the base: 不满意 stays red, 弃权 neutral.
    const withAbstain = [
      { key: 'satisfied' },
      { key: 'basically-satisfied' },
      { key: 'unsatisfied' },
      { key: 'abstain', excluded: true },
    ];
    expect(withAbstain.map((o) => optionTone(withAbstain, o.key))).toEqual([
      'good',
      'fair',
      'bad',
      'neutral',
    ]);
  });
});
