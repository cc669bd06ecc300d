import type { Migration } from '../migrations';
import type { Db } from '../open-db';

/**
 * Issue 14, the other evaluation forms.
 *
 * - `votes` gains `method` (keypads, paper, hands; old votes keypads), `series_id` and
 *   `series_index` (a subject of a series), `retake_of` (the abandoned vote it retakes by hand),
 *   `abandoned_at` and `abandon_reason`; its state may be `abandoned`. SQLite cannot change a
 *   CHECK, so the table is copied into its new shape (same ids, same rows, in id order).
 * - `hand_counts`: the counts of a paper or hands vote, entered by one login and confirmed by
 *   another. Totals only: a hand count names no seat or member (server/SECRECY.md).
 * - `hall_profiles`: the secretariat's own profiles, one row per version, never changed or
 *   removed (a vote records the document it was decided under in `votes.profile_json` too).
 * - `series` and `series_subjects`: subjects evaluated one after another, or the departments of
 *   one agenda item.
 * - `sessions.kind` (`committee` or `evaluation`) and `evaluators`: an evaluation meeting's own
 *   roster of invited evaluators, kept apart from the committee's `roster`.
 *
 * Safe to run on a file that already has any of it.
 */
export const evaluationFormsMigration: Migration = {
  version: 5,
  name: 'evaluation forms: methods, hand counts, hall profiles, series, evaluators',
  up(db) {
    rebuildVotes(db);
    addColumn(db, 'sessions', 'kind', `TEXT NOT NULL DEFAULT 'committee'`);
    db.exec(TABLES);
  },
};

function columns(db: Db, table: string): Set<string> {
  return new Set(
    (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name),
  );
}

function addColumn(db: Db, table: string, name: string, type: string): void {
  if (!columns(db, table).has(name)) db.exec(`ALTER TABLE ${table} ADD COLUMN ${name} ${type}`);
}

const VOTE_COLUMNS = `vote_id, session_id, item_id, title, profile_json, tag, members, state,
  opened_at, closes_at, closed_at, present_at_close, ballot_key_id`;

function rebuildVotes(db: Db): void {
  if (columns(db, 'votes').has('method')) return;
  db.exec(`
    CREATE TABLE votes_v5 (
      vote_id INTEGER PRIMARY KEY,
      session_id INTEGER NOT NULL,
      item_id INTEGER,
      title TEXT NOT NULL,
      profile_json TEXT NOT NULL,
      tag INTEGER NOT NULL,
      members INTEGER NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('open', 'closed', 'announced', 'abandoned')),
      opened_at TEXT NOT NULL,
      closes_at TEXT,
      closed_at TEXT,
      present_at_close INTEGER,
      ballot_key_id TEXT,
      method TEXT NOT NULL DEFAULT 'keypads' CHECK (method IN ('keypads', 'paper', 'hands')),
      series_id INTEGER,
      series_index INTEGER,
      retake_of INTEGER,
      abandoned_at TEXT,
      abandon_reason TEXT
    );
    INSERT INTO votes_v5 (${VOTE_COLUMNS}) SELECT ${VOTE_COLUMNS} FROM votes ORDER BY vote_id;
    DROP TABLE votes;
    ALTER TABLE votes_v5 RENAME TO votes;
  `);
}

const TABLES = `
CREATE TABLE IF NOT EXISTS hand_counts (
  vote_id INTEGER PRIMARY KEY,
  counts_json TEXT NOT NULL,
  invalid INTEGER NOT NULL,
  entered_by TEXT NOT NULL,
  entered_at TEXT NOT NULL,
  confirmed_by TEXT,
  confirmed_at TEXT
);
CREATE TABLE IF NOT EXISTS hall_profiles (
  profile_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  json TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  PRIMARY KEY (profile_id, version)
) WITHOUT ROWID;
CREATE TRIGGER IF NOT EXISTS hall_profiles_no_update BEFORE UPDATE ON hall_profiles
  BEGIN SELECT RAISE(ABORT, 'a saved profile version never changes'); END;
CREATE TRIGGER IF NOT EXISTS hall_profiles_no_delete BEFORE DELETE ON hall_profiles
  BEGIN SELECT RAISE(ABORT, 'a saved profile version is never removed'); END;
CREATE TABLE IF NOT EXISTS series (
  series_id INTEGER PRIMARY KEY,
  session_id INTEGER NOT NULL,
  item_id INTEGER,
  kind TEXT NOT NULL CHECK (kind IN ('subjects', 'departments')),
  title TEXT NOT NULL,
  auto_advance INTEGER NOT NULL CHECK (auto_advance IN (0, 1)),
  method TEXT NOT NULL CHECK (method IN ('keypads', 'paper', 'hands')),
  duration_seconds INTEGER,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS series_subjects (
  series_id INTEGER NOT NULL,
  idx INTEGER NOT NULL,
  title TEXT NOT NULL,
  profile_json TEXT NOT NULL,
  PRIMARY KEY (series_id, idx)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS evaluators (
  session_id INTEGER NOT NULL,
  evaluator_id TEXT NOT NULL,
  name TEXT NOT NULL,
  grp TEXT NOT NULL,
  seat TEXT,
  PRIMARY KEY (session_id, evaluator_id),
  UNIQUE (session_id, seat)
) WITHOUT ROWID;
`;
