/**
 * Master-side Modbus RTU reply reader. One request is in flight at a time (§1: half duplex, one
 * master), so the reader knows the one reply it may accept: the expected unit address and
 * function (or its exception), with the length that follows from the request. Anything else is
 * discarded byte by byte until a frame with a good CRC lines up (resynchronisation). It never
 * throws, whatever the bytes.
 */
import { crcMatches } from './crc16';
import { READ_HOLDING, READ_INPUT, WRITE_MULTIPLE, WRITE_SINGLE, word } from './frames';
import type { Reply, Request } from './frames';

export interface ReaderCounters {
  badChecksums: number;
  discardedBytes: number;
}

const MAX_BUFFER = 512;

export class ReplyReader {
  private buf = new Uint8Array(0);
  private expected: Request | undefined;

  constructor(private readonly counters: ReaderCounters) {}

  /** Begin waiting for the reply to `req`; bytes left over from before are discarded. */
  expect(req: Request | undefined): void {
    this.counters.discardedBytes += this.buf.length;
    this.buf = new Uint8Array(0);
    this.expected = req;
  }

  /** Feed received bytes; returns the expected reply once it is complete and its CRC is good. */
  push(bytes: Uint8Array): Reply | undefined {
    const req = this.expected;
    if (!req) {
      this.counters.discardedBytes += bytes.length;
      return undefined;
    }
    const joined = new Uint8Array(this.buf.length + bytes.length);
    joined.set(this.buf);
    joined.set(bytes, this.buf.length);
    this.buf = joined;
    let start = 0;
    for (;;) {
      const len = this.frameLength(req, start);
      if (len === 'discard') {
        start++;
        this.counters.discardedBytes++;
        continue;
      }
      if (len === 'wait' || this.buf.length - start < len) break;
      if (!crcMatches(this.buf, start, start + len)) {
        this.counters.badChecksums++;
        this.counters.discardedBytes++;
        start++;
        continue;
      }
      const reply = decode(req, this.buf.subarray(start, start + len));
      if (!reply) {
        this.counters.discardedBytes++;
        start++;
        continue;
      }
      this.counters.discardedBytes += this.buf.length - start - len;
      this.buf = new Uint8Array(0);
      this.expected = undefined;
      return reply;
    }
    this.buf = this.buf.slice(start);
    if (this.buf.length > MAX_BUFFER) {
      this.counters.discardedBytes += this.buf.length;
      this.buf = new Uint8Array(0);
    }
    return undefined;
  }

  /** Length of the candidate frame at `start`, or whether to wait for more or drop a byte. */
  private frameLength(req: Request, start: number): number | 'wait' | 'discard' {
    const b = this.buf;
    if (b.length - start < 2)
      return b.length > start && b[start] !== req.address ? 'discard' : 'wait';
    if (b[start] !== req.address) return 'discard';
    const fn = b[start + 1];
    if (fn === (req.fn | 0x80)) return 5;
    if (fn !== req.fn) return 'discard';
    if (req.fn === READ_HOLDING || req.fn === READ_INPUT) {
      if (b.length - start < 3) return 'wait';
      return b[start + 2] === req.quantity * 2 ? 5 + req.quantity * 2 : 'discard';
    }
    return 8;
  }
}

/** A frame with a good CRC, checked against the request it answers. */
function decode(req: Request, f: Uint8Array): Reply | undefined {
  const address = req.address;
  if ((f[1] ?? 0) & 0x80) return { kind: 'exception', address, fn: req.fn, code: f[2] ?? 0 };
  switch (req.fn) {
    case READ_HOLDING:
    case READ_INPUT: {
      const values: number[] = [];
      for (let i = 0; i < req.quantity; i++) values.push(word(f, 3 + i * 2));
      return { kind: 'registers', address, fn: req.fn, values };
    }
    case WRITE_SINGLE: {
      const register = word(f, 2);
      const value = word(f, 4);
      if (register !== req.register || value !== req.value) return undefined;
      return { kind: 'write-single', address, register, value };
    }
    case WRITE_MULTIPLE: {
      const start = word(f, 2);
      const quantity = word(f, 4);
      if (start !== req.start || quantity !== req.values.length) return undefined;
      return { kind: 'write-multiple', address, start, quantity };
    }
  }
}
