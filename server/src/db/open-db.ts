import { closeSync, existsSync, mkdirSync, openSync, readSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { NEWEST_VERSION, runMigrations, userVersion, type AppliedMigration } from './migrations';

export type Db = Database.Database;

/**
 * The database file is of a schema version newer than this program's (written by a newer
 * version): refused before it is opened for writing, so the file stays exactly as it was.
 */
export class SchemaTooNewError extends Error {
  override readonly name = 'SchemaTooNewError';
  constructor(
    readonly file: string,
    readonly fileVersion: number,
    readonly supported: number,
  ) {
    super(
      `数据库版本 ${fileVersion} 比本程序支持的 ${supported} 新：请使用更新版本的程序，数据库未作任何改动 / the database is schema version ${fileVersion}, newer than this program's ${supported}: run a newer version; the database was not touched`,
    );
  }
}

export interface OpenDbOptions {
  /** File name inside `dataDir` (default `hall.db`). */
  file?: string;
  /** Told each migration that ran (hall.ts logs them). */
  onMigrated?: (m: AppliedMigration) => void;
}

/**
 * Open (or create) the hall database in `dataDir` (server/SECRECY.md "Storage"):
 * - first, when the file exists, read its `PRAGMA user_version` over a read-only connection: a
 *   file newer than NEWEST_VERSION is refused (SchemaTooNewError) and never opened for writing
 *   (no pragma, no journal, not a byte changed; after a crash, from its header: readVersion);
 * - `journal_mode=DELETE`, not WAL: a WAL keeps page images of every recent commit (a log of
 *   "seat X pressed" + "counter Y went up"); a rollback journal holds only the before-images of
 *   the transaction in flight and is deleted at commit;
 * - `secure_delete=ON`: freed content is zeroed, nothing lingers in free pages;
 * - `synchronous=FULL`: a commit is on disk before the seat is told "registered";
 * - then every pending migration (db/migrations.ts), each in its own transaction. A fresh file
 *   goes straight to the newest version; the stores run no DDL.
 */
export function openDb(dataDir: string, opts: OpenDbOptions = {}): Db {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, opts.file ?? 'hall.db');
  if (existsSync(file)) refuseIfTooNew(file, readVersion(file));
  const db = new Database(file);
  try {
    // Checked again on the writing connection, before anything is written (a file that
    // appeared or changed in between is still never touched).
    refuseIfTooNew(file, userVersion(db));
    db.pragma('journal_mode = DELETE');
    db.pragma('secure_delete = ON');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    for (const m of runMigrations(db)) opts.onMigrated?.(m);
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}

/**
 * The file's `user_version`, read without writing. After a crash in the middle of a transaction
 * the file has a hot journal, which a read-only connection may not roll back
 * (SQLITE_READONLY_ROLLBACK): then the version is read from the file's header (bytes 60-63). A
 * newer program's header is refused untouched; otherwise the writing connection rolls the
 * journal back (the recovery any version does) and the version is checked again there.
 */
function readVersion(file: string): number {
  let ro: Db | undefined;
  try {
    ro = new Database(file, { readonly: true, fileMustExist: true });
    return userVersion(ro);
  } catch (err) {
    if ((err as { code?: string }).code === 'SQLITE_READONLY_ROLLBACK') return headerVersion(file);
    throw err;
  } finally {
    ro?.close();
  }
}

function headerVersion(file: string): number {
  const header = Buffer.alloc(100);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, header, 0, header.length, 0);
  } finally {
    closeSync(fd);
  }
  return header.toString('latin1', 0, 16) === 'SQLite format 3\0' ? header.readInt32BE(60) : 0;
}

function refuseIfTooNew(file: string, version: number): void {
  if (version > NEWEST_VERSION) throw new SchemaTooNewError(file, version, NEWEST_VERSION);
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
