/**
 * Modbus RTU frames of the seat units (SEAT-PROTOCOLS.md §1 "Framing"): the four functions the
 * units support, encoded with their CRC. Encoding never throws: callers pass checked values.
 */
import { withCrc } from './crc16';

export const READ_HOLDING = 0x03;
export const READ_INPUT = 0x04;
export const WRITE_SINGLE = 0x06;
export const WRITE_MULTIPLE = 0x10;
export const BROADCAST = 0;

/** Input registers (§1 "Input registers"). */
export const IREG = {
  EVENT_SEQ: 0,
  EVENT_TAG: 1,
  EVENT_KEYS: 2,
  BOOT_ID: 3,
  UNIT_INFO: 4,
} as const;
/** Holding registers (§1 "Holding registers"). */
export const HREG = { MODE: 0, VOTE_TAG: 1, LEDS: 2 } as const;
/** LEDS bits (§1): bit 0-4 key LEDs, bit 7 green "registered", bit 6 red "not accepted". */
export const LED_GREEN = 0x80;
export const LED_RED = 0x40;

export type ReadFunction = typeof READ_HOLDING | typeof READ_INPUT;

export type Request =
  | { fn: ReadFunction; address: number; start: number; quantity: number }
  | { fn: typeof WRITE_SINGLE; address: number; register: number; value: number }
  | { fn: typeof WRITE_MULTIPLE; address: number; start: number; values: number[] };

export type Reply =
  | { kind: 'registers'; address: number; fn: ReadFunction; values: number[] }
  | { kind: 'write-single'; address: number; register: number; value: number }
  | { kind: 'write-multiple'; address: number; start: number; quantity: number }
  | { kind: 'exception'; address: number; fn: number; code: number };

const hi = (v: number): number => (v >>> 8) & 0xff;
const lo = (v: number): number => v & 0xff;

export function encodeRequest(req: Request): Uint8Array {
  switch (req.fn) {
    case READ_HOLDING:
    case READ_INPUT:
      return withCrc([req.address, req.fn, hi(req.start), lo(req.start), 0, req.quantity]);
    case WRITE_SINGLE:
      return withCrc([
        req.address,
        req.fn,
        hi(req.register),
        lo(req.register),
        hi(req.value),
        lo(req.value),
      ]);
    case WRITE_MULTIPLE: {
      const n = req.values.length;
      const data = req.values.flatMap((v) => [hi(v), lo(v)]);
      return withCrc([req.address, req.fn, hi(req.start), lo(req.start), 0, n, n * 2, ...data]);
    }
  }
}

/** The unit side of a reply (used by the simulator). */
export function encodeReply(reply: Reply): Uint8Array {
  switch (reply.kind) {
    case 'registers':
      return withCrc([
        reply.address,
        reply.fn,
        reply.values.length * 2,
        ...reply.values.flatMap((v) => [hi(v), lo(v)]),
      ]);
    case 'write-single':
      return withCrc([
        reply.address,
        WRITE_SINGLE,
        hi(reply.register),
        lo(reply.register),
        hi(reply.value),
        lo(reply.value),
      ]);
    case 'write-multiple':
      return withCrc([
        reply.address,
        WRITE_MULTIPLE,
        hi(reply.start),
        lo(reply.start),
        hi(reply.quantity),
        lo(reply.quantity),
      ]);
    case 'exception':
      return withCrc([reply.address, (reply.fn | 0x80) & 0xff, reply.code]);
  }
}

/** Big-endian 16-bit word at `offset`. */
export function word(bytes: Uint8Array, offset: number): number {
  return ((bytes[offset] ?? 0) << 8) | (bytes[offset + 1] ?? 0);
}
