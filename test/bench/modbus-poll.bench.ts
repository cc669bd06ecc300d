/**
 * modbus-rtu on an unpaced pty: transactions per second against the wire limit (§1 "Timing": a
 * poll of registers 0-3 is about 6.3 ms a unit at 115200 baud, ~159 a second), and a full poll
 * cycle of a 60-unit bus against the physical 0.38 s.
 */
import { ModbusRtuDriver, serialFactory } from '@hall/drivers';
import { ModbusBusSim, PtySimulator, waitFor } from '@hall/drivers/sim';
import { sleep } from './bench';
import type { Bench, Figure } from './bench';

const UNITS = 60;
const MEASURE_MS = 3_000;
const WIRE_TPS = 1_000 / 6.3;
const PHYSICAL_CYCLE_MS = 380;

export const modbusPoll: Bench = {
  name: 'modbus-rtu poll (60 units, unpaced pty)',
  async run(): Promise<Figure[]> {
    const addresses = Array.from({ length: UNITS }, (_, i) => i + 1);
    const pty = await PtySimulator.start(new ModbusBusSim({ addresses }));
    const driver = new ModbusRtuDriver(
      'B',
      addresses,
      serialFactory({ path: pty.hostPath, baudRate: 115200 }),
    );
    try {
      driver.setMode('open', 1);
      await driver.start();
      await waitFor('units synced', () => driver.cycleStats().cycles >= 3, 30_000);
      const f0 = driver.stats().frames;
      const c0 = driver.cycleStats().cycles;
      const t0 = performance.now();
      await sleep(MEASURE_MS);
      const ms = performance.now() - t0;
      const tps = ((driver.stats().frames - f0) * 1_000) / ms;
      const cycleMs = ms / (driver.cycleStats().cycles - c0);
      return [
        {
          label: 'transactions/s',
          value: tps,
          unit: '/s',
          reference: WIRE_TPS,
          basis: '115200-baud wire limit',
          better: 'higher',
        },
        {
          label: '60-unit poll cycle',
          value: cycleMs,
          unit: 'ms',
          reference: PHYSICAL_CYCLE_MS,
          basis: 'physical 0.38 s',
          better: 'lower',
        },
      ];
    } finally {
      await driver.stop();
      await pty.close();
    }
  },
};
