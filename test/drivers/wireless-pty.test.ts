// The wireless-base driver on real pseudo-terminals (socat) against the base simulator: a vote
// with dropped and corrupted lines, lost ACKs, a base reset and a pulled cable keeps the count
// exact (SEAT-PROTOCOLS.md §2, §3). No timed assertions: conditions with generous bounds.
import { afterEach, describe, expect, it } from 'vitest';
import { serialFactory, WirelessBaseDriver } from '@hall/drivers';
import { PtySimulator, waitFor, WirelessBaseSim } from '@hall/drivers/sim';
import type { DriverEvent, KeyEvent, WirelessOptions } from '@hall/drivers';

const OPTIONS: WirelessOptions = {
  modeRetryMs: 200,
  infoIntervalMs: 1_000,
  reopenMinMs: 50,
  reopenMaxMs: 500,
  silenceMs: 2_000,
};
const LONG = 30_000;
const cleanup: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

async function hall(keypads: number[], seed = 1) {
  const base = new WirelessBaseSim({ keypads, seed, statIntervalMs: 500 });
  const pty = await PtySimulator.start(base);
  const driver = new WirelessBaseDriver(
    'W',
    serialFactory({ path: pty.hostPath, baudRate: 115200 }),
    OPTIONS,
  );
  cleanup.push(
    () => base.close(),
    () => pty.close(),
    () => driver.stop(),
  );
  const events: DriverEvent[] = [];
  const stored = new Map<string, number>();
  driver.on((e) => {
    events.push(e);
    if (e.type !== 'key') return;
    stored.set(e.deliveryId, (stored.get(e.deliveryId) ?? 0) + 1);
    // The server settles after its commit.
    setTimeout(() => driver.settle(e, 'registered'), 20);
  });
  const keys = () => events.filter((e): e is KeyEvent => e.type === 'key');
  const of = (type: DriverEvent['type']) => events.filter((e) => e.type === type);
  return { pty, sim: base, driver, stored, keys, of };
}

const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);
const choice = (k: number) => [1 + (k % 3)];

describe('wireless-base on a pty', { timeout: 180_000 }, () => {
  it('counts a vote exactly through drops, corruption, lost ACKs, a base reset and unplug/replug', async () => {
    const keypads = range(1, 30);
    const { pty, sim, driver, stored, keys, of } = await hall(keypads);
    driver.setMode('open', 0x2a);
    await driver.start();
    await waitFor('mode', () => sim.mode.tag === 0x2a, LONG);
    sim.faults = { dropLine: 0.1, corruptLine: 0.1, dropHostLine: 0.1, noise: 0.05 };

    for (const k of range(1, 10)) sim.press(k, choice(k));
    await waitFor(
      'first presses stored and acked',
      () => keys().length >= 10 && sim.held.length === 0,
      LONG,
    );

    // The HELLO of the reset may be lost: the driver learns of it from a KEY or its next $INFO.
    sim.reset();
    for (const k of range(11, 20)) sim.press(k, choice(k));
    await waitFor('base-reset', () => of('base-reset').length === 1, LONG);
    await waitFor('mode again', () => sim.mode.tag === 0x2a && sim.mode.mode === 'open', LONG);

    await pty.unplug();
    await waitFor('bus-down', () => of('bus-down').length >= 1, LONG);
    for (const k of range(21, 30)) sim.press(k, choice(k));
    await pty.replug();
    await waitFor(
      'every press stored and acked',
      () => keys().length >= 30 && sim.held.length === 0,
      LONG,
    );

    expect(keys()).toHaveLength(30);
    expect([...stored.values()].every((n) => n === 1)).toBe(true);
    expect(new Set(keys().map((k) => k.seat)).size).toBe(30);
    for (const k of keys()) expect([k.tag, k.keys]).toEqual([0x2a, choice(k.address)]);
    const s = driver.stats();
    expect(s.badChecksums + s.discardedBytes).toBeGreaterThan(0);
    expect(s.duplicates).toBeGreaterThan(0);
  });

  it('passes a stale tag through as pressed', async () => {
    const { sim, driver, keys } = await hall([1, 2], 4);
    driver.setMode('checkin', 1);
    await driver.start();
    await waitFor('check-in mode', () => sim.keypads.get(2)?.tag === 1, LONG);
    sim.sleep(2);
    driver.setMode('open', 2);
    await waitFor('vote mode', () => sim.keypads.get(1)?.tag === 2, LONG);
    sim.press(2, [1]);
    await waitFor('press', () => keys().length === 1, LONG);
    expect(keys()[0]).toMatchObject({ seat: 'W-2', tag: 1 });
  });
});
