/**
 * The whole hall (issue 15): 3,000 seats on 16 lines — 12 wired Modbus RTU buses of 200 units at
 * 115200 baud and 4 wireless bases of 150 keypads — simulated on real ptys, the real server, 50
 * console and display sockets, and every member pressing within one second. `BENCH_HALL_UNITS`
 * and `BENCH_HALL_KEYPADS` shrink the layout for a quick look.
 */
import { io, type Socket } from 'socket.io-client';
import type { Bench, Figure } from './bench';
import { sleep } from './bench';
import { startHallRig, until, type HallLayout } from './hall/hall-rig';

const LAYOUT: HallLayout = {
  wiredBuses: 12,
  unitsPerBus: Number(process.env.BENCH_HALL_UNITS ?? 200),
  bases: 4,
  keypadsPerBase: Number(process.env.BENCH_HALL_KEYPADS ?? 150),
};
const SOCKETS = { chair: 20, secretariat: 10, display: 20 };
/** SEAT-PROTOCOLS.md §1 "Timing": a poll of registers 0-3 is about 6.3 ms a unit at 115200. */
const POLL_MS = 6.3;
/** A lamp write (06, 8 bytes out, 8 back: 1.39 ms) + two silent intervals + turnaround. */
const WRITE_MS = (16 * 10 * 1000) / 115_200 + 3.5 + 1;
const HALL_1992_MS = 1_000;

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};

export const hallBench: Bench = {
  name: `whole hall (${LAYOUT.wiredBuses}×${LAYOUT.unitsPerBus} wired + ${LAYOUT.bases}×${LAYOUT.keypadsPerBase} wireless, ptys, real server)`,
  async run(): Promise<Figure[]> {
    const rig = await startHallRig(LAYOUT);
    const sockets: Socket[] = [];
    try {
      const url = rig.server.url;
      const connect = (ns: string, auth?: object) => {
        const s = io(`${url}${ns}`, { transports: ['websocket'], ...(auth ? { auth } : {}) });
        sockets.push(s);
        return s;
      };
      const chairs = Array.from({ length: SOCKETS.chair }, () =>
        connect('/chair', { token: rig.token }),
      );
      for (let i = 0; i < SOCKETS.secretariat; i++) connect('/secretariat', { token: rig.token });
      const displays = Array.from({ length: SOCKETS.display }, () => connect('/display'));
      await until('sockets connected', async () => sockets.every((s) => s.connected), 60_000);

      const open = await rig.call<{ voteId: number }>('POST', '/api/votes', {
        title: '关于国民经济和社会发展计划执行情况的报告',
        profile: 'anhui-2013',
      });
      if (open.status !== 200) throw new Error(`vote open: ${JSON.stringify(open.body)}`);
      const voteId = open.body.voteId;
      await until('every seat shows the vote', async () => rig.allShowTag(), 120_000);

      // The storm: every member presses once, at a random moment within one second.
      const plan = rig.seats.map((seat, i) => ({
        seat,
        key: 1 + (i % 3),
        at: Math.random() * 1_000,
      }));
      plan.sort((a, b) => a.at - b.at);
      const pressedAt = new Map<string, number>();
      const litAt = new Map<string, number>();
      const t0 = performance.now();
      let next = 0;
      while (litAt.size < plan.length) {
        const now = performance.now() - t0;
        while (next < plan.length && plan[next]!.at <= now) {
          const p = plan[next++]!;
          rig.press(p.seat, [p.key]);
          pressedAt.set(p.seat, performance.now());
        }
        for (const seat of pressedAt.keys()) {
          if (!litAt.has(seat) && rig.registered(seat)) litAt.set(seat, performance.now());
        }
        if (now > 120_000) throw new Error(`storm: ${litAt.size}/${plan.length} lit after 120 s`);
        await sleep(1);
      }
      const firstPress = Math.min(...pressedAt.values());
      const lastLamp = Math.max(...litAt.values());
      const latencies = plan.map((p) => litAt.get(p.seat)! - pressedAt.get(p.seat)!);
      const floorMs = Math.max(
        LAYOUT.unitsPerBus * (POLL_MS + WRITE_MS),
        // A keypad's KEY line, the ACK and the LED line (~60 characters) on a 115200 line.
        (LAYOUT.keypadsPerBase * 60 * 10 * 1000) / 115_200,
      );
      const rssMb = rig.rssMb();

      // Close → the result on a chair socket; announce → the result on a display socket.
      const resultOn = (s: Socket, field: 'closedAt' | 'announcedAt') =>
        new Promise<number>((resolve) => {
          const on = (
            r: { voteId?: number; closedAt?: string | null; announcedAt?: string | null } | null,
          ) => {
            if (r?.voteId === voteId && r[field]) {
              s.off('result', on);
              resolve(performance.now());
            }
          };
          s.on('result', on);
        });
      const chairGot = Promise.all(chairs.map((s) => resultOn(s, 'closedAt')));
      const tClose = performance.now();
      const closed = await rig.call<{ counts: Record<string, number>; invalid: number }>(
        'POST',
        '/api/votes/latest/close',
      );
      const closeMs = Math.max(...(await chairGot)) - tClose;
      const displayGot = Promise.all(displays.map((s) => resultOn(s, 'announcedAt')));
      const tAnnounce = performance.now();
      await rig.call('POST', '/api/votes/latest/announce');
      const announceMs = Math.max(...(await displayGot)) - tAnnounce;

      const want = [0, 0, 0];
      for (const p of plan) want[p.key - 1]!++;
      const got = closed.body.counts;
      const exact =
        got.satisfied === want[0] &&
        got['basically-satisfied'] === want[1] &&
        got.unsatisfied === want[2] &&
        closed.body.invalid === 0;
      const captured = Object.values(got).reduce((a, b) => a + b, 0) + closed.body.invalid;
      if (!exact) throw new Error(`counts ${JSON.stringify(got)} want ${want.join('/')}`);
      const seats = plan.length;
      return [
        {
          label: `presses captured ÷ made (${seats})`,
          value: captured / seats,
          unit: '',
          reference: 1,
          basis: 'exactly 1.0, counts exact',
          better: 'higher',
        },
        {
          label: 'press → "registered" at the seat, p50',
          value: pct(latencies, 50),
          unit: 'ms',
          reference: HALL_1992_MS,
          basis: "1992 hall's 1 s",
          better: 'lower',
        },
        {
          label: 'press → "registered" at the seat, p99',
          value: pct(latencies, 99),
          unit: 'ms',
          reference: HALL_1992_MS,
          basis: "1992 hall's 1 s",
          better: 'lower',
        },
        {
          label: 'first press → last lamp of the storm',
          value: lastLamp - firstPress,
          unit: 'ms',
          reference: floorMs,
          basis: 'wire floor: a poll + a lamp write a unit, target ≤1.1×',
          better: 'lower',
        },
        {
          label: `close → result on ${SOCKETS.chair} chair sockets`,
          value: closeMs,
          unit: 'ms',
          reference: HALL_1992_MS,
          basis: "1992 hall's 1 s; target ≤25 ms",
          better: 'lower',
        },
        {
          label: `announce → result on ${SOCKETS.display} displays`,
          value: announceMs,
          unit: 'ms',
          reference: HALL_1992_MS,
          basis: "1992 hall's 1 s; target ≤25 ms",
          better: 'lower',
        },
        {
          label: `server RSS, ${seats} seats + ${sockets.length} sockets`,
          value: rssMb,
          unit: 'MB',
          reference: 150,
          basis: 'target 150 MB',
          better: 'lower',
        },
      ];
    } finally {
      for (const s of sockets) s.close();
      await rig.close();
    }
  },
};
