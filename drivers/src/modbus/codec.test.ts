// Every hex example of SEAT-PROTOCOLS.md §1 "Examples", encoded and decoded both ways.
import { describe, expect, it } from 'vitest';
import { crc16, withCrc } from './crc16';
import { encodeReply, encodeRequest, READ_INPUT, WRITE_MULTIPLE, WRITE_SINGLE } from './frames';
import { ReplyReader } from './reply-reader';
import { RequestReader } from './request-reader';

const hex = (s: string): Uint8Array => Uint8Array.from(s.split(' ').map((b) => parseInt(b, 16)));
const counters = () => ({ badChecksums: 0, discardedBytes: 0 });

describe('CRC-16/MODBUS', () => {
  it('has the standard check value for "123456789"', () => {
    expect(crc16(new TextEncoder().encode('123456789'))).toBe(0x4b37);
  });
  it('is appended low byte first', () => {
    expect([...withCrc([0x0c, 0x04, 0x00, 0x00, 0x00, 0x03])].slice(-2)).toEqual([0xb1, 0x16]);
  });
});

describe('§1 examples', () => {
  it('read input regs 0-2 of unit 12', () => {
    const req = { fn: READ_INPUT, address: 12, start: 0, quantity: 3 } as const;
    expect(encodeRequest(req)).toEqual(hex('0c 04 00 00 00 03 b1 16'));
    const reader = new ReplyReader(counters());
    reader.expect(req);
    expect(reader.push(hex('0c 04 06 00 05 00 2a 00 01 14 0b'))).toEqual({
      kind: 'registers',
      address: 12,
      fn: READ_INPUT,
      values: [5, 0x2a, 1],
    });
    expect(
      encodeReply({ kind: 'registers', address: 12, fn: READ_INPUT, values: [5, 0x2a, 1] }),
    ).toEqual(hex('0c 04 06 00 05 00 2a 00 01 14 0b'));
  });

  it('read input regs 0-3 of unit 12, with BOOT_ID', () => {
    const req = { fn: READ_INPUT, address: 12, start: 0, quantity: 4 } as const;
    expect(encodeRequest(req)).toEqual(hex('0c 04 00 00 00 04 f0 d4'));
    const reader = new ReplyReader(counters());
    reader.expect(req);
    const reply = hex('0c 04 08 00 05 00 2a 00 01 7c 3a a2 74');
    expect(reader.push(reply)).toEqual({
      kind: 'registers',
      address: 12,
      fn: READ_INPUT,
      values: [5, 0x2a, 1, 0x7c3a],
    });
    expect(
      encodeReply({ kind: 'registers', address: 12, fn: READ_INPUT, values: [5, 0x2a, 1, 0x7c3a] }),
    ).toEqual(reply);
  });

  it('broadcast MODE=2 TAG=42 LEDS=0', () => {
    const frame = hex('00 10 00 00 00 03 06 00 02 00 2a 00 00 bc 09');
    expect(encodeRequest({ fn: WRITE_MULTIPLE, address: 0, start: 0, values: [2, 42, 0] })).toEqual(
      frame,
    );
    expect(new RequestReader().push(frame)).toEqual([frame]);
  });

  it('unit 12 LEDS = key 1 + green', () => {
    const frame = hex('0c 06 00 02 00 81 e9 77');
    const req = { fn: WRITE_SINGLE, address: 12, register: 2, value: 0x81 } as const;
    expect(encodeRequest(req)).toEqual(frame);
    const reader = new ReplyReader(counters());
    reader.expect(req);
    expect(reader.push(frame)).toEqual({
      kind: 'write-single',
      address: 12,
      register: 2,
      value: 0x81,
    });
  });
});

describe('reply reader resynchronisation', () => {
  const req = { fn: READ_INPUT, address: 12, start: 0, quantity: 4 } as const;
  const reply = hex('0c 04 08 00 05 00 2a 00 01 7c 3a a2 74');

  it('skips garbage and takes the reply byte by byte', () => {
    const c = counters();
    const reader = new ReplyReader(c);
    reader.expect(req);
    const stream = [0xff, 0x0c, 0x99, ...reply];
    const got = stream.map((b) => reader.push(Uint8Array.of(b))).filter(Boolean);
    expect(got).toHaveLength(1);
    expect(c.discardedBytes).toBe(3);
  });

  it('counts a bad CRC and does not accept the frame', () => {
    const c = counters();
    const reader = new ReplyReader(c);
    reader.expect(req);
    const bad = reply.slice();
    bad[5] = 0x2b;
    expect(reader.push(bad)).toBeUndefined();
    expect(c.badChecksums).toBe(1);
  });

  it('ignores another unit and answers an exception', () => {
    const reader = new ReplyReader(counters());
    reader.expect(req);
    const other = encodeReply({
      kind: 'registers',
      address: 13,
      fn: READ_INPUT,
      values: [1, 2, 3, 4],
    });
    const ex = encodeReply({ kind: 'exception', address: 12, fn: READ_INPUT, code: 2 });
    expect(ex).toHaveLength(5);
    expect(reader.push(Uint8Array.from([...other, ...ex]))).toEqual({
      kind: 'exception',
      address: 12,
      fn: READ_INPUT,
      code: 2,
    });
  });

  it('rejects a write echo that does not match the request', () => {
    const reader = new ReplyReader(counters());
    reader.expect({ fn: WRITE_SINGLE, address: 12, register: 2, value: 0x80 });
    expect(reader.push(hex('0c 06 00 02 00 81 e9 77'))).toBeUndefined();
  });
});
