// Every line of SEAT-PROTOCOLS.md §2 "Examples": checksum, framing and fields.
import { describe, expect, it } from 'vitest';
import { checkLine, encodeLine, LineReader, xorChecksum } from './line-codec';
import { encodeBaseBody, encodeHostBody, parseBaseMessage, parseHostMessage } from './messages';
import type { BaseMessage, HostMessage } from './messages';

const bytes = (s: string): Uint8Array => Buffer.from(s, 'latin1');
const body = (line: string): string => line.slice(1, line.indexOf('*'));

const BASE_LINES: [string, BaseMessage][] = [
  [
    '$HELLO,WB-1,2.1,3,1024,7C3A*78',
    { t: 'HELLO', model: 'WB-1', firmware: '2.1', keys: 3, capacity: 1024, boot: '7C3A' },
  ],
  ['$MODEOK,002A,OPEN*60', { t: 'MODEOK', tag: 42, mode: 'open' }],
  [
    '$KEY,7C3A,17,12,002A,1*3A',
    { t: 'KEY', boot: '7C3A', seq: 17, keypad: 12, tag: 42, keys: [1] },
  ],
  ['$LEDOK,12*66', { t: 'LEDOK', keypad: 12 }],
  [
    '$KEY,7C3A,18,40,002A,13*01',
    { t: 'KEY', boot: '7C3A', seq: 18, keypad: 40, tag: 42, keys: [1, 3] },
  ],
  ['$STAT,12,87,-61*18', { t: 'STAT', keypad: 12, battery: 87, rssi: -61 }],
  ['$NAK,CHK*28', { t: 'NAK', code: 'CHK' }],
];

const HOST_LINES: [string, HostMessage][] = [
  ['$MODE,002A,OPEN*64', { t: 'MODE', tag: 42, mode: 'open' }],
  ['$ACK,7C3A,17*49', { t: 'ACK', boot: '7C3A', seq: 17 }],
  ['$LED,12,1,G*14', { t: 'LED', keypad: 12, keys: [1], lamp: 'G' }],
  ['$LED,40,,R*37', { t: 'LED', keypad: 40, keys: [], lamp: 'R' }],
];

describe('§2 example lines', () => {
  it.each(BASE_LINES)('base line %s', (line, msg) => {
    expect(encodeLine(body(line))).toBe(`${line}\r\n`);
    expect(checkLine(bytes(`${line}\r\n`))).toEqual({ ok: true, body: body(line) });
    expect(parseBaseMessage(body(line))).toEqual(msg);
    expect(encodeBaseBody(msg)).toBe(body(line));
  });

  it.each(HOST_LINES)('host line %s', (line, msg) => {
    expect(encodeLine(encodeHostBody(msg))).toBe(`${line}\r\n`);
    expect(parseHostMessage(body(line))).toEqual(msg);
  });

  it('$INFO is checksummed like any line', () => {
    expect(xorChecksum('INFO')).toBe(0x0e);
    expect(encodeLine(encodeHostBody({ t: 'INFO' }))).toBe('$INFO*0E\r\n');
  });
});

describe('line reader', () => {
  const c = () => ({ badChecksums: 0, discardedBytes: 0 });

  it('reads lines split anywhere and skips noise before them', () => {
    const counters = c();
    const r = new LineReader(counters);
    const stream = 'xx\r\n$KEY,7C3A,17,12,002A,1*3A\r\n$STAT,12,87,-61*18\r\n';
    const got = [...stream].flatMap((ch) => r.push(bytes(ch)));
    expect(got).toEqual(['KEY,7C3A,17,12,002A,1', 'STAT,12,87,-61']);
    expect(counters.discardedBytes).toBe(4);
  });

  it('drops a wrong checksum and counts it', () => {
    const counters = c();
    const r = new LineReader(counters);
    expect(r.push(bytes('$KEY,7C3A,17,12,002A,2*3A\r\n$LEDOK,12*66\r\n'))).toEqual(['LEDOK,12']);
    expect(counters.badChecksums).toBe(1);
  });

  it('rejects lower-case hex, a missing *HH, a missing \\r and lines over 128 bytes', () => {
    const counters = c();
    const r = new LineReader(counters);
    const long = `$${'A'.repeat(130)}*00\r\n`;
    expect(
      r.push(bytes('$NAK,CHK*2a\r\n$NAK,CHK\r\n$NAK,CHK*28\n' + long + '$NAK,CHK*28\r\n')),
    ).toEqual(['NAK,CHK']);
  });

  it('resynchronises on a $ inside a cut-off line', () => {
    const r = new LineReader(c());
    expect(r.push(bytes('$KEY,7C3A,1$LEDOK,12*66\r\n'))).toEqual(['LEDOK,12']);
  });

  it('accepts a line of exactly 128 bytes and refuses 129', () => {
    const fill = (n: number) => `NAK,${'X'.repeat(n - 10)}`;
    const ok = encodeLine(fill(128));
    expect(ok).toHaveLength(128);
    expect(checkLine(bytes(ok)).ok).toBe(true);
    expect(checkLine(bytes(encodeLine(fill(129)))).ok).toBe(false);
  });
});

describe('message fields', () => {
  it.each([
    'KEY,7C3A,0,12,002A,1',
    'KEY,7C3A,65536,12,002A,1',
    'KEY,7C3A,17,4096,002A,1',
    'KEY,7c3a,17,12,002A,1',
    'KEY,0000,17,12,002A,1',
    'KEY,7C3A,17,12,002A,31',
    'KEY,7C3A,17,12,002A,11',
    'KEY,7C3A,17,12,002A,',
    'KEY,7C3A,17,12,002A,6',
    'KEY,7C3A,017,12,002A,1',
    'KEY,7C3A,17,12,2A,1',
    'KEY,7C3A,17,12,002A,1,9',
    'HELLO,WB-1,2.1,3,1024',
    'MODEOK,002A,VOTING',
    'FOO,1',
  ])('refuses %s', (b) => {
    expect(parseBaseMessage(b)).toBeUndefined();
  });

  it('answers NAK codes for bad host lines', () => {
    expect(parseHostMessage('ACK,7C3A')).toBe('SYN');
    expect(parseHostMessage('LED,12,1,X')).toBe('SYN');
    expect(parseHostMessage('HELLO')).toBe('UNK');
  });
});
