import type { CorrectionLink, SealedRecord } from '@hall/shared';

/** A vote's first record (the announcement) and its latest (the last correction, or the same). */
export interface CurrentRecord {
  first: SealedRecord;
  latest: SealedRecord;
}

/**
 * The current record of each vote, in the order the votes were first sealed. A correction is a new
 * record of the same vote; history and follow-up read the latest one, while the chain keeps all.
 */
export function currentRecords(records: readonly SealedRecord[]): CurrentRecord[] {
  const byVote = new Map<number, CurrentRecord>();
  for (const r of [...records].sort((a, b) => a.seq - b.seq)) {
    const c = byVote.get(r.voteId);
    if (c) c.latest = r;
    else byVote.set(r.voteId, { first: r, latest: r });
  }
  return [...byVote.values()];
}

/**
 * A correction's link with the outcome it replaces, also for records sealed before corrections
 * named it (then read from the corrected record in `records`). Null for an original record.
 */
export function correctionOf(
  r: SealedRecord,
  records: readonly SealedRecord[] = [],
): CorrectionLink | null {
  const c = r.corrects;
  if (!c) return null;
  if (c.previousOutcome) return c;
  const old = records.find((x) => x.seq === c.seq);
  const label = old?.profile.outcomes.find((o) => o.id === old.outcome)?.label;
  return old
    ? {
        ...c,
        previousOutcome: { id: old.outcome, label: label ?? { zh: old.outcome, en: old.outcome } },
      }
    : c;
}
