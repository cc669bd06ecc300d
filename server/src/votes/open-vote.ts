import type { Profile } from '@hall/shared';
import type { VoteMethod, VoteRow } from './vote-store';

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
  /** Issue 14: paper and hands votes use no seat (no key, no slots; `pressed` stays empty). */
  method: VoteMethod;
  pressed: Set<string>;
}

/** The open vote as the database has it: its row, the profile fixed at opening, the pressed seats. */
export function openVoteOf(row: VoteRow, profile: Profile, pressed: readonly string[]): OpenVote {
  return {
    voteId: row.vote_id,
    tag: row.tag,
    title: row.title,
    profile,
    openedAt: row.opened_at,
    closesAt: row.closes_at,
    method: row.method,
    pressed: new Set(pressed),
  };
}
