import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { hallFixture, MEMBER_SEATS, type HallFixture } from '../../test-support/hall-fixture';
import { BOX_BYTES } from './ballot-box';

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
  const s = await sitting(log);
  for (const [seat, choice] of ballots) s.cast(seat, choice);
  return s.f;
}

const keysOf = (choice: string) => (choice === 'invalid' ? [1, 3] : [KEYS[choice]!]);

/**
 * A sitting up to an open vote, on a clock that moves one second on every press (check-in and
 * ballots alike) and with deterministic tags and ballot key ids: two sittings that press the
 * same seats in the same order are the same in everything but the choices.
 */
async function sitting(log?: pino.Logger) {
  let t = 0;
  let clock = FIXED.getTime();
  let keyIds = 0;
  const f = await hallFixture({
    now: () => new Date(clock),
    random: () => 4242 + t++,
    ballotKeyIds: () => (0xba110700 + keyIds++).toString(16).padStart(32, '0'),
    ...(log ? { log } : {}),
  });
  fixtures.push(f);
  const press = (seat: string, keys: number[]) => {
    clock += 1000;
    f.press(seat, keys);
    f.flush();
  };
  f.hall.startSession('第十四届常委会第十次会议');
  f.hall.openCheckin();
  for (const seat of MEMBER_SEATS.slice(0, 50)) press(seat, [1]);
  f.hall.closeCheckin();
  clock += 1000;
  f.hall.votes.open({ title: '关于全省生态环境保护工作情况的报告', profile: 'anhui-2013' });
  return {
    f,
    cast: (seat: string, choice: string) => press(seat, keysOf(choice)),
    tick: () => (clock += 1000),
  };
}

function dataFiles(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const name of readdirSync(dir)) out.set(name, readFileSync(path.join(dir, name)));
  return out;
}

/**
 * A logical dump of the whole database: every table of sqlite_master, every column (and the
 * rowid where there is one), in the b-tree's own order (stricter than a sorted dump: the order
 * of rows is compared too). The ballot boxes are the one thing left out: each is checked to be
 * exactly BOX_BYTES long and replaced by its length.
 */
function dump(f: HallFixture): Record<string, unknown[]> {
  const db = f.hall.db;
  const out: Record<string, unknown[]> = {};
  out.sqlite_master = db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_master').all();
  const tables = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`)
    .all() as { name: string }[];
  for (const { name } of tables) {
    let rows: Record<string, unknown>[];
    try {
      rows = db.prepare(`SELECT rowid AS "(rowid)", * FROM "${name}"`).all() as typeof rows;
    } catch {
      rows = db.prepare(`SELECT * FROM "${name}"`).all() as typeof rows; // WITHOUT ROWID
    }
    out[name] = rows.map((r) => {
      if (name !== 'vote_ballots') return r;
      expect(Buffer.isBuffer(r.box) && (r.box as Buffer).length, 'a ballot box').toBe(BOX_BYTES);
      return { ...r, box: `<${BOX_BYTES} opaque bytes>` };
    });
  }
  return out;
}

/** pino at level trace into an array of lines. */
function captureLog(): { log: pino.Logger; lines: string[] } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  return { log: pino({ level: 'trace' }, sink), lines };
}

/** Every log line with its `time` removed (and nothing else). */
const withoutTime = (lines: string[]) =>
  lines.map((l) => {
    const o = JSON.parse(l) as Record<string, unknown>;
    delete o.time;
    return JSON.stringify(o);
  });

// 40 voters: 18 satisfied, 12 basically, 8 unsatisfied, 2 invalid; 10 present did not press.
const CHOICES = [
  ...Array(18).fill('satisfied'),
  ...Array(12).fill('basically-satisfied'),
  ...Array(8).fill('unsatisfied'),
  ...Array(2).fill('invalid'),
] as string[];
const VOTERS = shuffle(MEMBER_SEATS.slice(0, 50), 7).slice(0, 40);

describe('secrecy: the data directory does not link a seat to a choice', () => {
  it('stores and logs the same for two sittings that differ only in who chose what, press by press', async () => {
    // Sitting 1 and 2: the same seats press in the same order at the same times (the clock moves
    // on every press), but every seat's choice differs (a rotation of the choice list by 18, so
    // the totals are the same).
    const order = shuffle(VOTERS, 11);
    const map1 = new Map(order.map((s, i) => [s, CHOICES[i]!]));
    const map2 = new Map(order.map((s, i) => [s, CHOICES[(i + 18) % CHOICES.length]!]));
    expect(VOTERS.filter((s) => map1.get(s) !== map2.get(s)).length).toBe(VOTERS.length);

    const la = captureLog();
    const lb = captureLog();
    const a = await sitting(la.log);
    const b = await sitting(lb.log);
    const openLines = [la.lines.length, lb.lines.length];
    expect(dump(a.f), 'when the vote opened').toEqual(dump(b.f));
    // After EVERY press (each its own commit): every column of every table is the same.
    for (const [i, seat] of order.entries()) {
      a.cast(seat, map1.get(seat)!);
      b.cast(seat, map2.get(seat)!);
      expect(dump(a.f), `after press ${i + 1} (${seat})`).toEqual(dump(b.f));
    }
    const ballots = a.f.hall.db.prepare('SELECT count(*) AS n FROM vote_ballots').get() as {
      n: number;
    };
    expect(ballots.n).toBe(MEMBER_SEATS.length); // one slot per member seat, whatever it holds
    // Every log line written while the vote was open: the same but for the time.
    expect(la.lines.length).toBeGreaterThan(openLines[0]! + VOTERS.length - 1);
    expect(withoutTime(la.lines.slice(openLines[0]))).toEqual(
      withoutTime(lb.lines.slice(openLines[1])),
    );

    // After close and after announce: the same, and byte for byte the same file (the slots are
    // gone and secure_delete zeroed them).
    for (const step of ['closed', 'announced'] as const) {
      for (const s of [a, b]) {
        s.tick();
        if (step === 'closed') s.f.hall.votes.close();
        else s.f.hall.votes.announce();
      }
      expect(dump(a.f), `when ${step}`).toEqual(dump(b.f));
      const fa = dataFiles(a.f.dir);
      const fb = dataFiles(b.f.dir);
      expect([...fa.keys()].sort(), `files when ${step}`).toEqual(['hall.db']);
      expect([...fb.keys()].sort()).toEqual(['hall.db']);
      expect(Buffer.compare(fa.get('hall.db')!, fb.get('hall.db')!), `hall.db when ${step}`).toBe(
        0,
      );
    }
    expect(withoutTime(la.lines)).toEqual(withoutTime(lb.lines));
    // So any reconstruction R(files, logs) gives one answer for both sittings, while every seat
    // chose differently in them: R is right about a seat in at most one of the two, no better
    // than a coin. (Both results are the same: the split itself is public once announced.)
    expect(a.f.hall.votes.result(1).counts).toEqual(b.f.hall.votes.result(1).counts);
    expect(a.f.hall.db.prepare('SELECT count(*) AS n FROM vote_ballots').get()).toEqual({ n: 0 });
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
    const { log, lines } = captureLog();
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
