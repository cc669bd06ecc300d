import { testSigningKey } from './signing-key';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { parseSeatId, seatId } from '@hall/shared';
import { demoHallConfig, demoRosterCsv } from '../src/config/demo-hall';
import type { HallConfig } from '../src/config/hall-config';
import { FakeBus } from './fake-bus';
import { Hall } from '../src/hall';

/** A hall on FakeBus seats (the demo hall's layout) in a temp data dir, for unit tests. */
export interface HallFixture {
  hall: Hall;
  dir: string;
  /** HALL_KEY_DIR of this hall: `<dir>-keys`. */
  keyDir: string;
  buses: Record<'A' | 'W', FakeBus>;
  config: HallConfig;
  /** Seat → the bus to press on. */
  press(seat: string, keys: number[], opts?: { tag?: number; deliveryId?: string }): void;
  /** Commit queued presses now (the group-commit timer would do it a few ms later). */
  flush(): void;
  lamp(seat: string): string | undefined;
  /** Stop and reopen on the same data dir (a restart). */
  restart(now?: () => Date): Promise<HallFixture>;
  close(): Promise<void>;
}

export const silentLog = pino({ level: 'silent' });

export async function hallFixture(
  opts: {
    dir?: string;
    now?: () => Date;
    config?: HallConfig;
    roster?: string;
    random?: (max: number) => number;
    log?: typeof silentLog;
    /** Deterministic ballot key ids (file names), for tests that compare two sittings. */
    ballotKeyIds?: () => string;
    /** Use the hall's own signing key from the key dir (made or moved there) instead of the test key. */
    ownSigningKey?: boolean;
  } = {},
): Promise<HallFixture> {
  const dir = opts.dir ?? mkdtempSync(path.join(tmpdir(), 'hall-test-'));
  const config = opts.config ?? demoHallConfig();
  const buses = {
    A: new FakeBus('A', range(1, 40)),
    W: new FakeBus('W', range(1, 30)),
  };
  const hall = new Hall({
    config,
    dataDir: dir,
    keyDir: `${dir}-keys`,
    buses: [
      { driver: buses.A, seats: config.seats.filter((s) => parseSeatId(s).bus === 'A') },
      { driver: buses.W, seats: config.seats.filter((s) => parseSeatId(s).bus === 'W') },
    ],
    log: opts.log ?? silentLog,
    ...(opts.now ? { now: opts.now } : {}),
    ...(opts.random ? { random: opts.random } : {}),
    ...(opts.ballotKeyIds ? { ballotKeyIds: opts.ballotKeyIds } : {}),
    ...(opts.ownSigningKey ? {} : { signingKey: testSigningKey() }),
  });
  if (hall.roster.all().length === 0 && opts.roster !== '') {
    hall.importRoster(Buffer.from(opts.roster ?? demoRosterCsv()));
  }
  await hall.start();
  const f: HallFixture = {
    hall,
    dir,
    keyDir: `${dir}-keys`,
    buses,
    config,
    press(seat, keys, o = {}) {
      const { bus, address } = parseSeatId(seat);
      buses[bus as 'A' | 'W'].press(address, keys, o);
    },
    flush: () => hall.presses.flush(),
    lamp: (seat) => buses[parseSeatId(seat).bus as 'A' | 'W'].lamps.get(seat),
    async restart(now) {
      await hall.stop();
      return hallFixture({ dir, ...(now ? { now } : opts.now ? { now: opts.now } : {}), config });
    },
    async close() {
      await hall.stop();
      rmSync(dir, { recursive: true, force: true });
      rmSync(`${dir}-keys`, { recursive: true, force: true });
    },
  };
  return f;
}

export function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** Member seats of the demo roster: M001-M040 on A-1..A-40, M041-M060 on W-1..W-20. */
export const MEMBER_SEATS = [
  ...range(1, 40).map((a) => seatId('A', a)),
  ...range(1, 20).map((a) => seatId('W', a)),
];
export const OBSERVER_SEATS = range(27, 30).map((a) => seatId('W', a));

/** Start a sitting, check in `n` members through their seats, close check-in. */
export function checkIn(f: HallFixture, n: number): void {
  f.hall.startSession('第十四届常委会第十次会议');
  f.hall.openCheckin();
  for (const seat of MEMBER_SEATS.slice(0, n)) f.press(seat, [1]);
  f.flush();
  f.hall.closeCheckin();
}
