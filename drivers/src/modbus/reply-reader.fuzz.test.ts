// fast-check: whatever bytes arrive, the reply reader never throws and only ever returns a reply
// whose exact frame (good CRC) was in the stream: no phantom key event (SEAT-PROTOCOLS.md §1).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeReply, READ_INPUT } from './frames';
import type { Reply } from './frames';
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
