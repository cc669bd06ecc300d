/**
 * Driver-level figure (issue 15): our modbus-rtu driver on an unpaced pty against the wire rate
 * for the same frames. SEAT-PROTOCOLS.md §1 "Timing": a poll of registers 0-3 is 8 bytes out and
 * 13 back at 10 bits a character, plus two silent intervals of 1.75 ms (above 19200 baud);
 * the unit turnaround is left out, so the reference is the line alone. Target >= 20x.
 */
import { ModbusRtuDriver, serialFactory } from '@hall/drivers';
import { ModbusBusSim, PtySimulator, waitFor } from '@hall/drivers/sim';
import { BAUD, BITS_PER_CHAR, sleep } from './bench';
import type { Bench, Figure } from './bench';
import { modbusSerialTps } from './driver/modbus-serial-poll';

const UNITS = 60;
const MEASURE_MS = 3_000;
const POLL_CHARS = 8 + 13;
const SILENT_INTERVAL_MS = 1.75;
const WIRE_MS = (POLL_CHARS * BITS_PER_CHAR * 1_000) / BAUD + 2 * SILENT_INTERVAL_MS;
const WIRE_TPS = 1_000 / WIRE_MS;

export const driverThroughput: Bench = {
  name: 'driver throughput (modbus-rtu, 60 units, unpaced pty)',
  async run(): Promise<Figure[]> {
    const addresses = Array.from({ length: UNITS }, (_, i) => i + 1);
    const pty = await PtySimulator.start(new ModbusBusSim({ addresses }));
    const driver = new ModbusRtuDriver(
      'B',
      addresses,
      serialFactory({ path: pty.hostPath, baudRate: BAUD }),
    );
    try {
      driver.setMode('open', 1);
      await driver.start();
      await waitFor('units synced', () => driver.cycleStats().cycles >= 3, 30_000);
      const f0 = driver.stats().frames;
      const t0 = performance.now();
      await sleep(MEASURE_MS);
      const ms = performance.now() - t0;
      const tps = ((driver.stats().frames - f0) * 1_000) / ms;
      await driver.stop();
      const theirs = await modbusSerialTps(UNITS, MEASURE_MS);
      return [
        {
          label: 'modbus-serial transactions/s (same poll)',
          value: theirs,
          unit: '/s',
          reference: WIRE_TPS,
          basis: 'same wire rate',
          better: 'higher',
        },
        {
          label: 'our driver vs modbus-serial',
          value: tps / theirs,
          unit: 'x',
          reference: 1,
          basis: 'modbus-serial, same run',
          better: 'higher',
        },
        {
          label: 'driver transactions/s (unpaced)',
          value: tps,
          unit: '/s',
          reference: WIRE_TPS,
          basis: `wire rate for 8+13-byte poll + 2x1.75 ms, target >=20x`,
          better: 'higher',
        },
      ];
    } finally {
      await driver.stop();
      await pty.close();
    }
  },
};
