import type { Profile } from '@hall/shared';
import type { Db } from '../db/open-db';
import type { VoteRow } from './vote-store';

/**
 * The open vote as others may see it: who has pressed (allowed), never a count of any option.
 * The ballots are in encrypted slots (server/SECRECY.md); nothing in memory counts them either.
 */
export interface OpenVote {
  voteId: number;
  tag: number;
  title: string;
  profile: Profile;
  openedAt: string;
  closesAt: string | null;
  pressed: Set<string>;
}

/** The row of the vote that is open (at most one), or undefined. */
export function openVoteRow(db: Db): VoteRow | undefined {
  return db.prepare(`SELECT * FROM votes WHERE state = 'open'`).get() as VoteRow | undefined;
}

/** The open vote as the database has it: its row, the profile fixed at opening, the pressed seats. */
export function openVoteOf(db: Db, row: VoteRow, profile: Profile): OpenVote {
  const pressed = db
    .prepare('SELECT seat FROM vote_seats WHERE vote_id = ? AND pressed = 1')
    .all(row.vote_id) as { seat: string }[];
  return {
    voteId: row.vote_id,
    tag: row.tag,
    title: row.title,
    profile,
    openedAt: row.opened_at,
    closesAt: row.closes_at,
    pressed: new Set(pressed.map((p) => p.seat)),
  };
}
