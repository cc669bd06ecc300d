// The modbus-rtu driver on real pseudo-terminals (socat) against the seat simulator: a vote with
// corruption, lost frames, a unit reset and a pulled cable keeps the count exact
// (SEAT-PROTOCOLS.md §1, §3). No timed assertions: conditions with generous bounds.
import { afterEach, describe, expect, it } from 'vitest';
import { ModbusRtuDriver, serialFactory } from '@hall/drivers';
import { ModbusBusSim, PtySimulator, waitFor } from '@hall/drivers/sim';
import type { DriverEvent, KeyEvent, ModbusOptions } from '@hall/drivers';

const OPTIONS: ModbusOptions = {
  responseTimeoutMs: 150,
  retryMinMs: 100,
  retryMaxMs: 500,
  reopenMinMs: 50,
  reopenMaxMs: 500,
  silenceMs: 2_000,
};
const LONG = 30_000;
const cleanup: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

async function hall(addresses: number[], seed = 1) {
  const pty = await PtySimulator.start(new ModbusBusSim({ addresses, seed }));
  const driver = new ModbusRtuDriver(
    'A',
    addresses,
    serialFactory({ path: pty.hostPath, baudRate: 115200 }),
    OPTIONS,
  );
  cleanup.push(
    () => pty.close(),
    () => driver.stop(),
  );
  const events: DriverEvent[] = [];
  const stored = new Map<string, number>();
  driver.on((e) => {
    events.push(e);
    if (e.type !== 'key') return;
    // The server's side: store by deliveryId, then settle.
    stored.set(e.deliveryId, (stored.get(e.deliveryId) ?? 0) + 1);
    driver.settle(e, 'registered');
  });
  const keys = () => events.filter((e): e is KeyEvent => e.type === 'key');
  const of = (type: DriverEvent['type']) => events.filter((e) => e.type === type);
  return { pty, sim: pty.sim, driver, events, stored, keys, of };
}

const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);
const choice = (a: number) => [1 + (a % 3)];

describe('modbus-rtu on a pty', { timeout: 180_000 }, () => {
  it('counts a vote exactly through corruption, drops, a unit reset and unplug/replug', async () => {
    const units = range(1, 40);
    const { pty, sim, driver, stored, keys, of } = await hall(units);
    driver.setMode('open', 10);
    await driver.start();
    await waitFor(
      'all units synced',
      () => units.every((a) => sim.unit(a).mode === 2 && sim.unit(a).voteTag === 10),
      LONG,
    );
    sim.faults = { corruptReply: 0.05, dropReply: 0.05, noise: 0.05 };

    for (const a of range(1, 15)) sim.press(a, choice(a));
    await waitFor('first presses', () => keys().length >= 15, LONG);
    await waitFor('lamp of unit 3', () => sim.unit(3).leds === 0x80, LONG);

    sim.resetUnit(3);
    await waitFor('unit-reset', () => of('unit-reset').length === 1, LONG);
    await waitFor(
      'unit 3 re-synced',
      () => sim.unit(3).mode === 2 && sim.unit(3).voteTag === 10 && sim.unit(3).leds === 0x80,
      LONG,
    );

    await pty.unplug();
    await waitFor('bus-down', () => of('bus-down').length >= 1, LONG);
    for (const a of range(16, 30)) sim.press(a, choice(a));
    await pty.replug();
    await waitFor('bus-up again', () => of('bus-up').length >= 2, LONG);

    for (const a of range(31, 40)) sim.press(a, choice(a));
    await waitFor('every press', () => keys().length >= 40, LONG);

    expect(keys()).toHaveLength(40);
    expect([...stored.values()].every((n) => n === 1)).toBe(true);
    expect(new Set(keys().map((k) => k.seat)).size).toBe(40);
    for (const k of keys()) expect([k.tag, k.keys]).toEqual([10, choice(k.address)]);
    const s = driver.stats();
    expect(s.badChecksums + s.timeouts).toBeGreaterThan(0);
  });

  it('passes a stale tag through as pressed', async () => {
    const { sim, driver, keys } = await hall([1, 2], 3);
    driver.setMode('checkin', 1);
    await driver.start();
    await waitFor('check-in mode', () => sim.unit(2).voteTag === 1, LONG);
    sim.press(2, [1]);
    await waitFor('check-in press', () => keys().length === 1, LONG);
    driver.setMode('open', 2);
    await waitFor('vote mode', () => sim.unit(1).voteTag === 2 && sim.unit(2).voteTag === 2, LONG);
    sim.press(1, [3]);
    await waitFor('vote press', () => keys().length === 2, LONG);
    expect(keys().map((k) => [k.seat, k.tag])).toEqual([
      ['A-2', 1],
      ['A-1', 2],
    ]);
  });

  it('runs a bus of 247 units', async () => {
    const units = range(1, 247);
    const { sim, driver, keys, of } = await hall(units, 5);
    driver.setMode('open', 77);
    await driver.start();
    await waitFor('all online', () => of('seat-online').length === 247, LONG);
    for (const a of units) sim.press(a, choice(a));
    await waitFor('every press', () => keys().length >= 247, LONG);
    expect(new Set(keys().map((k) => k.deliveryId)).size).toBe(247);
    expect(keys()).toHaveLength(247);
    await waitFor('cycles', () => driver.cycleStats().cycles > 2, LONG);
  });
});
