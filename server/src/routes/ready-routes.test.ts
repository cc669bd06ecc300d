import { mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseSeatId, ReadyReply } from '@hall/shared';
import { Value } from '@sinclair/typebox/value';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { appFixture, type AppFixture } from '../../test-support/app-fixture';
import { captureLog } from '../../test-support/capture-log';
import { FakeBus } from '../../test-support/fake-bus';
import { range } from '../../test-support/hall-fixture';
import { buildApp, startHall } from '../app';
import { demoHallConfig } from '../config/demo-hall';
import { KEY_FILE } from '../records/keys';

/** GET /api/ready (issue 12): 200 when the database, every bus and the signing key are ok. */
let f: AppFixture;
beforeAll(async () => {
  f = await appFixture();
});
afterAll(async () => {
  await f?.close();
});

const ready = async (app: FastifyInstance = f.app) => {
  const res = await app.inject({ method: 'GET', url: '/api/ready' });
  const body = res.json() as ReadyReply;
  expect(Value.Check(ReadyReply, body)).toBe(true);
  return { status: res.statusCode, body };
};

describe('GET /api/ready', () => {
  afterEach(() => {
    f.buses.A.emit({ type: 'bus-up', bus: 'A' });
  });

  it('is 200 when all is well, without a login, and names no path, seat or member', async () => {
    const r = await ready();
    expect(r).toEqual({
      status: 200,
      body: {
        ready: true,
        database: { ok: true },
        buses: [
          { id: 'A', driver: 'modbus-rtu', ok: true },
          { id: 'W', driver: 'modbus-rtu', ok: true },
        ],
        signingKey: { ok: true },
      },
    });
    expect(JSON.stringify(r.body)).not.toMatch(/\/|M0|[AW]-\d/);
  });

  it('is 503 while a bus is down, naming the bus, and 200 again once it is back', async () => {
    f.buses.A.emit({ type: 'bus-down', bus: 'A', reason: 'ENOENT /dev/ttyUSB0' });
    const r = await ready();
    expect(r.status).toBe(503);
    expect(r.body.ready).toBe(false);
    expect(r.body.buses).toEqual([
      { id: 'A', driver: 'modbus-rtu', ok: false, error: 'down' },
      { id: 'W', driver: 'modbus-rtu', ok: true },
    ]);
    // The driver's reason (it may hold a device path) is not published.
    expect(JSON.stringify(r.body)).not.toContain('ttyUSB0');
    f.buses.A.emit({ type: 'bus-up', bus: 'A' });
    expect((await ready()).status).toBe(200);
  });

  it('is 503 when the signing key is gone from the key directory', async () => {
    const file = path.join(`${f.dir}-keys`, KEY_FILE);
    renameSync(file, `${file}.away`);
    try {
      const r = await ready();
      expect(r.status).toBe(503);
      expect(r.body.signingKey).toEqual({ ok: false, error: 'missing' });
    } finally {
      renameSync(`${file}.away`, file);
    }
    expect((await ready()).status).toBe(200);
  });
});

describe('probes are not logged at info, other requests are', () => {
  let app: FastifyInstance;
  let dir: string;
  const { log, lines } = captureLog();
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'hall-ready-'));
    const config = demoHallConfig();
    const seats = (bus: string) => config.seats.filter((s) => parseSeatId(s).bus === bus);
    app = await buildApp({
      config,
      dataDir: dir,
      demo: true,
      logger: log,
      buses: [
        { driver: new FakeBus('A', range(1, 40)), seats: seats('A') },
        { driver: new FakeBus('W', range(1, 30)), seats: seats('W') },
      ],
    });
    await startHall(app);
  });
  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(`${dir}-keys`, { recursive: true, force: true });
  });

  const infoLinesOf = async (url: string) => {
    const before = lines.length;
    await app.inject({ method: 'GET', url });
    return lines.slice(before).filter((l) => (l.level as number) <= 30 && l.reqId !== undefined);
  };

  it('adds no info line for /api/health and /api/ready, and does for /api/display', async () => {
    expect(await infoLinesOf('/api/health')).toEqual([]);
    expect(await infoLinesOf('/api/ready')).toEqual([]);
    expect((await infoLinesOf('/api/display')).length).toBeGreaterThan(0);
  });

  it('is 503 once the database is closed', async () => {
    app.hall.db.close();
    const r = await ready(app);
    expect(r.status).toBe(503);
    expect(r.body.database).toEqual({ ok: false, error: 'closed' });
  });
});
