import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { BackupManifest } from '@hall/shared';
import { Value } from '@sinclair/typebox/value';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appFixture, type AppFixture } from '../../test-support/app-fixture';
import { canonicalHash } from '../records/canonical';

/**
 * GET /api/backup (issue 12): the secretariat gets a consistent SQLite copy of the running hall
 * and its manifest; no other role does; the server's temporary copy is gone afterwards.
 */
let f: AppFixture;
const out = mkdtempSync(path.join(tmpdir(), 'hall-backup-route-'));

beforeAll(async () => {
  f = await appFixture();
  const op = f.auth('operator');
  const post = (url: string, payload?: object, headers = op) =>
    f.app.inject({ method: 'POST', url, headers, ...(payload ? { payload } : {}) });
  expect((await post('/api/sessions', { title: '第十次会议' })).statusCode).toBe(200);
  for (let i = 1; i <= 35; i++) {
    const memberId = `M${String(i).padStart(3, '0')}`;
    expect((await post('/api/attendance/mark', { memberId, present: true })).statusCode).toBe(200);
  }
  // One announced vote (a sealed record), and a second one open with 5 seats pressed.
  expect((await post('/api/votes', { title: '一', profile: 'anhui-2013' })).statusCode).toBe(200);
  for (let i = 1; i <= 30; i++) {
    await post('/api/demo/press', { seat: `A-${i}`, keys: [1] }, f.auth('technician'));
  }
  await post('/api/votes/latest/close');
  expect((await post('/api/votes/latest/announce')).statusCode).toBe(200);
  expect((await post('/api/votes', { title: '二', profile: 'anhui-2013' })).statusCode).toBe(200);
  for (let i = 1; i <= 5; i++) {
    const r = await post('/api/demo/press', { seat: `A-${i}`, keys: [2] }, f.auth('technician'));
    expect(r.json()).toMatchObject({ lamp: 'registered' });
  }
}, 60_000);

afterAll(async () => {
  await f?.close();
  rmSync(out, { recursive: true, force: true });
});

const backup = (headers: Record<string, string>) =>
  f.app.inject({ method: 'GET', url: '/api/backup', headers });

describe('GET /api/backup', () => {
  it('gives the secretariat a valid SQLite copy with the rows of the running hall', async () => {
    for (const who of ['secretariat', 'operator'] as const) {
      const res = await backup(f.auth(who));
      expect(res.statusCode, who).toBe(200);
      expect(res.headers['content-type']).toBe('application/vnd.sqlite3');
      expect(res.headers['cache-control']).toBe('no-store');
      const manifest: unknown = JSON.parse(
        Buffer.from(String(res.headers['x-hall-backup-manifest']), 'base64url').toString('utf8'),
      );
      expect(Value.Check(BackupManifest, manifest)).toBe(true);
      const m = manifest as BackupManifest;
      const bytes = res.rawPayload;
      expect(bytes.subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
      expect(bytes.length).toBe(m.bytes);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(m.sha256);
      const record = f.app.hall.records.all()[0]!;
      expect(m).toMatchObject({
        hall: f.app.hall.config.hall,
        records: 1,
        lastSeq: 1,
        lastHash: canonicalHash(record),
        openVote: 2,
        publicKey: f.app.hall.records.publicKey,
      });
      expect(m.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

      const file = path.join(out, `${who}.db`);
      writeFileSync(file, bytes);
      const db = new Database(file, { readonly: true });
      try {
        expect(m.schemaVersion).toBe(db.pragma('user_version', { simple: true }));
        expect(db.prepare('SELECT COUNT(*) AS n FROM records').get()).toEqual({ n: 1 });
        expect(
          db
            .prepare('SELECT COUNT(*) AS n FROM vote_seats WHERE vote_id = 2 AND pressed = 1')
            .get(),
        ).toEqual({ n: 5 });
        expect(db.prepare(`SELECT state FROM votes WHERE vote_id = 2`).get()).toEqual({
          state: 'open',
        });
        // The ballots are in it, encrypted; the key is not (it stays in HALL_KEY_DIR).
        expect(
          db.prepare('SELECT COUNT(*) AS n FROM vote_ballots WHERE vote_id = 2').get(),
        ).toEqual({
          n: 60,
        });
      } finally {
        db.close();
      }
    }
  });

  it('leaves no copy in the data directory', async () => {
    expect((await backup(f.auth('secretariat'))).statusCode).toBe(200);
    expect(readdirSync(f.dir).filter((n) => n.startsWith('.backup-'))).toEqual([]);
  });

  it('refuses the chair, the technician and a caller without a token', async () => {
    for (const who of ['chair', 'technician'] as const) {
      const res = await backup(f.auth(who));
      expect(res.statusCode, who).toBe(403);
      expect(res.json()).toMatchObject({ code: 'WRONG_ROLE' });
    }
    const anon = await backup({});
    expect(anon.statusCode).toBe(401);
    expect(anon.json()).toMatchObject({ code: 'NO_TOKEN' });
    expect(readdirSync(f.dir).filter((n) => n.startsWith('.backup-'))).toEqual([]);
  });

  it('removes a copy a crash left behind, and takes two backups at once one after the other', async () => {
    const stale = path.join(f.dir, `.backup-${'0'.repeat(32)}.db`);
    writeFileSync(stale, 'left by a crash');
    const [a, b] = await Promise.all([
      backup(f.auth('secretariat')),
      backup(f.auth('secretariat')),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    expect(a.rawPayload.equals(b.rawPayload)).toBe(true);
    expect(readdirSync(f.dir).filter((n) => n.startsWith('.backup-'))).toEqual([]);
  });
});
