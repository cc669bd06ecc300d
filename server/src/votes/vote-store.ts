import { tally, type Profile, type TallyResult } from '@hall/shared';
import type { Db } from '../db/open-db';
import { decodeCount, encodeCount } from '../db/schema';

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

/** The latest vote's row (the one every command refers to), or undefined if none was opened. */
export function latestVoteRow(db: Db): VoteRow | undefined {
  return db.prepare('SELECT * FROM votes ORDER BY vote_id DESC LIMIT 1').get() as
    VoteRow | undefined;
}

/** A vote's row, or undefined. */
export function voteRowOf(db: Db, voteId: number): VoteRow | undefined {
  return db.prepare('SELECT * FROM votes WHERE vote_id = ?').get(voteId) as VoteRow | undefined;
}

/** The latest vote's id, or null. */
export function latestVoteId(db: Db): number | null {
  const row = db.prepare('SELECT vote_id FROM votes ORDER BY vote_id DESC LIMIT 1').get() as
    { vote_id: number } | undefined;
  return row?.vote_id ?? null;
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
  ballotKeyId: string;
}

/**
 * Write an opening vote's row and a `vote_seats` row per member seat (`pressed = 0`), in the
 * given (seat) order; returns the vote id. Call only inside the opening transaction.
 */
export function insertOpenVote(db: Db, v: NewVote, seats: readonly string[]): number {
  const info = db
    .prepare(
      `INSERT INTO votes (session_id, item_id, title, profile_json, tag, members, state,
         opened_at, closes_at, ballot_key_id) VALUES (?, ?, ?, ?, ?, ?, 'open', ?, ?, ?)`,
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
