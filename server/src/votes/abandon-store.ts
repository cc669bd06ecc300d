import type { Db } from '../db/open-db';

// The SQL of abandoning a vote and retaking it (votes/abandon.ts).

/** Mark the open vote abandoned. Call only inside the abandoning transaction. */
export function storeAbandoned(db: Db, voteId: number, at: string, reason: string): void {
  const changes = db
    .prepare(
      `UPDATE votes SET state = 'abandoned', abandoned_at = ?, abandon_reason = ?
         WHERE vote_id = ? AND state = 'open'`,
    )
    .run(at, reason, voteId).changes;
  if (changes !== 1) throw new Error(`vote ${voteId} is not open: it cannot be abandoned`);
  // No vote_counts row: a keypad vote has none while open (its ballots are only in the slots),
  // and a hand vote's entered counts are deleted with it (hand-counts-store.ts).
  db.prepare('DELETE FROM vote_counts WHERE vote_id = ?').run(voteId);
}

/** The vote that retakes `voteId`, or null. */
export function retakeOfVote(db: Db, voteId: number): number | null {
  const r = db.prepare('SELECT vote_id FROM votes WHERE retake_of = ?').get(voteId) as
    { vote_id: number } | undefined;
  return r?.vote_id ?? null;
}
