import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ensureConsolesBuilt } from '../support/consoles';
import { freePort } from '../support/hall-server';
import { REPO_ROOT } from '../support/paths';
import { ensureServerBuilt } from '../support/server-build';

/**
 * Issue 12 "Build": what the checkout ships runs with node and the production dependencies alone.
 * Only the shipped files are copied (the manifests and lock, server/dist, server/bin, the built
 * consoles; no TypeScript source), `npm ci --omit=dev` installs them, and the copy starts the
 * hall and runs the `hall` command.
 *
 * The native addons: @serialport/bindings-cpp ships its prebuilt binaries inside its npm package.
 * better-sqlite3 downloads its prebuilt binary from GitHub, which this hall's network cannot reach,
 * and then compiles from source with node-gyp (about 3½ minutes here on two cores). The checkout's
 * own `npm ci` compiled it already; the copy is handed that same binary (same version, same node
 * ABI, same platform) as a *local prebuild*, prebuild-install's own offline mechanism
 * (`npm_config_better_sqlite3_local_prebuilds`, as an air-gapped hall would be installed), so the
 * copy's install runs every install script for real but does not compile sqlite a second time.
 * HALL_INSTALL_TEST_COMPILE=1 leaves it out: the copy then compiles from source.
 */
const root = mkdtempSync(path.join(tmpdir(), 'hall-install-'));
const copy = path.join(root, 'hall');
const dataDir = path.join(root, 'data');
let server: ChildProcess | undefined;
let exited: Promise<void> | undefined;
let out = '';

/** The environment of a child process, without what an outer `npm test` put there for itself. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k)) env[k] = v;
  return { ...env, ...extra };
}

function run(
  cmd: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: copy, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The shipped files, and nothing of the sources. */
function copyShipped(): void {
  const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
    workspaces: string[];
  };
  const files = [
    'package.json',
    'package-lock.json',
    ...pkg.workspaces.map((w) => `${w}/package.json`),
  ];
  const dirs = ['server/dist', 'server/bin', 'chair-console/dist', 'terminal-ui/dist'];
  for (const f of [...files, ...dirs]) {
    mkdirSync(path.dirname(path.join(copy, f)), { recursive: true });
    cpSync(path.join(REPO_ROOT, f), path.join(copy, f), { recursive: true });
  }
}

/** better-sqlite3's binary from the checkout's install, packed as prebuild-install names it. */
function localPrebuilds(): Record<string, string> {
  if (process.env.HALL_INSTALL_TEST_COMPILE === '1') return {};
  const pkgDir = path.join(REPO_ROOT, 'node_modules', 'better-sqlite3');
  if (!existsSync(path.join(pkgDir, 'build', 'Release', 'better_sqlite3.node'))) return {};
  const { version } = JSON.parse(readFileSync(path.join(pkgDir, 'package.json'), 'utf8')) as {
    version: string;
  };
  const dir = path.join(root, 'prebuilds');
  mkdirSync(dir);
  const name = `better-sqlite3-v${version}-node-v${process.versions.modules}-${process.platform}-${process.arch}.tar.gz`;
  execFileSync('tar', [
    '-C',
    pkgDir,
    '-czf',
    path.join(dir, name),
    'build/Release/better_sqlite3.node',
  ]);
  return { npm_config_better_sqlite3_local_prebuilds: dir };
}

beforeAll(async () => {
  ensureServerBuilt();
  ensureConsolesBuilt();
  copyShipped();
  const ci = await run(
    'npm',
    ['ci', '--omit=dev', '--no-audit', '--no-fund', '--prefer-offline'],
    cleanEnv(localPrebuilds()),
  );
  if (ci.code !== 0) throw new Error(`npm ci --omit=dev failed:\n${ci.stdout}\n${ci.stderr}`);
}, 600_000);

afterAll(async () => {
  if (server && server.exitCode === null) {
    server.kill('SIGTERM');
    await exited;
  }
  rmSync(root, { recursive: true, force: true });
});

it('installs without the dev dependencies and no TypeScript source', () => {
  for (const dev of ['tsx', 'typescript', 'vitest', 'esbuild']) {
    expect(existsSync(path.join(copy, 'node_modules', dev)), dev).toBe(false);
  }
  expect(existsSync(path.join(copy, 'server', 'src'))).toBe(false);
  expect(existsSync(path.join(copy, 'node_modules', 'better-sqlite3', 'build', 'Release'))).toBe(
    true,
  );
});

it('starts the demo hall with node server/dist/server.js and answers', async () => {
  const port = await freePort();
  server = spawn('node', ['server/dist/server.js'], {
    cwd: copy,
    env: cleanEnv({
      HALL_DATA_DIR: dataDir,
      HALL_PORT: String(port),
      HALL_HOST: '127.0.0.1',
      HALL_LOG_LEVEL: 'warn',
    }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout!.on('data', (d: Buffer) => (out += d.toString('utf8')));
  server.stderr!.on('data', (d: Buffer) => (out += d.toString('utf8')));
  exited = new Promise((resolve) => server!.on('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const end = Date.now() + 60_000;
  let health: Response | undefined;
  while (!health) {
    if (server.exitCode !== null) throw new Error(`the installed hall exited:\n${out}`);
    try {
      health = await fetch(`${url}/api/health`);
    } catch {
      if (Date.now() > end) throw new Error(`the installed hall did not answer:\n${out}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  expect(health.status).toBe(200);
  expect(await health.json()).toMatchObject({ ok: true, hall: '演示会议厅' });
  // The built consoles are found from server/dist as from server/src.
  const page = await fetch(`${url}/`, { headers: { accept: 'text/html' } });
  expect(page.status).toBe(200);
  expect(await page.text()).toMatch(/<html/i);
  const terminal = await fetch(`${url}/terminal/`, { headers: { accept: 'text/html' } });
  expect(terminal.status).toBe(200);
}, 120_000);

it('runs the hall command: npx hall and npm run -s hall', async () => {
  const help = await run('npx', ['hall', '--help'], cleanEnv());
  expect(help.code, help.stderr).toBe(0);
  expect(help.stdout).toMatch(/usage: npm run -s hall -- </);
  const tally = await run(
    'npm',
    ['run', '-s', 'hall', '--', 'tally', '--profile', 'anhui-2013', '--members', '60'].concat([
      '--present',
      '58',
      '--counts',
      'satisfied=30',
      '--json',
    ]),
    cleanEnv(),
  );
  expect(tally.code, tally.stderr).toBe(0);
  expect(JSON.parse(tally.stdout)).toMatchObject({ profile: 'anhui-2013', outcome: 'satisfied' });
}, 120_000);
