import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * The attacker of the repeated-copy attack (server/src/votes/copy-attack.test.ts): it copies
 * everything under the data directory, turns what changed between consecutive copies into
 * features, and classifies held-out presses with naive Bayes.
 */

/** A seeded generator, so choices, orders and the split are the same on every run. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle<T>(items: readonly T[], r: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export type Copy = Map<string, Buffer>;

/** A copy of every file under `dir` (recursively), as the attacker's `cp -r` would take it. */
export function copyDir(dir: string): Copy {
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
export class Features {
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

export interface Sample {
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
export function classify(train: Sample[], test: Sample[], K = 64): number {
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
export function attack(samples: Sample[]): { accuracy: number; heldOut: number } {
  const train = samples.filter((_, i) => i % 2 === 0);
  const test = samples.filter((_, i) => i % 2 === 1);
  return { accuracy: classify(train, test), heldOut: test.length };
}

/**
 * Presses one at a time through `press(seat, choice, mid)`, where `mid` is to be called inside
 * the press's transaction; the attacker copies `dir` before, in the middle and after.
 */
export function observe(
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
