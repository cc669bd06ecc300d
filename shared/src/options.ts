import type { Text } from './i18n';

/**
 * An option a voter can choose, and the seat key that chooses it (SEAT-PROTOCOLS.md §1 "Key
 * mapping": key 1 = 满意, key 2 = 基本满意, key 3 = 不满意; keys 4 and 5 exist on 5-key units
 * for other option sets).
 */
export interface Option {
  key: string;
  label: Text;
  seatKey: number;
}

export interface OptionSet {
  id: string;
  name: Text;
  options: Option[];
}

export const SATISFIED = 'satisfied';
export const BASICALLY_SATISFIED = 'basically-satisfied';
export const UNSATISFIED = 'unsatisfied';

/** The three levels of every seed document: 满意 / 基本满意 / 不满意. */
export const THREE_LEVEL: OptionSet = {
  id: 'three-level',
  name: { zh: '满意 / 基本满意 / 不满意', en: 'Satisfied / basically satisfied / unsatisfied' },
  options: [
    { key: SATISFIED, label: { zh: '满意', en: 'Satisfied' }, seatKey: 1 },
    { key: BASICALLY_SATISFIED, label: { zh: '基本满意', en: 'Basically satisfied' }, seatKey: 2 },
    { key: UNSATISFIED, label: { zh: '不满意', en: 'Unsatisfied' }, seatKey: 3 },
  ],
};

/** The option a single pressed seat key chooses, or undefined when that key means nothing here. */
export function optionForSeatKey(set: OptionSet, seatKey: number): Option | undefined {
  return set.options.find((o) => o.seatKey === seatKey);
}

/**
 * - `valid`: exactly one key, and it chooses an option;
 * - `invalid`: several keys together, an invalid ballot that still counts as pressed;
 * - `unmapped`: one key that chooses nothing in this set (key 4 on a five-key unit under the
 *   three levels): not a ballot at all, the seat shows "not accepted" and may press again;
 * - `none`: no key.
 */
export type KeyClass =
  { kind: 'valid'; option: string } | { kind: 'invalid' } | { kind: 'unmapped' } | { kind: 'none' };

/**
 * Classify a key event's keys (the set of keys pressed together, SEAT-PROTOCOLS.md: "two or more
 * bits set = several keys pressed together") as a ballot: one key of the set is a valid choice;
 * several keys together is an invalid ballot (DOMAIN.md: "Pressing ... two keys together, is not
 * a valid ballot").
 */
export function classifyKeys(set: OptionSet, keys: readonly number[]): KeyClass {
  const distinct = [...new Set(keys)];
  if (distinct.length === 0) return { kind: 'none' };
  if (distinct.length > 1) return { kind: 'invalid' };
  const option = optionForSeatKey(set, distinct[0]!);
  return option ? { kind: 'valid', option: option.key } : { kind: 'unmapped' };
}
