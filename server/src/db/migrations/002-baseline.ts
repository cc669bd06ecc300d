import type { Migration } from '../migrations';
import type { Db } from '../open-db';
import { SCHEMA } from '../schema';

/**
 * Version 2, the baseline: brings an empty file, or any file written before `PRAGMA user_version`
 * was kept (user_version 0; `meta.schema` '1' or '2'), to the shape of commit dba4acc. It is
 * idempotent: every table, index and trigger `IF NOT EXISTS`, every added column only when
 * missing. This is the DDL the stores used to run when they were constructed, moved here
 * unchanged; old `meta.schema` rows are left as they are (nothing reads them).
 */
export const baselineMigration: Migration = {
  version: 2,
  name: 'baseline (the schema of dba4acc)',
  up(db) {
    db.exec(SCHEMA);
    addColumns(db, 'votes', { ballot_key_id: 'TEXT' });
    relaxVoteUnique(db);
    db.exec(RECORDS);
    db.exec(TERMINALS);
    addColumns(db, 'terminals', TERMINAL_COLUMNS);
    addColumns(db, 'users', { must_change: 'INTEGER NOT NULL DEFAULT 0' });
  },
};

/** `ALTER TABLE ... ADD COLUMN` for each column `table` does not have yet, in the given order. */
function addColumns(db: Db, table: string, columns: Record<string, string>): void {
  const have = new Set(
    (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name),
  );
  for (const [name, type] of Object.entries(columns))
    if (!have.has(name)) db.exec(`ALTER TABLE ${table} ADD COLUMN ${name} ${type}`);
}

/** Sealed records and what hangs on them (was records/record-store.ts). */
const RECORDS = `
-- A vote has one record per announcement and one per correction (a correction is a new record
-- that names the one it corrects); the latest record of a vote is its current result.
CREATE TABLE IF NOT EXISTS records (
  seq INTEGER PRIMARY KEY,
  vote_id INTEGER NOT NULL,
  json TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS records_by_vote ON records (vote_id, seq);
-- A re-made report on the agenda names the record whose follow-up required it.
CREATE TABLE IF NOT EXISTS item_reevaluates (
  item_id INTEGER PRIMARY KEY,
  seq INTEGER NOT NULL,
  hash TEXT NOT NULL
);
-- Follow-up actions the secretariat has marked done (those without a re-evaluation).
CREATE TABLE IF NOT EXISTS followup_done (
  id TEXT PRIMARY KEY,
  done_at TEXT NOT NULL
) WITHOUT ROWID;
-- Corrections proposed by the secretariat, sealed only when a chair (another login) confirms.
CREATE TABLE IF NOT EXISTS correction_proposals (
  id INTEGER PRIMARY KEY,
  seq INTEGER NOT NULL,
  hash TEXT NOT NULL,
  vote_id INTEGER NOT NULL,
  input_json TEXT NOT NULL,
  previous_outcome TEXT NOT NULL,
  outcome TEXT NOT NULL,
  proposed_by TEXT NOT NULL,
  proposed_at TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'confirmed', 'rejected')),
  decided_by TEXT,
  decided_at TEXT,
  sealed_seq INTEGER,
  reject_reason TEXT
);
-- Sealed records are never changed or removed.
CREATE TRIGGER IF NOT EXISTS records_no_update BEFORE UPDATE ON records
  BEGIN SELECT RAISE(ABORT, 'sealed records never change'); END;
CREATE TRIGGER IF NOT EXISTS records_no_delete BEFORE DELETE ON records
  BEGIN SELECT RAISE(ABORT, 'sealed records are never removed'); END;
`;

/**
 * Databases made before corrections have `vote_id UNIQUE`, which forbids a vote's second record.
 * Copy the rows into a table without it (same seq, same JSON, nothing re-signed); dropping the old
 * table removes its triggers, which RECORDS then creates again. Runs inside the migration's
 * transaction.
 */
function relaxVoteUnique(db: Db): void {
  const row = db
    .prepare(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'records'`)
    .get() as { sql: string } | undefined;
  if (!row || !/vote_id\s+INTEGER\s+NOT\s+NULL\s+UNIQUE/i.test(row.sql)) return;
  db.exec(`
    CREATE TABLE records_v2 (seq INTEGER PRIMARY KEY, vote_id INTEGER NOT NULL, json TEXT NOT NULL);
    INSERT INTO records_v2 (seq, vote_id, json) SELECT seq, vote_id, json FROM records ORDER BY seq;
    DROP TABLE records;
    ALTER TABLE records_v2 RENAME TO records;
  `);
}

/** The seat terminals: pairing codes, and terminals (only a hash of each credential). */
const TERMINALS = `
CREATE TABLE IF NOT EXISTS terminal_pairings (
  code TEXT PRIMARY KEY,
  seat TEXT NOT NULL,
  expires_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS terminals (
  terminal_id INTEGER PRIMARY KEY,
  seat TEXT NOT NULL,
  credential_hash TEXT NOT NULL UNIQUE,
  paired_at TEXT NOT NULL,
  revoked_at TEXT
);
`;

/** Columns added by issue 10 (an older data directory gets them; its terminals stay pending). */
const TERMINAL_COLUMNS = {
  confirmed_at: 'TEXT',
  session_id: 'INTEGER',
  member_id: 'TEXT',
  end_reason: 'TEXT',
};
