// fast-check: whatever bytes arrive, the line reader never throws, and a KEY message only ever
// comes out of a well-formed line with a good checksum that was in the stream (§2).
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

// Bulk volume (issue 15): >= 100,000 seeded streams of base lines (§2 "Line": `$BODY*HH\r\n`, HH
// the XOR of BODY, at most 128 bytes; §2 "Base to host" for the KEY fields).
const CASES = 100_000;
const hex4 = (n: number): string => n.toString(16).toUpperCase().padStart(4, '0');

function keyBody(rng: Rng): string {
  const keys = [1, 2, 3, 4, 5].filter(() => rng() < 0.4);
  return encodeBaseBody({
    t: 'KEY',
    boot: hex4(int(rng, 1, 0xffff)),
    seq: int(rng, 1, 0xffff),
    keypad: int(rng, 1, 4095),
    tag: int(rng, 0, 0xffff),
    keys: keys.length ? keys : [int(rng, 1, 5)],
  });
}

/** Checksum good, KEY fields out of range (§2): a line, but no key event. */
function badKeyBody(rng: Rng): string {
  const f = keyBody(rng).split(',');
  const bad = [
    () =>
      (f[1] = hex4(int(rng, 0, 0xffff))
        .toLowerCase()
        .replace(/^\d{4}$/, 'abcd')),
    () => (f[2] = rng() < 0.5 ? '0' : String(int(rng, 65536, 999999))),
    () => (f[3] = rng() < 0.5 ? '0' : String(int(rng, 4096, 99999))),
    () => (f[4] = 'XYZ1'),
    () => (f[5] = ['', '0', '6', '31', '11', '123456'][int(rng, 0, 5)] ?? ''),
    () => f.push('1'),
  ];
  bad[int(rng, 0, bad.length - 1)]?.();
  return f.join(',');
}

const latin1 = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s, 'latin1'));
const ALPHABET = latin1('$*\r\n,KEY0123456789ABCDEF');

/** `line`: an injected line that reached the stream intact; `key`: it carries a key event. */
type Part = { bytes: Uint8Array; line: boolean; key?: boolean };

function generate(rng: Rng, kind: number): Part[] {
  const lines = (n: number): Part[] =>
    Array.from({ length: n }, () => ({
      bytes: latin1(encodeLine(keyBody(rng))),
      line: true,
      key: true,
    }));
  const junk = (max: number): Part => ({
    bytes: randomBytes(rng, int(rng, 0, max), rng() < 0.5 ? ALPHABET : undefined),
    line: false,
  });
  switch (kind) {
    case 0: // pure random bytes (half of them from the line alphabet)
      return [junk(rng() < 0.02 ? 800 : 120)];
    case 1: // one bit flipped or one byte changed: the XOR checksum catches it
      return lines(int(rng, 1, 5)).map((p) =>
        rng() < 0.4
          ? { bytes: rng() < 0.5 ? flipBit(rng, p.bytes) : changeByte(rng, p.bytes), line: false }
          : p,
      );
    case 2: // 1 % of the bytes corrupted; a line untouched is intact
      return lines(int(rng, 1, 8)).map((p) => {
        const bytes = corruptEach(rng, p.bytes);
        return { ...p, bytes, line: sameBytes(bytes, p.bytes) };
      });
    case 3: // truncated lines among whole ones
      return lines(int(rng, 1, 6)).map((p) =>
        rng() < 0.4 ? { bytes: truncate(rng, p.bytes), line: false } : p,
      );
    case 4: // lines interleaved with garbage
      return lines(int(rng, 1, 6)).flatMap((p) => [junk(40), p]);
    case 5: {
      // over-long: 129+ bytes with a good checksum, a `$` and 1000 bytes without `\n`, then a line
      const long = `STAT,1,2,${'9'.repeat(int(rng, 111, 300))}`;
      const dollarRun = concat([latin1('$'), randomBytes(rng, 1000, latin1('ABC,0123'))]);
      return [
        { bytes: rng() < 0.5 ? latin1(encodeLine(long)) : dollarRun, line: false },
        ...lines(2),
      ];
    }
    default: // good checksum, KEY fields out of range: a line, but no key event
      return Array.from({ length: int(rng, 1, 5) }, () =>
        rng() < 0.5
          ? { bytes: latin1(encodeLine(badKeyBody(rng))), line: true, key: false }
          : (lines(1)[0] ?? junk(1)),
      );
  }
}

const bulk = { lines: 0, keys: 0, chance: 0, chanceKeys: 0, bytes: 0 };

describe('wireless line reader bulk fuzzing (§2 Line)', () => {
  it(`${CASES} seeded streams: no exception, no phantom key, bytes accounted, resync`, () => {
    const ran = runCases(CASES, (rng, i) => {
      const counters = { badChecksums: 0, discardedBytes: 0 };
      const reader = new LineReader(counters);
      const parts = generate(rng, i % 7);
      const stream = concat(parts.map((p) => p.bytes));
      const bodies: string[] = [];
      for (const chunk of chunks(rng, stream)) bodies.push(...reader.push(chunk));
      // Flush: 200 bytes with no `$` nor `\n` end any pending line (over 128 bytes, §2).
      bodies.push(...reader.push(new Uint8Array(200).fill(0x78)));
      const framed = bodies.reduce((n, b) => n + encodeLine(b).length, 0);
      expect(framed + counters.discardedBytes).toBe(stream.length + 200);

      const injected = new Map<number, Part>();
      let at = 0;
      for (const p of parts) {
        if (p.line) injected.set(at, p);
        at += p.bytes.length;
      }
      let cursor = 0;
      const matched = new Set<number>();
      for (const body of bodies) {
        const line = latin1(encodeLine(body));
        const pos = indexOfBytes(stream, line, cursor);
        expect(pos).toBeGreaterThanOrEqual(cursor); // a line of the stream, in order
        const inj = injected.get(pos);
        const real = inj !== undefined && sameBytes(inj.bytes, line);
        if (real) matched.add(pos);
        else bulk.chance++;
        const m = parseBaseMessage(body);
        if (m?.t === 'KEY') bulk.keys++;
        if (real) expect(m?.t === 'KEY').toBe(inj.key === true); // fields out of range: no key
        // No phantom key: a KEY comes only from an injected line (or, in the random and
        // multi-byte-corrupted streams, a checksum-good line that really is in the stream).
        if (m?.t === 'KEY' && !real) {
          bulk.chanceKeys++;
          expect([0, 2]).toContain(i % 7);
        }
        cursor = pos + line.length;
      }
      // Resync: every intact line is read, whatever came before it.
      for (const pos of injected.keys()) expect(matched.has(pos)).toBe(true);
      bulk.lines += bodies.length;
      bulk.bytes += stream.length;
    });
    expect(ran).toBeGreaterThanOrEqual(100_000);
    console.info('line-reader fuzz', { cases: ran, ...bulk });
  });
});
