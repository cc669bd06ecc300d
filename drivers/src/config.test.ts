// The hall config's bus object (CONTRACT.md §3) to a driver, with clear errors.
import { describe, expect, it } from 'vitest';
import { createDriver, parseAddresses } from './config';
import { MemoryLine } from './transport/memory-pair';

describe('parseAddresses', () => {
  it('reads single addresses and ranges', () => {
    expect(parseAddresses('1-3,7, 9 - 10')).toEqual([1, 2, 3, 7, 9, 10]);
    expect(parseAddresses('62,1-2')).toEqual([1, 2, 62]);
  });

  it.each([
    ['', /empty/],
    ['1-', /"1-" is not a number or a range/],
    ['a', /"a" is not a number/],
    ['0-3', /outside 1\.\.247/],
    ['240-248', /outside 1\.\.247/],
    ['5-3', /runs backwards/],
    ['1-3,2', /address 2 is listed twice/],
    ['1,,2', /"" is not a number/],
  ])('refuses %j', (text, message) => {
    expect(() => parseAddresses(text, 247)).toThrow(message);
  });
});

describe('createDriver', () => {
  const line = new MemoryLine();

  it('builds each kind', () => {
    expect(
      createDriver({ id: 'A', driver: 'modbus-rtu', path: '/dev/x', addresses: '1-60' }).kind,
    ).toBe('modbus-rtu');
    const w = createDriver(
      { id: 'W', driver: 'wireless-base', path: '', addresses: '1-20,31' },
      line.host,
    );
    expect([w.kind, w.busId]).toEqual(['wireless-base', 'W']);
  });

  it('names what is wrong', () => {
    const bus = { id: 'A', driver: 'modbus-rtu', path: '/dev/x', addresses: '1-60' } as const;
    expect(() => createDriver({ ...bus, addresses: '1-300' })).toThrow(/bus A: .*outside 1\.\.247/);
    expect(() => createDriver({ ...bus, baudRate: 14400 })).toThrow(/baud rate 14400/);
    expect(() => createDriver({ ...bus, id: 'A-1' })).toThrow(/bus id/);
    expect(() => createDriver({ ...bus, path: '' })).toThrow(/path is missing/);
    expect(() => createDriver({ ...bus, driver: 'can' as 'modbus-rtu' })).toThrow(
      /unknown driver "can"/,
    );
    expect(() => createDriver({ ...bus, options: { responseTimeoutMs: 0 } })).toThrow(
      /responseTimeoutMs/,
    );
  });
});
