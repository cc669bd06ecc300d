import { X509Certificate } from 'node:crypto';
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import path from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureHallCertificates } from '../../server/src/tls/hall-certs';
import { hallCli } from '../support/hall-cli';
import {
  api,
  freePort,
  startHallServer,
  tempDataDir,
  tlsRequest,
  type HallServer,
} from '../support/hall-server';

/**
 * A configured hall (HALL_CONFIG) serves HTTPS and WSS by default (issue 10, transport): at first
 * start it makes its own CA in the key directory and a server certificate signed by it; the
 * consoles' socket.io, the `hall` CLI's default `--server` and the public `/ca.crt` all work
 * trusting that CA alone; plain HTTP is not served; a restart keeps the CA.
 */
const TOKEN = 'tls-operator-token-0123456789abcdef'; // ≥ 32 characters outside the demo hall
const dataDir = tempDataDir('hall-tls-');
const keyDir = tempDataDir('hall-tls-keys-');
const otherCa = tempDataDir('hall-tls-other-');
let port: number;
let server: HallServer;
let config: string;

function start(): Promise<HallServer> {
  return startHallServer({
    dataDir,
    port,
    tls: true,
    env: {
      HALL_OPERATOR_TOKEN: TOKEN,
      HALL_CONFIG: config,
      HALL_KEY_DIR: keyDir,
      HALL_TLS_NAMES: 'hall.example.test',
      HALL_LOG_LEVEL: 'info',
    },
  });
}

beforeAll(async () => {
  config = path.join(dataDir, 'hall.json');
  writeFileSync(
    config,
    JSON.stringify({
      hall: '常委会会议厅',
      buses: [{ id: 'A', driver: 'modbus-rtu', simulated: true, addresses: '1-4' }],
    }),
  );
  port = await freePort();
  server = await start();
}, 90_000);

afterAll(async () => {
  await server?.stop();
  for (const d of [dataDir, keyDir, otherCa]) rmSync(d, { recursive: true, force: true });
});

const cliEnv = () => ({
  HALL_PORT: String(port),
  HALL_CONFIG: config,
  HALL_DATA_DIR: dataDir,
  HALL_OPERATOR_TOKEN: TOKEN,
  HALL_TLS: '',
  HALL_CA_FILE: '',
});

function displaySocket(ca: string | undefined): Promise<{ socket: Socket; attendance: unknown }> {
  return new Promise((resolve, reject) => {
    const socket = io(`https://127.0.0.1:${port}/display`, {
      transports: ['websocket'],
      reconnection: false,
      timeout: 60_000,
      ...(ca ? { ca } : {}),
    });
    socket.once('attendance', (attendance: unknown) => resolve({ socket, attendance }));
    socket.once('connect_error', (e) => {
      socket.close();
      reject(e);
    });
  });
}

describe('a configured hall over TLS', () => {
  it('makes its CA in the key directory and serves HTTPS with a certificate it signed', async () => {
    const caKey = path.join(keyDir, 'hall-ca.key');
    expect(statSync(caKey).mode & 0o777).toBe(0o600);
    expect(statSync(keyDir).mode & 0o777).toBe(0o700);
    expect(readFileSync(caKey, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    const caFile = path.join(dataDir, 'hall-ca.crt');
    expect(statSync(caFile).mode & 0o777).toBe(0o600);
    expect(readFileSync(caFile, 'utf8')).toBe(
      readFileSync(path.join(keyDir, 'hall-ca.crt'), 'utf8'),
    );
    expect(server.ca).toBe(readFileSync(caFile, 'utf8'));
    const ca = new X509Certificate(server.ca!);
    expect(ca.ca).toBe(true);
    // The start log names the fingerprint for the technician to compare on each tablet.
    expect(server.output()).toContain(ca.fingerprint256);

    const health = await tlsRequest(`${server.url}/api/health`, { ca: server.ca! });
    expect(health.status).toBe(200);
    const att = await api<{ members: number }>(server, 'GET', '/api/attendance', TOKEN);
    expect(att.status).toBe(200);
    // By the name given in HALL_TLS_NAMES too (the certificate covers it).
    const named = await new Promise<number>((resolve, reject) => {
      const req = httpsRequest(
        {
          host: '127.0.0.1',
          port,
          path: '/api/health',
          servername: 'hall.example.test',
          ca: server.ca!,
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(named).toBe(200);

    // Without the CA the certificate is not trusted.
    await expect(tlsRequest(`${server.url}/api/health`)).rejects.toMatchObject({
      code: expect.stringMatching(/UNABLE_TO_VERIFY|SELF_SIGNED|UNABLE_TO_GET_ISSUER/),
    });
  });

  it('does not serve plain HTTP on its port', async () => {
    await expect(fetch(`http://127.0.0.1:${port}/api/health`)).rejects.toThrow();
  });

  it('serves the CA publicly at /ca.crt', async () => {
    const res = await tlsRequest(`${server.url}/ca.crt`, { ca: server.ca! });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/x-x509-ca-cert');
    expect(res.text).toBe(server.ca);
  });

  it('pushes to the hall display over WSS, trusting the CA', async () => {
    const { socket, attendance } = await displaySocket(server.ca);
    expect(attendance).toMatchObject({ members: 0, present: 0 });
    socket.close();
    await expect(displaySocket(undefined)).rejects.toThrow();
  });

  it('answers the CLI at its default --server, trusting the CA in the data directory', async () => {
    const r = await hallCli(['attendance', '--json'], cliEnv());
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      members: 0,
      present: 0,
      quorumMet: false,
      seatsOnline: expect.any(Number),
    });
    // HALL_CA_FILE wins; the CA of another hall is refused, naming the file.
    await ensureHallCertificates({ keyDir: path.join(otherCa, 'keys'), dataDir: otherCa });
    const wrong = path.join(otherCa, 'hall-ca.crt');
    const refused = await hallCli(['attendance', '--json'], { ...cliEnv(), HALL_CA_FILE: wrong });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(
      /^hall attendance: 会场服务器 https:\/\/127\.0\.0\.1:\d+ 的证书未通过校验/,
    );
    expect(refused.stderr).toContain(`the hall CA trusted is ${wrong}`);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
  }, 60_000);

  it('keeps its CA and certificate at restart', async () => {
    const before = server.ca;
    const cert = readFileSync(path.join(keyDir, 'hall-tls.crt'), 'utf8');
    await server.stop();
    server = await start();
    expect(server.ca).toBe(before);
    expect(readFileSync(path.join(keyDir, 'hall-tls.crt'), 'utf8')).toBe(cert);
    expect((await tlsRequest(`${server.url}/api/health`, { ca: before! })).status).toBe(200);
  }, 90_000);
});
