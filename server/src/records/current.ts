import type { SealedRecord } from '@hall/shared';

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
