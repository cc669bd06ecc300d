import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { freePort } from '../support/hall-server';
import { REPO_ROOT } from '../support/paths';
import { ensureServerBuilt } from '../support/server-build';
import { sleep, type Bench, type Figure } from './bench';

/**
 * Issue 12 "Figures": the built hall's start-up, against node itself on the same machine in the
 * same run (so a loaded machine moves both). The hall command, start to exit, against a bare
 * `node -e 0` (target ≤ 4× and ≤ 200 ms); `npm start`, spawned as an operator does, to the first
 * answer of /api/health, against a fastify hello-world (target ≤ 3× and ≤ 2 s); the idle server's
 * memory against the hello-world's.
 */
const CLI_RUNS = 11;
const SERVER_RUNS = 5;
const IDLE_MS = 2000;
const TALLY = '--profile anhui-2013 --members 60 --present 58 --counts satisfied=30 --json';

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

/** The environment of a child, without what an outer `npm run bench` put there for itself. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k)) env[k] = v;
  return { ...env, ...extra };
}

/** Start to exit of one command, in ms; it must succeed. */
function timeToExit(cmd: string, args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(cmd, args, { cwd: REPO_ROOT, stdio: 'ignore' });
    child.on('error', reject);
    child.on('exit', (code) => {
      const ms = performance.now() - t0;
      if (code === 0) resolve(ms);
      else reject(new Error(`${cmd} ${args.join(' ')} exited ${code}`));
    });
  });
}

/** VmRSS in MB of the node process in process group `pgid` running `script`. */
function rssOf(pgid: number, script: string): number {
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const group = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      if (group !== pgid || !cmd[0]?.endsWith('node') || !cmd.some((a) => a.endsWith(script))) {
        continue;
      }
      const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]!;
      return Number(kb) / 1024;
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  throw new Error(`no node process running ${script} in group ${pgid}`);
}

/**
 * Spawn a server in its own process group, time spawn to the first 200 of /api/health, idle,
 * read the node process's memory, stop the group.
 */
async function serverStart(
  cmd: string,
  args: string[],
  script: string,
  env: Record<string, string>,
): Promise<{ ms: number; rssMb: number }> {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(cmd, args, {
    cwd: REPO_ROOT,
    env: cleanEnv({ ...env, HALL_PORT: String(port), PORT: String(port) }),
    stdio: 'ignore',
    detached: true,
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  try {
    const end = Date.now() + 60_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${cmd} ${args.join(' ')} exited early`);
      const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ok) break;
      if (Date.now() > end) throw new Error(`${cmd} ${args.join(' ')} did not answer`);
      await sleep(10);
    }
    const ms = performance.now() - t0;
    await sleep(IDLE_MS);
    return { ms, rssMb: rssOf(child.pid!, script) };
  } finally {
    process.kill(-child.pid!, 'SIGTERM');
    await exited;
  }
}

/** A fastify hello-world answering /api/health, from the repository's own fastify. */
function helloWorld(dir: string): string {
  const fastify = createRequire(path.join(REPO_ROOT, 'server', 'package.json')).resolve('fastify');
  const file = path.join(dir, 'hello.mjs');
  writeFileSync(
    file,
    `import Fastify from ${JSON.stringify(pathToFileURL(fastify).href)};
const app = Fastify();
app.get('/api/health', async () => ({ ok: true }));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.on('SIGTERM', () => app.close().then(() => process.exit(0)));
`,
  );
  return file;
}

export const startup: Bench = {
  name: `start-up of the built hall (medians: CLI of ${CLI_RUNS} runs, server of ${SERVER_RUNS})`,
  async run() {
    ensureServerBuilt();
    const bare: number[] = [];
    const help: number[] = [];
    const tally: number[] = [];
    for (let i = 0; i < CLI_RUNS; i++) {
      bare.push(await timeToExit('node', ['-e', '0']));
      help.push(await timeToExit('node', ['server/bin/hall.js', '--help']));
      tally.push(await timeToExit('node', ['server/bin/hall.js', 'tally', ...TALLY.split(' ')]));
    }
    const dir = mkdtempSync(path.join(tmpdir(), 'hall-bench-start-'));
    try {
      const hello = helloWorld(dir);
      const runs: Record<'hello' | 'npm' | 'node', { ms: number; rssMb: number }[]> = {
        hello: [],
        npm: [],
        node: [],
      };
      for (let i = 0; i < SERVER_RUNS; i++) {
        const hall = (n: string) => ({
          HALL_DATA_DIR: path.join(dir, `${n}-${i}`),
          HALL_HOST: '127.0.0.1',
          HALL_LOG_LEVEL: 'warn',
        });
        runs.hello.push(await serverStart('node', [hello], 'hello.mjs', {}));
        runs.npm.push(
          await serverStart('npm', ['start', '--silent'], 'server/dist/server.js', hall('npm')),
        );
        runs.node.push(
          await serverStart('node', ['server/dist/server.js'], 'server/dist/server.js', hall('n')),
        );
      }
      const ms = (k: keyof typeof runs) => median(runs[k].map((r) => r.ms));
      const rss = (k: keyof typeof runs) => median(runs[k].map((r) => r.rssMb));
      const nodeMs = median(bare);
      const cli = (label: string, xs: number[]): Figure => ({
        label,
        value: median(xs),
        unit: 'ms',
        reference: nodeMs,
        basis: 'bare node -e 0; target ≤ 4×, ≤ 200 ms',
        better: 'lower',
      });
      return [
        cli('hall --help, start to exit', help),
        cli('hall tally … --json, start to exit', tally),
        {
          label: 'npm start to first /api/health answer',
          value: ms('npm'),
          unit: 'ms',
          reference: ms('hello'),
          basis: 'fastify hello-world, node hello.mjs; target ≤ 3×, ≤ 2000 ms',
          better: 'lower',
        },
        {
          label: 'node server/dist/server.js to first answer',
          value: ms('node'),
          unit: 'ms',
          reference: ms('hello'),
          basis: 'fastify hello-world (without npm in front)',
          better: 'lower',
        },
        {
          label: `server RSS, demo hall idle ${IDLE_MS / 1000} s after answering`,
          value: rss('npm'),
          unit: 'MB',
          reference: rss('hello'),
          basis: 'fastify hello-world, the same',
          better: 'lower',
        },
      ];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
