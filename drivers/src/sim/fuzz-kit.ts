/**
 * Test support for the parser fuzz tests (issue 15): a seeded case loop that names the seed of a
 * failing case, and the stream mutations the fuzzers share (chunking, bit flips, truncation).
 * Used only by *.fuzz.test.ts; nothing here runs in the drivers.
 */
import { seededRng, type Rng } from './random';

export { seededRng, type Rng } from './random';

/** Base seed: FUZZ_SEED=<n> reproduces a run; case i uses seed base + i. */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 0x15f022);

/** Run `count` cases, each with its own seeded generator; returns how many ran. */
export function runCases(count: number, run: (rng: Rng, index: number) => void): number {
  let done = 0;
  for (let i = 0; i < count; i++) {
    const seed = (FUZZ_SEED + i) >>> 0;
    try {
      run(seededRng(seed), i);
    } catch (err) {
      const msg = err instanceof Error ? err.message : String(err);
      throw new Error(`fuzz case ${i} failed (FUZZ_SEED=${FUZZ_SEED}, case seed ${seed}): ${msg}`, {
        cause: err,
      });
    }
    done++;
  }
  return done;
}

/** An integer in [min, max]. */
export function int(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

export function randomBytes(rng: Rng, length: number, alphabet?: Uint8Array): Uint8Array {
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) {
    out[i] = alphabet ? (alphabet[int(rng, 0, alphabet.length - 1)] ?? 0) : int(rng, 0, 255);
  }
  return out;
}

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** `stream` cut at random boundaries: 1-byte chunks with probability `single`, else 1 to `max`
 * bytes; one stream in ten is fed all at once. */
export function chunks(rng: Rng, stream: Uint8Array, max = 40, single = 0.3): Uint8Array[] {
  if (rng() < 0.1) return [stream];
  const out: Uint8Array[] = [];
  for (let at = 0; at < stream.length;) {
    const n = rng() < single ? 1 : int(rng, 1, max);
    out.push(stream.subarray(at, at + n));
    at += n;
  }
  return out;
}

/** A copy of `frame` with one bit flipped. */
export function flipBit(rng: Rng, frame: Uint8Array): Uint8Array {
  const out = frame.slice();
  const i = int(rng, 0, out.length - 1);
  out[i] = (out[i] ?? 0) ^ (1 << int(rng, 0, 7));
  return out;
}

/** A copy of `frame` with one byte replaced by a different value. */
export function changeByte(rng: Rng, frame: Uint8Array): Uint8Array {
  const out = frame.slice();
  const i = int(rng, 0, out.length - 1);
  out[i] = (out[i] ?? 0) ^ int(rng, 1, 255);
  return out;
}

/** A copy of `stream` with each byte changed with probability `p` (1 % by default). */
export function corruptEach(rng: Rng, stream: Uint8Array, p = 0.01): Uint8Array {
  const out = stream.slice();
  for (let i = 0; i < out.length; i++) if (rng() < p) out[i] = (out[i] ?? 0) ^ int(rng, 1, 255);
  return out;
}

/** `frame` cut short by 1 to length-1 bytes. */
export function truncate(rng: Rng, frame: Uint8Array): Uint8Array {
  return frame.subarray(0, int(rng, 1, Math.max(1, frame.length - 1)));
}

/** Offset of `needle` in `hay` at or after `from`, or -1. */
export function indexOfBytes(hay: Uint8Array, needle: Uint8Array, from = 0): number {
  outer: for (let i = from; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
