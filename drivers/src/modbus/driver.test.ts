// The modbus-rtu driver against the in-process simulator (SEAT-PROTOCOLS.md §1).
import { afterEach, describe, expect, it } from 'vitest';
import { ModbusBusSim } from '../sim/modbus-bus-sim';
import { sleep, waitFor } from '../sim/wait-for';
import { MemoryLine } from '../transport/memory-pair';
import type { DriverEvent, KeyEvent } from '../types';
import { ModbusRtuDriver } from './driver';
import type { ModbusOptions } from './driver';

const FAST: ModbusOptions = {
  responseTimeoutMs: 50,
  retryMinMs: 200,
  retryMaxMs: 400,
  silenceMs: 2_000,
};
const running: ModbusRtuDriver[] = [];

async function bus(
  addresses: number[],
  options: ModbusOptions = FAST,
  sim = new ModbusBusSim({ addresses }),
) {
  const line = new MemoryLine();
  const device = line.device();
  await device.open();
  sim.attach(device);
  const driver = new ModbusRtuDriver('A', addresses, line.host, options);
  running.push(driver);
  const events: DriverEvent[] = [];
  driver.on((e) => events.push(e));
  const keys = () => events.filter((e): e is KeyEvent => e.type === 'key');
  const of = (type: DriverEvent['type']) => events.filter((e) => e.type === type);
  return { line, sim, driver, events, keys, of };
}

afterEach(async () => {
  for (const d of running.splice(0)) await d.stop();
});

describe('modbus-rtu driver', () => {
  it('passes each press up once, with tag, keys and a stable deliveryId', async () => {
    const { sim, driver, keys } = await bus([1, 2, 3]);
    driver.setMode('open', 42);
    await driver.start();
    await waitFor('units synced', () =>
      [...sim.units.values()].every((u) => u.mode === 2 && u.voteTag === 42),
    );
    sim.press(2, [1, 3]);
    await waitFor('key event', () => keys().length === 1);
    const cycles = driver.cycleStats().cycles;
    await waitFor('more cycles', () => driver.cycleStats().cycles > cycles + 5);
    expect(keys()).toEqual([
      {
        type: 'key',
        bus: 'A',
        address: 2,
        seat: 'A-2',
        tag: 42,
        keys: [1, 3],
        deliveryId: `A-2:${sim.unit(2).boot.toString(16).toUpperCase().padStart(4, '0')}:1`,
      },
    ]);
    expect(driver.stats().keyEvents).toBe(1);
  });

  it('after a restart passes the last event again, stale tag as pressed', async () => {
    const sim = new ModbusBusSim({ addresses: [5] });
    const first = await bus([5], FAST, sim);
    first.driver.setMode('checkin', 1);
    await first.driver.start();
    await waitFor('synced', () => sim.unit(5).voteTag === 1);
    sim.press(5, [2]);
    await waitFor('key', () => first.keys().length === 1);
    await first.driver.stop();
    await sim.detach();

    const second = await bus([5], FAST, sim);
    second.driver.setMode('open', 2);
    await second.driver.start();
    await waitFor('key after restart', () => second.keys().length === 1);
    expect(second.keys()[0]).toMatchObject({
      tag: 1,
      keys: [2],
      deliveryId: first.keys()[0]?.deliveryId,
    });
  });

  it('detects a unit reset and re-writes MODE, VOTE_TAG and the lamp (never the key LEDs)', async () => {
    const { sim, driver, keys, of } = await bus([1, 2]);
    driver.setMode('open', 42);
    await driver.start();
    sim.press(1, [1]);
    await waitFor('key', () => keys().length === 1);
    const ev = keys()[0] as KeyEvent;
    driver.settle(ev, 'registered', [1]);
    await waitFor('LEDS key 1 + green', () => sim.unit(1).leds === 0x81);
    sim.resetUnit(1);
    await waitFor('unit-reset', () => of('unit-reset').length === 1);
    await waitFor('re-synced', () => sim.unit(1).mode === 2 && sim.unit(1).voteTag === 42);
    await waitFor('lamp restored', () => sim.unit(1).leds === 0x80);
    sim.press(1, [3]);
    await waitFor('new event after reset', () => keys().length === 2);
    expect(keys()[1]?.deliveryId).not.toBe(ev.deliveryId);
    expect(of('unit-reset')).toEqual([{ type: 'unit-reset', bus: 'A', seat: 'A-1' }]);
  });

  it('brings a unit that missed the broadcast to the current MODE and VOTE_TAG', async () => {
    const { sim, driver, of } = await bus([1, 2]);
    driver.setMode('checkin', 7);
    await driver.start();
    await waitFor('both online', () => of('seat-online').length === 2);
    await waitFor('synced', () => sim.unit(2).voteTag === 7);
    sim.unit(2).dead = true;
    driver.setMode('open', 8);
    await waitFor('unit 1 synced', () => sim.unit(1).voteTag === 8);
    await waitFor('unit 2 offline', () => of('seat-offline').length === 1);
    expect(sim.unit(2).voteTag).toBe(7);
    sim.unit(2).dead = false;
    await waitFor('unit 2 synced', () => sim.unit(2).mode === 2 && sim.unit(2).voteTag === 8);
    expect(of('seat-online').filter((e) => 'seat' in e && e.seat === 'A-2')).toHaveLength(2);
  });

  it('backs off a dead unit so it does not slow the bus', async () => {
    const { sim, driver } = await bus([1, 2, 3], { ...FAST, retryMinMs: 1_000, retryMaxMs: 5_000 });
    sim.unit(2).dead = true;
    driver.setMode('idle', 0);
    await driver.start();
    await waitFor('many polls', () => (sim.requestsTo.get(1) ?? 0) > 300);
    expect(sim.requestsTo.get(2) ?? 0).toBeLessThan(10);
    expect(driver.stats().timeouts).toBeLessThan(10);
  });

  it('writes the lamp after settle and showLamp: key bits only when passed', async () => {
    const { sim, driver, keys } = await bus([4]);
    driver.setMode('open', 3);
    await driver.start();
    sim.press(4, [2]);
    await waitFor('key', () => keys().length === 1);
    expect(sim.unit(4).leds).toBe(0);
    driver.settle(keys()[0] as KeyEvent, 'registered');
    await waitFor('green', () => sim.unit(4).leds === 0x80);
    driver.showLamp('A-4', 'not-accepted');
    await waitFor('red', () => sim.unit(4).leds === 0x40);
    driver.settle(keys()[0] as KeyEvent, 'registered', [2]);
    await waitFor('green + key 2', () => sim.unit(4).leds === 0x82);
    driver.setMode('closed', 3);
    await waitFor('closed', () => sim.unit(4).mode === 3);
    expect(sim.unit(4).leds).toBe(0x82);
    driver.setMode('open', 4);
    await waitFor(
      'new tag clears the lamps',
      () => sim.unit(4).voteTag === 4 && sim.unit(4).leds === 0,
    );
  });

  it('reports bus-down and bus-up, and delivers a press made while unplugged', async () => {
    const { line, sim, driver, keys, of } = await bus([1], {
      ...FAST,
      reopenMinMs: 20,
      reopenMaxMs: 100,
    });
    driver.setMode('open', 1);
    await driver.start();
    await waitFor('up', () => of('bus-up').length === 1);
    line.unplug();
    await waitFor('down', () => of('bus-down').length === 1);
    sim.press(1, [1]);
    await sleep(150);
    line.plug();
    const device = line.device();
    await device.open();
    sim.attach(device);
    await waitFor('up again', () => of('bus-up').length === 2);
    await waitFor('key', () => keys().length === 1);
  });

  it('validates its named options', () => {
    const line = new MemoryLine();
    expect(() => new ModbusRtuDriver('A', [1], line.host, { responseTimeoutMs: 1 })).toThrow(
      /responseTimeoutMs.*5\.\.2000/,
    );
    expect(() => new ModbusRtuDriver('A', [248], line.host)).toThrow(/1\.\.247/);
    expect(
      () => new ModbusRtuDriver('A', [1], line.host, { retryMinMs: 5_000, retryMaxMs: 1_000 }),
    ).toThrow(/retryMaxMs/);
  });
});
