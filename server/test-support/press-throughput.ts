/**
 * Presses per second through the vote service (press handler → one transaction per batch →
 * settle), on FakeBus seats and a real SQLite file with synchronous=FULL.
 *
 *   npx tsx server/test-support/press-throughput.ts [seats=3000] [batchMs=4]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { MAX_ADDRESS, parseAddresses } from '@hall/drivers';
import { parseSeatId } from '@hall/shared';
import { validateHallConfig } from '../src/config/hall-config';
import { FakeBus } from './fake-bus';
import { Hall } from '../src/hall';
import { silentLog } from './hall-fixture';

export interface PressFigures {
  seats: number;
  buses: number;
  batchMs: number;
  /** All seats pressing at once: from the first event to the last lamp. */
  stormMs: number;
  pressesPerSecond: number;
  /** One seat at a time, each waiting for its lamp: the cost of one commit (fsync). */
  msPerSinglePress: number;
}

/** Modbus units per bus in the bench hall (the data sheet's maximum). */
export const UNITS_PER_BUS = 247;

export async function pressThroughput(seats = 3000, batchMs = 4): Promise<PressFigures> {
  const perBus = UNITS_PER_BUS;
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
    (b) => new FakeBus(b.id, parseAddresses(b.addresses, MAX_ADDRESS['modbus-rtu'])),
  );
  const dir = mkdtempSync(path.join(tmpdir(), 'hall-bench-'));
  const hall = new Hall({
    config,
    dataDir: dir,
    keyDir: `${dir}-keys`,
    buses: buses.map((d) => ({
      driver: d,
      seats: config.seats.filter((s) => parseSeatId(s).bus === d.busId),
    })),
    log: silentLog,
  });
  try {
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
    const stormMs = performance.now() - t0;
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
    return {
      seats,
      buses: busCount,
      batchMs,
      stormMs,
      pressesPerSecond: (seats / stormMs) * 1000,
      msPerSinglePress: singleMs / single,
    };
  } finally {
    await hall.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

// As a script: npx tsx server/test-support/press-throughput.ts [seats=3000] [batchMs=4]
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const f = await pressThroughput(Number(process.argv[2] ?? 3000), Number(process.argv[3] ?? 4));
  console.log(JSON.stringify(f));
}
