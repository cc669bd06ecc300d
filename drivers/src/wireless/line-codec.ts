/**
 * Line framing of the wireless base (SEAT-PROTOCOLS.md §2 "Line"): `$BODY*HH\r\n`, `HH` the XOR
 * of the BODY bytes as two upper-case hex digits, at most 128 bytes a line. The reader never
 * throws: bytes outside a well-formed line are discarded and counted, a line with a wrong
 * checksum is counted and dropped, and a `$` always starts a new line (resynchronisation).
 */
import type { ReaderCounters } from '../modbus/reply-reader';

export const MAX_LINE = 128;
const DOLLAR = 0x24;
const STAR = 0x2a;
const CR = 0x0d;
const LF = 0x0a;

export function xorChecksum(body: string): number {
  let x = 0;
  for (let i = 0; i < body.length; i++) x ^= body.charCodeAt(i) & 0xff;
  return x;
}

const hex2 = (n: number): string => n.toString(16).toUpperCase().padStart(2, '0');

/** `$BODY*HH\r\n` for an ASCII body. */
export function encodeLine(body: string): string {
  return `$${body}*${hex2(xorChecksum(body))}\r\n`;
}

export type LineVerdict = { ok: true; body: string } | { ok: false; why: 'syntax' | 'checksum' };

/** Check one complete line (from `$` to `\n`). */
export function checkLine(line: Uint8Array): LineVerdict {
  const n = line.length;
  if (n > MAX_LINE || n < 6) return { ok: false, why: 'syntax' };
  if (line[0] !== DOLLAR || line[n - 2] !== CR || line[n - 1] !== LF || line[n - 5] !== STAR) {
    return { ok: false, why: 'syntax' };
  }
  let body = '';
  let x = 0;
  for (let i = 1; i < n - 5; i++) {
    const c = line[i] ?? 0;
    if (c < 0x20 || c > 0x7e || c === DOLLAR || c === STAR) return { ok: false, why: 'syntax' };
    body += String.fromCharCode(c);
    x ^= c;
  }
  const hh = String.fromCharCode(line[n - 4] ?? 0, line[n - 3] ?? 0);
  if (!/^[0-9A-F]{2}$/.test(hh)) return { ok: false, why: 'syntax' };
  if (parseInt(hh, 16) !== x) return { ok: false, why: 'checksum' };
  return { ok: true, body };
}

export class LineReader {
  private buf = new Uint8Array(0);

  constructor(private readonly counters: ReaderCounters) {}

  /** Feed bytes; returns the bodies of the good lines, in order. */
  push(bytes: Uint8Array): string[] {
    const b = new Uint8Array(this.buf.length + bytes.length);
    b.set(this.buf);
    b.set(bytes, this.buf.length);
    const bodies: string[] = [];
    let start = 0;
    while (start < b.length) {
      if (b[start] !== DOLLAR) {
        const next = b.indexOf(DOLLAR, start);
        const to = next < 0 ? b.length : next;
        this.counters.discardedBytes += to - start;
        start = to;
        continue;
      }
      const lf = b.indexOf(LF, start);
      const restart = b.indexOf(DOLLAR, start + 1);
      if (restart >= 0 && (lf < 0 || restart < lf)) {
        // A new line began before this one ended: the old one was cut short.
        this.counters.discardedBytes += restart - start;
        start = restart;
        continue;
      }
      if (lf < 0) {
        if (b.length - start > MAX_LINE) {
          this.counters.discardedBytes += b.length - start;
          start = b.length;
        }
        break;
      }
      const verdict = checkLine(b.subarray(start, lf + 1));
      if (verdict.ok) {
        bodies.push(verdict.body);
      } else {
        if (verdict.why === 'checksum') this.counters.badChecksums++;
        this.counters.discardedBytes += lf + 1 - start;
      }
      start = lf + 1;
    }
    this.buf = b.slice(start);
    return bodies;
  }
}
