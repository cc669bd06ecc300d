import { seedProfile, type Lang, type Profile } from '@hall/shared';

/** Labels of a result's options and outcome, from the profile it was decided under. */
export function optionLabel(profile: Profile | undefined, key: string, lang: Lang): string {
  return profile?.optionSet.options.find((o) => o.key === key)?.label[lang] ?? key;
}

export function outcomeLabel(profile: Profile | undefined, outcome: string, lang: Lang): string {
  return profile?.outcomes.find((o) => o.id === outcome)?.label[lang] ?? outcome;
}

export function profileFor(id: string): Profile | undefined {
  return seedProfile(id);
}

/** mm:ss until `iso`, or null when there is no timer. */
export function timeLeft(iso: string | null, now: number): string | null {
  if (!iso) return null;
  const ms = Math.max(0, Date.parse(iso) - now);
  const s = Math.ceil(ms / 1000);
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

/** The colour class of an outcome (history cells and tables): good, fair, bad or neutral. */
const OUTCOME_TONE: Record<string, string> = {
  satisfied: 'good',
  accepted: 'good',
  'basically-satisfied': 'fair',
  unsatisfied: 'bad',
  'rectification-required': 'bad',
};

export function outcomeTone(outcome: string): string {
  return OUTCOME_TONE[outcome] ?? 'neutral';
}
