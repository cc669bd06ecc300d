import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb } from '../db/open-db';
import { encodeCount } from '../db/schema';
import { hallFixture, MEMBER_SEATS, type HallFixture } from '../testing/hall-fixture';

/**
 * The repeated-copy attack (DOMAIN.md "Secrecy is a hard requirement", server/SECRECY.md): an
 * attacker copies EVERYTHING under the data directory after every commit, and also in the middle
 * of every press transaction (the moment the rollback journal holds the before-images), and knows
 * which seat pressed in each commit (the gallery sees hands; allowed). Each press is its own
 * commit: a lone press in a quiet hall, the worst case for group commit.
 *
 * The attacker is generic: for each press, the features are what changed between consecutive
 * copies: (file, byte offset) and (file, byte offset, new byte value), a file that appears or goes
 * away included. A naive Bayes classifier is trained on presses with known choices and tested on
 * held-out presses. With three options chance is 1/3.
 */

const KEYS: Record<string, number> = { satisfied: 1, 'basically-satisfied': 2, unsatisfied: 3 };
const OPTIONS = Object.keys(KEYS);
const VOTES = 6;

/** A seeded generator, so choices, orders and the split are the same on every run. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: readonly T[], r: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

type Copy = Map<string, Buffer>;

/** A copy of every file under `dir` (recursively), as the attacker's `cp -r` would take it. */
function copyDir(dir: string): Copy {
  const out: Copy = new Map();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = path.join(d, name);
      if (!existsSync(p)) continue; // the journal went away while we listed
      if (statSync(p).isDirectory()) walk(p);
      else {
        try {
          out.set(path.relative(dir, p), readFileSync(p));
        } catch {
          // gone between stat and read: the attacker simply did not get it
        }
      }
    }
  };
  walk(dir);
  return out;
}

/**
 * Feature ids: a file's index, a byte offset (or none: the file appeared or went away) and the
 * new value; a file missing from a copy reads as empty.
 */
class Features {
  private files = new Map<string, number>();
  private fileId(name: string): number {
    let id = this.files.get(name);
    if (id === undefined) this.files.set(name, (id = this.files.size));
    return id;
  }

  /** What changed from copy `a` to copy `b`: (file, offset) and (file, offset, new value). */
  diff(a: Copy, b: Copy, into: Set<number>): void {
    for (const name of new Set([...a.keys(), ...b.keys()])) {
      const x = a.get(name);
      const y = b.get(name);
      const fid = this.fileId(name) * 2 ** 33;
      if (!x || !y) into.add(fid + (y ? 1 : 2)); // appeared / went away
      if (!y) continue; // nothing to read in a file that is gone
      const xa = x ?? Buffer.alloc(0);
      const n = Math.max(xa.length, y.length);
      for (let off = 0; off < n; off++) {
        const u = off < xa.length ? xa[off]! : -1;
        const v = off < y.length ? y[off]! : -1;
        if (u === v) continue;
        const base = fid + 2 ** 32 + (off + 1) * 512;
        into.add(base); // this offset changed
        into.add(base + 1 + (v + 1)); // ... to this value
      }
    }
  }
}

interface Sample {
  features: Set<number>;
  label: string;
}

/**
 * The classifier: keep the K features that point most clearly at one label in training (seen at
 * least 5 times, at least 90% of them with one label; the most frequent first), then Bernoulli
 * naive Bayes over them (Laplace smoothing, uniform prior):
 * score(c) = Σ_f log(1 − p_fc) + Σ_{f ∈ x} log(p_fc / (1 − p_fc)).
 * (Without the selection, the thousands of bytes of journal pages that differ press by press
 * drown the few bytes that carry the choice: naive Bayes then misses even plaintext counters.)
 * Returns the accuracy on `test`.
 */
function classify(train: Sample[], test: Sample[], K = 64): number {
  const classes = [...new Set(train.map((s) => s.label))].sort();
  const C = classes.length;
  const n = new Float64Array(C);
  const counts = new Map<number, Uint32Array>();
  for (const s of train) {
    const c = classes.indexOf(s.label);
    n[c]!++;
    for (const f of s.features) {
      let m = counts.get(f);
      if (!m) counts.set(f, (m = new Uint32Array(C)));
      m[c]!++;
    }
  }
  const chosen = [...counts.entries()]
    .map(([f, m]) => ({ f, m, support: m.reduce((a, b) => a + b, 0) }))
    .filter(({ m, support }) => support >= 5 && Math.max(...m) >= 0.9 * support)
    .sort((x, y) => y.support - x.support)
    .slice(0, K);
  const p = (m: Uint32Array, c: number) => (m[c]! + 1) / (n[c]! + 2);
  const base = new Float64Array(C);
  for (const { m } of chosen) for (let c = 0; c < C; c++) base[c]! += Math.log(1 - p(m, c));
  let right = 0;
  for (const s of test) {
    let best = 0;
    let bestScore = -Infinity;
    for (let c = 0; c < C; c++) {
      let score = base[c]!;
      for (const { f, m } of chosen) {
        if (!s.features.has(f)) continue;
        const q = p(m, c);
        score += Math.log(q / (1 - q));
      }
      if (score > bestScore) [best, bestScore] = [c, score];
    }
    if (classes[best] === s.label) right++;
  }
  return right / test.length;
}

/**
 * Train on every other press and test on the rest (the presses of every vote are in both
 * halves, as an attacker who learns the choices of some presses of a sitting would have them).
 */
function attack(samples: Sample[]): { accuracy: number; heldOut: number } {
  const train = samples.filter((_, i) => i % 2 === 0);
  const test = samples.filter((_, i) => i % 2 === 1);
  return { accuracy: classify(train, test), heldOut: test.length };
}

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0)) await c();
});

/**
 * Presses one at a time through `press(seat, choice, mid)`, where `mid` is to be called inside
 * the press's transaction; the attacker copies `dir` before, in the middle and after.
 */
function observe(
  dir: string,
  presses: { seat: string; choice: string }[],
  press: (seat: string, choice: string, mid: () => void) => void,
  features: Features,
): Sample[] {
  const out: Sample[] = [];
  let prev = copyDir(dir);
  for (const p of presses) {
    let mid: Copy | undefined;
    press(p.seat, p.choice, () => (mid = copyDir(dir)));
    const after = copyDir(dir);
    const f = new Set<number>();
    if (mid) {
      features.diff(prev, mid, f);
      features.diff(mid, after, f);
    } else features.diff(prev, after, f);
    out.push({ features: f, label: p.choice });
    prev = after;
  }
  return out;
}

describe('the repeated-copy attack on the data directory', () => {
  it('learns nothing of lone presses from a copy after every commit and inside every commit', async () => {
    const f: HallFixture = await hallFixture();
    cleanup.push(() => f.close());
    const r = rng(2026);
    f.hall.startSession('第十四届常委会第十次会议');
    f.hall.openCheckin();
    for (const seat of MEMBER_SEATS) f.press(seat, [1]);
    f.flush();
    f.hall.closeCheckin();

    // A copy in the middle of the press transaction: the journal holds the before-images then.
    const votes = f.hall.votes;
    const recordBallot = votes.recordBallot.bind(votes);
    let mid: (() => void) | null = null;
    votes.recordBallot = (seat, memberId, option) => {
      recordBallot(seat, memberId, option);
      mid?.();
    };

    const features = new Features();
    const samples: Sample[] = [];
    let sawJournal = 0;
    for (let v = 1; v <= VOTES; v++) {
      const voteId = votes.open({ title: `第${v}项报告`, profile: 'anhui-2013' });
      const keyFiles = readdirSync(f.keyDir).filter((n) => n.startsWith('ballot-'));
      expect(keyFiles).toHaveLength(1);
      const key = readFileSync(path.join(f.keyDir, keyFiles[0]!));
      const presses = shuffle(MEMBER_SEATS, r).map((seat) => ({
        seat,
        choice: OPTIONS[Math.floor(r() * OPTIONS.length)]!,
      }));
      const seen = observe(
        f.dir,
        presses,
        (seat, choice, m) => {
          mid = () => {
            m();
            if (existsSync(path.join(f.dir, 'hall.db-journal'))) sawJournal++;
          };
          f.press(seat, [KEYS[choice]!]);
          f.flush();
          mid = null;
          expect(f.lamp(seat)).toBe('registered');
        },
        features,
      );
      samples.push(...seen);
      // The key is never under the data directory, not in any file, not in any copy.
      for (const [name, bytes] of copyDir(f.dir)) {
        expect(bytes.indexOf(key), `ballot key inside ${name}`).toBe(-1);
      }
      votes.close();
      votes.announce();
      // After close: no key file, no slot of this vote, nothing that could open a ballot.
      expect(readdirSync(f.keyDir).filter((n) => n.startsWith('ballot-'))).toEqual([]);
      expect(
        f.hall.db.prepare('SELECT count(*) AS n FROM vote_ballots WHERE vote_id = ?').get(voteId),
      ).toEqual({ n: 0 });
    }
    expect(sawJournal).toBeGreaterThan(0); // the in-transaction copies did catch the journal
    const { accuracy, heldOut } = attack(samples);
    console.info(`copy attack on the hall: ${heldOut} held-out presses, accuracy ${accuracy}`);
    expect(heldOut).toBeGreaterThanOrEqual(150);
    expect(accuracy).toBeLessThan(0.5);
  }, 180_000);

  it('is not a blind attacker: against plaintext counters (the old design) it reads every press', () => {
    // The same settings and the same tables as the hall, written the way version 1 did: a
    // press commits `vote_seats.pressed` 0 → 1 together with its option's counter + 1.
    const dir = mkdtempSync(path.join(tmpdir(), 'hall-counters-'));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    const db = openDb(dir);
    cleanup.push(() => {
      db.close();
    });
    const r = rng(99);
    const features = new Features();
    const samples: Sample[] = [];
    for (let v = 1; v <= 3; v++) {
      db.transaction(() => {
        db.prepare(
          `INSERT INTO votes (vote_id, session_id, title, profile_json, tag, members, state,
             opened_at) VALUES (?, 1, 't', '{}', ?, 60, 'open', 'x')`,
        ).run(v, v);
        for (const s of [...MEMBER_SEATS].sort())
          db.prepare('INSERT INTO vote_seats VALUES (?, ?, 0)').run(v, s);
        for (const o of [...OPTIONS, 'invalid'].sort())
          db.prepare('INSERT INTO vote_counts VALUES (?, ?, ?)').run(v, o, encodeCount(0));
      })();
      const counts = new Map(OPTIONS.map((o) => [o, 0]));
      const presses = shuffle(MEMBER_SEATS, r).map((seat) => ({
        seat,
        choice: OPTIONS[Math.floor(r() * OPTIONS.length)]!,
      }));
      samples.push(
        ...observe(
          dir,
          presses,
          (seat, choice, mid) => {
            db.transaction(() => {
              db.prepare('UPDATE vote_seats SET pressed = 1 WHERE vote_id = ? AND seat = ?').run(
                v,
                seat,
              );
              counts.set(choice, counts.get(choice)! + 1);
              db.prepare('UPDATE vote_counts SET n = ? WHERE vote_id = ? AND option = ?').run(
                encodeCount(counts.get(choice)!),
                v,
                choice,
              );
              mid();
            })();
          },
          features,
        ),
      );
    }
    const { accuracy } = attack(samples);
    console.info(`copy attack on plaintext counters: accuracy ${accuracy}`);
    expect(accuracy).toBeGreaterThan(0.8); // chance is 1/3
  });
});
