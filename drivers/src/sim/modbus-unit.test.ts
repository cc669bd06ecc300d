// The simulated unit answers as SEAT-PROTOCOLS.md §1 says: registers, last event only, reset,
// and the exceptions in the sheet's order.
import { describe, expect, it } from 'vitest';
import { withCrc } from '../modbus/crc16';
import {
  encodeRequest,
  READ_HOLDING,
  READ_INPUT,
  WRITE_MULTIPLE,
  WRITE_SINGLE,
} from '../modbus/frames';
import { SimUnit } from './modbus-unit';
import { seededRng } from './random';

const unit = () => new SimUnit(12, seededRng(7));

describe('SimUnit', () => {
  it('keeps only the last key event', () => {
    const u = unit();
    u.voteTag = 42;
    u.press([1]);
    u.press([1, 3]);
    const r = u.handle(encodeRequest({ fn: READ_INPUT, address: 12, start: 0, quantity: 4 }));
    expect(r).toEqual({
      kind: 'registers',
      address: 12,
      fn: READ_INPUT,
      values: [2, 42, 0b101, u.boot],
    });
  });

  it('wraps EVENT_SEQ from 65535 to 1', () => {
    const u = unit();
    u.seq = 0xffff;
    u.press([2]);
    expect(u.seq).toBe(1);
  });

  it('reset clears holding and event registers and picks a new BOOT_ID', () => {
    const u = unit();
    const boot = u.boot;
    u.handle(encodeRequest({ fn: WRITE_MULTIPLE, address: 12, start: 0, values: [2, 42, 0x80] }));
    u.press([1]);
    u.reset();
    expect([u.seq, u.eventTag, u.eventKeys, u.mode, u.voteTag, u.leds]).toEqual([0, 0, 0, 0, 0, 0]);
    expect(u.boot).not.toBe(boot);
    expect(u.boot).not.toBe(0);
  });

  it('answers exceptions in the order 0x01, 0x03 (quantity), 0x02, 0x03 (value)', () => {
    const u = unit();
    const code = (f: Uint8Array) => {
      const r = u.handle(f);
      return r?.kind === 'exception' ? r.code : undefined;
    };
    expect(code(withCrc([12, 0x05, 0, 0, 0, 1]))).toBe(1);
    expect(code(encodeRequest({ fn: READ_INPUT, address: 12, start: 9, quantity: 0 }))).toBe(3);
    expect(code(encodeRequest({ fn: READ_INPUT, address: 12, start: 9, quantity: 126 }))).toBe(3);
    expect(code(encodeRequest({ fn: READ_INPUT, address: 12, start: 3, quantity: 3 }))).toBe(2);
    expect(code(encodeRequest({ fn: READ_HOLDING, address: 12, start: 0, quantity: 4 }))).toBe(2);
    expect(code(encodeRequest({ fn: WRITE_SINGLE, address: 12, register: 3, value: 9 }))).toBe(2);
    expect(code(encodeRequest({ fn: WRITE_SINGLE, address: 12, register: 0, value: 4 }))).toBe(3);
    expect(code(encodeRequest({ fn: WRITE_SINGLE, address: 12, register: 2, value: 0x20 }))).toBe(
      3,
    );
    expect(code(encodeRequest({ fn: WRITE_SINGLE, address: 12, register: 2, value: 0x100 }))).toBe(
      3,
    );
    // byte count not twice the quantity, with a register out of range too: 0x03 comes first.
    expect(code(withCrc([12, 0x10, 0, 2, 0, 2, 2, 0, 1]))).toBe(3);
    expect(
      code(encodeRequest({ fn: WRITE_MULTIPLE, address: 12, start: 2, values: [0x80, 1] })),
    ).toBe(2);
    expect(code(encodeRequest({ fn: WRITE_MULTIPLE, address: 12, start: 0, values: [5, 1] }))).toBe(
      3,
    );
    expect(u.mode).toBe(0);
  });

  it('reads UNIT_INFO and writes LEDS', () => {
    const u = new SimUnit(3, seededRng(1), 5, 2);
    expect(
      u.handle(encodeRequest({ fn: READ_INPUT, address: 3, start: 4, quantity: 1 })),
    ).toMatchObject({
      values: [0x0205],
    });
    expect(
      u.handle(encodeRequest({ fn: WRITE_SINGLE, address: 3, register: 2, value: 0x9f })),
    ).toMatchObject({
      kind: 'write-single',
    });
    expect(u.leds).toBe(0x9f);
  });
});
