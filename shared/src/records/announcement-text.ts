import type { Text } from '../i18n';
import type { Profile } from '../profile/schema';

/**
 * What an announcement text is made from: the figures of a result or sealed record, the FULL
 * profile it was decided under (its option order and labels, its outcome labels), and, for a
 * correction, the record it corrects. A `SealedRecord` is one as it is.
 */
export interface AnnouncementFigures {
  profile: Pick<Profile, 'optionSet' | 'outcomes'>;
  members: number;
  present: number;
  counts: Readonly<Record<string, number>>;
  invalid: number;
  notVoted: number;
  outcome: string;
  /** Set on a correction: the record it corrects (and, on newer records, its outcome). */
  corrects?: {
    seq: number;
    previousOutcome?: { id: string; label: Text } | undefined;
  } | null;
}

/**
 * The announcement text the presiding officer reads out (宣读稿), Chinese first, made only from
 * the figures (issue 13). The form, decided once and used by every screen and printout:
 *
 *   本次测评应到60人，实到58人。满意31票，基本满意20票，不满意5票，无效1票，未按键1人。测评结果为：满意。
 *
 * - Arabic numerals, no spaces, full-width punctuation (，。：).
 * - Every option of the profile, in the profile's option order with its Chinese label, then 无效,
 *   then 未按键; each is read out even when it is 0 (a read-out that skips a zero sounds like a
 *   number was forgotten). Ballots are 票, 未按键 are people (人).
 * - The outcome by its label in the profile (its id if the profile does not name it).
 * - A correction says so first: `更正第3号记录（原结果：不满意）：本次测评…` (the previous outcome
 *   only when the record names it).
 *
 * English: `This evaluation: 60 members, 58 present. Satisfied 31, Basically satisfied 20,
 * Unsatisfied 5, invalid 1, did not press 1. Result: Satisfied.`, a correction starting with
 * `Correction of record 3 (was: Unsatisfied): `.
 */
export function announcementText(r: AnnouncementFigures): Text {
  const options = r.profile.optionSet.options;
  const outcome = r.profile.outcomes.find((o) => o.id === r.outcome)?.label ?? {
    zh: r.outcome,
    en: r.outcome,
  };
  const n = (key: string) => r.counts[key] ?? 0;
  const zh =
    `本次测评应到${r.members}人，实到${r.present}人。` +
    options.map((o) => `${o.label.zh}${n(o.key)}票，`).join('') +
    `无效${r.invalid}票，未按键${r.notVoted}人。` +
    `测评结果为：${outcome.zh}。`;
  const en =
    `This evaluation: ${r.members} members, ${r.present} present. ` +
    options.map((o) => `${o.label.en} ${n(o.key)}, `).join('') +
    `invalid ${r.invalid}, did not press ${r.notVoted}. ` +
    `Result: ${outcome.en}.`;
  const c = r.corrects;
  if (!c) return { zh, en };
  const was = c.previousOutcome?.label;
  return {
    zh: `更正第${c.seq}号记录${was ? `（原结果：${was.zh}）` : ''}：${zh}`,
    en: `Correction of record ${c.seq}${was ? ` (was: ${was.en})` : ''}: ${en}`,
  };
}
