import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import {
  checkMigrations,
  MIGRATIONS,
  NEWEST_VERSION,
  runMigrations,
  userVersion,
  type Migration,
} from './migrations';
import { baselineMigration } from './migrations/002-baseline';
import { openDb, SchemaTooNewError, type Db } from './open-db';

/** Schema versions (issue 12): the list, a fresh file, a legacy file, a file that is too new. */

const dirs: string[] = [];
const dbs: Db[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) if (db.open) db.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function tempDir(): string {
  const d = mkdtempSync(path.join(tmpdir(), 'hall-migrations-'));
  dirs.push(d);
  return d;
}
function open(dir: string, onMigrated?: (m: { version: number }) => void): Db {
  const db = openDb(dir, onMigrated ? { onMigrated } : {});
  dbs.push(db);
  return db;
}

/** The tables, indexes and triggers of a file, with their SQL (autoindexes have none). */
function shape(db: Db): { type: string; name: string; sql: string | null }[] {
  return db.prepare(`SELECT type, name, sql FROM sqlite_master ORDER BY type, name`).all() as {
    type: string;
    name: string;
    sql: string | null;
  }[];
}
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** The tables of schema version 2 (today's main, dba4acc). */
const BASELINE_TABLES = [
  'agenda_items',
  'attendance',
  'correction_proposals',
  'followup_done',
  'item_reevaluates',
  'meta',
  'records',
  'results',
  'roster',
  'sessions',
  'terminal_pairings',
  'terminals',
  'users',
  'vote_ballots',
  'vote_counts',
  'vote_seats',
  'votes',
];

describe('the list of migrations', () => {
  it('is ascending and contiguous from the baseline (version 2), accounts as version 3', () => {
    expect(() => checkMigrations(MIGRATIONS)).not.toThrow();
    expect(MIGRATIONS[0]).toBe(baselineMigration);
    expect(MIGRATIONS.map((m) => m.version)).toEqual(
      MIGRATIONS.map((_, i) => baselineMigration.version + i),
    );
    expect(MIGRATIONS[1]!.version).toBe(3);
    expect(NEWEST_VERSION).toBe(MIGRATIONS[MIGRATIONS.length - 1]!.version);
    for (const m of MIGRATIONS) expect(m.name.length).toBeGreaterThan(0);
  });

  it('a gap, a repeat, a step back or an empty list is refused', () => {
    const m = (version: number): Migration => ({ version, name: `v${version}`, up() {} });
    expect(() => checkMigrations([m(2), m(4)])).toThrow(/version 4, expected 3/);
    expect(() => checkMigrations([m(2), m(2)])).toThrow(/expected 3/);
    expect(() => checkMigrations([m(3), m(2)])).toThrow(/expected 4/);
    expect(() => checkMigrations([])).toThrow(/no migrations/);
  });
});

describe('openDb', () => {
  it('takes a fresh file straight to the newest version, with every table', () => {
    const dir = tempDir();
    const ran: number[] = [];
    const db = open(dir, (m) => ran.push(m.version));
    expect(ran).toEqual(MIGRATIONS.map((m) => m.version));
    expect(userVersion(db)).toBe(NEWEST_VERSION);
    const tables = shape(db)
      .filter((r) => r.type === 'table')
      .map((r) => r.name);
    expect(tables).toEqual(expect.arrayContaining(BASELINE_TABLES));
    expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('secure_delete', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    // A new file gets no meta.schema row any more.
    expect(db.prepare(`SELECT * FROM meta WHERE key = 'schema'`).get()).toBeUndefined();
  });

  it('a second open runs nothing and changes nothing', () => {
    const dir = tempDir();
    const first = open(dir);
    const before = shape(first);
    first.close();
    const file = path.join(dir, 'hall.db');
    const bytes = sha256(file);
    const ran: number[] = [];
    const again = open(dir, (m) => ran.push(m.version));
    expect(ran).toEqual([]);
    expect(shape(again)).toEqual(before);
    again.close();
    expect(sha256(file)).toBe(bytes);
  });

  it('refuses a file newer than the program and leaves it exactly as it was', () => {
    const dir = tempDir();
    const file = path.join(dir, 'hall.db');
    open(dir).close();
    const raw = new Database(file);
    raw.pragma(`user_version = ${NEWEST_VERSION + 1}`);
    raw.close();
    const bytes = sha256(file);
    const mtime = statSync(file).mtimeMs;
    const names = readdirSync(dir);

    let err: unknown;
    try {
      open(dir);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SchemaTooNewError);
    expect(err).toMatchObject({
      name: 'SchemaTooNewError',
      fileVersion: NEWEST_VERSION + 1,
      supported: NEWEST_VERSION,
    });
    expect((err as Error).message).toBe(
      `数据库版本 ${NEWEST_VERSION + 1} 比本程序支持的 ${NEWEST_VERSION} 新：请使用更新版本的程序，数据库未作任何改动 / the database is schema version ${NEWEST_VERSION + 1}, newer than this program's ${NEWEST_VERSION}: run a newer version; the database was not touched`,
    );
    expect(sha256(file)).toBe(bytes);
    expect(statSync(file).mtimeMs).toBe(mtime);
    expect(readdirSync(dir)).toEqual(names); // no -journal, no -wal, nothing new
    expect(existsSync(`${file}-journal`)).toBe(false);
  });

  it('a migration that fails leaves the file at the last version that completed', () => {
    const dir = tempDir();
    const db = new Database(path.join(dir, 'hall.db'));
    dbs.push(db);
    const failing: Migration = {
      version: 3,
      name: 'fails half way',
      up(d) {
        d.exec('CREATE TABLE half_made (x INTEGER)');
        throw new Error('boom');
      },
    };
    expect(() => runMigrations(db, [baselineMigration, failing])).toThrow(/boom/);
    expect(userVersion(db)).toBe(2);
    expect(db.prepare(`SELECT name FROM sqlite_master WHERE name = 'half_made'`).get()).toBe(
      undefined,
    );
  });
});

/**
 * A file as version 1 left it, from its DDL: no `user_version`, `meta.schema` '1', records with
 * `vote_id UNIQUE`, no `vote_ballots` or `votes.ballot_key_id`, terminals without the columns of
 * issue 10, users without `must_change`.
 */
function versionOneFile(dir: string): void {
  const db = new Database(path.join(dir, 'hall.db'));
  db.exec(`
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
    CREATE TABLE users (username TEXT PRIMARY KEY, role TEXT NOT NULL, salt TEXT NOT NULL,
      hash TEXT NOT NULL) WITHOUT ROWID;
    CREATE TABLE sessions (session_id INTEGER PRIMARY KEY, title TEXT NOT NULL,
      started_at TEXT NOT NULL);
    CREATE TABLE votes (vote_id INTEGER PRIMARY KEY, session_id INTEGER NOT NULL, item_id INTEGER,
      title TEXT NOT NULL, profile_json TEXT NOT NULL, tag INTEGER NOT NULL,
      members INTEGER NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('open', 'closed', 'announced')),
      opened_at TEXT NOT NULL, closes_at TEXT, closed_at TEXT, present_at_close INTEGER);
    CREATE TABLE records (seq INTEGER PRIMARY KEY, vote_id INTEGER NOT NULL UNIQUE,
      json TEXT NOT NULL);
    CREATE TRIGGER records_no_update BEFORE UPDATE ON records
      BEGIN SELECT RAISE(ABORT, 'sealed records never change'); END;
    CREATE TRIGGER records_no_delete BEFORE DELETE ON records
      BEGIN SELECT RAISE(ABORT, 'sealed records are never removed'); END;
    CREATE TABLE terminals (terminal_id INTEGER PRIMARY KEY, seat TEXT NOT NULL,
      credential_hash TEXT NOT NULL UNIQUE, paired_at TEXT NOT NULL, revoked_at TEXT);
    INSERT INTO meta VALUES ('schema', '1'), ('session', '1');
    INSERT INTO users VALUES ('chair', 'chair', 'aa', 'bb');
    INSERT INTO sessions VALUES (1, '第一次会议', '2025-01-01T00:00:00.000Z');
    INSERT INTO votes VALUES (1, 1, NULL, '报告', '{}', 7, 60, 'announced',
      '2025-01-01T01:00:00.000Z', NULL, '2025-01-01T01:05:00.000Z', 55);
    INSERT INTO records VALUES (1, 1, '{"seq":1,"voteId":1}');
    INSERT INTO terminals VALUES (1, 'A-1', 'hash-1', '2025-01-01T00:00:00.000Z', NULL);
  `);
  expect(userVersion(db)).toBe(0);
  db.close();
}

describe('a file written before schema versions were kept', () => {
  it('a version-1 file migrates to the newest version and keeps its rows', () => {
    const dir = tempDir();
    versionOneFile(dir);
    const ran: number[] = [];
    const db = open(dir, (m) => ran.push(m.version));
    expect(ran).toEqual(MIGRATIONS.map((m) => m.version));
    expect(userVersion(db)).toBe(NEWEST_VERSION);
    // Rows kept; the old meta.schema row is left alone.
    expect(db.prepare(`SELECT value FROM meta WHERE key = 'schema'`).get()).toEqual({ value: '1' });
    expect(db.prepare('SELECT username, must_change FROM users').all()).toEqual([
      { username: 'chair', must_change: 0 },
    ]);
    expect(db.prepare('SELECT vote_id, state, ballot_key_id FROM votes').all()).toEqual([
      { vote_id: 1, state: 'announced', ballot_key_id: null },
    ]);
    expect(db.prepare('SELECT seq, vote_id, json FROM records').all()).toEqual([
      { seq: 1, vote_id: 1, json: '{"seq":1,"voteId":1}' },
    ]);
    expect(
      db
        .prepare('SELECT seat, confirmed_at, session_id, member_id, end_reason FROM terminals')
        .all(),
    ).toEqual([
      { seat: 'A-1', confirmed_at: null, session_id: null, member_id: null, end_reason: null },
    ]);
    // The shape of version 2: records without vote_id UNIQUE (a correction is a second record
    // of the same vote), their triggers and index back.
    const tables = shape(db).map((r) => r.name);
    expect(tables).toEqual(
      expect.arrayContaining([
        ...BASELINE_TABLES,
        'records_by_vote',
        'records_no_update',
        'records_no_delete',
      ]),
    );
    db.prepare('INSERT INTO records VALUES (2, 1, ?)').run('{"seq":2,"voteId":1}');
    expect(() => db.prepare('DELETE FROM records').run()).toThrow(/never removed/);
  });

  it('a legacy file already at the shape of version 2 is left as it was by the baseline', () => {
    const dir = tempDir();
    const raw = new Database(path.join(dir, 'hall.db'));
    dbs.push(raw);
    baselineMigration.up(raw);
    const made = shape(raw);
    baselineMigration.up(raw); // idempotent
    expect(shape(raw)).toEqual(made);
  });
});

describe('the stores run no DDL', () => {
  it('no CREATE / ALTER / DROP outside server/src/db/ (tests aside)', () => {
    const src = path.resolve(import.meta.dirname, '..');
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) {
          if (p !== path.join(src, 'db')) walk(p);
        } else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')) {
          const text = readFileSync(p, 'utf8');
          if (/\b(CREATE|ALTER|DROP)\s+(TABLE|INDEX|TRIGGER|UNIQUE\s+INDEX|VIEW)\b/.test(text))
            offenders.push(path.relative(src, p));
        }
      }
    };
    walk(src);
    expect(offenders).toEqual([]);
  });
});
