import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { NEWEST_VERSION, userVersion } from './migrations';
import { baselineMigration } from './migrations/002-baseline';
import { openDb, type Db } from './open-db';

/**
 * The database of a data directory written by dba4acc (server/test-fixtures/upgrade-dba4acc,
 * its README says how it was made), at the unit level: the baseline is exactly that shape, and
 * openDb takes the file to the newest version keeping every row. The real server on a copy of
 * the whole directory: test/e2e/upgrade.test.ts.
 */
const FIXTURE_DB = path.resolve(
  import.meta.dirname,
  '../../test-fixtures/upgrade-dba4acc/data/hall.db',
);

type Entry = { type: string; name: string; tbl_name: string; sql: string | null };
const shape = (db: Db): Entry[] =>
  db
    .prepare('SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name')
    .all() as Entry[];

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanup.splice(0)) c();
});
function copyOfFixture(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'hall-upgrade-unit-'));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  copyFileSync(FIXTURE_DB, path.join(dir, 'hall.db'));
  return dir;
}

describe('the data directory of dba4acc', () => {
  it('has the exact shape the baseline gives an empty file', () => {
    const fixture = new Database(FIXTURE_DB, { readonly: true, fileMustExist: true });
    const empty = new Database(':memory:');
    cleanup.push(
      () => fixture.close(),
      () => empty.close(),
    );
    expect(userVersion(fixture)).toBe(0);
    baselineMigration.up(empty);
    expect(shape(empty)).toEqual(shape(fixture));
  });

  /** Tables a later migration widened (a column added, or a CHECK changed by a copy). */
  const CHANGED = new Set(['users', 'sessions', 'votes']);

  it('opens at the newest version with its rows, and the open vote as it was', () => {
    const dir = copyOfFixture();
    const before = new Database(path.join(dir, 'hall.db'), { readonly: true });
    const oldShape = shape(before);
    const count = (db: Db, sql: string) => (db.prepare(sql).get() as { n: number }).n;
    const tables = oldShape.filter((e) => e.type === 'table').map((e) => e.name);
    const rows = Object.fromEntries(
      tables.map((t) => [t, before.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all()]),
    );
    before.close();

    const db = openDb(dir);
    cleanup.push(() => db.close());
    expect(userVersion(db)).toBe(NEWEST_VERSION);
    // Every table, index and trigger of version 2 is still there; only later migrations add.
    const now = shape(db);
    for (const e of oldShape) {
      const same = now.find((n) => n.type === e.type && n.name === e.name);
      expect(same, e.name).toBeDefined();
      // 003 adds columns to users, 005 to sessions and votes (votes copied into its new shape)
      if (!CHANGED.has(e.name)) expect(same, e.name).toEqual(e);
    }
    for (const t of tables) {
      if (CHANGED.has(t)) continue;
      expect(db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all(), t).toEqual(rows[t]);
    }
    // The rows of the tables a migration widened are the same in the columns they had.
    for (const t of ['sessions', 'votes']) {
      const cols = Object.keys((rows[t] as Record<string, unknown>[])[0]!).join(', ');
      expect(db.prepare(`SELECT ${cols} FROM ${t} ORDER BY 1, 2`).all(), t).toEqual(rows[t]);
    }
    expect(db.prepare(`SELECT DISTINCT method FROM votes`).all()).toEqual([{ method: 'keypads' }]);
    expect(db.prepare('SELECT username, role FROM users ORDER BY 1').all()).toEqual(
      (rows.users as { username: string; role: string }[]).map(({ username, role }) => ({
        username,
        role,
      })),
    );
    expect(count(db, 'SELECT count(*) AS n FROM records')).toBe(2);
    expect(db.prepare('SELECT vote_id, state FROM votes ORDER BY vote_id').all()).toEqual([
      { vote_id: 1, state: 'announced' },
      { vote_id: 2, state: 'announced' },
      { vote_id: 3, state: 'open' },
    ]);
    expect(
      count(db, 'SELECT count(*) AS n FROM vote_seats WHERE vote_id = 3 AND pressed = 1'),
    ).toBe(52);
  });
});
