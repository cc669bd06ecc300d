// fast-check: whatever bytes arrive, the line reader never throws, and a KEY message only ever
// comes out of a well-formed line with a good checksum that was in the stream (§2).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeLine, LineReader } from './line-codec';
import { encodeBaseBody, parseBaseMessage } from './messages';

function feed(stream: Uint8Array, cuts: number[]): string[] {
  const reader = new LineReader({ badChecksums: 0, discardedBytes: 0 });
  const out: string[] = [];
  let at = 0;
  for (const cut of [
    ...cuts.map((c) => c % (stream.length + 1)).sort((a, b) => a - b),
    stream.length,
  ]) {
    out.push(...reader.push(stream.subarray(at, Math.max(at, cut))));
    at = Math.max(at, cut);
  }
  return out;
}

const keyLine = fc
  .record({
    boot: fc.integer({ min: 1, max: 0xffff }),
    seq: fc.integer({ min: 1, max: 0xffff }),
    keypad: fc.integer({ min: 1, max: 4095 }),
    tag: fc.integer({ min: 0, max: 0xffff }),
    keys: fc.subarray([1, 2, 3, 4, 5], { minLength: 1 }),
  })
  .map((k) =>
    encodeLine(
      encodeBaseBody({ t: 'KEY', ...k, boot: k.boot.toString(16).toUpperCase().padStart(4, '0') }),
    ),
  );

function noPhantomKeys(stream: Uint8Array, bodies: string[]): void {
  const text = Buffer.from(stream).toString('latin1');
  for (const body of bodies) {
    expect(text.includes(encodeLine(body))).toBe(true);
    const m = parseBaseMessage(body);
    if (m?.t === 'KEY') expect(text.includes(encodeLine(encodeBaseBody(m)))).toBe(true);
  }
}

describe('wireless line reader fuzzing', () => {
  it('random streams: no exception, only real lines', () => {
    const alphabet = fc.constantFrom(...Buffer.from('$*\r\n,KEY0123456789ABCDEF', 'latin1'));
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 400 }),
          fc.array(alphabet, { maxLength: 400 }).map((a) => Uint8Array.from(a)),
        ),
        fc.array(fc.nat(), { maxLength: 20 }),
        (stream, cuts) => noPhantomKeys(stream, feed(stream, cuts)),
      ),
      { numRuns: 2000 },
    );
  });

  it('mutated KEY lines: no exception, no phantom key, intact lines still read', () => {
    fc.assert(
      fc.property(
        fc.array(keyLine, { minLength: 1, maxLength: 8 }),
        fc.array(
          fc.record({
            at: fc.nat(),
            byte: fc.integer({ min: 0, max: 255 }),
            op: fc.constantFrom('set', 'insert', 'delete'),
          }),
          { maxLength: 6 },
        ),
        fc.array(fc.nat(), { maxLength: 10 }),
        (lines, muts, cuts) => {
          const b = [...Buffer.from(lines.join(''), 'latin1')];
          for (const m of muts) {
            const i = m.at % b.length;
            if (m.op === 'set') b[i] = m.byte;
            else if (m.op === 'insert') b.splice(i, 0, m.byte);
            else b.splice(i, 1);
          }
          const stream = Uint8Array.from(b);
          const bodies = feed(stream, cuts);
          noPhantomKeys(stream, bodies);
          if (muts.length === 0) expect(bodies.map(encodeLine)).toEqual(lines);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
