import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { hallFixture, MEMBER_SEATS, type HallFixture } from '../testing/hall-fixture';

/**
 * The secrecy reconstruction test (DOMAIN.md "Secrecy is a hard requirement", server/SECRECY.md).
 * The attacker copies the data directory (database, journal, logs) and knows everything the test
 * knows except who chose what. The test casts ballots in a known order with a known seat→choice
 * map and then tries to get that map back from the files.
 */

const FIXED = new Date('2026-11-26T09:30:00.000Z');
const KEYS: Record<string, number> = { satisfied: 1, 'basically-satisfied': 2, unsatisfied: 3 };

/** A seeded shuffle, so the test's orders are fixed and different from each other. */
function shuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const fixtures: HallFixture[] = [];
afterEach(async () => {
  for (const f of fixtures.splice(0)) await f.close();
});

/**
 * One sitting: 50 members check in (same order every time), a vote opens, and `ballots` are
 * cast one commit each in the given order. Everything else (clock, tags) is fixed.
 */
async function castVote(
  ballots: readonly [seat: string, choice: string][],
  log?: pino.Logger,
): Promise<HallFixture> {
  let t = 0;
  const f = await hallFixture({
    now: () => FIXED,
    random: () => 4242 + t++,
    ...(log ? { log } : {}),
  });
  fixtures.push(f);
  f.hall.startSession('第十四届常委会第十次会议');
  f.hall.openCheckin();
  for (const seat of MEMBER_SEATS.slice(0, 50)) {
    f.press(seat, [1]);
    f.flush();
  }
  f.hall.closeCheckin();
  f.hall.votes.open({ title: '关于全省生态环境保护工作情况的报告', profile: 'anhui-2013' });
  for (const [seat, choice] of ballots) {
    f.press(seat, choice === 'invalid' ? [1, 3] : [KEYS[choice]!]);
    f.flush();
  }
  return f;
}

function dataFiles(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const name of readdirSync(dir)) out.set(name, readFileSync(path.join(dir, name)));
  return out;
}

// 40 voters: 18 satisfied, 12 basically, 8 unsatisfied, 2 invalid; 10 present did not press.
const CHOICES = [
  ...Array(18).fill('satisfied'),
  ...Array(12).fill('basically-satisfied'),
  ...Array(8).fill('unsatisfied'),
  ...Array(2).fill('invalid'),
] as string[];
const VOTERS = shuffle(MEMBER_SEATS.slice(0, 50), 7).slice(0, 40);

describe('secrecy: the data directory does not link a seat to a choice', () => {
  it('leaves byte-identical files for two sittings that differ only in who chose what and when', async () => {
    // Run 1: voters press in one order with one seat→choice map.
    const map1 = new Map(VOTERS.map((s, i) => [s, CHOICES[i]!]));
    // Run 2: the same voters and the same counts, but every seat's choice moved (a rotation of
    // the choice list by 18 gives every seat a different choice) and a different press order.
    const map2 = new Map(VOTERS.map((s, i) => [s, CHOICES[(i + 18) % CHOICES.length]!]));
    const differing = VOTERS.filter((s) => map1.get(s) !== map2.get(s)).length;
    expect(differing).toBe(VOTERS.length);
    const order1 = shuffle(VOTERS, 11);
    const order2 = shuffle(VOTERS, 12345);
    expect(order1).not.toEqual(order2);

    const a = await castVote(order1.map((s) => [s, map1.get(s)!]));
    const b = await castVote(order2.map((s) => [s, map2.get(s)!]));

    // While the vote is open, and after it is closed and announced: the same bytes.
    for (const step of ['open', 'closed', 'announced'] as const) {
      if (step === 'closed') [a, b].forEach((f) => f.hall.votes.close());
      if (step === 'announced') [a, b].forEach((f) => f.hall.votes.announce());
      const fa = dataFiles(a.dir);
      const fb = dataFiles(b.dir);
      expect([...fa.keys()].sort(), `files when ${step}`).toEqual(['hall.db']);
      expect([...fb.keys()].sort()).toEqual(['hall.db']);
      expect(Buffer.compare(fa.get('hall.db')!, fb.get('hall.db')!), `hall.db when ${step}`).toBe(
        0,
      );
    }
    // So any reconstruction R(files) gives one answer for both sittings, while every seat chose
    // differently in them: R is right about a seat in at most one of the two, no better than a
    // coin. (Both results are the same too: the split itself is public once announced.)
    expect(a.hall.votes.result(1).counts).toEqual(b.hall.votes.result(1).counts);
  });

  it('has no column that could carry a choice next to a seat, and keeps seat rows in seat order', async () => {
    const order = shuffle(VOTERS, 99);
    const f = await castVote(order.map((s, i) => [s, CHOICES[i]!]));
    const db = f.hall.db;
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as {
      name: string;
    }[];
    for (const { name } of tables) {
      const cols = (db.prepare(`PRAGMA table_info(${name})`).all() as { name: string }[]).map(
        (c) => c.name,
      );
      const seatish = cols.some((c) => /^(seat|member_id)$/.test(c));
      const choiceish = cols.some((c) => /^(option|choice|keys?|ballot|lamp|n)$/.test(c));
      expect(seatish && choiceish, `table ${name}: ${cols.join(',')}`).toBe(false);
    }
    // Pressed seats: no rowid, no timestamp; physical order is seat order, not press order.
    expect(() => db.prepare('SELECT rowid FROM vote_seats').all()).toThrow(/rowid/);
    const seats = (
      db.prepare('SELECT seat FROM vote_seats WHERE pressed = 1').all() as {
        seat: string;
      }[]
    ).map((r) => r.seat);
    expect(seats).toEqual([...VOTERS].sort());
    expect(seats).not.toEqual(order);
    // No journal or WAL left behind after a commit (journal_mode=DELETE).
    for (const ext of ['-wal', '-journal', '-shm']) {
      expect(existsSync(path.join(f.dir, `hall.db${ext}`))).toBe(false);
    }
    expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(db.pragma('secure_delete', { simple: true })).toBe(1);
  });

  it('logs that a seat pressed, never what', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
        done();
      },
    });
    const log = pino({ level: 'trace' }, sink);
    const order = shuffle(VOTERS, 5);
    const f = await castVote(
      order.map((s, i) => [s, CHOICES[i]!]),
      log,
    );
    f.hall.votes.close();
    await new Promise((r) => setImmediate(r));
    const pressLines = lines.filter((l) => /"seat"/.test(l));
    expect(pressLines.length).toBeGreaterThan(40);
    for (const l of pressLines) {
      expect(l).not.toMatch(/"keys"|satisfied|unsatisfied|invalid|"option"|满意/);
    }
  });
});
