import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { hallCli } from '../../support/hall-cli';
import { api, type HallServer } from '../../support/hall-server';

/**
 * The kill/restart/compare cycle of the fault suite and of `npm run soak` (one home). A rig is a
 * hall (real server process) with a way to press seats and to see which seats show "registered".
 * Per vote: presses go out, the server is SIGKILLed at a seeded random point with presses in
 * flight, and BEFORE anything is delivered again the seats the database records as pressed
 * (`vote_seats.pressed`, who never what: DOMAIN.md "Secrecy") are compared with the seats whose
 * "registered" acknowledgement was seen (SEAT-PROTOCOLS.md §3 "Registered is shown only after the
 * press is durably stored"). Then the server restarts, the hardware delivers again (§3 "The same
 * event delivered twice is one press"), and at close the vote's counts must be exactly its presses.
 */
export interface Rig {
  readonly name: string;
  readonly token: string;
  /** Member seats that may vote. */
  readonly seats: readonly string[];
  server(): HallServer;
  /** (Re)start the server on the same data directory. */
  start(): Promise<void>;
  kill(): Promise<void>;
  stop(): Promise<void>;
  /** After a vote opened: wait until the seats are in vote mode and show nothing. */
  voteOpened(voteId: number): Promise<void>;
  /** Press a seat (fire and forget: the acknowledgement is what `acknowledged` shows). */
  press(seat: string, keys: readonly number[]): void;
  /** The seats showing "registered" in the current vote now. */
  acknowledged(): Set<string>;
  /** The hardware's re-delivery after a restart (none for buses that re-send on their own). */
  redeliver(): Promise<void>;
}

export interface FaultStats {
  killPoints: number;
  votes: number;
  presses: number;
  acknowledged: number;
  recorded: number;
  lost: number;
  doubled: number;
  wrongVote: number;
  inFlightAtKill: number;
  chainVerified: boolean;
  violations: string[];
}

export function newStats(): FaultStats {
  return {
    killPoints: 0,
    votes: 0,
    presses: 0,
    acknowledged: 0,
    recorded: 0,
    lost: 0,
    doubled: 0,
    wrongVote: 0,
    inFlightAtKill: 0,
    chainVerified: false,
    violations: [],
  };
}

/** A seeded PRNG (mulberry32): the kill points of a run are reproducible from its printed seed. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function until(
  cond: () => boolean | Promise<boolean>,
  what: string | (() => string),
): Promise<void> {
  const end = Date.now() + 60_000;
  while (!(await cond())) {
    if (Date.now() > end)
      throw new Error(`timed out waiting for ${typeof what === 'string' ? what : what()}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const OPTIONS = ['satisfied', 'basically-satisfied', 'unsatisfied'] as const;

/**
 * The seats a vote's database row says have pressed, with the server dead. The hall's files are
 * only read: they are copied (the database and its WAL, as the kill left them) and the copy is
 * opened, since SQLite must be able to write to recover a WAL that a crash left behind.
 */
export function recordedSeats(dataDir: string, voteId: number): Set<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'hall-fault-db-'));
  try {
    for (const f of ['hall.db', 'hall.db-wal']) {
      if (existsSync(path.join(dataDir, f))) copyFileSync(path.join(dataDir, f), path.join(dir, f));
    }
    const db = new Database(path.join(dir, 'hall.db'), { fileMustExist: true });
    try {
      const rows = db
        .prepare('SELECT seat FROM vote_seats WHERE vote_id = ? AND pressed = 1')
        .all(voteId) as { seat: string }[];
      return new Set(rows.map((r) => r.seat));
    } finally {
      db.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function call<T>(rig: Rig, method: 'GET' | 'POST', route: string, body?: unknown) {
  return api<T>(rig.server(), method, route, rig.token, body);
}

/**
 * One vote with `kills` kill points. Every seat presses at most once per vote (a unit keeps only
 * its last event, SEAT-PROTOCOLS.md §2), so the expected counts are the presses' keys.
 */
export async function faultVote(
  rig: Rig,
  opts: { kills: number; random: () => number; stats: FaultStats; log?: (s: string) => void },
): Promise<void> {
  const { random, stats } = opts;
  const fail = (msg: string) => {
    stats.violations.push(`${rig.name}: ${msg}`);
  };
  const open = await call<{ voteId: number }>(rig, 'POST', '/api/votes', {
    title: `断电测试 ${stats.votes + 1}`,
    profile: 'anhui-2013',
  });
  if (open.status !== 200) throw new Error(`vote open: ${JSON.stringify(open.body)}`);
  const voteId = open.body.voteId;
  stats.votes++;
  await rig.voteOpened(voteId);

  const pressed = new Map<string, readonly number[]>();
  const free = [...rig.seats];
  for (let k = 0; k < opts.kills; k++) {
    const n = Math.min(free.length, 2 + Math.floor(random() * 5));
    const round: string[] = [];
    for (let i = 0; i < n; i++) round.push(free.splice(Math.floor(random() * free.length), 1)[0]!);
    for (const seat of round) {
      const r = random();
      const keys = r < 0.1 ? [1, 3] : [1 + Math.floor((r - 0.1) / 0.3)];
      pressed.set(seat, keys);
      rig.press(seat, keys);
      stats.presses++;
    }
    // The kill point: a seeded delay, from "before any answer" to "after all of them".
    // Skewed to the first few ms, where presses are on the wire or mid-commit.
    await sleep(Math.floor(random() ** 2 * 80));
    await rig.kill();
    stats.killPoints++;
    const acked = rig.acknowledged();
    const recorded = recordedSeats(rig.server().dataDir, voteId);
    const inFlight = round.filter((s) => !acked.has(s));
    stats.inFlightAtKill += inFlight.length;
    const where = `vote ${voteId} kill ${stats.killPoints}`;
    for (const s of acked) {
      if (recorded.has(s)) continue;
      stats.lost++;
      fail(`${where}: ${s} showed "registered" but is not recorded`);
    }
    for (const s of recorded) {
      if (!pressed.has(s)) {
        // Not pressed in this vote: a press of another vote (or none) counted here.
        stats.wrongVote++;
        fail(`${where}: ${s} recorded, never pressed in this vote`);
      } else if (!acked.has(s) && !inFlight.includes(s))
        fail(`${where}: ${s} recorded but neither acknowledged nor in flight`);
    }
    opts.log?.(
      `${rig.name} ${where}: pressed ${pressed.size} acked ${acked.size} recorded ${recorded.size} in flight ${inFlight.length}`,
    );
    await rig.start();
    await rig.redeliver();
    await until(
      () => [...pressed.keys()].every((s) => rig.acknowledged().has(s)),
      () =>
        `${where}: registered after the restart; missing ${[...pressed.keys()].filter((s) => !rig.acknowledged().has(s)).join(' ')}\n${rig.server().output()}`,
    );
  }
  stats.acknowledged += rig.acknowledged().size;
  const status = await call<{ pressed: number; state: string }>(rig, 'GET', '/api/votes/latest');
  if (status.body.state !== 'open') fail(`vote ${voteId} is ${status.body.state} after restarts`);
  stats.recorded += status.body.pressed;
  if (status.body.pressed !== pressed.size)
    fail(`vote ${voteId}: ${status.body.pressed} seats recorded, ${pressed.size} pressed`);
  const closed = await call<{ counts: Record<string, number>; invalid: number }>(
    rig,
    'POST',
    '/api/votes/latest/close',
  );
  const want: Record<string, number> = { satisfied: 0, 'basically-satisfied': 0, unsatisfied: 0 };
  let invalid = 0;
  for (const keys of pressed.values()) {
    if (keys.length > 1) invalid++;
    else want[OPTIONS[keys[0]! - 1]!]!++;
  }
  const got = closed.body.counts ?? {};
  const total = Object.values(got).reduce((a, b) => a + b, 0) + (closed.body.invalid ?? 0);
  if (total > pressed.size) stats.doubled += total - pressed.size;
  if (total < pressed.size) stats.lost += pressed.size - total;
  const split = OPTIONS.some((o) => (got[o] ?? 0) !== want[o]) || closed.body.invalid !== invalid;
  if (split || Object.keys(got).length !== OPTIONS.length) {
    // Same total, other split: a ballot counted as another's (a press of another event or vote).
    if (total === pressed.size) stats.wrongVote++;
    fail(
      `vote ${voteId}: counts ${JSON.stringify(got)} + ${closed.body.invalid} invalid, want ${JSON.stringify(want)} + ${invalid}`,
    );
  }
  const announced = await call(rig, 'POST', '/api/votes/latest/announce');
  if (announced.status !== 200) fail(`vote ${voteId} announce: ${announced.status}`);
}

/** `record export --all` and `record verify` against the hall's published key (CONTRACT.md §1, §5). */
export async function verifyChain(rig: Rig, stats: FaultStats): Promise<void> {
  const s = rig.server();
  const env = { HALL_OPERATOR_TOKEN: rig.token };
  const out = path.join(s.dataDir, 'fault-records.json');
  const exp = await hallCli(
    ['record', 'export', '--all', '--out', out, '--server', s.url, '--json'],
    env,
  );
  const key = await hallCli(['key', 'show', '--server', s.url, '--json'], env);
  if (exp.code !== 0 || key.code !== 0 || !existsSync(out)) {
    fail(stats, `${rig.name}: export/key show failed: ${exp.stderr}${key.stderr}`);
    return;
  }
  const { publicKey } = JSON.parse(key.stdout) as { publicKey: string };
  const v = await hallCli(['record', 'verify', out, '--public-key', publicKey, '--json'], env);
  const res = JSON.parse(v.stdout || '{}') as { valid?: boolean; records?: number };
  const records = (JSON.parse(readFileSync(out, 'utf8')) as unknown[]).length;
  if (v.code !== 0 || res.valid !== true || res.records !== records || records < stats.votes)
    fail(stats, `${rig.name}: chain not verified: ${v.stdout}${v.stderr}`);
  else stats.chainVerified = true;
}

function fail(stats: FaultStats, msg: string) {
  stats.violations.push(msg);
}

/** Run votes with 1-3 kill points each until `done()` says stop. */
export async function runFaultCycles(
  rig: Rig,
  opts: { seed: number; stats: FaultStats; done: () => boolean; log?: (s: string) => void },
): Promise<void> {
  const random = rng(opts.seed);
  while (!opts.done()) {
    const kills = 1 + Math.floor(random() * 3);
    await faultVote(rig, {
      kills,
      random,
      stats: opts.stats,
      ...(opts.log ? { log: opts.log } : {}),
    });
  }
}

export function summary(stats: FaultStats): string {
  return [
    `kill points ${stats.killPoints}`,
    `votes ${stats.votes}`,
    `presses made ${stats.presses}`,
    `acknowledged ${stats.acknowledged}`,
    `recorded ${stats.recorded}`,
    `in flight at a kill ${stats.inFlightAtKill}`,
    `lost ${stats.lost}`,
    `doubled ${stats.doubled}`,
    `wrong vote ${stats.wrongVote}`,
    `chain verified ${stats.chainVerified ? 'yes' : 'NO'}`,
  ].join('\n');
}
