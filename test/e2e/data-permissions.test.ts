import { spawn } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, tempDataDir } from '../support/hall-server';
import { REPO_ROOT } from '../support/paths';
import { ensureServerBuilt } from '../support/server-build';

/**
 * Issue 10 "File permissions": whatever the umask of whoever starts it, the hall's data and key
 * directories are 0700 and every file in them 0600; a data directory that group or others can
 * read is refused at start, naming the fix.
 */
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function start(dataDir: string, port: number) {
  ensureServerBuilt();
  const child = spawn('sh', ['-c', 'umask 000 && exec npm start --silent'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      HALL_DATA_DIR: dataDir,
      HALL_PORT: String(port),
      HALL_HOST: '127.0.0.1',
      HALL_LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
  child.stderr.on('data', (d: Buffer) => (out += d.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
  return { child, exited, output: () => out };
}

const modeOf = (p: string) => statSync(p).mode & 0o777;

describe('the data directory is private whatever the umask', () => {
  it('serves with a 0700 data and key directory and 0600 files, under umask 000', async () => {
    const dataDir = path.join(tempDataDir('hall-perm-'), 'data');
    dirs.push(path.dirname(dataDir), `${dataDir}-keys`);
    const port = await freePort();
    const s = start(dataDir, port);
    const end = Date.now() + 180_000;
    let up = false;
    while (!up && Date.now() < end && s.child.exitCode === null) {
      up = await fetch(`http://127.0.0.1:${port}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (!up) await new Promise((r) => setTimeout(r, 100));
    }
    expect(up, s.output()).toBe(true);
    try {
      for (const dir of [dataDir, `${dataDir}-keys`]) {
        expect(existsSync(dir), dir).toBe(true);
        expect(modeOf(dir).toString(8), dir).toBe('700');
        const files = readdirSync(dir);
        expect(files.length, dir).toBeGreaterThan(0);
        for (const f of files) {
          expect(modeOf(path.join(dir, f)).toString(8), `${dir}/${f}`).toMatch(/^[67]00$/);
        }
      }
      expect(modeOf(path.join(dataDir, 'hall.db')).toString(8)).toBe('600');
    } finally {
      process.kill(-s.child.pid!, 'SIGTERM');
      await s.exited;
    }
  }, 240_000);

  it('refuses to start on a data directory that others can read, naming chmod 700', async () => {
    const dataDir = tempDataDir('hall-perm-open-');
    dirs.push(dataDir, `${dataDir}-keys`);
    chmodSync(dataDir, 0o755);
    const s = start(dataDir, await freePort());
    const code = await s.exited;
    expect(code).not.toBe(0);
    expect(s.output()).toMatch(
      new RegExp(`数据目录 ${dataDir} 的权限为 755.*chmod 700 '${dataDir}'.* / the data directory`),
    );
  }, 180_000);
});
