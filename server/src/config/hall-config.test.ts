import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readEnv } from './env';
import { loadHallConfig, validateHallConfig } from './hall-config';

const bus = { id: 'A', driver: 'modbus-rtu', path: '/dev/ttyUSB0', addresses: '1-60' };

describe('hall config (CONTRACT.md §3): errors name the key', () => {
  it('reads the contract example, with seats and the default quorum', () => {
    const c = validateHallConfig({
      hall: '常委会会议厅',
      buses: [
        { ...bus, baudRate: 115200 },
        { id: 'W', driver: 'wireless-base', path: '/dev/ttyACM0', addresses: '1-20,31' },
      ],
    });
    expect(c.seats).toHaveLength(81);
    expect(c.seats).toContain('W-31');
    expect(c.quorum).toEqual({ num: 1, den: 2, comparison: 'more-than' });
  });

  it.each([
    [{ buses: [bus] }, /hall config: hall: /],
    [{ hall: 'h', buses: [] }, /hall config: buses: /],
    [{ hall: 'h', buses: [{ ...bus, driver: 'rs232' }] }, /hall config: buses\/0\/driver/],
    [
      { hall: 'h', buses: [{ ...bus, addresses: '0-3' }] },
      /^会场配置 buses\/0\/addresses：“0-3”超出 1-247 或起止颠倒 \/ hall config: buses\/0\/addresses: "0-3" is outside 1-247/,
    ],
    [
      { hall: 'h', buses: [{ ...bus, addresses: '1-x' }] },
      /buses\/0\/addresses: "1-x" is not an address/,
    ],
    [
      { hall: 'h', buses: [bus, bus] },
      /^会场配置 buses\/1\/id：总线“A”重复 \/ hall config: buses\/1\/id: bus "A" twice$/,
    ],
    [
      { hall: 'h', buses: [{ id: 'A', driver: 'modbus-rtu', addresses: '1' }] },
      /buses\/0\/path: required/,
    ],
    [
      { hall: 'h', buses: [bus], quorum: { num: 3, den: 2, comparison: 'more-than' } },
      /^会场配置 quorum：比例大于 1 \/ hall config: quorum: the fraction is above 1$/,
    ],
    [{ hall: 'h', buses: [bus], quorum: { num: 1, den: 2 } }, /hall config: quorum/],
    [{ hall: 'h', buses: [bus], colour: 'red' }, /hall config: colour/],
  ])('refuses %j', (data, message) => {
    expect(() => validateHallConfig(data)).toThrow(message);
  });

  it('takes a configured quorum (two thirds, at least)', () => {
    const c = validateHallConfig({
      hall: 'h',
      buses: [bus],
      quorum: { num: 2, den: 3, comparison: 'at-least' },
    });
    expect(c.quorum).toEqual({ num: 2, den: 3, comparison: 'at-least' });
  });

  it('names the file when it is not JSON or not there', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hall-config-'));
    const file = path.join(dir, 'hall.json');
    writeFileSync(file, '{"hall": ');
    expect(() => loadHallConfig(file)).toThrow(/hall.json: not JSON/);
    expect(() => loadHallConfig(path.join(dir, 'none.json'))).toThrow(/none.json: cannot read/);
  });
});

describe('environment (CONTRACT.md §2)', () => {
  it('defaults to port 8080, ./data and the demo hall', () => {
    const env = readEnv({});
    expect(env).toMatchObject({ port: 8080, demo: true, operatorToken: undefined });
    expect(env.dataDir).toBe(path.resolve('./data'));
    expect(env.config.seats).toHaveLength(70);
  });

  it('refuses a bad port, naming the variable', () => {
    expect(() => readEnv({ HALL_PORT: 'eighty' })).toThrow(
      'HALL_PORT：“eighty”不是 1-65535 之间的端口号 / HALL_PORT: "eighty" is not a port number',
    );
    expect(() => readEnv({ HALL_PORT: '70000' })).toThrow(/HALL_PORT/);
  });
});
