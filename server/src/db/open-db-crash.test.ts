import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { NEWEST_VERSION, userVersion } from './migrations';
import { openDb, SchemaTooNewError, type Db } from './open-db';

/**
 * openDb after a crash in the middle of a transaction (a SIGKILL during a press commit): the
 * file has a hot journal, which the read-only version check may not roll back. The hall must
 * still start by itself (the journal rolled back, as always); a newer program's file is still
 * refused untouched.
 */
const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanup.splice(0)) c();
});
const tempDir = () => {
  const d = mkdtempSync(path.join(tmpdir(), 'hall-open-crash-'));
  cleanup.push(() => rmSync(d, { recursive: true, force: true }));
  return d;
};
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/**
 * A data directory as a crash leaves it: the database at `version` with 100 committed rows, and
 * a copy of the file and its journal taken in the middle of a big transaction that spilled to
 * the file (what a SIGKILL at that moment leaves on disk).
 */
function crashedCopy(version: number): string {
  const live = tempDir();
  const db: Db = openDb(live);
  db.exec('CREATE TABLE filler (x TEXT)');
  const insert = db.prepare('INSERT INTO filler VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < 100; i++) insert.run('committed');
  })();
  db.pragma(`user_version = ${version}`);
  db.pragma('cache_size = 10');
  db.exec('BEGIN');
  for (let i = 0; i < 5000; i++) insert.run('x'.repeat(200));
  const crashed = tempDir();
  for (const name of ['hall.db', 'hall.db-journal'])
    copyFileSync(path.join(live, name), path.join(crashed, name));
  db.exec('ROLLBACK');
  db.close();
  // It is a hot journal: a read-only connection cannot read the file.
  const ro = new Database(path.join(crashed, 'hall.db'), { readonly: true });
  expect(() => userVersion(ro)).toThrow(/readonly/);
  ro.close();
  return crashed;
}

describe('openDb after a crash mid-transaction (hot journal)', () => {
  it('starts by itself: the journal is rolled back, the committed rows are there', () => {
    const dir = crashedCopy(NEWEST_VERSION);
    const db = openDb(dir);
    cleanup.push(() => db.close());
    expect(userVersion(db)).toBe(NEWEST_VERSION);
    expect(db.prepare('SELECT count(*) AS n FROM filler').get()).toEqual({ n: 100 });
    expect(existsSync(path.join(dir, 'hall.db-journal'))).toBe(false);
  });

  it('still refuses a newer program’s file, file and journal untouched', () => {
    const dir = crashedCopy(NEWEST_VERSION + 1);
    const files = ['hall.db', 'hall.db-journal'].map((n) => path.join(dir, n));
    const before = files.map(sha256);
    expect(() => openDb(dir)).toThrow(SchemaTooNewError);
    expect(files.map(sha256)).toEqual(before);
  });
});
