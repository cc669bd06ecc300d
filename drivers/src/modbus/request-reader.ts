/**
 * Unit-side Modbus RTU request reader (the simulator's half of §1 "Framing"). Real units find
 * frame ends by the silent interval; over a byte stream the length follows from the function
 * code (0x03/0x04/0x06: 8 bytes, 0x10: 9 + byte count). For an unknown function the shortest
 * span with a good CRC is the frame, so the unit can still answer exception 0x01. A bad CRC
 * drops one byte and the search goes on (a unit ignores a bad frame, §1). Never throws.
 */
import { crcMatches } from './crc16';
import { READ_HOLDING, READ_INPUT, WRITE_MULTIPLE, WRITE_SINGLE } from './frames';
import type { ReaderCounters } from './reply-reader';

const MAX_FRAME = 256;

export class RequestReader {
  private buf = new Uint8Array(0);

  constructor(private readonly counters: ReaderCounters = { badChecksums: 0, discardedBytes: 0 }) {}

  /** Feed bytes; returns every complete frame with a good CRC, in order. */
  push(bytes: Uint8Array): Uint8Array[] {
    const joined = new Uint8Array(this.buf.length + bytes.length);
    joined.set(this.buf);
    joined.set(bytes, this.buf.length);
    const b = joined;
    const frames: Uint8Array[] = [];
    let start = 0;
    while (b.length - start >= 4) {
      const len = frameLength(b, start);
      if (len === 'wait') break;
      if (len !== 'discard' && crcMatches(b, start, start + len)) {
        frames.push(b.slice(start, start + len));
        start += len;
        continue;
      }
      if (len !== 'discard') this.counters.badChecksums++;
      this.counters.discardedBytes++;
      start++;
    }
    this.buf = b.slice(start);
    return frames;
  }

  /** The line went silent: whatever is buffered is not a frame (§1 silent interval). */
  flush(): void {
    this.counters.discardedBytes += this.buf.length;
    this.buf = new Uint8Array(0);
  }

  get pending(): number {
    return this.buf.length;
  }
}

function frameLength(b: Uint8Array, start: number): number | 'wait' | 'discard' {
  const avail = b.length - start;
  const fn = b[start + 1];
  if (fn === READ_HOLDING || fn === READ_INPUT || fn === WRITE_SINGLE)
    return avail >= 8 ? 8 : 'wait';
  if (fn === WRITE_MULTIPLE) {
    if (avail < 7) return 'wait';
    const len = 9 + (b[start + 6] ?? 0);
    return avail >= len ? len : 'wait';
  }
  for (let len = 4; len <= Math.min(avail, MAX_FRAME); len++) {
    if (crcMatches(b, start, start + len)) return len;
  }
  return avail >= MAX_FRAME ? 'discard' : 'wait';
}
