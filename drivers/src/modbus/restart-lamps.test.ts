// A server restart mid-vote (issue 15, the SIGKILL soak): the seats whose ballot is recorded keep
// showing "registered" through the new driver's start, never dark in between, while a stale lamp
// of another seat still goes dark with the mode (SEAT-PROTOCOLS.md §1 "Holding registers", §3).
import { afterEach, describe, expect, it } from 'vitest';
import { ModbusBusSim } from '../sim/modbus-bus-sim';
import { waitFor } from '../sim/wait-for';
import { MemoryLine } from '../transport/memory-pair';
import { ModbusRtuDriver } from './driver';

const GREEN = 0x80;
const running: ModbusRtuDriver[] = [];
afterEach(async () => {
  for (const d of running.splice(0)) await d.stop();
});

describe('modbus-rtu driver after a restart mid-vote', () => {
  it('a recorded seat never goes dark; an unrecorded stale lamp does', async () => {
    const units = Array.from({ length: 12 }, (_, i) => i + 1);
    const sim = new ModbusBusSim({ addresses: units });
    // Before the restart: vote mode under tag 0x42, units 1-6 lit "registered", unit 7 lit by a
    // press the old server never recorded (it was killed mid-commit).
    for (const a of units) {
      const u = sim.unit(a);
      u.mode = 2;
      u.voteTag = 0x42;
      u.leds = a <= 7 ? GREEN : 0;
    }
    const line = new MemoryLine();
    const device = line.device();
    await device.open();
    sim.attach(device);
    const driver = new ModbusRtuDriver('A', units, line.host, {
      responseTimeoutMs: 50,
      retryMinMs: 200,
      retryMaxMs: 400,
      silenceMs: 2_000,
    });
    running.push(driver);
    const recorded = [1, 2, 3, 4, 5, 6];
    // As Hall.start: the mode, the recorded seats' lamps, then the start.
    driver.setMode('open', 0x42);
    for (const a of recorded) driver.showLamp(`A-${a}`, 'registered');
    const dark = new Set<number>();
    const watch = setInterval(() => {
      for (const a of recorded) if ((sim.unit(a).leds & GREEN) === 0) dark.add(a);
    }, 0);
    try {
      await driver.start();
      await waitFor('unit 7 dark', () => (sim.unit(7).leds & GREEN) === 0, 15_000);
      await waitFor('every unit polled twice', () =>
        units.every((a) => (sim.requestsTo.get(a) ?? 0) >= 3),
      );
    } finally {
      clearInterval(watch);
    }
    expect([...dark]).toEqual([]);
    for (const a of recorded) expect(sim.unit(a).leds & GREEN).toBe(GREEN);
    for (const a of units.slice(6)) expect(sim.unit(a).leds).toBe(0);
  });
});
