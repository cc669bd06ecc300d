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
      expect(outcomeTone(p, 'satisfied')).toBe('good');
      expect(outcomeTone(p, 'basically-satisfied')).toBe('fair');
      expect(outcomeTone(p, 'unsatisfied')).toBe('bad');
    }
  });

  it('reads shenzhen-2011 by rank: 无需整改 green, 应当整改 red', () => {
    expect(outcomeTone(shenzhen, 'accepted')).toBe('good');
    expect(outcomeTone(shenzhen, 'rectification-required')).toBe('bad');
  });

  it('ranks a profile of its own: best green, passing amber, failing orange, worst red', () => {
    expect(fourLevels.outcomes.map((o) => outcomeTone(fourLevels, o.id))).toEqual([
      'good',
      'fair',
      'poor',
      'bad',
    ]);
  });

  it('falls back on the seed ids when the profile is unknown, else neutral', () => {
    expect(outcomeTone(undefined, 'satisfied')).toBe('good');
    expect(outcomeTone(undefined, 'rectification-required')).toBe('bad');
    expect(outcomeTone(undefined, 'something-else')).toBe('neutral');
    expect(outcomeTone(anhui, 'something-else')).toBe('neutral');
  });

  it('gives every outcome of a seed profile its own colour', () => {
    for (const p of [anhui, zizhou, shenzhen]) {
      const colours = p.outcomes.map((o) => outcomeColour(p, o.id));
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
    expect(anhui.optionSet.options.map((o) => optionTone(anhui, o.key))).toEqual([
      'good',
      'fair',
      'bad',
    ]);
    expect(optionTone(anhui, 'nope')).toBe('neutral');
  });
});
