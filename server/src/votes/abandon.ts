import type { Db } from '../db/open-db';
import { retakeOfVote } from './abandon-store';
import { invalid, refuse } from '../errors';
import { requireSafeText } from '../text/safe-text';
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
