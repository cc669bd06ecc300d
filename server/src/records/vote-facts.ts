import type { Db } from '../db/open-db';

/**
 * What the hall itself stored about a vote, which no correction may contradict (issue 10): the
 * members on the roster when it opened (`votes.members`), the present counted at close
 * (`votes.present_at_close`) and how many seats pressed (`vote_seats.pressed = 1`). Read only;
 * it reads who pressed, never what (the counters are not read here).
 */
export interface StoredVoteFacts {
  voteId: number;
  members: number;
  /** Null while the vote was never closed. */
  presentAtClose: number | null;
  pressed: number;
}

export type VoteFactsSource = (voteId: number) => StoredVoteFacts | null;

/** The stored facts of `voteId` in this hall's database, or null when it holds no such vote. */
export function storedVoteFacts(db: Db, voteId: number): StoredVoteFacts | null {
  const row = db
    .prepare('SELECT members, present_at_close FROM votes WHERE vote_id = ?')
    .get(voteId) as { members: number; present_at_close: number | null } | undefined;
  if (!row) return null;
  const pressed = db
    .prepare('SELECT count(*) AS n FROM vote_seats WHERE vote_id = ? AND pressed = 1')
    .get(voteId) as { n: number };
  return {
    voteId,
    members: row.members,
    presentAtClose: row.present_at_close,
    pressed: pressed.n,
  };
}
