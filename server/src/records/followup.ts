import { canonicalHash } from './canonical';
import { currentRecords } from './current';
import type { FollowUpItem, SealedRecord } from '@hall/shared';

/**
 * What each sealed result requires afterwards, and how far it has got (issue 7 "Follow-up"):
 * - a re-made report is due (安徽: at the next session; 深圳: within six months; 子洲: in the time the
 *   主任会议 sets) and is fulfilled by a later record that `reevaluates` this one;
 * - if that re-evaluation fails the same way again, the item is escalated with the profile's
 *   `onRepeatedFailure` (安徽 第十七条, 子洲 第八条第二款, 深圳 第八条第二款);
 * - an action without re-evaluation (子洲 基本满意: report rectification to the 主任会议) stays open
 *   until the secretariat marks it done.
 * Only the latest record of each vote counts: a correction replaces the follow-up of the record it
 * corrects (the original's items disappear, the correction's appear).
 */

/** `months` calendar months after `iso`, clamped to the month's last day (UTC). */
export function addMonths(iso: string, months: number): string {
  const d = new Date(iso);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
  target.setUTCHours(d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds());
  return target.toISOString();
}

/** The follow-up items of a chain, oldest first. `done` holds the ids the secretariat marked done. */
export function followUps(
  records: readonly SealedRecord[],
  now: Date,
  done: ReadonlySet<string> = new Set(),
): FollowUpItem[] {
  const hashes = new Map(records.map((r) => [r.seq, canonicalHash(r)]));
  const voteOf = new Map(records.map((r) => [r.seq, r.voteId]));
  const current = currentRecords(records).map((c) => c.latest);
  /** Whether `x` re-evaluates a record of `voteId` (any of its records: a correction keeps the link). */
  const reevaluatesVote = (x: SealedRecord, voteId: number) =>
    x.voteId !== voteId &&
    x.reevaluates !== null &&
    voteOf.get(x.reevaluates.seq) === voteId &&
    hashes.get(x.reevaluates.seq) === x.reevaluates.hash;
  const items: FollowUpItem[] = [];
  for (const r of current) {
    for (const f of r.followUp) {
      const id = `${r.seq}:${f.action}`;
      const later = f.reevaluate ? current.find((x) => reevaluatesVote(x, r.voteId)) : undefined;
      const failedAgain = later?.followUp.some((g) => g.action === f.action) ?? false;
      const dueDate = f.due?.kind === 'months' ? addMonths(r.announcedAt, f.due.months) : null;
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
      });
    }
  }
  return items;
}
