/**
 * wireless-base on an unpaced pty: key events per second end to end (KEY line in, passed up,
 * settled, ACK out), against the wire limit of the KEY lines at 115200 baud, 10 bits a
 * character (§2: the base sends one `$KEY,...*HH\r\n` line per event).
 */
import { encodeBaseBody, encodeLine, serialFactory, WirelessBaseDriver } from '@hall/drivers';
import { PtySimulator, waitFor, WirelessBaseSim } from '@hall/drivers/sim';
import { BAUD, BITS_PER_CHAR, sleep } from './bench';
import type { Bench, Figure } from './bench';

const KEYPADS = 60;
const MEASURE_MS = 1_000; // stays below 65535 events: seq wraps under one boot (§2)
const IN_FLIGHT = 200;

export const wirelessKeys: Bench = {
  name: 'wireless-base key events (60 keypads, unpaced pty)',
  async run(): Promise<Figure[]> {
    const keypads = Array.from({ length: KEYPADS }, (_, i) => i + 1);
    const base = new WirelessBaseSim({ keypads });
    const pty = await PtySimulator.start(base);
    const driver = new WirelessBaseDriver(
      'W',
      serialFactory({ path: pty.hostPath, baudRate: BAUD }),
    );
    let events = 0;
    let lineBytes = 0;
    driver.on((e) => {
      if (e.type !== 'key') return;
      events++;
      lineBytes += encodeLine(
        encodeBaseBody({
          t: 'KEY',
          boot: base.bootHex,
          seq: Number(e.deliveryId.split(':')[2]),
          keypad: e.address,
          tag: e.tag,
          keys: e.keys,
        }),
      ).length;
      driver.settle(e, 'registered');
    });
    let pumping = true;
    let next = 0;
    const pump = (): void => {
      if (!pumping) return;
      while (base.held.length < IN_FLIGHT)
        base.press(keypads[next++ % KEYPADS] ?? 1, [1 + (next % 3)]);
      setImmediate(pump);
    };
    try {
      driver.setMode('open', 1);
      await driver.start();
      await waitFor('mode', () => base.mode.mode === 'open', 30_000);
      pump();
      await waitFor('warm', () => events > 500, 30_000);
      const e0 = events;
      const b0 = lineBytes;
      const t0 = performance.now();
      await sleep(MEASURE_MS);
      const ms = performance.now() - t0;
      const n = events - e0;
      const meanLine = (lineBytes - b0) / n;
      const limit = BAUD / (BITS_PER_CHAR * meanLine);
      return [
        {
          label: `key events/s (KEY line ${meanLine.toFixed(1)} B)`,
          value: (n * 1_000) / ms,
          unit: '/s',
          reference: limit,
          basis: '115200-baud wire limit',
          better: 'higher',
        },
      ];
    } finally {
      pumping = false;
      await driver.stop();
      await base.close();
      await pty.close();
    }
  },
};
