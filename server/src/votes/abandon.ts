import type { Profile } from '@hall/shared';
import type { Db } from '../db/open-db';
import { canonicalHash } from '../records/canonical';
import { retakeOfVote } from './abandon-store';
import { invalid, refuse } from '../errors';
import { requireSafeText } from '../text/safe-text';
import type { OpenVoteInput } from './vote-ports';
import { voteRowOf, type VoteRow } from './vote-store';

/**
 * Abandoning a vote (issue 14: "a keypad vote that the hardware failed during can be abandoned
 * (recorded as abandoned, with the reason) and retaken by hand"). An abandoned vote has no
 * result, ever: its ballots are destroyed unread exactly as a close destroys them (slots deleted
 * under secure_delete, key destroyed: VoteService.abandon), and NO count is written, so its
 * partial split is never computed, stored or shown. What stays is that it was opened, who
 * pressed (never what), when and why it was given up: a retake's sealed record names it
 * (series/series-link.ts `retakeLinkOf`).
 */

const REASON = { zh: '放弃理由', en: 'reason for abandoning' };

/** The reason, trimmed and checked (1-500 characters, readable as stored). */
export function abandonReason(text: string): string {
  const reason = requireSafeText(text.trim(), REASON);
  if (reason.length === 0 || reason.length > 500) {
    throw invalid(
      'INVALID_REQUEST',
      '放弃测评须写明理由（1 至 500 字） / abandoning a vote needs its reason (1-500 characters)',
    );
  }
  return reason;
}

/**
 * `vote open --retake <voteId>`: only an abandoned vote of the current sitting, retaken once.
 * Returns its row.
 */
export function requireRetakable(db: Db, voteId: number, sessionId: number): VoteRow {
  const row = voteRowOf(db, voteId);
  if (!row || row.state !== 'abandoned') {
    throw refuse(
      'RETAKE_NOT_ABANDONED',
      row
        ? `测评 ${voteId} 未被放弃，不能重新测评 / vote ${voteId} was not abandoned: only an abandoned vote is retaken`
        : `没有测评 ${voteId} / there is no vote ${voteId}`,
    );
  }
  if (row.session_id !== sessionId) {
    throw refuse(
      'RETAKE_OTHER_SESSION',
      `测评 ${voteId} 属于另一次会议，只能在同一次会议中重新测评 / vote ${voteId} belongs to another sitting: it is retaken in its own sitting only`,
    );
  }
  const by = retakeOfVote(db, voteId);
  if (by !== null) {
    throw refuse(
      'RETAKE_ALREADY_TAKEN',
      `测评 ${voteId} 已由测评 ${by} 重新测评 / vote ${voteId} was already retaken by vote ${by}`,
    );
  }
  return row;
}

/** The refusal for a result, document or announcement of an abandoned vote. */
export const abandonedRefusal = (row: VoteRow) =>
  refuse(
    'VOTE_ABANDONED',
    `测评 ${row.vote_id} 已放弃（${row.abandon_reason ?? ''}），没有结果 / vote ${row.vote_id} was abandoned (${row.abandon_reason ?? ''}): it has no result`,
  );

/** A profile as compared for a retake: its content, whatever `format` line it carries. */
const content = (p: Profile) => {
  const { format: _format, ...rest } = p;
  return canonicalHash(rest);
};

/**
 * The profile a retake is decided under: the abandoned vote's own (fixed when it opened). A
 * retake may not change the rule: abandoning a vote must never be a way to decide it again
 * under a softer profile. `given` (the caller's) must be that same document.
 */
export function retakeProfile(retaken: VoteRow, given: Profile | undefined): Profile {
  const own = JSON.parse(retaken.profile_json) as Profile;
  if (given && content(given) !== content(own)) {
    throw refuse(
      'RETAKE_OTHER_PROFILE',
      `重新测评须沿用测评 ${retaken.vote_id} 的测评办法 ${own.id}（第 ${own.version} 版），不能改用 ${given.id} / a retake of vote ${retaken.vote_id} is decided under its own profile ${own.id} (version ${own.version}), not ${given.id}`,
    );
  }
  return own;
}

/** The profile of a vote that is no retake: required. */
export function requireProfile(given: Profile | undefined): Profile {
  if (!given) {
    throw invalid(
      'PROFILE_REQUIRED',
      '请指定测评办法（--profile 或 --profile-file） / a profile is required (--profile or --profile-file)',
    );
  }
  return given;
}

/** The series place of an abandoned vote, which its retake takes (the subject is decided then). */
export function seriesPlaceOf(row: VoteRow): { seriesId: number; index: number } | undefined {
  return row.series_id !== null && row.series_index !== null
    ? { seriesId: row.series_id, index: row.series_index }
    : undefined;
}

/**
 * The profile, item and series place a vote opens with: the caller's, except that a retake is
 * decided under its abandoned vote's own profile and takes its item and series place.
 */
export function openingFacts(
  db: Db,
  input: Pick<OpenVoteInput, 'profile' | 'itemId' | 'series' | 'retakeOf'>,
  sessionId: number,
  resolve: (ref: NonNullable<OpenVoteInput['profile']>) => Profile,
): { profile: Profile; itemId: number | undefined; series: OpenVoteInput['series'] } {
  const retaken =
    input.retakeOf === undefined ? null : requireRetakable(db, input.retakeOf, sessionId);
  const given = input.profile === undefined ? undefined : resolve(input.profile);
  return {
    profile: retaken ? retakeProfile(retaken, given) : requireProfile(given),
    itemId: input.itemId ?? retaken?.item_id ?? undefined,
    series: input.series ?? (retaken ? seriesPlaceOf(retaken) : undefined),
  };
}
