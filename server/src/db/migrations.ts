import type { Db } from './open-db';
import { baselineMigration } from './migrations/002-baseline';
import { accountsMigration } from './migrations/003-accounts';
import { attendanceReasonsMigration } from './migrations/004-attendance-reasons';
import { evaluationFormsMigration } from './migrations/005-evaluation-forms';

/**
 * The hall database's schema versions (issue 12 "Operations"): `PRAGMA user_version` is the
 * version of the file; at start `openDb` runs, in order and each in its own transaction, every
 * migration above it. A file newer than the code is refused and never touched.
 *
 * A migration takes the file from `version - 1` to `version` and is never edited once released:
 * a change of schema is a new migration at the end of the list.
 */
export interface Migration {
  version: number;
  /** What it does, in a few words (logged when it runs). */
  name: string;
  up(db: Db): void;
}

/**
 * Every migration, in order: versions ascending and contiguous from the baseline (checked at
 * start by `checkMigrations`, and by migrations.test.ts). Version 1 has no migration: files of
 * versions 1 and 2 were written before `user_version` was kept (it reads 0) and the baseline
 * brings either to the shape of version 2.
 */
export const MIGRATIONS: readonly Migration[] = [
  baselineMigration,
  accountsMigration,
  attendanceReasonsMigration,
  evaluationFormsMigration,
];

/** The newest schema version this program knows: a fresh file is created at it. */
export const NEWEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

/** Throws unless `list` is non-empty, ascending and contiguous (no gap, no repeat). */
export function checkMigrations(list: readonly Migration[]): void {
  if (list.length === 0) throw new Error('no migrations');
  list.forEach((m, i) => {
    const want = list[0]!.version + i;
    if (!Number.isInteger(m.version) || m.version !== want) {
      throw new Error(`migration ${i} (${m.name}) has version ${m.version}, expected ${want}`);
    }
  });
}

/** A migration that ran, for the log. */
export interface AppliedMigration {
  version: number;
  name: string;
}

/** `PRAGMA user_version` of the open file. */
export function userVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Run every migration of `list` above the file's version, in order, each in its own transaction
 * that also sets `user_version` (so a crash leaves the file at the last version that completed).
 * Returns the migrations that ran. A file at version 0 gets the whole list (the baseline is
 * idempotent, so a legacy file with tables and an empty file take the same path).
 */
export function runMigrations(db: Db, list: readonly Migration[] = MIGRATIONS): AppliedMigration[] {
  checkMigrations(list);
  const from = userVersion(db);
  const applied: AppliedMigration[] = [];
  for (const m of list) {
    if (m.version <= from) continue;
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    })();
    applied.push({ version: m.version, name: m.name });
  }
  return applied;
}
