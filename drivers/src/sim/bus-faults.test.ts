// Issue 15, "bus faults during a vote": both drivers on real socat ptys against the simulators,
// with 1% of bytes corrupted and 5% of chunks dropped in both directions (faulty-transport.ts),
// unit/base resets and a pulled cable. Every press is passed up exactly once (SEAT-PROTOCOLS.md
// §3 "The same event delivered twice is one press"), and after the replug every seat is back
// and shows "registered" again without being pressed (§1 reset clears LEDS; the driver rewrites
// the lamp it holds). No timed assertions: the time to online is measured and printed only.
import { afterEach, describe, expect, it } from 'vitest';
import { MODBUS_OPTIONS, ModbusRtuDriver, RECONNECT_MAX_MS } from '../modbus/driver';
import { serialFactory } from '../transport/serial-transport';
import type { DriverEvent, KeyEvent } from '../types';
import { WIRELESS_OPTIONS, WirelessBaseDriver } from '../wireless/driver';
import { FaultySim } from './faulty-transport';
import { ModbusBusSim } from './modbus-bus-sim';
import { PtySimulator } from './pty-simulator';
import { waitFor } from './wait-for';
import { WirelessBaseSim } from './wireless-base-sim';

const LONG = 40_000;
const FAULTS = { corruptByte: 0.01, dropFrame: 0.05 };
const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);
const choice = (a: number) => [1 + (a % 3)];

/** Listens as the server does: stores by deliveryId, then settles "registered". */
function listen(driver: ModbusRtuDriver | WirelessBaseDriver) {
  const events: DriverEvent[] = [];
  const stored = new Map<string, number>();
  driver.on((e) => {
    events.push(e);
    if (e.type !== 'key') return;
    stored.set(e.deliveryId, (stored.get(e.deliveryId) ?? 0) + 1);
    setTimeout(() => driver.settle(e, 'registered'), 5);
  });
  const keys = () => events.filter((e): e is KeyEvent => e.type === 'key');
  const of = (type: DriverEvent['type']) => events.filter((e) => e.type === type);
  const seatsOf = () => new Map(keys().map((k) => [k.seat, (stored.get(k.deliveryId) ?? 0) > 0]));
  return { events, stored, keys, of, seatsOf };
}

describe('reconnect timing (a seat is back within 2 s of a replug)', () => {
  it('caps the reopen back-off of both drivers well under 2 s', () => {
    expect(RECONNECT_MAX_MS).toBeLessThanOrEqual(500);
    expect(MODBUS_OPTIONS.reopenMaxMs.default).toBe(RECONNECT_MAX_MS);
    expect(WIRELESS_OPTIONS.reopenMaxMs.default).toBe(RECONNECT_MAX_MS);
    // After the reopen every unit is polled at once (`lineUp`); one that misses
    // `offlineAfterTimeouts` replies in a row is offline and polled again after `retryMinMs`.
    const o = MODBUS_OPTIONS;
    const worstFirstRetry =
      RECONNECT_MAX_MS +
      o.offlineAfterTimeouts.default * o.responseTimeoutMs.default +
      o.retryMinMs.default;
    expect(worstFirstRetry).toBeLessThan(2_000);
  });
});

describe('bus faults during a vote, on ptys', { timeout: 120_000 }, () => {
  it('modbus-rtu: exact counts, lamps restored after unit resets and unplug/replug', async () => {
    const units = range(1, 12);
    const faulty = new FaultySim(new ModbusBusSim({ addresses: units, seed: 15 }), {
      send: { corruptByte: 0, dropFrame: 0 },
      receive: { corruptByte: 0, dropFrame: 0 },
    });
    const sim = faulty.sim;
    const pty = await PtySimulator.start(faulty);
    // Default timing except a shorter silence watchdog: the defaults are what is under test.
    const driver = new ModbusRtuDriver(
      'A',
      units,
      serialFactory({ path: pty.hostPath, baudRate: 115200 }),
      {
        silenceMs: 2_000,
      },
    );
    cleanup.push(
      () => pty.close(),
      () => driver.stop(),
    );
    const { events, stored, keys, of } = listen(driver);
    driver.setMode('open', 10);
    await driver.start();
    await waitFor('all synced', () => units.every((a) => sim.unit(a).voteTag === 10), LONG);
    Object.assign(faulty.faults.send, FAULTS);
    Object.assign(faulty.faults.receive, FAULTS);

    const pressed = new Set<number>();
    const press = async (a: number) => {
      sim.press(a, choice(a));
      pressed.add(a);
    };
    for (const a of range(1, 4)) await press(a);
    await waitFor('first presses', () => keys().length >= 4, LONG);
    await waitFor('lamps 1-4', () => range(1, 4).every((a) => sim.unit(a).leds === 0x80), LONG);

    // Resets of recorded seats (lamp must come back) and of a seat not yet pressed.
    for (const a of [2, 3, 9]) sim.resetUnit(a);
    await waitFor('unit-reset x3', () => of('unit-reset').length >= 3, LONG);
    await waitFor('lamps 2, 3 back', () => [2, 3].every((a) => sim.unit(a).leds === 0x80), LONG);
    expect(sim.unit(9).leds).toBe(0);
    for (const a of range(5, 8)) await press(a);
    await waitFor('presses 5-8', () => keys().length >= 8, LONG);
    await waitFor('lamps 5-8', () => range(5, 8).every((a) => sim.unit(a).leds === 0x80), LONG);

    await pty.unplug();
    await waitFor('bus-down', () => of('bus-down').length >= 1, LONG);
    for (const a of [9, 10]) await press(a); // held by the units (§1: the last event is kept)
    sim.resetUnit(4); // a reset while the cable is out: the lamp must come back after the replug
    const ups = of('bus-up').length;
    const requestsBefore = new Map(units.map((a) => [a, sim.requestsTo.get(a) ?? 0]));
    await pty.replug();
    const replugAt = Date.now();
    await waitFor('bus-up', () => of('bus-up').length > ups, LONG);
    await waitFor(
      'every unit polled again',
      () => units.every((a) => (sim.requestsTo.get(a) ?? 0) > (requestsBefore.get(a) ?? 0)),
      LONG,
    );
    const polledMs = Date.now() - replugAt;
    // Every seat that went offline came back online (its last online/offline event).
    const offline = () => {
      const last = new Map<string, string>();
      for (const e of events)
        if (e.type === 'seat-online' || e.type === 'seat-offline') last.set(e.seat, e.type);
      return [...last].filter(([, t]) => t === 'seat-offline').map(([seat]) => seat);
    };
    await waitFor('every seat online', () => offline().length === 0, LONG);
    expect(of('seat-online').length).toBeGreaterThanOrEqual(units.length);
    await waitFor('lamp of reset unit 4', () => sim.unit(4).leds === 0x80, LONG);
    await waitFor('presses 9-10', () => keys().length >= 10, LONG);
    for (const a of [11, 12]) await press(a);
    await waitFor('every press', () => keys().length >= pressed.size, LONG);
    await waitFor(
      'every recorded seat registered',
      () => [...pressed].every((a) => sim.unit(a).leds === 0x80),
      LONG,
    );
    const lampsMs = Date.now() - replugAt;
    // Quiet cycles with the faults still on: no late double, no phantom.
    const cycles = driver.cycleStats().cycles;
    await waitFor('more cycles', () => driver.cycleStats().cycles > cycles + 20, LONG);

    expect(keys()).toHaveLength(pressed.size);
    expect(new Set(keys().map((k) => k.seat))).toEqual(new Set([...pressed].map((a) => `A-${a}`)));
    expect([...stored.values()].every((n) => n === 1)).toBe(true);
    for (const k of keys()) expect([k.tag, k.keys]).toEqual([10, choice(k.address)]);
    const totals = faulty.totals();
    expect(totals.corruptedBytes).toBeGreaterThan(0);
    expect(totals.droppedFrames).toBeGreaterThan(0);
    // Figures, not assertions (speed belongs to the bench): time from replug to every unit polled.
    console.info(
      `modbus replug: every unit polled after ${polledMs} ms (lamps after ${lampsMs} ms); faults ${JSON.stringify(totals)}`,
    );
  });

  it('wireless-base: exact counts through base resets and unplug/replug', async () => {
    const keypads = range(1, 12);
    const base = new WirelessBaseSim({ keypads, seed: 15, statIntervalMs: 500 });
    const faulty = new FaultySim(
      base,
      {
        send: { corruptByte: 0, dropFrame: 0 },
        receive: { corruptByte: 0, dropFrame: 0 },
      },
      16,
    );
    const pty = await PtySimulator.start(faulty);
    const driver = new WirelessBaseDriver(
      'W',
      serialFactory({ path: pty.hostPath, baudRate: 115200 }),
      {
        silenceMs: 2_000,
      },
    );
    cleanup.push(
      () => base.close(),
      () => pty.close(),
      () => driver.stop(),
    );
    const { stored, keys, of } = listen(driver);
    driver.setMode('open', 0x2a);
    await driver.start();
    await waitFor('mode', () => base.mode.tag === 0x2a, LONG);
    Object.assign(faulty.faults.send, FAULTS);
    Object.assign(faulty.faults.receive, FAULTS);
    const lit = (ks: number[]) => ks.every((k) => base.keypads.get(k)?.lamp === 'G');
    const acked = () => base.held.length === 0;

    for (const k of range(1, 4)) base.press(k, choice(k));
    await waitFor('first presses', () => keys().length >= 4, LONG);
    await waitFor('acked', acked, LONG); // §2: a reset loses unacknowledged events
    base.reset();
    await waitFor('base-reset', () => of('base-reset').length >= 1, LONG);
    await waitFor('mode again', () => base.mode.tag === 0x2a, LONG);
    for (const k of range(5, 8)) base.press(k, choice(k));
    await waitFor('presses 5-8', () => keys().length >= 8, LONG);
    await waitFor('acked', acked, LONG);

    await pty.unplug();
    await waitFor('bus-down', () => of('bus-down').length >= 1, LONG);
    base.reset(); // its HELLO is lost: the driver asks with $INFO when it reopens
    for (const k of [9, 10]) base.press(k, choice(k)); // held by the base until acknowledged
    const ups = of('bus-up').length;
    await pty.replug();
    const replugAt = Date.now();
    await waitFor('bus-up', () => of('bus-up').length > ups, LONG);
    await waitFor('second base-reset', () => of('base-reset').length >= 2, LONG);
    await waitFor('presses 9-10', () => keys().length >= 10, LONG);
    const keysMs = Date.now() - replugAt;
    for (const k of [11, 12]) base.press(k, choice(k));
    await waitFor('every press', () => keys().length >= 12, LONG);
    await waitFor('every keypad registered', () => lit(keypads), LONG);
    await waitFor('all acked', acked, LONG);
    // Heartbeats and re-sends go on with the faults: no late double, no phantom.
    const frames = driver.stats().frames;
    await waitFor('more traffic', () => driver.stats().frames > frames + 40, LONG);

    expect(keys()).toHaveLength(12);
    expect(new Set(keys().map((k) => k.seat)).size).toBe(12);
    expect([...stored.values()].every((n) => n === 1)).toBe(true);
    for (const k of keys()) expect([k.tag, k.keys]).toEqual([0x2a, choice(k.address)]);
    const totals = faulty.totals();
    expect(totals.corruptedBytes).toBeGreaterThan(0);
    expect(totals.droppedFrames).toBeGreaterThan(0);
    console.info(
      `wireless replug: held events in after ${keysMs} ms; faults ${JSON.stringify(totals)}`,
    );
  });
});
