import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb } from './open-db';
import { openReadOnly } from './snapshot';

/**
 * The durability settings the design relies on (server/SECRECY.md "Storage", DOMAIN.md: no WAL
 * keeping old pages or row order): every read-write database the hall opens goes through openDb,
 * which sets journal_mode=DELETE, secure_delete=ON, synchronous=FULL (a press is on disk before
 * the seat is told "registered", SEAT-PROTOCOLS.md). Other opens are read-only.
 */
const SRC = path.resolve(__dirname, '..');
/** The only modules allowed to construct a better-sqlite3 connection. */
const ALLOWED = ['db/open-db.ts', 'db/snapshot.ts'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}
const rel = (f: string) => path.relative(SRC, f).split(path.sep).join('/');

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanup.splice(0)) c();
});

describe('every database the hall opens', () => {
  it('is constructed only in the allowed modules (no open can bypass openDb)', () => {
    const files = sourceFiles(SRC);
    expect(files.length).toBeGreaterThan(20);
    const importers = files
      .filter((f) =>
        /from ['"]better-sqlite3['"]|require\(['"]better-sqlite3['"]\)/.test(
          readFileSync(f, 'utf8'),
        ),
      )
      .map(rel);
    const constructors = files
      .filter((f) => /new\s+Database\s*\(/.test(readFileSync(f, 'utf8')))
      .map(rel);
    expect(importers.filter((f) => !ALLOWED.includes(f))).toEqual([]);
    expect(constructors.sort()).toEqual([...ALLOWED].sort());
    // Nothing anywhere switches to WAL or turns the settings down.
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      expect(text, rel(f)).not.toMatch(/journal_mode\s*=\s*['"]?wal/i);
      expect(text, rel(f)).not.toMatch(/synchronous\s*=\s*['"]?(off|normal|0|1)\b/i);
      expect(text, rel(f)).not.toMatch(/secure_delete\s*=\s*['"]?(off|0|fast)\b/i);
    }
  });

  it('outside openDb, every constructed connection is read-only', () => {
    const openDbText = readFileSync(path.join(SRC, 'db/open-db.ts'), 'utf8');
    const writing = [...openDbText.matchAll(/new\s+Database\(([^)]*)\)/g)].filter(
      (m) => !/readonly:\s*true/.test(m[1]!),
    );
    expect(writing.map((m) => m[0])).toEqual(['new Database(file)']);
    const snapshot = readFileSync(path.join(SRC, 'db/snapshot.ts'), 'utf8');
    const opens = [...snapshot.matchAll(/new\s+Database\(([^)]*)\)/g)];
    expect(opens.length).toBeGreaterThan(0);
    for (const m of opens) expect(m[1]).toMatch(/readonly:\s*true/);
  });

  it('openDb sets journal_mode DELETE, secure_delete ON, synchronous FULL (fresh and reopened)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hall-durability-'));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    for (let round = 0; round < 2; round++) {
      const db = openDb(dir);
      try {
        expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
        expect(db.pragma('synchronous', { simple: true })).toBe(2); // 2 = FULL
        expect(db.pragma('secure_delete', { simple: true })).toBe(1);
        expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
        expect(db.readonly).toBe(false);
      } finally {
        db.close();
      }
    }
    // No WAL or shm file was ever left next to the database.
    expect(readdirSync(dir).filter((f) => /-(wal|shm)$/.test(f))).toEqual([]);
  });

  it('openReadOnly opens read-only: a write is refused with SQLITE_READONLY', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hall-durability-ro-'));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    openDb(dir).close();
    const ro = openReadOnly(path.join(dir, 'hall.db'));
    try {
      expect(ro.readonly).toBe(true);
      expect(() => ro.exec('CREATE TABLE t (x)')).toThrow(
        expect.objectContaining({ code: 'SQLITE_READONLY' }),
      );
    } finally {
      ro.close();
    }
  });
});
