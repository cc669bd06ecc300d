import { spawn } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/paths';
import { tempDataDir } from '../support/hall-server';
import { ensureServerBuilt } from '../support/server-build';

const dir = tempDataDir('hall-start-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function npmStart(env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  ensureServerBuilt();
  return new Promise((resolve) => {
    const child = spawn('npm', ['start', '--silent'], {
      cwd: REPO_ROOT,
      env: { ...process.env, HALL_DATA_DIR: dir, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (out += d.toString('utf8')));
    child.on('close', (code) => resolve({ code, out }));
  });
}

it('refuses to start with a bad hall config, naming the key', async () => {
  const config = path.join(dir, 'hall.json');
  writeFileSync(
    config,
    JSON.stringify({
      hall: 'h',
      buses: [{ id: 'A', driver: 'modbus-rtu', path: '/dev/x', addresses: '1-300' }],
    }),
  );
  const r = await npmStart({ HALL_CONFIG: config, HALL_PORT: '18089', HALL_TLS: 'off' });
  expect(r.code).not.toBe(0);
  expect(r.out).toMatch(
    /会场配置 buses\/0\/addresses：“1-300”超出 1-247 或起止颠倒 \/ hall config: buses\/0\/addresses: "1-300" is outside 1-247/,
  );
}, 60_000);

it('refuses to start with a bad port, naming the variable', async () => {
  const r = await npmStart({ HALL_PORT: 'eighty' });
  expect(r.code).not.toBe(0);
  expect(r.out).toMatch(/HALL_PORT: "eighty" is not a port number/);
}, 60_000);
