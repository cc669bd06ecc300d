import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { SCHEMA, SCHEMA_VERSION } from './schema';

export type Db = Database.Database;

/**
 * Open (or create) the hall database in `dataDir` (server/SECRECY.md "Storage"):
 * - `journal_mode=DELETE`, not WAL: a WAL keeps page images of every recent commit (a log of
 *   "seat X pressed" + "counter Y went up"); a rollback journal holds only the before-images of
 *   the transaction in flight and is deleted at commit;
 * - `secure_delete=ON`: freed content is zeroed, nothing lingers in free pages;
 * - `synchronous=FULL`: a commit is on disk before the seat is told "registered".
 */
export function openDb(dataDir: string, file = 'hall.db'): Db {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, file));
  db.pragma('journal_mode = DELETE');
  db.pragma('secure_delete = ON');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.exec(SCHEMA);
  db.prepare(`INSERT OR IGNORE INTO meta (key, value) VALUES ('schema', ?)`).run(
    String(SCHEMA_VERSION),
  );
  migrate(db);
  return db;
}

/**
 * Bring a file written by an earlier version up to SCHEMA_VERSION. Version 1 → 2: the vote's
 * ballot key id (`vote_ballots` itself is created by SCHEMA, `IF NOT EXISTS`). A vote the old
 * version left open is moved onto ballot slots by the vote service at start.
 */
function migrate(db: Db): void {
  db.transaction(() => {
    const cols = (db.prepare('PRAGMA table_info(votes)').all() as { name: string }[]).map(
      (c) => c.name,
    );
    if (!cols.includes('ballot_key_id')) db.exec('ALTER TABLE votes ADD COLUMN ballot_key_id TEXT');
    const version = Number(getMeta(db, 'schema') ?? '0');
    if (version < SCHEMA_VERSION) setMeta(db, 'schema', String(SCHEMA_VERSION));
  })();
}

export function getMeta(db: Db, key: string): string | undefined {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as
    { value: string } | undefined;
  return row?.value;
}

export function setMeta(db: Db, key: string, value: string): void {
  db.prepare(
    'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(key, value);
}
