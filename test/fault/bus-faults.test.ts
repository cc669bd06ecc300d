import { rmSync } from 'node:fs';
import { FaultySim, ModbusBusSim, PtySimulator, WirelessBaseSim } from '@hall/drivers/sim';
import { afterAll, describe, expect, it } from 'vitest';
import {
  api,
  freePort,
  startHallServer,
  tempDataDir,
  type HallServer,
  ptyHallEnv,
} from '../support/hall-server';

/**
 * Issue 15, "bus faults during a vote", through the real server (as test/e2e/pty-hall.test.ts):
 * the simulators on socat ptys behind a fault layer (1% of bytes corrupted, 5% of chunks dropped,
 * both directions), a unit reset, a base reset and a pulled cable on each bus. The counts are
 * exactly the presses, and every seat that pressed shows "registered" again by itself
 * (SEAT-PROTOCOLS.md §3). Waits are conditions with generous bounds, never timed assertions.
 */
const TOKEN = 'bus-faults-operator-token-0123456789abcdef';
const GREEN = 0x80;
const FAULTS = { corruptByte: 0.01, dropFrame: 0.05 };
const none = () => ({
  send: { corruptByte: 0, dropFrame: 0 },
  receive: { corruptByte: 0, dropFrame: 0 },
});
const dataDir = tempDataDir('hall-bus-faults-');
let server: HallServer | undefined;
let modbus: PtySimulator<FaultySim<ModbusBusSim>> | undefined;
let wireless: PtySimulator<FaultySim<WirelessBaseSim>> | undefined;

async function until(cond: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const end = Date.now() + 60_000;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

afterAll(async () => {
  await server?.stop();
  await modbus?.close();
  await wireless?.sim.sim.close();
  await wireless?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('bus faults during a vote, through the server', () => {
  it('counts exactly and relights every registered seat by itself', async () => {
    const mb = new FaultySim(new ModbusBusSim({ addresses: [1, 2, 3, 4, 5, 6], seed: 21 }), none());
    const wb = new FaultySim(new WirelessBaseSim({ keypads: [1, 2, 3, 4], seed: 22 }), none(), 23);
    modbus = await PtySimulator.start(mb);
    wireless = await PtySimulator.start(wb);
    const unit = (a: number) => mb.sim.unit(a);
    const keypad = (k: number) => wb.sim.keypads.get(k)!;
    server = await startHallServer({
      dataDir,
      port: await freePort(),
      env: ptyHallEnv(dataDir, TOKEN, [
        { id: 'A', driver: 'modbus-rtu', path: modbus.hostPath, addresses: '1-6' },
        { id: 'W', driver: 'wireless-base', path: wireless.hostPath, addresses: '1-4' },
      ]),
    });
    const post = (route: string, body?: unknown) => api(server!, 'POST', route, TOKEN, body);
    const seats = [
      ...[1, 2, 3, 4, 5, 6].map((a) => `A-${a}`),
      ...[1, 2, 3, 4].map((k) => `W-${k}`),
    ];
    const csv = [
      'member_id,name,role,seat',
      ...seats.map((s) => `${s.replace('-', '')},委员${s},member,${s}`),
    ].join('\n');
    expect(
      (await post('/api/roster', { csvBase64: Buffer.from(csv).toString('base64') })).status,
    ).toBe(200);
    expect((await post('/api/sessions', { title: '总线故障' })).status).toBe(200);
    for (const s of seats)
      expect(
        (await post('/api/attendance/mark', { memberId: s.replace('-', ''), present: true }))
          .status,
      ).toBe(200);
    expect(
      (await post('/api/votes', { title: '关于总线故障的报告', profile: 'zizhou' })).status,
    ).toBe(200);
    await until(
      () =>
        [1, 2, 3, 4, 5, 6].every((a) => unit(a).mode === 2 && (unit(a).leds & GREEN) === 0) &&
        [1, 2, 3, 4].every((k) => keypad(k).mode === 'open' && keypad(k).lamp !== 'G'),
      'vote mode on every seat',
    );
    for (const f of [mb, wb]) {
      Object.assign(f.faults.send, FAULTS);
      Object.assign(f.faults.receive, FAULTS);
    }
    const green = (ss: string[]) =>
      ss.every((s) => {
        const [bus, n] = s.split('-') as [string, string];
        return bus === 'A' ? (unit(Number(n)).leds & GREEN) !== 0 : keypad(Number(n)).lamp === 'G';
      });

    for (const a of [1, 2, 3]) mb.sim.press(a, [1]);
    for (const k of [1, 2]) wb.sim.press(k, [2]);
    await until(() => green(['A-1', 'A-2', 'A-3', 'W-1', 'W-2']), 'first lamps');

    mb.sim.resetUnit(2); // §1: LEDS back to 0; the driver must light it again
    await until(() => green(['A-2']) && unit(2).mode === 2, 'A-2 registered again');

    await modbus.unplug();
    mb.sim.press(4, [3]); // kept in the unit's registers (§1)
    mb.sim.resetUnit(3);
    await modbus.replug();
    await until(() => green(['A-1', 'A-2', 'A-3', 'A-4']), 'bus A back, lamps shown');

    await until(() => wb.sim.held.length === 0, 'every keypad event acknowledged');
    await wireless.unplug();
    wb.sim.reset(); // §2: its HELLO is lost; the server's driver asks with $INFO on reopen
    wb.sim.press(3, [1]);
    await wireless.replug();
    await until(() => green(['W-1', 'W-2', 'W-3']), 'bus W back, lamps shown');

    mb.sim.press(5, [2]);
    wb.sim.press(4, [3]);
    await until(
      () => green(['A-1', 'A-2', 'A-3', 'A-4', 'A-5', 'W-1', 'W-2', 'W-3', 'W-4']),
      'all lamps',
    );
    await until(() => wb.sim.held.length === 0, 'every keypad event acknowledged');
    const requests = mb.sim.requests;
    await until(() => mb.sim.requests > requests + 60, 'more polls under faults'); // late doubles?

    const closed = await post('/api/votes/latest/close');
    expect(closed.body).toMatchObject({
      counts: { satisfied: 4, 'basically-satisfied': 3, unsatisfied: 2 },
      invalid: 0,
      present: 10,
      notVoted: 1,
    });
    expect(mb.totals().corruptedBytes + wb.totals().corruptedBytes).toBeGreaterThan(0);
    expect(mb.totals().droppedFrames + wb.totals().droppedFrames).toBeGreaterThan(0);
  }, 180_000);
});
