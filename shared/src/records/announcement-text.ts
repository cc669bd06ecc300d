import type { RetakeLink, VoteMethod } from '../api/reply-schemas';
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
  /** Issue 14: how the ballots were taken (absent: keypads), and the abandoned vote retaken. */
  method?: VoteMethod | undefined;
  retakes?: Pick<RetakeLink, 'voteId' | 'reason'> | undefined;
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
 * - Issue 14: a paper or hands vote, or a retake, says so first (`methodLine`), and counts 未投票
 *   instead of 未按键 (nobody pressed a key).
 * - A correction says so first: `更正第3号记录（原结果：不满意）：本次测评…` (the previous outcome
 *   only when the record names it).
 *
 * English: `This evaluation: 60 members, 58 present. Satisfied 31, Basically satisfied 20,
 * Unsatisfied 5, invalid 1, did not press 1. Result: Satisfied.`, a correction starting with
 * `Correction of record 3 (was: Unsatisfied): `.
 */
/** How the ballots were taken, as a printout says it (issue 14; CONTRACT.md §5 `method`). */
export const METHOD_WORDS: Record<VoteMethod, Text> = {
  keypads: { zh: '表决器按键表决', en: 'taken on the keypads' },
  paper: { zh: '纸质票计票', en: 'counted by hand from paper ballots' },
  hands: { zh: '举手方式表决', en: 'taken by a show of hands' },
};

/**
 * The line that says how an evaluation's ballots were taken when it is not the keypads, or
 * that it retakes an abandoned one, or null (keypads, no retake: nothing to say):
 *
 *   重新测评：第7项测评因表决器故障放弃，本项测评改为纸质票计票。
 *   本项测评以举手方式表决。
 */
export function methodLine(r: Pick<AnnouncementFigures, 'method' | 'retakes'>): Text | null {
  const method = r.method ?? 'keypads';
  const w = METHOD_WORDS[method];
  if (r.retakes) {
    return {
      zh: `重新测评：第${r.retakes.voteId}项测评因${r.retakes.reason}放弃，本项测评改为${w.zh}。`,
      en: `Retake: evaluation ${r.retakes.voteId} was abandoned (${r.retakes.reason}); this one was ${w.en}.`,
    };
  }
  if (method === 'keypads') return null;
  return { zh: `本项测评以${w.zh}。`, en: `This evaluation was ${w.en}.` };
}

export function announcementText(r: AnnouncementFigures): Text {
  const options = r.profile.optionSet.options;
  const outcome = r.profile.outcomes.find((o) => o.id === r.outcome)?.label ?? {
    zh: r.outcome,
    en: r.outcome,
  };
  const n = (key: string) => r.counts[key] ?? 0;
  // Counted by hand, nobody pressed a key: those who gave no ballot did not vote.
  const byHand = (r.method ?? 'keypads') !== 'keypads';
  const line = methodLine(r);
  const zh =
    (line?.zh ?? '') +
    `本次测评应到${r.members}人，实到${r.present}人。` +
    options.map((o) => `${o.label.zh}${n(o.key)}票，`).join('') +
    `无效${r.invalid}票，${byHand ? '未投票' : '未按键'}${r.notVoted}人。` +
    `测评结果为：${outcome.zh}。`;
  const en =
    (line ? `${line.en} ` : '') +
    `This evaluation: ${r.members} members, ${r.present} present. ` +
    options.map((o) => `${o.label.en} ${n(o.key)}, `).join('') +
    `invalid ${r.invalid}, ${byHand ? 'did not vote' : 'did not press'} ${r.notVoted}. ` +
    `Result: ${outcome.en}.`;
  const c = r.corrects;
  if (!c) return { zh, en };
  const was = c.previousOutcome?.label;
  return {
    zh: `更正第${c.seq}号记录${was ? `（原结果：${was.zh}）` : ''}：${zh}`,
    en: `Correction of record ${c.seq}${was ? ` (was: ${was.en})` : ''}: ${en}`,
  };
}
