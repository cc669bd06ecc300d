/**
 * The whole hall for the bench (issue 15): N wired Modbus RTU buses and M wireless bases, each
 * simulator on the device side of a socat pty, the real server (`npm start`) configured on their
 * host sides (HALL_CONFIG, CONTRACT.md §3), a roster of one member a seat, a sitting, and every
 * seat checked in by a press of its own (the check-in storm).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { ModbusBusSim, PtySimulator, WirelessBaseSim } from '@hall/drivers/sim';
import {
  api,
  freePort,
  startHallServer,
  tempDataDir,
  type HallServer,
  ptyHallEnv,
  type PtyLine,
} from '../../support/hall-server';

export interface HallLayout {
  wiredBuses: number;
  unitsPerBus: number;
  bases: number;
  keypadsPerBase: number;
}

export const GREEN = 0x80;
const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

export interface HallRig {
  server: HallServer;
  token: string;
  seats: string[];
  press(seat: string, keys: readonly number[]): void;
  /** Whether the seat shows "registered": LEDS bit 7 / keypad `G` (SEAT-PROTOCOLS.md §1, §2). */
  registered(seat: string): boolean;
  /** Every seat shows the tag of the vote just opened, in vote mode. */
  allShowTag(): boolean;
  call<T>(
    method: 'GET' | 'POST',
    route: string,
    body?: unknown,
  ): Promise<{ status: number; body: T }>;
  rssMb(): number;
  close(): Promise<void>;
}

export async function startHallRig(layout: HallLayout): Promise<HallRig> {
  const token = 'bench-hall-operator-token-0123456789abcdef';
  const dataDir = tempDataDir('hall-bench-');
  const wired: { id: string; pty: PtySimulator<ModbusBusSim> }[] = [];
  const radio: { id: string; pty: PtySimulator<WirelessBaseSim> }[] = [];
  for (let b = 0; b < layout.wiredBuses; b++) {
    const sim = new ModbusBusSim({ addresses: range(layout.unitsPerBus), seed: 100 + b });
    wired.push({ id: `A${b + 1}`, pty: await PtySimulator.start(sim) });
  }
  for (let b = 0; b < layout.bases; b++) {
    const sim = new WirelessBaseSim({ keypads: range(layout.keypadsPerBase), seed: 200 + b });
    radio.push({ id: `W${b + 1}`, pty: await PtySimulator.start(sim) });
  }
  const lines: PtyLine[] = [
    ...wired.map((w) => ({
      id: w.id,
      driver: 'modbus-rtu' as const,
      path: w.pty.hostPath,
      addresses: `1-${layout.unitsPerBus}`,
    })),
    ...radio.map((r) => ({
      id: r.id,
      driver: 'wireless-base' as const,
      path: r.pty.hostPath,
      addresses: `1-${layout.keypadsPerBase}`,
    })),
  ];
  const server = await startHallServer({
    dataDir,
    port: await freePort(),
    env: ptyHallEnv(dataDir, token, lines, '人民大会堂（模拟）'),
  });
  const wiredById = new Map(wired.map((w) => [w.id, w.pty.sim]));
  const radioById = new Map(radio.map((r) => [r.id, r.pty.sim]));
  const seats = [
    ...wired.flatMap((w) => range(layout.unitsPerBus).map((a) => `${w.id}-${a}`)),
    ...radio.flatMap((r) => range(layout.keypadsPerBase).map((k) => `${r.id}-${k}`)),
  ];
  const split = (seat: string) => {
    const [bus, n] = seat.split('-') as [string, string];
    return { bus, n: Number(n) };
  };
  const call = <T>(method: 'GET' | 'POST', route: string, body?: unknown) =>
    api<T>(server, method, route, token, body);
  /** Every seat in one mode under one tag, no lamp lit (MODE 1 check-in, 2 vote: §1). */
  const allIn = (unitMode: number, keypadMode: string) => {
    const tag = wired[0]?.pty.sim.unit(1).voteTag;
    return (
      wired.every((w) =>
        range(layout.unitsPerBus).every((a) => {
          const u = w.pty.sim.unit(a);
          return u.mode === unitMode && u.voteTag === tag && (u.leds & GREEN) === 0;
        }),
      ) &&
      radio.every((r) =>
        [...r.pty.sim.keypads.values()].every((k) => k.mode === keypadMode && k.lamp !== 'G'),
      )
    );
  };
  const rig: HallRig = {
    server,
    token,
    seats,
    call,
    press(seat, keys) {
      const { bus, n } = split(seat);
      const w = wiredById.get(bus);
      if (w) w.press(n, keys);
      else radioById.get(bus)!.press(n, keys);
    },
    registered(seat) {
      const { bus, n } = split(seat);
      const w = wiredById.get(bus);
      if (w) return (w.unit(n).leds & GREEN) !== 0;
      return radioById.get(bus)!.keypads.get(n)!.lamp === 'G';
    },
    allShowTag() {
      return allIn(2, 'open');
    },
    rssMb() {
      // `npm start` runs `sh -c "node server/dist/server.js"`: of the group's processes that name
      // server.js, the node server is the largest.
      return Math.max(...serverPids(server).map(rssOf)) / 1024;
    },
    async close() {
      await server.stop();
      for (const w of wired) await w.pty.close();
      for (const r of radio) await r.pty.close();
    },
  };
  const roster = [
    'member_id,name,role,seat',
    ...seats.map((s, i) => `M${i + 1},委员${i + 1},member,${s}`),
  ].join('\n');
  const r = await call('POST', '/api/roster', {
    csvBase64: Buffer.from(roster).toString('base64'),
  });
  if (r.status !== 200) throw new Error(`roster: ${JSON.stringify(r.body)}`);
  await call('POST', '/api/sessions', { title: '全体会议（基准）' });
  await until(
    'every seat online',
    async () =>
      (await call<{ seatsOnline: number }>('GET', '/api/attendance')).body.seatsOnline ===
      seats.length,
    120_000,
  );
  await call('POST', '/api/checkin/open');
  await until('every seat in check-in', async () => allIn(1, 'checkin'), 120_000);
  for (const s of seats) rig.press(s, [1]);
  await until(
    'every seat checked in',
    async () =>
      (await call<{ present: number }>('GET', '/api/attendance')).body.present === seats.length,
    120_000,
  );
  await call('POST', '/api/checkin/close');
  return rig;
}

/** The processes of the group `npm start` leads whose command line names server.js. */
function serverPids(server: HallServer): number[] {
  const out = execFileSync('pgrep', ['-g', String(server.pgid), '-f', 'server/dist/server.js'], {
    encoding: 'utf8',
  });
  return out
    .trim()
    .split('\n')
    .map(Number)
    .filter((p) => Number.isInteger(p) && p > 0);
}

/** VmRSS of a process in KiB (0 once it is gone). */
function rssOf(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** Wait (bounded) for an async condition. */
export async function until(what: string, cond: () => Promise<boolean>, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
