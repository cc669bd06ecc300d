/**
 * Presses per second through the vote service (press handler → one transaction per batch →
 * settle), on FakeBus seats and a real SQLite file with synchronous=FULL.
 *
 *   npx tsx server/src/bench/press-throughput.ts [seats=3000] [batchMs=4]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { validateHallConfig } from '../config/hall-config';
import { FakeBus } from '../hardware/fake-bus';
import { Hall } from '../hall';
import { range, silentLog } from '../testing/hall-fixture';

const seats = Number(process.argv[2] ?? 3000);
const batchMs = Number(process.argv[3] ?? 4);
const perBus = 247;
const busCount = Math.ceil(seats / perBus);
const config = validateHallConfig({
  hall: 'bench',
  pressBatchMs: batchMs,
  buses: Array.from({ length: busCount }, (_, b) => ({
    id: `B${b}`,
    driver: 'modbus-rtu',
    simulated: true,
    addresses: `1-${Math.min(perBus, seats - b * perBus)}`,
  })),
});
const buses = config.buses.map(
  (b) => new FakeBus(b.id, range(1, Number(b.addresses.split('-')[1]))),
);
const dir = mkdtempSync(path.join(tmpdir(), 'hall-bench-'));
const hall = new Hall({
  config,
  dataDir: dir,
  buses: buses.map((d) => ({
    driver: d,
    seats: config.seats.filter((s) => s.startsWith(`${d.busId}-`)),
  })),
  log: silentLog,
});
const csv = [
  'member_id,name,role,seat',
  ...config.seats.map((s, i) => `M${i},委员${i},member,${s}`),
];
hall.importRoster(Buffer.from(csv.join('\n')));
await hall.start();
hall.startSession('bench');
for (const m of hall.roster.members()) hall.attendance.setPresent(m.memberId, true, true);
hall.votes.open({ title: 'bench', profile: 'anhui-2013' });

const settled = () => buses.reduce((n, b) => n + b.settled.length, 0);
const t0 = performance.now();
// Every seat presses at once (the worst case of a hall), delivered as the drivers would.
for (const b of buses) for (const a of b.addresses) b.press(a, [1 + (a % 3)]);
while (settled() < seats) await new Promise((r) => setImmediate(r));
const ms = performance.now() - t0;
// Then one seat at a time, each waiting for its lamp: the cost of a single commit (fsync).
hall.votes.close();
hall.votes.open({ title: 'bench 2', profile: 'anhui-2013' });
const single = Math.min(300, seats);
const before = settled();
const t1 = performance.now();
for (let i = 0; i < single; i++) {
  const b = buses[i % buses.length]!;
  b.press(b.addresses[Math.floor(i / buses.length)]!, [1]);
  while (settled() < before + i + 1) await new Promise((r) => setImmediate(r));
}
const singleMs = performance.now() - t1;
const status = { pressed: seats };
console.log(
  JSON.stringify({
    seats,
    batchMs,
    pressed: status.pressed,
    ms: Math.round(ms),
    pressesPerSecond: Math.round((seats / ms) * 1000),
    oneAtATime: { presses: single, msPerPress: +(singleMs / single).toFixed(2) },
  }),
);
await hall.stop();
rmSync(dir, { recursive: true, force: true });
