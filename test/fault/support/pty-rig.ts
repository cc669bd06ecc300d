import { ModbusBusSim, PtySimulator, WirelessBaseSim } from '@hall/drivers/sim';
import {
  api,
  freePort,
  startHallServer,
  tempDataDir,
  type HallServer,
  ptyHallEnv,
} from '../../support/hall-server';
import { until, type Rig } from './fault-cycle';

/**
 * The real drivers on serial lines: a configured hall (HALL_CONFIG, CONTRACT.md §3) whose bus A
 * is a simulated Modbus RTU line and bus W a simulated wireless base, each on the device side of
 * a socat pty (as test/e2e/pty-hall.test.ts). "Registered" is the seat's own lamp: LEDS bit 7 on
 * a wired unit, `G` on a keypad (SEAT-PROTOCOLS.md §2, §3). The hardware re-delivers by itself:
 * a unit keeps its last event in its registers, the base re-sends what was never acknowledged.
 */
const UNITS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
const KEYPADS = [1, 2, 3, 4, 5, 6, 7, 8];
const GREEN = 0x80;

export async function ptyRig(seed: number): Promise<Rig & { close(): Promise<void> }> {
  const token = 'fault-pty-operator-token-0123456789abcdef';
  const dataDir = tempDataDir('hall-fault-pty-');
  const port = await freePort();
  const modbus = await PtySimulator.start(new ModbusBusSim({ addresses: UNITS, seed }));
  const wireless = await PtySimulator.start(
    new WirelessBaseSim({ keypads: KEYPADS, seed: seed + 1 }),
  );
  const env = ptyHallEnv(dataDir, token, [
    { id: 'A', driver: 'modbus-rtu', path: modbus.hostPath, addresses: '1-12' },
    { id: 'W', driver: 'wireless-base', path: wireless.hostPath, addresses: '1-8' },
  ]);
  let server: HallServer | undefined;
  const start = async () => {
    server = await startHallServer({
      dataDir,
      port,
      env,
    });
  };
  await start();
  const post = (route: string, body?: unknown) => api(server!, 'POST', route, token, body);
  const seats = [...UNITS.map((a) => `A-${a}`), ...KEYPADS.map((k) => `W-${k}`)];
  const csv = [
    'member_id,name,role,seat',
    ...seats.map((s) => `${s.replace('-', '')},委员${s},member,${s}`),
  ].join('\n');
  const roster = await post('/api/roster', { csvBase64: Buffer.from(csv).toString('base64') });
  if (roster.status !== 200) throw new Error(`roster: ${JSON.stringify(roster.body)}`);
  await post('/api/sessions', { title: '断电恢复' });
  for (const s of seats) {
    const r = await post('/api/attendance/mark', { memberId: s.replace('-', ''), present: true });
    if (r.status !== 200) throw new Error(`attendance mark ${s}: ${JSON.stringify(r.body)}`);
  }
  const green = () =>
    new Set([
      ...UNITS.filter((a) => (modbus.sim.unit(a).leds & GREEN) !== 0).map((a) => `A-${a}`),
      ...KEYPADS.filter((k) => wireless.sim.keypads.get(k)!.lamp === 'G').map((k) => `W-${k}`),
    ]);
  let lastTag = -1;
  return {
    name: 'pty',
    token,
    seats,
    server: () => server!,
    start,
    kill: () => server!.kill(),
    stop: () => server?.stop() ?? Promise.resolve(),
    async voteOpened() {
      // Every seat in vote mode under one new tag, and none showing "registered" (issue 13).
      await until(() => {
        const tag = modbus.sim.unit(1).voteTag;
        return (
          tag !== lastTag &&
          UNITS.every((a) => modbus.sim.unit(a).mode === 2 && modbus.sim.unit(a).voteTag === tag) &&
          KEYPADS.every((k) => {
            const kp = wireless.sim.keypads.get(k)!;
            return kp.mode === 'open' && kp.tag === tag;
          }) &&
          green().size === 0
        );
      }, 'vote mode on every seat');
      lastTag = modbus.sim.unit(1).voteTag;
    },
    press(seat, keys) {
      const [bus, n] = seat.split('-') as [string, string];
      if (bus === 'A') modbus.sim.press(Number(n), keys);
      else wireless.sim.press(Number(n), keys);
    },
    acknowledged: green,
    redeliver: () => Promise.resolve(),
    async close() {
      await server?.stop();
      await modbus.close();
      await wireless.close();
    },
  };
}
