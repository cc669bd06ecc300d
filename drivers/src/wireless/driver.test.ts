// The wireless-base driver against the in-process base simulator (SEAT-PROTOCOLS.md §2).
import { afterEach, describe, expect, it } from 'vitest';
import { sleep, waitFor } from '../sim/wait-for';
import { RESEND_MS, WirelessBaseSim } from '../sim/wireless-base-sim';
import { MemoryLine } from '../transport/memory-pair';
import type { DriverEvent, KeyEvent } from '../types';
import { WirelessBaseDriver } from './driver';
import { encodeLine } from './line-codec';
import { encodeBaseBody } from './messages';
import type { WirelessOptions } from './driver';

const FAST: WirelessOptions = {
  modeRetryMs: 100,
  ledRetryMs: 100,
  heartbeatTimeoutMs: 600,
  silenceMs: 5_000,
};
const cleanup: (() => Promise<void>)[] = [];

async function base(keypads: number[], options: WirelessOptions = FAST) {
  const line = new MemoryLine();
  const sim = new WirelessBaseSim({ keypads, statIntervalMs: 100 });
  const device = line.device();
  await device.open();
  sim.attach(device);
  const driver = new WirelessBaseDriver('W', line.host, options);
  cleanup.push(
    () => driver.stop(),
    () => sim.close(),
  );
  const events: DriverEvent[] = [];
  driver.on((e) => events.push(e));
  const keys = () => events.filter((e): e is KeyEvent => e.type === 'key');
  const of = (type: DriverEvent['type']) => events.filter((e) => e.type === type);
  return { line, sim, driver, events, keys, of };
}

afterEach(async () => {
  for (const c of cleanup.splice(0)) await c();
});

describe('wireless-base driver', () => {
  it('passes a press up once and ACKs it only when the server settles it', async () => {
    const { sim, driver, keys } = await base([12]);
    driver.setMode('open', 42);
    await driver.start();
    await waitFor('mode relayed', () => sim.keypads.get(12)?.tag === 42);
    sim.press(12, [1]);
    await waitFor('key', () => keys().length === 1);
    expect(keys()[0]).toEqual({
      type: 'key',
      bus: 'W',
      address: 12,
      seat: 'W-12',
      tag: 42,
      keys: [1],
      deliveryId: `W:${sim.bootHex}:1`,
    });
    await waitFor('two re-sends swallowed', () => driver.stats().duplicates >= 2);
    expect(sim.held).toHaveLength(1);
    driver.settle(keys()[0] as KeyEvent, 'registered');
    await waitFor('acked', () => sim.held.length === 0);
    await waitFor('lamp', () => sim.keypads.get(12)?.lamp === 'G');
    expect(keys()).toHaveLength(1);
  });

  it('sends the ACK again when a settled event is re-sent (the ACK was lost)', async () => {
    const { sim, driver, keys } = await base([3]);
    await driver.start();
    await waitFor('boot known', () => driver.stats().frames > 0);
    sim.press(3, [2]);
    await waitFor('key', () => keys().length === 1);
    sim.faults.dropHostLine = 1;
    driver.settle(keys()[0] as KeyEvent, 'not-accepted');
    await sleep(RESEND_MS * 2);
    expect(sim.held).toHaveLength(1);
    sim.faults.dropHostLine = 0;
    await waitFor('acked after a re-send', () => sim.held.length === 0);
    expect(keys()).toHaveLength(1);
  });

  it('handles a base reset: base-reset, MODE again, seq restarts under the new boot', async () => {
    const { sim, driver, keys, of } = await base([1, 2]);
    driver.setMode('open', 9);
    await driver.start();
    sim.press(1, [1]);
    await waitFor('key', () => keys().length === 1);
    driver.settle(keys()[0] as KeyEvent, 'registered');
    await waitFor('acked', () => sim.held.length === 0);
    sim.reset();
    expect(sim.mode.mode).toBe('idle');
    await waitFor('base-reset', () => of('base-reset').length === 1);
    await waitFor('mode again', () => sim.mode.mode === 'open' && sim.mode.tag === 9);
    sim.press(2, [3]);
    await waitFor('key under new boot', () => keys().length === 2);
    expect(keys()[1]?.deliveryId).toBe(`W:${sim.bootHex}:1`);
  });

  it('repeats $MODE until $MODEOK', async () => {
    const { sim, driver } = await base([1]);
    await driver.start();
    await waitFor('up', () => driver.stats().frames > 0);
    sim.faults.dropHostLine = 1;
    driver.setMode('checkin', 5);
    await waitFor('unconfirmed repeats', () => driver.stats().timeouts >= 2);
    expect(sim.mode.mode).toBe('idle');
    sim.faults.dropHostLine = 0;
    await waitFor('mode taken', () => sim.mode.mode === 'checkin' && sim.mode.tag === 5);
    const t = driver.stats().timeouts;
    await sleep(FAST.modeRetryMs! * 3);
    expect(driver.stats().timeouts).toBeLessThanOrEqual(t + 1);
  });

  it('reports heartbeats, and a keypad offline when they stop', async () => {
    const { sim, driver, of } = await base([7]);
    await driver.start();
    await waitFor('status', () => of('seat-status').length > 0);
    expect(of('seat-online')).toEqual([{ type: 'seat-online', bus: 'W', seat: 'W-7', keys: 3 }]);
    expect(of('seat-status')[0]).toEqual({
      type: 'seat-status',
      bus: 'W',
      seat: 'W-7',
      battery: 90,
      rssi: -60,
    });
    sim.sleep(7);
    await waitFor('offline', () => of('seat-offline').length === 1);
  });

  it('passes a stale tag through as pressed (a keypad that slept through $MODE)', async () => {
    const { sim, driver, keys } = await base([1, 2]);
    driver.setMode('checkin', 1);
    await driver.start();
    await waitFor('mode', () => sim.keypads.get(2)?.tag === 1);
    sim.sleep(2);
    driver.setMode('open', 2);
    await waitFor('mode', () => sim.keypads.get(1)?.tag === 2);
    sim.press(2, [1]);
    await waitFor('key', () => keys().length === 1);
    expect(keys()[0]?.tag).toBe(1);
    sim.wake(2);
    sim.press(2, [2]);
    await waitFor('second key', () => keys().length === 2);
    expect(keys()[1]?.tag).toBe(2);
  });

  it('reports $OVF loudly as an overflow event', async () => {
    const { sim, driver, of } = await base([1]);
    await driver.start();
    await waitFor('up', () => driver.stats().frames > 0);
    for (let i = 0; i < 1030; i++) sim.press(1, [1]);
    await waitFor('overflow', () => of('overflow').length > 0);
    expect(of('overflow')).toContainEqual({ type: 'overflow', bus: 'W', dropped: 1 });
  });

  it('validates its named options', () => {
    const line = new MemoryLine();
    expect(() => new WirelessBaseDriver('W', line.host, { modeRetryMs: 10 })).toThrow(
      /modeRetryMs.*50\.\.10000/,
    );
    expect(() => new WirelessBaseDriver('W', line.host, { bogus: 1 } as WirelessOptions)).toThrow(
      /unknown option bogus/,
    );
  });

  it('forgets a settled id after 8,192 newer ones: far fewer than the 65,535 after which seq wraps', async () => {
    // §2: seq runs 1-65535 per boot and wraps to 1. An id that comes back after a wrap is a NEW
    // press; the driver keeps only the last 8,192 settled ids, so it can never mistake it for a
    // re-send (and a real re-send comes every 250 ms until ACKed, long before it is forgotten).
    const line = new MemoryLine();
    const device = line.device();
    await device.open();
    const driver = new WirelessBaseDriver('W', line.host, FAST);
    cleanup.push(() => driver.stop());
    const keys: KeyEvent[] = [];
    driver.on((e) => {
      if (e.type !== 'key') return;
      keys.push(e);
      driver.settle(e, 'registered');
    });
    await driver.start();
    const send = (seq: number) =>
      device.write(
        Buffer.from(
          encodeLine(
            encodeBaseBody({
              t: 'KEY',
              boot: '7C3A',
              seq,
              keypad: 1 + (seq % 60),
              tag: 42,
              keys: [1],
            }),
          ),
          'ascii',
        ),
      );
    send(1);
    send(1); // a re-send while remembered: swallowed
    await waitFor('first', () => keys.length === 1);
    for (let seq = 2; seq <= 8_194; seq++) send(seq);
    await waitFor('8,193 more', () => keys.length === 8_194);
    expect(driver.stats().duplicates).toBe(1);
    send(1); // the same (boot, seq) again, as after a wrap: passed up as a new event
    await waitFor('after the wrap', () => keys.length === 8_195);
    expect(keys.at(-1)!.deliveryId).toBe('W:7C3A:1');
  });
});
