import { resultFields, type Profile, type TallyResult } from '@hall/shared';
import type { VoteMethod, VoteRow } from './vote-store';

/** What `vote close` and `vote announce` return (CONTRACT.md §1): the tally fields plus these. */
export function resultJson(r: TallyResult, row: VoteRow, announcedAt: string | undefined) {
  return {
    voteId: row.vote_id,
    title: row.title,
    ...resultFields(r),
    openedAt: row.opened_at,
    closedAt: row.closed_at!,
    ...(announcedAt ? { announcedAt } : {}),
  };
}
export type ResultJson = ReturnType<typeof resultJson>;

/**
 * The announced result as an immutable document: the body of the signed record of CONTRACT.md §5
 * (a later issue adds `seq`, `prevHash` and `signature` around exactly these fields). It carries
 * the FULL profile it was decided under, and nothing about any seat or member.
 */
export function resultDocument(
  hall: string,
  sessionId: number,
  profile: Profile,
  r: TallyResult,
  v: {
    voteId: number;
    title: string;
    openedAt: string;
    closedAt: string;
    announcedAt: string;
    /** Issue 14: how the ballots were taken (CONTRACT.md §5 `method`). */
    method?: VoteMethod;
  },
) {
  return {
    hall,
    sessionId,
    voteId: v.voteId,
    title: v.title,
    ...(v.method ? { method: v.method } : {}),
    profile,
    ...documentFields(r),
    openedAt: v.openedAt,
    closedAt: v.closedAt,
    announcedAt: v.announcedAt,
  };
}
export type ResultDocument = ReturnType<typeof resultDocument>;

/** The tally fields a result document holds: those of `tally --json` but the profile's id (it
 * holds the full profile), `valid` and the explanation. */
function documentFields(r: TallyResult) {
  const {
    profile: _profile,
    valid: _valid,
    explanation: _explanation,
    ...fields
  } = resultFields(r);
  return fields;
}
