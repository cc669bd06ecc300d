/**
 * The hall database (server/SECRECY.md). No table has both a seat (or member) and an option
 * column. While a vote is open its ballots exist only as encrypted boxes in anonymous slots
 * (`vote_ballots`); the per-option counters are written once, at close. Per-vote rows of seats
 * and slots are created when the vote opens, in key order, and later only updated in place with
 * values of a fixed size, so the file's bytes do not depend on the order or content of presses.
 *
 * SCHEMA is the core of the baseline migration (db/migrations/002-baseline.ts, schema version
 * 2; version 2 added `vote_ballots`, its `votes.ballot_key_id` column is added there): frozen, as
 * every released migration is. A change of schema is a new migration at the end of
 * db/migrations.ts `MIGRATIONS`, never an edit here. `PRAGMA user_version` is the file's schema
 * version; the old `meta.schema` row is no longer written or read.
 */
export const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS roster (
  member_id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('member', 'observer')),
  seat TEXT UNIQUE
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS users (
  username TEXT PRIMARY KEY,
  role TEXT NOT NULL,
  salt TEXT NOT NULL,
  hash TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS sessions (
  session_id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  started_at TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS agenda_items (
  item_id INTEGER PRIMARY KEY,
  session_id INTEGER NOT NULL REFERENCES sessions(session_id),
  title TEXT NOT NULL,
  organ TEXT NOT NULL
);

-- Presence per sitting. Rows are created for every roster entry when check-in or a vote opens;
-- present/manual are 0/1 (record sizes never change, updates stay in place).
CREATE TABLE IF NOT EXISTS attendance (
  session_id INTEGER NOT NULL,
  member_id TEXT NOT NULL,
  present INTEGER NOT NULL CHECK (present IN (0, 1)),
  manual INTEGER NOT NULL CHECK (manual IN (0, 1)),
  PRIMARY KEY (session_id, member_id)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS votes (
  vote_id INTEGER PRIMARY KEY,
  session_id INTEGER NOT NULL,
  item_id INTEGER,
  title TEXT NOT NULL,
  profile_json TEXT NOT NULL,
  tag INTEGER NOT NULL,
  members INTEGER NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('open', 'closed', 'announced')),
  opened_at TEXT NOT NULL,
  closes_at TEXT,
  closed_at TEXT,
  present_at_close INTEGER,
  ballot_key_id TEXT
);

-- WHO has pressed (allowed, DOMAIN.md "Secrecy"): one row per member seat, created at opening in
-- seat order with pressed = 0, set to 1 in place. No timestamp, no delivery id, no choice.
CREATE TABLE IF NOT EXISTS vote_seats (
  vote_id INTEGER NOT NULL,
  seat TEXT NOT NULL,
  pressed INTEGER NOT NULL CHECK (pressed IN (0, 1)),
  PRIMARY KEY (vote_id, seat)
) WITHOUT ROWID;

-- The ballots of the OPEN vote: one slot per member seat, created at opening with an encrypted
-- "empty" box; a press overwrites a RANDOM empty slot's box with the encrypted choice (same
-- length, fresh nonce). No seat, no time, no order. The vote's rows are deleted at close
-- (secure_delete zeroes them) and its key destroyed (votes/ballot-keys.ts).
CREATE TABLE IF NOT EXISTS vote_ballots (
  vote_id INTEGER NOT NULL,
  slot INTEGER NOT NULL,
  box BLOB NOT NULL,
  PRIMARY KEY (vote_id, slot)
) WITHOUT ROWID;

-- HOW MANY chose each option (and 'invalid'): written once, when the vote closes, from the
-- opened boxes (never while it is open). n is a fixed-width decimal text ('00000042').
CREATE TABLE IF NOT EXISTS vote_counts (
  vote_id INTEGER NOT NULL,
  option TEXT NOT NULL,
  n TEXT NOT NULL CHECK (length(n) = 8),
  PRIMARY KEY (vote_id, option)
) WITHOUT ROWID;

-- The announced result: an immutable JSON document (the body of the future signed record).
CREATE TABLE IF NOT EXISTS results (
  vote_id INTEGER PRIMARY KEY,
  document TEXT NOT NULL
);
CREATE TRIGGER IF NOT EXISTS results_immutable_update BEFORE UPDATE ON results
BEGIN SELECT RAISE(ABORT, 'an announced result never changes'); END;
CREATE TRIGGER IF NOT EXISTS results_immutable_delete BEFORE DELETE ON results
BEGIN SELECT RAISE(ABORT, 'an announced result never changes'); END;
`;

/** A counter as stored: fixed-width decimal, so every update rewrites the same bytes in place. */
export function encodeCount(n: number): string {
  return String(n).padStart(8, '0');
}

export function decodeCount(s: string): number {
  return Number(s);
}
