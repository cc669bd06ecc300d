import { closeSync, openSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { Db } from './open-db';

/**
 * The hall database as operations see it (issue 12): an online copy for a backup, what a copy
 * holds, and whether the live database answers. Every statement here reads, except the copy.
 */

/**
 * Take a consistent copy of `db` into `file` with SQLite's online backup API while the hall runs
 * (presses, closes and announcements go on; the copy is one committed state). The file is made
 * first, empty and 0600, so the copy is never readable by anyone else, whatever the umask.
 */
export async function copyDatabase(db: Db, file: string): Promise<void> {
  closeSync(openSync(file, 'wx', 0o600));
  await db.backup(file);
}

/** A database file opened read-only: a backup's copy, or a restored data directory's. */
export function openReadOnly(file: string): Db {
  return new Database(file, { readonly: true, fileMustExist: true });
}

/** What a copy of the hall database holds, as a backup's manifest states it. */
export interface CopyFacts {
  /** `PRAGMA user_version`: the schema version (migrations). */
  schemaVersion: number;
  /** Every sealed record's JSON, exactly as signed, in chain order. */
  records: string[];
  /** The vote open in the copy, if any (its ballots are in it, encrypted under its key). */
  openVote: number | null;
}

const hasTable = (db: Db, name: string) =>
  db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(name) !==
  undefined;

export function copyFacts(db: Db): CopyFacts {
  const schemaVersion = Number(db.pragma('user_version', { simple: true }));
  const records = hasTable(db, 'records')
    ? (db.prepare('SELECT json FROM records ORDER BY seq').all() as { json: string }[]).map(
        (r) => r.json,
      )
    : [];
  const open = hasTable(db, 'votes')
    ? (db.prepare(`SELECT vote_id FROM votes WHERE state = 'open' LIMIT 1`).get() as
        { vote_id: number } | undefined)
    : undefined;
  return { schemaVersion, records, openVote: open?.vote_id ?? null };
}

export type DatabaseProbe = { ok: true } | { ok: false; error: 'closed' | 'busy' | 'failed' };

/**
 * Whether the live database answers (readiness): a read, and a write lock taken and given back
 * (`BEGIN IMMEDIATE; ROLLBACK`: nothing is written). Inside a transaction of the same
 * connection (it cannot happen between two requests, better-sqlite3 being synchronous) the read
 * alone is the answer.
 */
export function probeDatabase(db: Db): DatabaseProbe {
  if (!db.open) return { ok: false, error: 'closed' };
  try {
    db.prepare('SELECT 1').get();
    if (!db.inTransaction) {
      db.exec('BEGIN IMMEDIATE');
      db.exec('ROLLBACK');
    }
    return { ok: true };
  } catch (e) {
    const code = (e as { code?: string }).code ?? '';
    if (!db.open) return { ok: false, error: 'closed' };
    return { ok: false, error: /BUSY|LOCKED/.test(code) ? 'busy' : 'failed' };
  }
}
