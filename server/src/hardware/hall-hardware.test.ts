// Issue 13 "Technician": the line counters of /api/hardware and of the `hardware` push, typed,
// with the seats of each line that are silent or reset. Real drivers over in-process lines to
// the drivers package's seat simulators (SEAT-PROTOCOLS.md §1, §2), so a bad frame is a real
// bad CRC or checksum on a real line.
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { io as connect } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulatedBus, waitFor } from '@hall/drivers/sim';
import type { ModbusBusSim, SimulatedBus, WirelessBaseSim } from '@hall/drivers/sim';
import { NAMESPACES, parseSeatId, type BusHealth, type HardwarePayload } from '@hall/shared';
import { buildApp, startHall } from '../app';
import { DEMO_PASSWORDS } from '../auth/users';
import { demoHallConfig, demoRosterCsv } from '../config/demo-hall';
import { silentLog } from '../../test-support/hall-fixture';

const LONG = 30_000;
let app: FastifyInstance;
let dir: string;
let a: Extract<SimulatedBus, { kind: 'modbus-rtu' }>;
let w: Extract<SimulatedBus, { kind: 'wireless-base' }>;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'hall-hw-'));
  const config = demoHallConfig();
  a = (await simulatedBus({
    id: 'A',
    driver: 'modbus-rtu',
    addresses: '1-40',
    options: { minCycleMs: 20, responseTimeoutMs: 50, retryMinMs: 200, retryMaxMs: 400 },
  })) as typeof a;
  w = (await simulatedBus({
    id: 'W',
    driver: 'wireless-base',
    addresses: '1-30',
    options: { modeRetryMs: 100, ledRetryMs: 100 },
  })) as typeof w;
  const seats = (bus: string) => config.seats.filter((s) => parseSeatId(s).bus === bus);
  app = await buildApp({
    config,
    dataDir: dir,
    demo: true,
    logger: silentLog,
    operatorToken: 'operator-token-for-tests',
    buses: [
      { driver: a.driver, seats: seats('A') },
      { driver: w.driver, seats: seats('W') },
    ],
  });
  app.hall.importRoster(Buffer.from(demoRosterCsv()));
  await startHall(app);
  for (const username of ['technician', 'chair']) {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password: DEMO_PASSWORDS[username] },
    });
    tokens[username] = (res.json() as { token: string }).token;
  }
});

afterAll(async () => {
  await app?.close();
  rmSync(dir, { recursive: true, force: true });
  rmSync(`${dir}-keys`, { recursive: true, force: true });
});

async function hardware(role: 'technician' | 'chair'): Promise<HardwarePayload> {
  const res = await app.inject({
    method: 'GET',
    url: '/api/hardware',
    headers: { authorization: `Bearer ${tokens[role]}` },
  });
  expect(res.statusCode).toBe(200);
  return res.json() as HardwarePayload;
}
const bus = (p: HardwarePayload, id: string): BusHealth => p.buses.find((b) => b.bus === id)!;

/** Let the simulator spoil its replies until the driver has counted `n` bad checksums. */
async function badFrames(sim: ModbusBusSim | WirelessBaseSim, stats: () => number, n: number) {
  const before = stats();
  if ('units' in sim) sim.faults.corruptReply = 1;
  else sim.faults.corruptLine = 1;
  await waitFor('bad checksums', () => stats() >= before + n, LONG);
  if ('units' in sim) sim.faults.corruptReply = 0;
  else sim.faults.corruptLine = 0;
}

describe('line counters for the technician', () => {
  it('carries frames, checksum errors, timeouts, discarded bytes, reconnects and resets per line', async () => {
    await waitFor('all seats online', () => app.hall.hardware.seatsOnline() === 70, LONG);
    await badFrames(a.sim, () => a.driver.stats().badChecksums, 3);
    await badFrames(w.sim, () => w.driver.stats().badChecksums, 3);
    a.sim.resetUnit(2);
    a.sim.unit(7).dead = true;
    await waitFor('unit 2 reset', () => bus(app.hall.health(true), 'A').resets === 1, LONG);
    await waitFor('unit 7 silent', () => !app.hall.hardware.isOnline('A-7'), LONG);

    const t = await hardware('technician');
    const A = bus(t, 'A');
    const stats = a.driver.stats();
    expect(A.frames).toBeGreaterThan(0);
    expect(A.checksumErrors).toBeGreaterThanOrEqual(3);
    expect(A.checksumErrors).toBeLessThanOrEqual(stats.badChecksums);
    expect(A.timeouts).toBeGreaterThan(0); // the dead unit and the spoilt replies went unanswered
    expect(A.discardedBytes).toEqual(expect.any(Number));
    expect(A).toMatchObject({
      reconnects: 0,
      resets: 1,
      resetSeats: ['A-2'],
      silentSeats: ['A-7'],
    });
    expect(A.stats.badChecksums).toBe(A.checksumErrors); // the raw record stays, for old clients
    const W = bus(t, 'W');
    expect(W.checksumErrors).toBeGreaterThanOrEqual(3);
    expect(W).toMatchObject({ reconnects: 0, resets: 0, resetSeats: [], silentSeats: [] });

    // The chair's summary has the counters but names no seat.
    const c = bus(await hardware('chair'), 'A');
    expect(c.checksumErrors).toBeGreaterThanOrEqual(3);
    expect(c.silentSeats).toBeUndefined();
    expect(c.resetSeats).toBeUndefined();

    // A pulled cable: the line comes back, and that is one reconnect.
    w.line.unplug();
    await waitFor('W down', () => !bus(app.hall.health(true), 'W').up, LONG);
    w.line.plug();
    const device = w.line.device();
    await device.open();
    w.sim.attach(device);
    await waitFor('W up again', () => bus(app.hall.health(true), 'W').up, LONG);
    expect(bus(await hardware('technician'), 'W').reconnects).toBe(1);
    w.sim.reset();
    await waitFor('base reset', () => bus(app.hall.health(true), 'W').resets === 1, LONG);
  });

  it('refreshes the technician live when only the counters move', async () => {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const socket = connect(`${base}${NAMESPACES.technician}`, {
      transports: ['websocket'],
      reconnection: false,
      auth: { token: tokens.technician },
    });
    try {
      const pushed: HardwarePayload[] = [];
      socket.on('hardware', (p: HardwarePayload) => pushed.push(p));
      await waitFor('first hardware', () => pushed.length > 0, LONG);
      const first = bus(pushed.at(-1)!, 'W').checksumErrors ?? 0;
      // Spoilt heartbeats: no seat goes online or offline, only the counters change.
      await badFrames(w.sim, () => w.driver.stats().badChecksums, 2);
      await waitFor(
        'a push with the new checksum errors',
        () => pushed.some((p) => (bus(p, 'W').checksumErrors ?? 0) >= first + 2),
        LONG,
      );
      expect(pushed.at(-1)!.buses[0]!.silentSeats).toBeDefined();
    } finally {
      socket.close();
    }
  });
});
