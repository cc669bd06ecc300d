import type { Text } from '../i18n';
import type { Base, Comparison, Fraction } from '../profile/schema';

/** Words for explanations. Display only: nothing here decides anything. */

export const BASE_WORDS: Record<Base, Text> = {
  members: { zh: '全体组成人员', en: 'all members' },
  present: { zh: '到会组成人员', en: 'members present' },
  valid: { zh: '有效票', en: 'valid ballots' },
  returned: { zh: '收回票', en: 'ballots returned' },
};

/**
 * The bases of an evaluation meeting of invited evaluators (群众评议, seed 第二篇: "现场发放测评表
 * 42份,收回42份"): its own roster, the ballots issued to those present, and those returned.
 */
export const INVITED_BASE_WORDS: Record<Base, Text> = {
  members: { zh: '全体评议人员', en: 'all evaluators' },
  present: { zh: '发放票', en: 'ballots issued' },
  valid: { zh: '有效票', en: 'valid ballots' },
  returned: { zh: '收回票', en: 'ballots returned' },
};

const FRACTION_WORDS: Record<string, Text> = {
  '1/2': { zh: '半数', en: 'half' },
  '1/3': { zh: '三分之一', en: 'a third' },
  '2/3': { zh: '三分之二', en: 'two thirds' },
  '1/4': { zh: '四分之一', en: 'a quarter' },
  '3/4': { zh: '四分之三', en: 'three quarters' },
};

export function fractionWords(f: Fraction): Text {
  return (
    FRACTION_WORDS[`${f.num}/${f.den}`] ?? { zh: `${f.num}/${f.den}`, en: `${f.num}/${f.den}` }
  );
}

/** The operator that held, or the one that shows why it did not. */
export function operator(comparison: Comparison, holds: boolean): string {
  if (comparison === 'at-least') return holds ? '≥' : '<';
  return holds ? '>' : '≤';
}

/**
 * num × base / den as people read it: exact when it is a whole number or ends within two
 * decimals, otherwise rounded to two decimals with "≈". Integer arithmetic only.
 */
export function thresholdValue(f: Fraction, base: number): string {
  const scaled = BigInt(f.num) * BigInt(base);
  const den = BigInt(f.den);
  if (scaled % den === 0n) return (scaled / den).toString();
  const exact = (scaled * 100n) % den === 0n;
  const hundredths = (scaled * 200n + den) / (2n * den);
  const text = `${hundredths / 100n}.${(hundredths % 100n).toString().padStart(2, '0')}`.replace(
    /0$/,
    '',
  );
  return exact ? text : `≈${text}`;
}
