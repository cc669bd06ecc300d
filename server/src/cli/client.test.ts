import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultServerUrl, hallCaFile } from './client';
import type { CliIo } from './io';

const ioWith = (env: Record<string, string>, cwd = '/nowhere'): CliIo => ({
  stdout: () => {},
  stderr: () => {},
  env,
  cwd,
});

describe('the default --server', () => {
  it('is http for the demo hall and with HALL_TLS=off, https for a configured hall', () => {
    expect(defaultServerUrl({})).toBe('http://127.0.0.1:8080');
    expect(defaultServerUrl({ HALL_PORT: '9000' })).toBe('http://127.0.0.1:9000');
    expect(defaultServerUrl({ HALL_CONFIG: 'hall.json' })).toBe('https://127.0.0.1:8080');
    expect(defaultServerUrl({ HALL_CONFIG: 'hall.json', HALL_TLS: 'on' })).toBe(
      'https://127.0.0.1:8080',
    );
    expect(defaultServerUrl({ HALL_CONFIG: 'hall.json', HALL_TLS: 'off', HALL_PORT: '81' })).toBe(
      'http://127.0.0.1:81',
    );
  });
});

describe('the hall CA the CLI trusts', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('is HALL_CA_FILE, else the data directory’s copy, else the key directory’s', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'hall-cli-ca-'));
    dirs.push(root);
    expect(hallCaFile(ioWith({ HALL_CA_FILE: 'x.crt' }, root))).toEqual({
      file: path.join(root, 'x.crt'),
      given: true,
    });
    expect(hallCaFile(ioWith({}, root))).toBeNull();
    mkdirSync(path.join(root, 'data-keys'));
    writeFileSync(path.join(root, 'data-keys', 'hall-ca.crt'), 'k');
    expect(hallCaFile(ioWith({}, root))?.file).toBe(path.join(root, 'data-keys', 'hall-ca.crt'));
    mkdirSync(path.join(root, 'data'));
    writeFileSync(path.join(root, 'data', 'hall-ca.crt'), 'd');
    expect(hallCaFile(ioWith({}, root))?.file).toBe(path.join(root, 'data', 'hall-ca.crt'));
    mkdirSync(path.join(root, 'keys'));
    writeFileSync(path.join(root, 'keys', 'hall-ca.crt'), 'k');
    expect(
      hallCaFile(ioWith({ HALL_DATA_DIR: path.join(root, 'none'), HALL_KEY_DIR: 'keys' }, root))
        ?.file,
    ).toBe(path.join(root, 'keys', 'hall-ca.crt'));
  });
});
