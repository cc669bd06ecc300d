import type { Text } from '../i18n';
import type { Base, Condition, FollowUp, Profile, Rung } from '../profile/schema';
import { checkInput, type CheckedInput, type TallyInput } from './input';
import { BASE_WORDS, fractionWords, operator, thresholdValue } from './words';
export { INVITED_BASE_WORDS } from './words';

/** One condition of a rung, evaluated. */
export interface ConditionResult {
  options: string[];
  count: number;
  base: Base;
  baseValue: number;
  comparison: Condition['comparison'];
  fraction: Condition['fraction'];
  holds: boolean;
  text: Text;
}

/** One rung of the ladder as tried: its conditions and whether it decided the outcome. */
export interface RungResult {
  outcome: string;
  cite: string;
  rule: Text;
  conditions: ConditionResult[];
  confirms: ConditionResult[];
  decided: boolean;
}

export interface TallyResult {
  profile: string;
  outcome: string;
  passed: boolean;
  members: number;
  present: number;
  valid: number;
  invalid: number;
  notVoted: number;
  counts: Record<string, number>;
  followUp: FollowUp[];
  steps: RungResult[];
  explanation: Text;
}

/** The value of a base for these numbers (DOMAIN.md: n, p, v, v+i), before any exclusion. */
function rawBase(base: Base, x: CheckedInput): number {
  switch (base) {
    case 'members':
      return x.members;
    case 'present':
      return x.present;
    case 'valid':
      return x.valid;
    case 'returned':
      return x.valid + x.invalid;
  }
}

/**
 * The value of a base for these numbers (DOMAIN.md: n, p, v, v+i), minus the ballots of the
 * options left out of the base (a profile's `excludeFromBase`: 弃权票不计入基数). Integers only;
 * never negative, since every valid ballot is in each of n, p, v and v+i.
 */
export function baseValue(base: Base, x: CheckedInput, excluded: readonly string[] = []): number {
  return excluded.reduce((value, key) => value - (x.counts[key] ?? 0), rawBase(base, x));
}

/** The base as the explanation shows it: `有效票 40`, or `有效票 40 − 弃权 2 = 38`. */
function baseText(profile: Profile, base: Base, x: CheckedInput, words: BaseWords): Text {
  const excluded = profile.excludeFromBase ?? [];
  const value = baseValue(base, x, excluded);
  const raw = rawBase(base, x);
  const minus = (lang: keyof Text) =>
    excluded
      .map((k) => {
        const label = profile.optionSet.options.find((o) => o.key === k)?.label[lang] ?? k;
        return ` − ${label} ${x.counts[k] ?? 0}`;
      })
      .join('');
  const shown = (lang: keyof Text) =>
    excluded.length === 0
      ? `${words[base][lang]} ${value}`
      : `${words[base][lang]} ${raw}${minus(lang)} = ${value}`;
  return { zh: shown('zh'), en: shown('en') };
}

/**
 * The one place a threshold is decided: `den × count >= num × base` (at-least, 以上 includes the
 * number) or `den × count > num × base` (more-than, 超过/过半数). Integers only, in BigInt so no
 * product can lose precision.
 */
export function meets(
  count: number,
  base: number,
  c: Pick<Condition, 'comparison' | 'fraction'>,
): boolean {
  const left = BigInt(c.fraction.den) * BigInt(count);
  const right = BigInt(c.fraction.num) * BigInt(base);
  return c.comparison === 'at-least' ? left >= right : left > right;
}

function evaluate(
  profile: Profile,
  c: Condition,
  x: CheckedInput,
  words: BaseWords,
): ConditionResult {
  const base = c.base ?? profile.base;
  const bv = baseValue(base, x, profile.excludeFromBase);
  const count = c.options.reduce((sum, key) => sum + (x.counts[key] ?? 0), 0);
  const holds = meets(count, bv, c);
  const label = (lang: keyof Text) =>
    c.options
      .map((k) => profile.optionSet.options.find((o) => o.key === k)?.label[lang] ?? k)
      .join(lang === 'zh' ? '加' : ' + ');
  const op = operator(c.comparison, holds);
  const share = fractionWords(c.fraction);
  const t = thresholdValue(c.fraction, bv);
  const of = baseText(profile, base, x, words);
  return {
    options: c.options,
    count,
    base,
    baseValue: bv,
    comparison: c.comparison,
    fraction: c.fraction,
    holds,
    text: {
      zh: `${label('zh')} ${count} ${op} ${of.zh} 的${share.zh} ${t}`,
      en: `${label('en')} ${count} ${op} ${share.en} of ${of.en} (${t})`,
    },
  };
}

function tryRung(profile: Profile, rung: Rung, x: CheckedInput, words: BaseWords): RungResult {
  const conditions = (rung.when ?? []).map((c) => evaluate(profile, c, x, words));
  const confirms = (rung.confirms ?? []).map((c) => evaluate(profile, c, x, words));
  return {
    outcome: rung.outcome,
    cite: rung.cite,
    rule: rung.rule,
    conditions,
    confirms,
    decided: conditions.every((c) => c.holds),
  };
}

function explain(profile: Profile, steps: RungResult[]): Text {
  const line = (lang: keyof Text) =>
    steps
      .map((s) => {
        const shown = s.conditions.length > 0 ? s.conditions : s.confirms;
        const facts = shown.map((c) => c.text[lang]).join(lang === 'zh' ? '，' : ', ');
        const target = profile.outcomes.find((o) => o.id === s.outcome)!.label[lang];
        if (s.decided) {
          const rest = lang === 'zh' ? '其余情形' : 'otherwise';
          return `${facts || rest} → ${target}`;
        }
        return lang === 'zh' ? `${facts}，不是${target}` : `${facts}: not “${target}”`;
      })
      .join(lang === 'zh' ? '；' : '; ');
  return { zh: line('zh'), en: line('en') };
}

type BaseWords = Record<Base, Text>;

/** How the explanation words the bases; nothing here changes what is decided. */
export interface TallyOptions {
  /** Default BASE_WORDS (the committee's); INVITED_BASE_WORDS for an evaluation meeting. */
  baseWords?: BaseWords;
}

/**
 * Decide an evaluation under a profile. The ladder is tried in order; the first rung whose
 * conditions all hold decides, and the last rung (no conditions) takes what remains. Throws a
 * DomainError naming the problem for inconsistent numbers.
 */
export function tally(
  profile: Profile,
  input: TallyInput,
  options: TallyOptions = {},
): TallyResult {
  const x = checkInput(profile, input);
  const words = options.baseWords ?? BASE_WORDS;
  const steps: RungResult[] = [];
  for (const rung of profile.ladder) {
    const step = tryRung(profile, rung, x, words);
    steps.push(step);
    if (step.decided) break;
  }
  const decided = steps[steps.length - 1]!;
  const outcome = profile.outcomes.find((o) => o.id === decided.outcome)!;
  return {
    profile: profile.id,
    outcome: outcome.id,
    passed: outcome.passed,
    members: x.members,
    present: x.present,
    valid: x.valid,
    invalid: x.invalid,
    notVoted: x.notVoted,
    counts: x.counts,
    followUp: outcome.followUp,
    steps,
    explanation: explain(profile, steps),
  };
}
