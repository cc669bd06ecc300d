import { canonicalHash } from './canonical';
import { currentRecords } from './current';
import { beijingDeadlineAfterMonths, type FollowUpItem, type SealedRecord } from '@hall/shared';

/**
 * What each sealed result requires afterwards, and how far it has got (issue 7 "Follow-up"):
 * - a re-made report is due (安徽: at the next session; 深圳: within six months; 子洲: in the time the
 *   主任会议 sets) and is fulfilled by a later record that `reevaluates` this one;
 * - if that re-evaluation fails the same way again, the item is escalated with the profile's
 *   `onRepeatedFailure` (安徽 第十七条, 子洲 第八条第二款, 深圳 第八条第二款);
 * - an action without re-evaluation (子洲 基本满意: report rectification to the 主任会议) stays open
 *   until the secretariat marks it done.
 * A correction never erases an obligation (issue 10): the original's items stay unless the
 * correction changes the outcome, and then both appear, each marked (`correction`).
 */

/**
 * When a re-made report due `months` months after the announcement at `iso` is late, as ISO 8601
 * UTC: the end (24:00 Beijing time) of the corresponding Beijing calendar day, or of the last day of
 * a shorter month (announced 2026-08-31 10:00 Beijing time, six months: until 2027-02-28 24:00,
 * `2027-02-28T15:59:59.999Z`); 民法典 第二百零一至二百零三条, see `beijingDeadlineAfterMonths`. Only
 * this computed date is Beijing; the record's own times stay as sealed.
 */
export function dueAfterMonths(iso: string, months: number): string {
  return beijingDeadlineAfterMonths(iso, months);
}

/** The outcome's Chinese and English labels from the record's own profile. */
const outcomeText = (r: SealedRecord) =>
  r.profile.outcomes.find((o) => o.id === r.outcome)?.label ?? { zh: r.outcome, en: r.outcome };

/** How an obligation of a corrected vote stands to the vote's latest record (FollowUpItem). */
function correctionMark(
  from: SealedRecord,
  ofVote: readonly SealedRecord[],
  action: string,
): FollowUpItem['correction'] {
  if (ofVote.length === 1) return null;
  const latest = ofVote.at(-1)!;
  const was = outcomeText(from);
  const now = outcomeText(latest);
  const stillRequired = latest.followUp.some((g) => g.action === action);
  if (!stillRequired) {
    return {
      kind: 'corrected-away',
      latestSeq: latest.seq,
      note: {
        zh: `第 ${from.seq} 号记录（${was.zh}）的要求；第 ${latest.seq} 号更正记录将结果改为${now.zh}，本要求仍予保留，待工作机构办理`,
        en: `required by record ${from.seq} (${was.en}); correction record ${latest.seq} changed the outcome to ${now.en}; the obligation stays until the secretariat settles it`,
      },
    };
  }
  if (from.seq !== ofVote[0]!.seq) {
    return {
      kind: 'added',
      latestSeq: latest.seq,
      note: {
        zh: `第 ${from.seq} 号更正记录（${was.zh}）的要求`,
        en: `required by correction record ${from.seq} (${was.en})`,
      },
    };
  }
  return {
    kind: 'kept',
    latestSeq: latest.seq,
    note: {
      zh: `第 ${from.seq} 号记录（${was.zh}）的要求；第 ${latest.seq} 号更正记录（${now.zh}）同样要求`,
      en: `required by record ${from.seq} (${was.en}); correction record ${latest.seq} (${now.en}) requires it too`,
    },
  };
}

/**
 * The follow-up items of a chain, oldest first. `done` holds the ids the secretariat marked done.
 * For a corrected vote every record of the vote contributes the obligations it first imposed: an
 * obligation stays with the record that imposed it (same id, same due date) when a correction
 * keeps it, and stays too, marked, when a correction changes the outcome so that it is no longer
 * required; a correction's new obligations appear beside it, marked.
 */
export function followUps(
  records: readonly SealedRecord[],
  now: Date,
  done: ReadonlySet<string> = new Set(),
): FollowUpItem[] {
  const hashes = new Map(records.map((r) => [r.seq, canonicalHash(r)]));
  const voteOf = new Map(records.map((r) => [r.seq, r.voteId]));
  const byVote = new Map<number, SealedRecord[]>();
  for (const r of [...records].sort((a, b) => a.seq - b.seq)) {
    const list = byVote.get(r.voteId) ?? [];
    list.push(r);
    byVote.set(r.voteId, list);
  }
  const current = currentRecords(records).map((c) => c.latest);
  /** Whether `x` re-evaluates a record of `voteId` (any of its records: a correction keeps the link). */
  const reevaluatesVote = (x: SealedRecord, voteId: number) =>
    x.voteId !== voteId &&
    x.reevaluates !== null &&
    voteOf.get(x.reevaluates.seq) === voteId &&
    hashes.get(x.reevaluates.seq) === x.reevaluates.hash;
  const items: FollowUpItem[] = [];
  for (const ofVote of byVote.values()) {
    const seen = new Set<string>();
    for (const r of ofVote) {
      for (const f of r.followUp) {
        if (seen.has(f.action)) continue;
        seen.add(f.action);
        const id = `${r.seq}:${f.action}`;
        const later = f.reevaluate ? current.find((x) => reevaluatesVote(x, r.voteId)) : undefined;
        const failedAgain = later?.followUp.some((g) => g.action === f.action) ?? false;
        const dueDate =
          f.due?.kind === 'months' ? dueAfterMonths(r.announcedAt, f.due.months) : null;
        let state: FollowUpItem['state'];
        if (later) state = failedAgain && f.onRepeatedFailure ? 'escalated' : 'fulfilled';
        else if (done.has(id)) state = 'done';
        else if (dueDate && dueDate < now.toISOString()) state = 'overdue';
        else state = 'open';
        items.push({
          id,
          seq: r.seq,
          hash: hashes.get(r.seq)!,
          title: r.title,
          organ: r.organ,
          action: f.action,
          label: f.label,
          cite: f.cite,
          due: f.due ?? null,
          dueDate,
          state,
          reevaluatedBy: later?.seq ?? null,
          escalation: state === 'escalated' ? (f.onRepeatedFailure ?? null) : null,
          correction: correctionMark(r, ofVote, f.action),
        });
      }
    }
  }
  return items.sort((a, b) => a.seq - b.seq);
}
