import { INVITED_BASE_WORDS, tally, type Profile, type TallyResult } from '@hall/shared';
import type { Db } from '../db/open-db';
import { decodeCount, encodeCount } from '../db/schema';
import { handBallots } from './hand-counts-store';

export type VoteState = 'open' | 'closed' | 'announced' | 'abandoned';

/** How a vote's ballots are taken (db/migrations/005-evaluation-forms.ts). */
export type VoteMethod = 'keypads' | 'paper' | 'hands';

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
  /** The ballot key's id (its file in HALL_KEY_DIR while the vote is open); null: version 1,
   * or a paper or hands vote (no seat ballots, so no key). */
  ballot_key_id: string | null;
  method: VoteMethod;
  /** The series this vote is a subject of, and its 1-based place there; null otherwise. */
  series_id: number | null;
  series_index: number | null;
  /** The abandoned vote this one retakes (by hand), or null. */
  retake_of: number | null;
  abandoned_at: string | null;
  abandon_reason: string | null;
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
  return tally(
    profile,
    { members: row.members, present: row.present_at_close ?? 0, counts, invalid: invalidBallots },
    isEvaluationMeeting(db, row.session_id) ? { baseWords: INVITED_BASE_WORDS } : {},
  );
}

/** Whether a sitting is an evaluation meeting (its invited evaluators are the voters). */
function isEvaluationMeeting(db: Db, sessionId: number): boolean {
  const s = db.prepare('SELECT kind FROM sessions WHERE session_id = ?').get(sessionId) as
    { kind: string } | undefined;
  return s?.kind === 'evaluation';
}

/** When the vote's result was announced, from its stored document. */
export function announcedAtOf(db: Db, voteId: number): string | undefined {
  const row = db.prepare('SELECT document FROM results WHERE vote_id = ?').get(voteId) as
    { document: string } | undefined;
  return row ? (JSON.parse(row.document) as { announcedAt: string }).announcedAt : undefined;
}

/**
 * The latest vote's row (the one every command refers to), or undefined if none was opened: the
 * one query for "the latest vote".
 */
export function latestVoteRow(db: Db): VoteRow | undefined {
  return db.prepare('SELECT * FROM votes ORDER BY vote_id DESC LIMIT 1').get() as
    VoteRow | undefined;
}

/** The row of the vote that is open (at most one), or undefined. */
export function openVoteRow(db: Db): VoteRow | undefined {
  return db.prepare(`SELECT * FROM votes WHERE state = 'open'`).get() as VoteRow | undefined;
}

/** A vote's row, or undefined. */
export function voteRowOf(db: Db, voteId: number): VoteRow | undefined {
  return db.prepare('SELECT * FROM votes WHERE vote_id = ?').get(voteId) as VoteRow | undefined;
}

/** The latest announced vote's id, or null. */
export function latestAnnouncedVoteId(db: Db): number | null {
  const row = db
    .prepare(`SELECT vote_id FROM votes WHERE state = 'announced' ORDER BY vote_id DESC LIMIT 1`)
    .get() as { vote_id: number } | undefined;
  return row?.vote_id ?? null;
}

/** How many seats have pressed in a vote (from `vote_seats`; never what they chose). */
export function pressedSeatCount(db: Db, voteId: number): number {
  const r = db
    .prepare('SELECT count(*) AS n FROM vote_seats WHERE vote_id = ? AND pressed = 1')
    .get(voteId) as { n: number };
  return r.n;
}

/** The seats that have pressed in a vote (who, never what). */
export function pressedSeats(db: Db, voteId: number): string[] {
  const rows = db
    .prepare('SELECT seat FROM vote_seats WHERE vote_id = ? AND pressed = 1')
    .all(voteId) as { seat: string }[];
  return rows.map((r) => r.seat);
}

/** How many seats a vote has (one `vote_seats` row per member seat at opening). */
export function voteSeatCount(db: Db, voteId: number): number {
  const r = db.prepare('SELECT count(*) AS n FROM vote_seats WHERE vote_id = ?').get(voteId) as {
    n: number;
  };
  return r.n;
}

/**
 * A press's only write to the vote's rows: the seat's `pressed` 0 → 1 (the record keeps its
 * size). Call only inside the press transaction.
 */
export function markSeatPressed(db: Db, voteId: number, seat: string): void {
  db.prepare('UPDATE vote_seats SET pressed = 1 WHERE vote_id = ? AND seat = ?').run(voteId, seat);
}

/** A vote's announced result document as stored (JSON text), or undefined. */
export function storedResultDocument(db: Db, voteId: number): string | undefined {
  const row = db.prepare('SELECT document FROM results WHERE vote_id = ?').get(voteId) as
    { document: string } | undefined;
  return row?.document;
}

/** The tags of the latest `n` votes (a fresh tag must differ from them). */
export function recentVoteTags(db: Db, n: number): number[] {
  const rows = db.prepare('SELECT tag FROM votes ORDER BY vote_id DESC LIMIT ?').all(n) as {
    tag: number;
  }[];
  return rows.map((r) => r.tag);
}

/** What a new vote's row holds when it opens. */
export interface NewVote {
  sessionId: number;
  itemId: number | null;
  title: string;
  profile: Profile;
  tag: number;
  members: number;
  openedAt: string;
  closesAt: string | null;
  /** Null for a paper or hands vote (no seat ballots). */
  ballotKeyId: string | null;
  method: VoteMethod;
  seriesId: number | null;
  seriesIndex: number | null;
  retakeOf: number | null;
}

/**
 * Write an opening vote's row and a `vote_seats` row per member seat (`pressed = 0`), in the
 * given (seat) order; returns the vote id. Call only inside the opening transaction.
 */
export function insertOpenVote(db: Db, v: NewVote, seats: readonly string[]): number {
  const info = db
    .prepare(
      `INSERT INTO votes (session_id, item_id, title, profile_json, tag, members, state,
         opened_at, closes_at, ballot_key_id, method, series_id, series_index, retake_of)
         VALUES (?, ?, ?, ?, ?, ?, 'open', ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      v.sessionId,
      v.itemId,
      v.title,
      JSON.stringify(v.profile),
      v.tag,
      v.members,
      v.openedAt,
      v.closesAt,
      v.ballotKeyId,
      v.method,
      v.seriesId,
      v.seriesIndex,
      v.retakeOf,
    );
  const id = Number(info.lastInsertRowid);
  const seat = db.prepare('INSERT INTO vote_seats (vote_id, seat, pressed) VALUES (?, ?, 0)');
  for (const s of seats) seat.run(id, s);
  return id;
}

/**
 * Write a vote's close: its state, time and presence at close, and its counters (option → n,
 * `invalid` among them), replacing any. Call only inside the closing transaction.
 */
export function storeClosedVote(
  db: Db,
  voteId: number,
  closedAt: string,
  present: number,
  counts: ReadonlyMap<string, number>,
): void {
  db.prepare(
    `UPDATE votes SET state = 'closed', closed_at = ?, present_at_close = ? WHERE vote_id = ?`,
  ).run(closedAt, present, voteId);
  db.prepare('DELETE FROM vote_counts WHERE vote_id = ?').run(voteId);
  const count = db.prepare('INSERT INTO vote_counts (vote_id, option, n) VALUES (?, ?, ?)');
  for (const [o, n] of counts) count.run(voteId, o, encodeCount(n));
}

/** A version-1 vote's plaintext counters (option → n, by option), read once to move them. */
export function legacyCounts(db: Db, voteId: number): { option: string; n: number }[] {
  const rows = db
    .prepare('SELECT option, n FROM vote_counts WHERE vote_id = ? ORDER BY option')
    .all(voteId) as { option: string; n: string }[];
  return rows.map((r) => ({ option: r.option, n: decodeCount(r.n) }));
}

/** Put a version-1 vote on its new ballot key. Call only inside the adopting transaction. */
export function setBallotKeyId(db: Db, voteId: number, keyId: string): void {
  db.prepare('UPDATE votes SET ballot_key_id = ? WHERE vote_id = ?').run(keyId, voteId);
}

/** Delete a vote's counters (a version-1 vote, once moved into slots). Inside a transaction. */
export function deleteCounts(db: Db, voteId: number): void {
  db.prepare('DELETE FROM vote_counts WHERE vote_id = ?').run(voteId);
}

/**
 * Write a vote's announcement: its state, then its result document. Call only inside the
 * announcing transaction (its sealed record commits with it).
 */
export function storeAnnouncement(db: Db, voteId: number, document: string): void {
  db.prepare(`UPDATE votes SET state = 'announced' WHERE vote_id = ?`).run(voteId);
  db.prepare('INSERT INTO results (vote_id, document) VALUES (?, ?)').run(voteId, document);
}

/** The organ of a vote's agenda item (its sealed record names it), or null. */
export function itemOrgan(db: Db, itemId: number | null): string | null {
  if (itemId === null) return null;
  const row = db.prepare('SELECT organ FROM agenda_items WHERE item_id = ?').get(itemId) as
    { organ: string } | undefined;
  return row?.organ ?? null;
}

/**
 * What the hall itself stored about a vote, which no correction may contradict (issue 10): the
 * members on the roster when it opened (`votes.members`), the present counted at close
 * (`votes.present_at_close`) and how many seats pressed (`vote_seats.pressed = 1`; for a paper or
 * hands vote, the ballots counted by hand, a total). It reads who pressed, never what.
 */
export interface StoredVoteFacts {
  voteId: number;
  members: number;
  /** Null while the vote was never closed. */
  presentAtClose: number | null;
  pressed: number;
}

/** The stored facts of `voteId` in this hall's database, or null when it holds no such vote. */
export function storedVoteFacts(db: Db, voteId: number): StoredVoteFacts | null {
  const row = db
    .prepare('SELECT members, present_at_close, method FROM votes WHERE vote_id = ?')
    .get(voteId) as
    { members: number; present_at_close: number | null; method: VoteMethod } | undefined;
  if (!row) return null;
  return {
    voteId,
    members: row.members,
    presentAtClose: row.present_at_close,
    // A paper or hands vote pressed no seat: its ballots are those counted by hand (issue 14).
    pressed: row.method === 'keypads' ? pressedSeatCount(db, voteId) : handBallots(db, voteId),
  };
}
