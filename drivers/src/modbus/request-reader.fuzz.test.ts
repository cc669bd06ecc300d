// Fuzzing the unit-side request reader (SEAT-PROTOCOLS.md §1 "Framing"; used by the simulated
// seat units): >= 100,000 seeded streams. Never throws; every frame it returns is a CRC-good span
// of the bytes fed (an injected request, or one that random bytes formed by chance); bytes in =
// bytes in frames + bytes discarded + bytes pending; a request after garbage and a silent
// interval (§1 "Timing": frames end at the silence) is always read.
import { describe, expect, it } from 'vitest';
import {
  changeByte,
  chunks,
  concat,
  corruptEach,
  flipBit,
  indexOfBytes,
  int,
  randomBytes,
  runCases,
  sameBytes,
  truncate,
} from '../sim/fuzz-kit';
import type { Rng } from '../sim/fuzz-kit';
import { crcMatches, withCrc } from './crc16';
import { encodeRequest, READ_HOLDING, READ_INPUT, WRITE_MULTIPLE, WRITE_SINGLE } from './frames';
import { RequestReader } from './request-reader';

const CASES = 100_000;

/** A part of a burst: `frame` marks an injected request that reached the line intact. */
type Part = { bytes: Uint8Array; frame: boolean };

/** A valid request of one of the four functions (§1 "Framing"), fields in range. */
function validRequest(rng: Rng): Uint8Array {
  const address = int(rng, 0, 247);
  switch (int(rng, 0, 3)) {
    case 0:
    case 1: {
      const fn = rng() < 0.5 ? READ_INPUT : READ_HOLDING;
      return encodeRequest({ fn, address, start: int(rng, 0, 4), quantity: int(rng, 1, 5) });
    }
    case 2:
      return encodeRequest({
        fn: WRITE_SINGLE,
        address,
        register: int(rng, 0, 2),
        value: int(rng, 0, 0xffff),
      });
    default: {
      const n = rng() < 0.9 ? int(rng, 1, 3) : int(rng, 1, 123);
      const values = Array.from({ length: n }, () => int(rng, 0, 0xffff));
      return encodeRequest({ fn: WRITE_MULTIPLE, address, start: int(rng, 0, 2), values });
    }
  }
}

/** CRC good but fields out of range: the reader must still frame it (the unit answers it). */
function outOfRangeRequest(rng: Rng): Uint8Array {
  const address = int(rng, 0, 255);
  const pick = int(rng, 0, 2);
  if (pick === 0) {
    const quantity = rng() < 0.5 ? 0 : int(rng, 126, 0xffff); // §1 exception 0x03
    const fn = [READ_HOLDING, READ_INPUT, WRITE_SINGLE][int(rng, 0, 2)] ?? READ_INPUT;
    return withCrc([
      address,
      fn,
      int(rng, 0, 255),
      int(rng, 0, 255),
      quantity >> 8,
      quantity & 255,
    ]);
  }
  if (pick === 1) {
    const count = int(rng, 0, 255); // byte count not twice the quantity, up to 255
    return withCrc([
      address,
      WRITE_MULTIPLE,
      0,
      int(rng, 0, 255),
      0,
      int(rng, 0, 255),
      count,
      ...randomBytes(rng, count),
    ]);
  }
  let fn = int(rng, 0, 255); // another function: exception 0x01
  while ([READ_HOLDING, READ_INPUT, WRITE_SINGLE, WRITE_MULTIPLE].includes(fn))
    fn = int(rng, 0, 255);
  return withCrc([address, fn, ...randomBytes(rng, int(rng, 0, 12))]);
}

/** Bursts of one case; a silent interval (flush) follows each burst. */
function generate(rng: Rng, kind: number): { bursts: Part[][]; strict: boolean[] } {
  const frames = (n: number): Part[] =>
    Array.from({ length: n }, () => ({ bytes: validRequest(rng), frame: true }));
  const garbage = (max: number): Part => ({
    bytes: randomBytes(rng, int(rng, 0, max)),
    frame: false,
  });
  switch (kind) {
    case 0: // pure random bytes
      return { bursts: [[garbage(rng() < 0.01 ? 400 : 60)]], strict: [false] };
    case 1: {
      // single-byte corruption (a bit flip or a changed byte) of one frame among good ones
      const parts = frames(int(rng, 1, 6));
      const hit = parts[int(rng, 0, parts.length - 1)];
      if (hit) hit.bytes = rng() < 0.5 ? flipBit(rng, hit.bytes) : changeByte(rng, hit.bytes);
      if (hit) hit.frame = false;
      return { bursts: [parts], strict: [false] };
    }
    case 2: {
      // 1 % of the bytes corrupted: a frame still counts as intact if none of its bytes changed
      const parts = frames(int(rng, 1, 8)).map((p) => {
        const bytes = corruptEach(rng, p.bytes);
        return { bytes, frame: sameBytes(bytes, p.bytes) };
      });
      return { bursts: [parts], strict: [false] };
    }
    case 3: {
      // truncated frames among whole ones
      const parts = frames(int(rng, 1, 6)).map((p) =>
        rng() < 0.4 ? { bytes: truncate(rng, p.bytes), frame: false } : p,
      );
      return { bursts: [parts], strict: [false] };
    }
    case 4: {
      // frames interleaved with garbage, no silence between (fed in random chunks below)
      const parts = frames(int(rng, 1, 6)).flatMap((p) => [garbage(rng() < 0.5 ? 0 : 20), p]);
      return { bursts: [parts], strict: [false] };
    }
    case 5: // garbage, a silent interval, then a request: it is read (resync, strict)
      return { bursts: [[garbage(120)], frames(int(rng, 1, 3))], strict: [false, true] };
    case 6: // over-long input: a long run of garbage, or a 264-byte write with byte count 255
      return rng() < 0.5
        ? { bursts: [[garbage(rng() < 0.02 ? 1000 : 200)], frames(1)], strict: [false, true] }
        : {
            bursts: [[{ bytes: outOfRangeLong(rng), frame: true }, ...frames(2)]],
            strict: [true],
          };
    default: {
      // CRC good, fields out of range, mixed with valid frames; all of them are frames
      const parts = Array.from({ length: int(rng, 1, 5) }, () => ({
        bytes: rng() < 0.5 ? outOfRangeRequest(rng) : validRequest(rng),
        frame: true,
      }));
      return { bursts: [parts], strict: [false] };
    }
  }
}

function outOfRangeLong(rng: Rng): Uint8Array {
  return withCrc([int(rng, 1, 247), WRITE_MULTIPLE, 0, 0, 0, 127, 255, ...randomBytes(rng, 255)]);
}

const stats = { frames: 0, injected: 0, chance: 0, heldAtSilence: 0, overlapped: 0, bytes: 0 };

/** Feed one burst and check every frame returned against the bytes fed. */
function checkBurst(
  rng: Rng,
  reader: RequestReader,
  counters: Counters,
  parts: Part[],
  strict: boolean,
): void {
  const stream = concat(parts.map((p) => p.bytes));
  const discardedBefore = counters.discardedBytes;
  const got: Uint8Array[] = [];
  for (const chunk of chunks(rng, stream, 64, 0.05)) got.push(...reader.push(chunk));
  const pending = reader.pending;
  const framed = got.reduce((n, f) => n + f.length, 0);
  // Accounting: every byte is in a frame, discarded, or still buffered.
  expect(framed + counters.discardedBytes - discardedBefore + pending).toBe(stream.length);
  reader.flush();
  expect(reader.pending).toBe(0);
  expect(counters.discardedBytes - discardedBefore).toBe(stream.length - framed);

  const injected = new Map<number, Uint8Array>();
  let at = 0;
  for (const p of parts) {
    if (p.frame) injected.set(at, p.bytes);
    at += p.bytes.length;
  }
  const matched = new Set<number>();
  const chance: [number, number][] = [];
  let cursor = 0;
  for (const f of got) {
    expect(crcMatches(f, 0, f.length)).toBe(true);
    const pos = indexOfBytes(stream, f, cursor);
    expect(pos).toBeGreaterThanOrEqual(cursor); // a span of the bytes fed, in order
    const inj = injected.get(pos);
    if (inj && sameBytes(inj, f)) matched.add(pos);
    else chance.push([pos, pos + f.length]);
    cursor = pos + f.length;
  }
  if (strict) expect(got.map((f) => [...f])).toEqual(parts.map((p) => [...p.bytes]));
  // Every intact request is read, unless a chance frame overlapped it or it sat behind an
  // unknown function's bytes until the silent interval (real units would lose it the same way).
  for (const [pos, f] of injected) {
    stats.injected++;
    if (matched.has(pos)) continue;
    if (chance.some(([a, b]) => a < pos + f.length && pos < b)) stats.overlapped++;
    else if (pos >= stream.length - pending) stats.heldAtSilence++;
    else expect.fail(`request at ${pos} lost: ${Buffer.from(f).toString('hex')}`);
  }
  stats.frames += got.length;
  stats.chance += chance.length;
  stats.bytes += stream.length;
}

type Counters = { badChecksums: number; discardedBytes: number };

describe('modbus request reader fuzzing (§1 Framing)', () => {
  it(`${CASES} seeded streams: no exception, no phantom request, bytes accounted, resync`, () => {
    const ran = runCases(CASES, (rng, i) => {
      const counters = { badChecksums: 0, discardedBytes: 0 };
      const reader = new RequestReader(counters);
      const { bursts, strict } = generate(rng, i % 8);
      bursts.forEach((parts, b) => checkBurst(rng, reader, counters, parts, strict[b] ?? false));
    });
    expect(ran).toBeGreaterThanOrEqual(100_000);
    // Most intact requests are read even without a silence between them and the garbage.
    expect(stats.frames).toBeGreaterThan(stats.injected / 2);
    console.info('request-reader fuzz', { cases: ran, ...stats });
  });
});
