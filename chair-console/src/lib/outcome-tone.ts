/**
 * The colour of an outcome on the hall display, from whether it passes (`passed`) and its place in
 * the profile's outcome list (`profile.outcomes` is listed best first, shared/src/profile/
 * schema.ts), never from its id: the best passing outcome is green, a later one that still passes
 * amber, a failing one orange, the worst failing one red. So anhui-2013 and zizhou show 满意
 * green, 基本满意 amber, 不满意 red; shenzhen-2011 无需整改 green, 应当整改 red; a profile of the
 * secretariat's own (优秀 / 合格 / 基本合格 / 不合格) gets the same reading. The outcome is
 * always written in words beside its colour: the colour is never the only cue.
 */
export type OutcomeTone = 'good' | 'fair' | 'poor' | 'bad' | 'neutral';

/**
 * Text colours on the display's background (`DISPLAY_BACKGROUND`), each at least 4.5:1 (WCAG AA
 * for any size; outcome-tone.test.ts checks it).
 */
export const TONE_COLOURS: Record<OutcomeTone, string> = {
  good: '#2ec27e',
  fair: '#f6c744',
  poor: '#ff9f43',
  bad: '#ff6b6b',
  neutral: '#e6edf3',
};

/** The page background of the hall display (styles.css `--bg`). */
export const DISPLAY_BACKGROUND = '#0f1720';

/** An outcome as the tone needs it: a profile's `outcomes` or a result's `labels.outcomes`. */
export interface RankedOutcome {
  id: string;
  passed: boolean;
}

/** An option as its bar's tone needs it (`excluded`: left out of the base, e.g. 弃权). */
export interface RankedOption {
  key: string;
  excluded?: boolean;
}

/**
 * The tone of `outcome` in `outcomes` (best first): by `passed` and its place. An outcome the
 * list does not have (or no list at all) is neutral: the screen never guesses from an id.
 */
export function outcomeTone(
  outcomes: readonly RankedOutcome[] | undefined,
  outcome: string,
): OutcomeTone {
  const list = outcomes ?? [];
  const rank = list.findIndex((o) => o.id === outcome);
  if (rank < 0) return 'neutral';
  if (list[rank]!.passed) return rank === 0 ? 'good' : 'fair';
  return rank === list.length - 1 ? 'bad' : 'poor';
}

export function outcomeColour(
  outcomes: readonly RankedOutcome[] | undefined,
  outcome: string,
): string {
  return TONE_COLOURS[outcomeTone(outcomes, outcome)];
}

/**
 * The tone of an option's bar, by its place among the options counted in the base (best first,
 * as option sets are written): the first green, the last red, those between amber. An option
 * left out of the base (弃权) and an unknown key are neutral.
 */
export function optionTone(
  options: readonly RankedOption[] | undefined,
  key: string,
): 'good' | 'fair' | 'bad' | 'neutral' {
  const ranked = (options ?? []).filter((o) => !o.excluded);
  const i = ranked.findIndex((o) => o.key === key);
  if (i < 0 || ranked.length < 2) return 'neutral';
  if (i === 0) return 'good';
  return i === ranked.length - 1 ? 'bad' : 'fair';
}

/** WCAG 2 contrast ratio of two `#rrggbb` colours. */
export function contrastRatio(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
    const f = (s: number) => (s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4);
    return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(bl!);
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** `#rrggbb` as a browser's computed `rgb(r, g, b)`. */
export function cssRgb(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}
