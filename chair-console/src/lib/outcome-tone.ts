import type { Profile } from '@hall/shared';

/**
 * The colour of an outcome on the hall display, from its rank in the profile's outcome ladder
 * (`profile.outcomes` is listed best first, shared/src/profile/schema.ts): the best is green, the
 * worst red, one in between amber when it still passes and orange when it does not. So anhui-2013
 * and zizhou show 满意 green, 基本满意 amber, 不满意 red; shenzhen-2011 无需整改 green, 应当整改
 * red; a profile of the secretariat's own (优秀 / 合格 / 基本合格 / 不合格) gets the same reading.
 * The outcome is always written in words beside its colour: the colour is never the only cue.
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

/** When the profile is not known to the screen (not a seed): the seed outcome ids by name. */
const KNOWN_IDS: Record<string, OutcomeTone> = {
  satisfied: 'good',
  accepted: 'good',
  'basically-satisfied': 'fair',
  unsatisfied: 'bad',
  'rectification-required': 'bad',
};

/** The tone of `outcome` under `profile` (by rank), or by its id when the profile is unknown. */
export function outcomeTone(profile: Profile | undefined, outcome: string): OutcomeTone {
  const outcomes = profile?.outcomes ?? [];
  const rank = outcomes.findIndex((o) => o.id === outcome);
  if (rank < 0) return KNOWN_IDS[outcome] ?? 'neutral';
  const passed = outcomes[rank]!.passed;
  if (outcomes.length === 1) return passed ? 'good' : 'bad';
  if (rank === 0) return 'good';
  if (rank === outcomes.length - 1) return 'bad';
  return passed ? 'fair' : 'poor';
}

export function outcomeColour(profile: Profile | undefined, outcome: string): string {
  return TONE_COLOURS[outcomeTone(profile, outcome)];
}

/**
 * The tone of an option's bar, by its place in the option set (best first, as the seed option
 * sets are): the first green, the last red, those between amber. Unknown keys are neutral.
 */
export function optionTone(
  profile: Profile | undefined,
  key: string,
): 'good' | 'fair' | 'bad' | 'neutral' {
  const options = profile?.optionSet.options ?? [];
  const i = options.findIndex((o) => o.key === key);
  if (i < 0 || options.length < 2) return 'neutral';
  if (i === 0) return 'good';
  return i === options.length - 1 ? 'bad' : 'fair';
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
