import { tally, type Profile, type TallyResult } from '@hall/shared';
import type { Db } from '../db/open-db';
import { decodeCount } from '../db/schema';

export type VoteState = 'open' | 'closed' | 'announced';

/** The counter of invalid ballots (several keys together), kept beside the option counters. */
export const INVALID = 'invalid';

/** A row of `votes` (db/schema.ts). */
export interface VoteRow {
  vote_id: number;
  session_id: number;
  item_id: number | null;
  title: string;
  profile_json: string;
  tag: number;
  members: number;
  state: VoteState;
  opened_at: string;
  closes_at: string | null;
  closed_at: string | null;
  present_at_close: number | null;
  /** The ballot key's id (its file in HALL_KEY_DIR while the vote is open); null: version 1. */
  ballot_key_id: string | null;
}

/** Decide a closed vote from its counters (written at close), under the profile fixed at opening. */
export function tallyOfRow(db: Db, row: VoteRow): TallyResult {
  const profile = JSON.parse(row.profile_json) as Profile;
  const rows = db
    .prepare('SELECT option, n FROM vote_counts WHERE vote_id = ?')
    .all(row.vote_id) as { option: string; n: string }[];
  const counts: Record<string, number> = {};
  let invalidBallots = 0;
  for (const r of rows) {
    if (r.option === INVALID) invalidBallots = decodeCount(r.n);
    else counts[r.option] = decodeCount(r.n);
  }
  return tally(profile, {
    members: row.members,
    present: row.present_at_close ?? 0,
    counts,
    invalid: invalidBallots,
  });
}

/** When the vote's result was announced, from its stored document. */
export function announcedAtOf(db: Db, voteId: number): string | undefined {
  const row = db.prepare('SELECT document FROM results WHERE vote_id = ?').get(voteId) as
    { document: string } | undefined;
  return row ? (JSON.parse(row.document) as { announcedAt: string }).announcedAt : undefined;
}
