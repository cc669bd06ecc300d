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
  return db;
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
