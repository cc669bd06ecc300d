import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { NEWEST_VERSION } from '../db/migrations';
import { encodeCount } from '../db/schema';
import {
  checkIn,
  hallFixture,
  MEMBER_SEATS,
  type HallFixture,
} from '../../test-support/hall-fixture';
import { BOX_BYTES, openBox, sealBox } from './ballot-box';
import { captureLog } from '../../test-support/capture-log';

let f: HallFixture | undefined;
afterEach(async () => {
  await f?.close();
  f = undefined;
});

const ballotFiles = (keyDir: string) =>
  existsSync(keyDir) ? readdirSync(keyDir).filter((n) => n.startsWith('ballot-')) : [];

describe('ballot boxes', () => {
  it('are all the same length, open only under their key, vote and slot', () => {
    const key = Buffer.alloc(32, 1);
    const boxes = [
      sealBox(key, 1, 0, { kind: 'empty' }),
      sealBox(key, 1, 0, { kind: 'option', index: 2 }),
      sealBox(key, 1, 0, { kind: 'invalid' }),
    ];
    expect(boxes.map((b) => b.length)).toEqual([BOX_BYTES, BOX_BYTES, BOX_BYTES]);
    expect(openBox(key, 1, 0, boxes[1]!)).toEqual({ kind: 'option', index: 2 });
    // The same content twice: different bytes (a fresh nonce every time).
    expect(sealBox(key, 1, 0, { kind: 'empty' }).equals(boxes[0]!)).toBe(false);
    expect(() => openBox(key, 1, 1, boxes[1]!)).toThrow(/does not open/); // another slot
    expect(() => openBox(key, 2, 0, boxes[1]!)).toThrow(/does not open/); // another vote
    expect(() => openBox(Buffer.alloc(32, 2), 1, 0, boxes[1]!)).toThrow(/does not open/);
  });
});

describe('the per-vote ballot key in HALL_KEY_DIR', () => {
  it('exists (0600, in a 0700 dir) exactly while its vote is open', async () => {
    f = await hallFixture();
    checkIn(f, 40);
    expect(ballotFiles(f.keyDir)).toEqual([]);
    f.hall.votes.open({ title: 't', profile: 'anhui-2013' });
    const row = f.hall.db.prepare('SELECT ballot_key_id FROM votes').get() as {
      ballot_key_id: string;
    };
    expect(row.ballot_key_id).toMatch(/^[0-9a-f]{32}$/);
    expect(ballotFiles(f.keyDir)).toEqual([`ballot-${row.ballot_key_id}.key`]);
    const file = path.join(f.keyDir, `ballot-${row.ballot_key_id}.key`);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(f.keyDir).mode & 0o777).toBe(0o700);
    expect(readFileSync(file)).toHaveLength(32);
    // One slot per member seat, each an encrypted box of the same length.
    const boxes = f.hall.db.prepare('SELECT slot, box FROM vote_ballots').all() as {
      slot: number;
      box: Buffer;
    }[];
    expect(boxes.map((b) => b.slot)).toEqual(MEMBER_SEATS.map((_, i) => i));
    expect(new Set(boxes.map((b) => b.box.length))).toEqual(new Set([BOX_BYTES]));
    // No counter while the vote is open.
    f.press('A-1', [1]);
    f.flush();
    expect(f.hall.db.prepare('SELECT count(*) AS n FROM vote_counts').get()).toEqual({ n: 0 });
    f.hall.votes.close();
    expect(ballotFiles(f.keyDir)).toEqual([]);
    expect(f.hall.db.prepare('SELECT count(*) AS n FROM vote_ballots').get()).toEqual({ n: 0 });
    expect(f.hall.votes.result(1).counts.satisfied).toBe(1);
  });

  it('is found again after a restart, and the vote counts every committed ballot', async () => {
    f = await hallFixture();
    checkIn(f, 40);
    f.hall.votes.open({ title: 't', profile: 'anhui-2013' });
    for (const [seat, keys] of [
      ['A-1', [1]],
      ['A-2', [1]],
      ['A-3', [3]],
      ['A-4', [1, 2]],
    ] as const) {
      f.press(seat, [...keys]);
      f.flush();
    }
    await f.hall.stop();
    f = await hallFixture({ dir: f.dir });
    expect(f.hall.votes.status()).toMatchObject({ state: 'open', pressed: 4 });
    f.press('A-5', [2]);
    f.press('A-1', [3]); // already pressed before the restart: changes nothing
    f.flush();
    const r = f.hall.votes.close();
    expect(r.counts).toEqual({ satisfied: 2, 'basically-satisfied': 1, unsatisfied: 1 });
    expect(r.invalid).toBe(1);
    expect(ballotFiles(f.keyDir)).toEqual([]);
  });

  it('destroys at start every ballot key no open vote needs, and says so', async () => {
    f = await hallFixture();
    checkIn(f, 40);
    f.hall.votes.open({ title: 't', profile: 'anhui-2013' });
    const [own] = ballotFiles(f.keyDir);
    f.press('A-1', [2]);
    f.flush();
    await f.hall.stop();
    // A crash between writing a key and the opening's commit; a half-written key; a crash
    // between a close's commit and its key's removal (the same as a key of no vote).
    const stale = [
      'ballot-00112233445566778899aabbccddeeff.key',
      'ballot-aaaabbbbccccdddd.key.tmp',
    ];
    for (const name of stale) writeFileSync(path.join(f.keyDir, name), Buffer.alloc(32, 9));
    const { log, lines } = captureLog();
    f = await hallFixture({ dir: f.dir, log });
    expect(ballotFiles(f.keyDir)).toEqual([own]);
    expect(lines.filter((l) => /belongs to no open vote/.test(l.msg)).map((l) => l.file)).toEqual(
      expect.arrayContaining(stale.map((n) => path.join(f!.keyDir, n))),
    );
    // Closed, then a crash before the key went: the next start destroys it.
    const ownFile = path.join(f.keyDir, own!);
    const keyBytes = readFileSync(ownFile);
    expect(f.hall.votes.close().counts['basically-satisfied']).toBe(1);
    expect(existsSync(ownFile)).toBe(false);
    await f.hall.stop();
    writeFileSync(ownFile, keyBytes);
    f = await hallFixture({ dir: f.dir });
    expect(ballotFiles(f.keyDir)).toEqual([]);
  });

  it('refuses to continue an open vote whose key is damaged or gone, rather than count it wrong', async () => {
    f = await hallFixture();
    checkIn(f, 40);
    f.hall.votes.open({ title: 't', profile: 'anhui-2013' });
    const dir = f.dir;
    const keyDir = f.keyDir;
    await f.hall.stop();
    for (const n of ballotFiles(keyDir)) writeFileSync(path.join(keyDir, n), ''); // damaged
    await expect(hallFixture({ dir })).rejects.toThrow(/ballot key .* is damaged/);
    for (const n of ballotFiles(keyDir)) rmSync(path.join(keyDir, n));
    await expect(hallFixture({ dir })).rejects.toThrow(/ballot key .* is missing/);
    f = undefined;
    rmSync(dir, { recursive: true, force: true });
    rmSync(keyDir, { recursive: true, force: true });
  });
});

describe('a database written by version 1 (schema 1, plaintext counters)', () => {
  it('is migrated, and a vote it left open moves onto encrypted slots and counts right', async () => {
    f = await hallFixture();
    checkIn(f, 40);
    f.hall.votes.open({ title: 't', profile: 'anhui-2013' });
    for (const seat of ['A-1', 'A-2', 'A-3']) {
      f.press(seat, [1]);
      f.flush();
    }
    await f.hall.stop();
    // Make it what version 1 left: no key id column, no slots, counters 2/0/0 + 1 invalid
    // written in place (the 3 pressed seats), meta schema 1, no user_version, no ballot key.
    const db = new Database(path.join(f.dir, 'hall.db'));
    db.exec(`DROP TABLE vote_ballots; ALTER TABLE votes DROP COLUMN ballot_key_id;
      INSERT OR REPLACE INTO meta VALUES ('schema', '1'); PRAGMA user_version = 0;`);
    const counts: [string, number][] = [
      ['basically-satisfied', 0],
      ['invalid', 1],
      ['satisfied', 2],
      ['unsatisfied', 0],
    ];
    for (const [o, n] of counts)
      db.prepare('INSERT INTO vote_counts VALUES (1, ?, ?)').run(o, encodeCount(n));
    db.close();
    for (const n of ballotFiles(f.keyDir)) rmSync(path.join(f.keyDir, n));

    const { log, lines } = captureLog();
    f = await hallFixture({ dir: f.dir, log });
    const hdb = f.hall.db;
    expect(hdb.pragma('user_version', { simple: true })).toBe(NEWEST_VERSION);
    // The old meta.schema row is left as it was (nothing reads it).
    expect(hdb.prepare(`SELECT value FROM meta WHERE key = 'schema'`).get()).toEqual({
      value: '1',
    });
    const row = hdb.prepare('SELECT ballot_key_id FROM votes WHERE vote_id = 1').get() as {
      ballot_key_id: string | null;
    };
    expect(row.ballot_key_id).toMatch(/^[0-9a-f]{32}$/);
    expect(ballotFiles(f.keyDir)).toEqual([`ballot-${row.ballot_key_id}.key`]);
    expect(hdb.prepare('SELECT count(*) AS n FROM vote_counts').get()).toEqual({ n: 0 });
    expect(hdb.prepare('SELECT count(*) AS n FROM vote_ballots').get()).toEqual({
      n: MEMBER_SEATS.length,
    });
    expect(lines.some((l) => /left open by the previous version/.test(l.msg))).toBe(true);
    expect(f.hall.votes.status()).toMatchObject({ state: 'open', pressed: 3 });
    f.press('A-4', [3]);
    f.flush();
    const r = f.hall.votes.close();
    expect(r.counts).toEqual({ satisfied: 2, 'basically-satisfied': 0, unsatisfied: 1 });
    expect(r.invalid).toBe(1);
    expect(ballotFiles(f.keyDir)).toEqual([]);
  });
});
