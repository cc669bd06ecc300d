import type { Profile, SeriesKind } from '@hall/shared';
import type { Db } from '../db/open-db';
import type { VoteMethod, VoteState } from '../votes/vote-store';

/**
 * The rows of a series (db/migrations/005-evaluation-forms.ts): the series, its subjects in
 * order, each with the profile document FIXED at creation, and the votes opened for them.
 * Nothing here names a member or a seat.
 */

export interface SeriesRow {
  series_id: number;
  session_id: number;
  item_id: number | null;
  kind: SeriesKind;
  title: string;
  auto_advance: 0 | 1;
  method: VoteMethod;
  duration_seconds: number | null;
  created_at: string;
  created_by: string;
}

export interface SubjectRow {
  idx: number;
  title: string;
  profile: Profile;
}

export interface NewSeries {
  sessionId: number;
  itemId: number | null;
  kind: SeriesKind;
  title: string;
  autoAdvance: boolean;
  method: VoteMethod;
  durationSeconds: number | null;
  createdAt: string;
  createdBy: string;
  subjects: readonly { title: string; profile: Profile }[];
}

/** Store a series and its subjects (1-based) in one transaction; returns its id. */
export function insertSeries(db: Db, s: NewSeries): number {
  return db.transaction(() => {
    const info = db
      .prepare(
        `INSERT INTO series (session_id, item_id, kind, title, auto_advance, method,
           duration_seconds, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        s.sessionId,
        s.itemId,
        s.kind,
        s.title,
        s.autoAdvance ? 1 : 0,
        s.method,
        s.durationSeconds,
        s.createdAt,
        s.createdBy,
      );
    const seriesId = Number(info.lastInsertRowid);
    const subject = db.prepare(
      'INSERT INTO series_subjects (series_id, idx, title, profile_json) VALUES (?, ?, ?, ?)',
    );
    s.subjects.forEach((x, i) => subject.run(seriesId, i + 1, x.title, JSON.stringify(x.profile)));
    return seriesId;
  })();
}

export function seriesRow(db: Db, seriesId: number): SeriesRow | undefined {
  return db.prepare('SELECT * FROM series WHERE series_id = ?').get(seriesId) as
    SeriesRow | undefined;
}

/** The series of a sitting, in creation order. */
export function seriesOfSession(db: Db, sessionId: number): SeriesRow[] {
  return db
    .prepare('SELECT * FROM series WHERE session_id = ? ORDER BY series_id')
    .all(sessionId) as SeriesRow[];
}

/** A series' subjects in order, each with the profile fixed at creation. */
export function subjectsOf(db: Db, seriesId: number): SubjectRow[] {
  const rows = db
    .prepare(
      'SELECT idx, title, profile_json FROM series_subjects WHERE series_id = ? ORDER BY idx',
    )
    .all(seriesId) as { idx: number; title: string; profile_json: string }[];
  return rows.map((r) => ({
    idx: r.idx,
    title: r.title,
    profile: JSON.parse(r.profile_json) as Profile,
  }));
}

export interface SubjectVote {
  voteId: number;
  state: VoteState;
}

/**
 * The latest vote of each subject of a series (a subject abandoned and opened again has more
 * than one; the latest counts), by 1-based index.
 */
export function subjectVotes(db: Db, seriesId: number): Map<number, SubjectVote> {
  const rows = db
    .prepare(`SELECT vote_id, series_index, state FROM votes WHERE series_id = ? ORDER BY vote_id`)
    .all(seriesId) as { vote_id: number; series_index: number; state: VoteState }[];
  const out = new Map<number, SubjectVote>();
  for (const r of rows) out.set(r.series_index, { voteId: r.vote_id, state: r.state });
  return out;
}

/** The series and subject a vote was opened for, or undefined. */
export function seriesOfVote(
  db: Db,
  voteId: number,
): { seriesId: number; index: number } | undefined {
  const r = db
    .prepare('SELECT series_id, series_index FROM votes WHERE vote_id = ?')
    .get(voteId) as { series_id: number | null; series_index: number | null } | undefined;
  if (!r || r.series_id === null || r.series_index === null) return undefined;
  return { seriesId: r.series_id, index: r.series_index };
}

// ── What a sealed record says about its vote's place (series-link.ts) ───────────────────────

/** A series' title and kind, and how many subjects it has; undefined if there is none. */
export function seriesHeader(
  db: Db,
  seriesId: number,
): { title: string; kind: SeriesKind; count: number } | undefined {
  const series = db.prepare('SELECT title, kind FROM series WHERE series_id = ?').get(seriesId) as
    { title: string; kind: SeriesKind } | undefined;
  if (!series) return undefined;
  const count = db
    .prepare('SELECT count(*) AS n FROM series_subjects WHERE series_id = ?')
    .get(seriesId) as { n: number };
  return { ...series, count: count.n };
}

/** The title of a series' subject, or undefined. */
export function subjectTitle(db: Db, seriesId: number, index: number): string | undefined {
  const row = db
    .prepare('SELECT title FROM series_subjects WHERE series_id = ? AND idx = ?')
    .get(seriesId, index) as { title: string } | undefined;
  return row?.title;
}

/** What a retake names of the vote it retakes (votes.abandoned_at set when it was abandoned). */
export function abandonedVote(
  db: Db,
  voteId: number,
):
  | {
      title: string;
      method: VoteMethod;
      abandoned_at: string | null;
      abandon_reason: string | null;
    }
  | undefined {
  return db
    .prepare('SELECT title, method, abandoned_at, abandon_reason FROM votes WHERE vote_id = ?')
    .get(voteId) as
    | {
        title: string;
        method: VoteMethod;
        abandoned_at: string | null;
        abandon_reason: string | null;
      }
    | undefined;
}

/** A sitting's kind (`committee` or `evaluation`), or undefined if there is no such sitting. */
export function sessionKind(db: Db, sessionId: number): string | undefined {
  const s = db.prepare('SELECT kind FROM sessions WHERE session_id = ?').get(sessionId) as
    { kind: string } | undefined;
  return s?.kind;
}
