import type { RetakeLink, SeriesLink, VoterRoster } from '@hall/shared';
import type { Db } from '../db/open-db';
import type { VoteRow } from '../votes/vote-store';
import { abandonedVote, seriesHeader, sessionKind, subjectTitle } from './series-store';

/**
 * What a sealed record says about where its vote sits (issue 14), read from the stored rows:
 * its series and subject, the abandoned vote it retakes, and whose roster made up the base.
 */

/** The series link of a vote that is a subject of a series, or undefined. */
export function seriesLinkOf(db: Db, row: VoteRow): SeriesLink | undefined {
  if (row.series_id === null || row.series_index === null) return undefined;
  const series = seriesHeader(db, row.series_id);
  if (!series) return undefined;
  return {
    seriesId: row.series_id,
    title: series.title,
    kind: series.kind,
    index: row.series_index,
    count: series.count,
    subject: subjectTitle(db, row.series_id, row.series_index) ?? row.title,
  };
}

/** The abandoned vote this one retakes, or undefined. */
export function retakeLinkOf(db: Db, row: VoteRow): RetakeLink | undefined {
  if (row.retake_of === null) return undefined;
  const old = abandonedVote(db, row.retake_of);
  if (!old?.abandoned_at) return undefined;
  return {
    voteId: row.retake_of,
    title: old.title,
    method: old.method,
    reason: old.abandon_reason ?? '',
    abandonedAt: old.abandoned_at,
  };
}

/** `invited` when the vote's sitting is an evaluation meeting (its evaluators voted). */
export function voterRosterOf(db: Db, row: VoteRow): VoterRoster {
  return sessionKind(db, row.session_id) === 'evaluation' ? 'invited' : 'committee';
}
