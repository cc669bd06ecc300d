// fast-check: whatever bytes arrive, the reply reader never throws and only ever returns a reply
// whose exact frame (good CRC) was in the stream: no phantom key event (SEAT-PROTOCOLS.md §1).
import fc from 'fast-check';
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
import { withCrc } from './crc16';
import { encodeReply, READ_HOLDING, READ_INPUT, WRITE_MULTIPLE, WRITE_SINGLE } from './frames';
import type { Reply, Request } from './frames';
import { ReplyReader } from './reply-reader';

const req = { fn: READ_INPUT, address: 12, start: 0, quantity: 4 } as const;

function contains(hay: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** Feed `stream` in chunks; collect every reply (re-arming after each one, like the master). */
function feed(stream: Uint8Array, cuts: number[]): Reply[] {
  const reader = new ReplyReader({ badChecksums: 0, discardedBytes: 0 });
  reader.expect(req);
  const out: Reply[] = [];
  let at = 0;
  for (const cut of [
    ...cuts.map((c) => c % (stream.length + 1)).sort((a, b) => a - b),
    stream.length,
  ]) {
    const r = reader.push(stream.subarray(at, Math.max(at, cut)));
    at = Math.max(at, cut);
    if (r) {
      out.push(r);
      reader.expect(req);
    }
  }
  return out;
}

const word = fc.integer({ min: 0, max: 0xffff });
const validReply = fc
  .tuple(word, word, fc.integer({ min: 0, max: 31 }), word)
  .map(([seq, tag, keys, boot]) =>
    encodeReply({ kind: 'registers', address: 12, fn: READ_INPUT, values: [seq, tag, keys, boot] }),
  );

const mutation = fc.oneof(
  fc.record({
    op: fc.constant('flip' as const),
    at: fc.nat(),
    xor: fc.integer({ min: 1, max: 255 }),
  }),
  fc.record({
    op: fc.constant('insert' as const),
    at: fc.nat(),
    xor: fc.integer({ min: 0, max: 255 }),
  }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), xor: fc.constant(0) }),
);

function mutate(
  bytes: number[],
  muts: { op: 'flip' | 'insert' | 'delete'; at: number; xor: number }[],
): Uint8Array {
  const b = [...bytes];
  for (const m of muts) {
    const i = b.length === 0 ? 0 : m.at % b.length;
    if (m.op === 'flip' && b.length) b[i] = (b[i] ?? 0) ^ m.xor;
    if (m.op === 'insert') b.splice(i, 0, m.xor);
    if (m.op === 'delete') b.splice(i, 1);
  }
  return Uint8Array.from(b);
}

function onlyRealFrames(stream: Uint8Array, replies: Reply[]): void {
  for (const r of replies) expect(contains(stream, encodeReply(r))).toBe(true);
}

describe('modbus reply reader fuzzing', () => {
  it('random streams: no exception, no phantom reply', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 400 }),
        fc.array(fc.nat(), { maxLength: 20 }),
        (stream, cuts) => {
          onlyRealFrames(stream, feed(stream, cuts));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('mutated streams of valid replies: no exception, no phantom reply, intact ones still read', () => {
    fc.assert(
      fc.property(
        fc.array(validReply, { minLength: 1, maxLength: 8 }),
        fc.array(mutation, { maxLength: 6 }),
        fc.array(fc.nat(), { maxLength: 10 }),
        (frames, muts, cuts) => {
          const clean = frames.flatMap((f) => [...f]);
          const stream = mutate(clean, muts);
          const replies = feed(stream, cuts);
          onlyRealFrames(stream, replies);
          // One request in flight: each intact reply, fed after its request, is read.
          if (muts.length === 0)
            expect(frames.flatMap((f) => feed(f, cuts))).toHaveLength(frames.length);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

// Bulk volume (issue 15): >= 100,000 seeded transactions of the master (§1: one request in
// flight; the reply is `address, function, ...` with a CRC-16/MODBUS, §1 "Framing").
const CASES = 100_000;

function randomRequest(rng: Rng): Request {
  const address = int(rng, 1, 247);
  switch (int(rng, 0, 3)) {
    case 0:
    case 1: {
      const quantity = rng() < 0.95 ? int(rng, 1, 5) : int(rng, 1, 125);
      const fn = rng() < 0.7 ? READ_INPUT : READ_HOLDING;
      return { fn, address, start: 0, quantity };
    }
    case 2:
      return { fn: WRITE_SINGLE, address, register: int(rng, 0, 2), value: int(rng, 0, 0xffff) };
    default: {
      const values = Array.from({ length: int(rng, 1, 3) }, () => int(rng, 0, 0xffff));
      return { fn: WRITE_MULTIPLE, address, start: int(rng, 0, 2), values };
    }
  }
}

/** The unit's good answer to `req`; register values are any 16-bit value (out of range too). */
function goodReply(rng: Rng, req: Request, exception = true): Uint8Array {
  const { address } = req;
  if (exception && rng() < 0.1)
    return encodeReply({ kind: 'exception', address, fn: req.fn, code: int(rng, 0, 255) });
  switch (req.fn) {
    case READ_HOLDING:
    case READ_INPUT: {
      const values = Array.from({ length: req.quantity }, () => int(rng, 0, 0xffff));
      return encodeReply({ kind: 'registers', address, fn: req.fn, values });
    }
    case WRITE_SINGLE:
      return encodeReply({
        kind: 'write-single',
        address,
        register: req.register,
        value: req.value,
      });
    case WRITE_MULTIPLE:
      return encodeReply({
        kind: 'write-multiple',
        address,
        start: req.start,
        quantity: req.values.length,
      });
  }
}

/** CRC good, but not the answer to `req`: another unit, a wrong byte count or a wrong echo. */
function wrongReply(rng: Rng, req: Request): Uint8Array {
  const body = [...goodReply(rng, req, false)].slice(0, -2);
  const read = req.fn === READ_HOLDING || req.fn === READ_INPUT;
  const i = rng() < 0.4 ? 0 : read ? 2 : int(rng, 2, 5);
  body[i] = (body[i] ?? 0) ^ int(rng, 1, 255);
  return withCrc(body);
}

/** One transaction: what the line carries, and the reply that must (or may not) be read. */
function transaction(
  rng: Rng,
  kind: number,
  req: Request,
): { stream: Uint8Array; want?: Uint8Array } {
  const reply = goodReply(rng, req);
  const junk = (max: number): Uint8Array => randomBytes(rng, int(rng, 0, max));
  switch (kind) {
    case 0: // pure random bytes
      return { stream: junk(rng() < 0.02 ? 600 : 60) };
    case 1: // one bit flipped or one byte changed: CRC-16 catches every such error
      return { stream: rng() < 0.5 ? flipBit(rng, reply) : changeByte(rng, reply) };
    case 2: {
      // 1 % of the bytes corrupted around and in the reply
      const stream = corruptEach(rng, concat([junk(30), reply, junk(10)]));
      return { stream, want: indexOfBytes(stream, reply) >= 0 ? reply : undefined };
    }
    case 3: // a truncated reply, then (a retry) the whole one
      return rng() < 0.5
        ? { stream: truncate(rng, reply) }
        : { stream: concat([truncate(rng, reply), reply]), want: reply };
    case 4: // garbage, the reply, garbage: resynchronised
      return { stream: concat([junk(40), reply, junk(20)]), want: reply };
    case 5: // over-long garbage before the reply (longer than the 512-byte buffer)
      return { stream: concat([junk(rng() < 0.1 ? 2000 : 600), reply]), want: reply };
    default: // CRC-valid frames that are not the answer, then the answer
      return { stream: concat([wrongReply(rng, req), wrongReply(rng, req), reply]), want: reply };
  }
}

const bulk = { transactions: 0, replies: 0, chance: 0, bytes: 0 };

describe('modbus reply reader bulk fuzzing (§1 Framing)', () => {
  it(`${CASES} seeded streams: no exception, no phantom reply, bytes accounted, resync`, () => {
    const ran = runCases(CASES, (rng, i) => {
      const counters = { badChecksums: 0, discardedBytes: 0 };
      const reader = new ReplyReader(counters);
      let total = 0;
      let framed = 0;
      for (let t = int(rng, 1, 3); t > 0; t--) {
        const req = randomRequest(rng);
        const { stream, want } = transaction(rng, i % 7, req);
        reader.expect(req);
        const got: Reply[] = [];
        for (const chunk of chunks(rng, stream)) {
          const r = reader.push(chunk);
          if (r) got.push(r);
        }
        expect(got.length).toBeLessThanOrEqual(1); // one reply per request in flight
        const r = got[0];
        if (want) expect(r && [...encodeReply(r)]).toEqual([...want]);
        else if (r) expect(indexOfBytes(stream, encodeReply(r))).toBeGreaterThanOrEqual(0);
        if (r && !(want && sameBytes(encodeReply(r), want))) bulk.chance++; // formed by chance
        if (r) framed += encodeReply(r).length;
        if (r) bulk.replies++;
        bulk.transactions++;
        total += stream.length;
      }
      reader.expect(undefined);
      // Accounting: every byte fed is in the reply read or counted as discarded.
      expect(framed + counters.discardedBytes).toBe(total);
      bulk.bytes += total;
    });
    expect(ran).toBeGreaterThanOrEqual(100_000);
    console.info('reply-reader fuzz', { cases: ran, ...bulk });
  });
});
