import type { Profile, TallyResult } from '@hall/shared';
import { tallyJson } from '../cli/commands/tally';

/** What `vote close` and `vote announce` return (CONTRACT.md §1): the tally fields plus these. */
export function resultJson(
  r: TallyResult,
  v: { voteId: number; title: string; openedAt: string; closedAt: string; announcedAt?: string },
) {
  return {
    voteId: v.voteId,
    title: v.title,
    ...tallyJson(r),
    openedAt: v.openedAt,
    closedAt: v.closedAt,
    ...(v.announcedAt ? { announcedAt: v.announcedAt } : {}),
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
  v: { voteId: number; title: string; openedAt: string; closedAt: string; announcedAt: string },
) {
  return {
    hall,
    sessionId,
    voteId: v.voteId,
    title: v.title,
    profile,
    members: r.members,
    present: r.present,
    counts: r.counts,
    invalid: r.invalid,
    notVoted: r.notVoted,
    outcome: r.outcome,
    followUp: r.followUp,
    openedAt: v.openedAt,
    closedAt: v.closedAt,
    announcedAt: v.announcedAt,
  };
}
export type ResultDocument = ReturnType<typeof resultDocument>;
