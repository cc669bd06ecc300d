import { pressThroughput, UNITS_PER_BUS } from '../../server/test-support/press-throughput';
import type { Bench } from './bench';

/**
 * The server's press path (press handler → one committed transaction per batch → lamps), on a
 * real SQLite file with synchronous=FULL, against what the seat wiring can deliver
 * (SEAT-PROTOCOLS.md §1 "Timing"): a bus polls about 159 units a second, and a full bus of 247
 * units takes about 1.6 s a cycle; one poll transaction is about 6.3 ms.
 */
const SEATS = 3000;
const WIRE_TX_PER_BUS = 1000 / 6.3;
const FULL_BUS_CYCLE_MS = 1600;
const ONE_POLL_MS = 6.3;

export const pressPath: Bench = {
  name: `server press path (${SEATS} seats pressing at once, ${Math.ceil(SEATS / UNITS_PER_BUS)} buses)`,
  async run() {
    const f = await pressThroughput(SEATS, 4);
    return [
      {
        label: 'presses decided and committed /s',
        value: f.pressesPerSecond,
        unit: '/s',
        reference: f.buses * WIRE_TX_PER_BUS,
        basis: `what ${f.buses} buses deliver at 115200 baud`,
        better: 'higher',
      },
      {
        label: `all ${SEATS} seats, first event to last lamp`,
        value: f.stormMs,
        unit: 'ms',
        reference: FULL_BUS_CYCLE_MS,
        basis: 'one poll cycle of a full 247-unit bus',
        better: 'lower',
      },
      {
        label: 'one press alone, event to lamp (one fsync)',
        value: f.msPerSinglePress,
        unit: 'ms',
        reference: ONE_POLL_MS,
        basis: 'one poll transaction on the wire',
        better: 'lower',
      },
    ];
  },
};
