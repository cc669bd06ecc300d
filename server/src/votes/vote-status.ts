import type { Profile, Text } from '@hall/shared';
import type { VoteMethod, VoteRow, VoteState } from './vote-store';

/**
 * `vote status` (CONTRACT.md §1 prints `{voteId, state, present, pressed}`): no split while open,
 * only how many have pressed; issue 14 adds how the ballots are taken and the vote's options (the
 * words on every keypad and ballot paper, never a count), which the consoles enter hand counts
 * against.
 */
export interface VoteStatus {
  voteId: number;
  state: VoteState;
  present: number;
  pressed: number;
  method: VoteMethod;
  profileName: Text;
  options: { key: string; label: Text; seatKey: number }[];
}

export function voteStatusOf(row: VoteRow, present: number, pressed: number): VoteStatus {
  const profile = JSON.parse(row.profile_json) as Profile;
  return {
    voteId: row.vote_id,
    state: row.state,
    present,
    pressed,
    method: row.method,
    profileName: profile.name,
    options: profile.optionSet.options.map(({ key, label, seatKey }) => ({ key, label, seatKey })),
  };
}
