import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from './paths';
import { ensureServerBuilt } from './server-build';

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export function tempDataDir(prefix = 'hall-e2e-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

export interface HallServer {
  url: string;
  port: number;
  dataDir: string;
  /** A TLS hall: the hall CA (the data directory's public copy), for clients to trust. */
  ca?: string;
  env: Record<string, string>;
  /** The process group (npm and the node server under it). */
  pgid: number;
  output: () => string;
  /** SIGKILL the whole process group (npm, node): nothing gets to clean up. */
  kill(): Promise<void>;
  /** SIGTERM and wait for the exit. */
  stop(): Promise<void>;
}

/**
 * Start the hall server exactly as an operator does (`npm start` from the repository root) in
 * its own process group, and wait (bounded) until it answers.
 */
export async function startHallServer(opts: {
  dataDir: string;
  port: number;
  env?: Record<string, string>;
  /** The hall serves HTTPS (a configured hall without HALL_TLS=off): wait on https. */
  tls?: boolean;
}): Promise<HallServer> {
  ensureServerBuilt();
  const env = {
    HALL_DATA_DIR: opts.dataDir,
    HALL_PORT: String(opts.port),
    HALL_HOST: '127.0.0.1',
    HALL_LOG_LEVEL: 'warn',
    ...opts.env,
  };
  const child: ChildProcess = spawn('npm', ['start', '--silent'], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString('utf8')));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString('utf8')));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const url = `${opts.tls ? 'https' : 'http'}://127.0.0.1:${opts.port}`;
  const end = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`hall server exited early:\n${out}`);
    try {
      // Only "is it up?": whom the certificate is trusted by is each TLS test's own assertion.
      const status = opts.tls
        ? (await tlsRequest(`${url}/api/health`, { insecure: true })).status
        : (await fetch(`${url}/api/health`)).status;
      if (status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > end) throw new Error(`hall server did not come up:\n${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const group = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // already gone
    }
  };
  const caFile = path.join(opts.dataDir, 'hall-ca.crt');
  return {
    url,
    port: opts.port,
    dataDir: opts.dataDir,
    pgid: child.pid!,
    ...(opts.tls && existsSync(caFile) ? { ca: readFileSync(caFile, 'utf8') } : {}),
    env,
    output: () => out,
    async kill() {
      group('SIGKILL');
      await exited;
    },
    async stop() {
      group('SIGTERM');
      await exited;
    },
  };
}

/**
 * One request over HTTPS with node:https, trusting `ca` only (or nothing, `insecure`: only to
 * wait for a server to come up). Rejects with the TLS error when the certificate is refused.
 */
export function tlsRequest(
  url: string,
  opts: {
    ca?: string;
    insecure?: boolean;
    method?: string;
    headers?: Record<string, string>;
    body?: string;
  } = {},
): Promise<{
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(
      url,
      {
        method: opts.method ?? 'GET',
        headers: opts.headers ?? {},
        ...(opts.ca ? { ca: opts.ca } : {}),
        ...(opts.insecure ? { rejectUnauthorized: false } : {}),
        timeout: 60_000,
      },
      (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString('utf8')));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', reject);
    req.end(opts.body);
  });
}

/** A small JSON client of the hall API (over HTTPS trusting `server.ca` for a TLS hall). */
export async function api<T>(
  server: { url: string; ca?: string },
  method: 'GET' | 'POST',
  route: string,
  token: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  if (server.url.startsWith('https:')) {
    const res = await tlsRequest(`${server.url}${route}`, {
      ...(server.ca ? { ca: server.ca } : {}),
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    return { status: res.status, body: JSON.parse(res.text) as T };
  }
  const res = await fetch(`${server.url}${route}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, body: (await res.json()) as T };
}

export async function login(server: { url: string }, username: string, password: string) {
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}

/** A demo hall from `npm start` with the operator token, the technician logged in. */
export interface DemoHall {
  server: HallServer;
  /** The technician's token (presses simulated seats through POST /api/demo/press). */
  tech: string;
  /** The seats of the roster's members, in roster order. */
  memberSeats: string[];
}

export async function startDemoHall(token: string, prefix = 'hall-e2e-'): Promise<DemoHall> {
  const server = await startHallServer({
    dataDir: tempDataDir(prefix),
    port: await freePort(),
    env: { HALL_OPERATOR_TOKEN: token },
  });
  const tech = await login(server, 'technician', 'technician-demo');
  const roster = await api<{ entries: { role: string; seat: string | null }[] }>(
    server,
    'GET',
    '/api/roster',
    token,
  );
  const memberSeats = roster.body.entries
    .filter((e) => e.role === 'member' && e.seat)
    .map((e) => e.seat!);
  return { server, tech, memberSeats };
}

/** One serial line of a hall on ptys: the host side of a simulator's socat pair. */
export interface PtyLine {
  id: string;
  driver: 'modbus-rtu' | 'wireless-base';
  path: string;
  /** The seats' addresses on the line, as HALL_CONFIG spells them ("1-6"). */
  addresses: string;
}

/**
 * A configured hall whose buses are simulators on ptys (HALL_CONFIG, CONTRACT.md §3): writes
 * `hall.json` in the data directory and returns the environment that starts the hall on it
 * (plain HTTP: these suites are about the serial wiring; test/e2e/tls.test.ts covers HTTPS).
 */
export function ptyHallEnv(
  dataDir: string,
  token: string,
  lines: PtyLine[],
  hall = '常委会会议厅',
): Record<string, string> {
  const config = path.join(dataDir, 'hall.json');
  const buses = lines.map((l) => (l.driver === 'modbus-rtu' ? { ...l, baudRate: 115200 } : l));
  writeFileSync(config, JSON.stringify({ hall, buses }));
  return { HALL_OPERATOR_TOKEN: token, HALL_CONFIG: config, HALL_TLS: 'off' };
}
