// Issue 13 "Seat keypads", both drivers on real pseudo-terminals (socat) against the seat
// simulators: after check-in, opening a vote leaves no seat showing "registered" until it
// presses (SEAT-PROTOCOLS.md §1 LEDS, §2 "`MODE` changes no keypad's lamps or LEDs: only
// `$LED` does", §3 "Check-in runs under a tag of its own"). No timed assertions: conditions
// with generous bounds.
import { afterEach, describe, expect, it } from 'vitest';
import { ModbusRtuDriver, serialFactory, WirelessBaseDriver } from '@hall/drivers';
import type { BusDriver, KeyEvent } from '@hall/drivers';
import { ModbusBusSim, PtySimulator, waitFor, WirelessBaseSim } from '@hall/drivers/sim';

const LONG = 30_000;
const GREEN = 0x80;
const cleanup: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** The server's side: every press is stored, then its seat shows "registered". */
function settleAll(driver: BusDriver): KeyEvent[] {
  const keys: KeyEvent[] = [];
  driver.on((e) => {
    if (e.type !== 'key') return;
    keys.push(e);
    setTimeout(() => driver.settle(e, 'registered'), 5);
  });
  return keys;
}

describe('a new vote clears the lamps of check-in', { timeout: 180_000 }, () => {
  it('modbus-rtu: every unit goes dark with the vote mode; a press lights only its seat', async () => {
    const units = range(1, 12);
    const pty = await PtySimulator.start(new ModbusBusSim({ addresses: units, seed: 7 }));
    const sim = pty.sim;
    const driver = new ModbusRtuDriver(
      'A',
      units,
      serialFactory({ path: pty.hostPath, baudRate: 115200 }),
      { responseTimeoutMs: 150, retryMinMs: 100, retryMaxMs: 500, silenceMs: 2_000 },
    );
    cleanup.push(
      () => pty.close(),
      () => driver.stop(),
    );
    const keys = settleAll(driver);
    const green = () => units.filter((a) => (sim.unit(a).leds & GREEN) !== 0);

    driver.setMode('checkin', 0x11);
    await driver.start();
    await waitFor('check-in mode', () => units.every((a) => sim.unit(a).voteTag === 0x11), LONG);
    for (const a of range(1, 11)) sim.press(a, [1]); // unit 12 is absent from check-in
    await waitFor('11 check-in presses', () => keys.length === 11, LONG);
    await waitFor('check-in lamps', () => green().length === 11, LONG);

    driver.setMode('open', 0x22);
    await waitFor(
      'vote mode on every unit',
      () => units.every((a) => sim.unit(a).mode === 2 && sim.unit(a).voteTag === 0x22),
      LONG,
    );
    // MODE, VOTE_TAG and LEDS=0 go in one write (§1 0x10): no unit shows the vote mode lit.
    expect(green()).toEqual([]);
    expect(units.map((a) => sim.unit(a).leds)).toEqual(units.map(() => 0));

    sim.press(5, [2]);
    await waitFor('the vote press', () => keys.length === 12, LONG);
    await waitFor('unit 5 registered', () => green().length === 1, LONG);
    expect(green()).toEqual([5]);
    expect(keys.at(-1)).toMatchObject({ seat: 'A-5', tag: 0x22 });
  });

  it('wireless-base: every keypad goes dark after $MODE; a press lights only its seat', async () => {
    const keypads = range(1, 12);
    const base = new WirelessBaseSim({ keypads, seed: 8, statIntervalMs: 500 });
    // Keypad 12 still shows green from before this driver started (a server restart): the
    // driver lights nothing on it, and must clear it all the same.
    base.keypads.get(12)!.lamp = 'G';
    const pty = await PtySimulator.start(base);
    const driver = new WirelessBaseDriver(
      'W',
      serialFactory({ path: pty.hostPath, baudRate: 115200 }),
      // A small window: the clears of 12 keypads go out paced, in several rounds.
      { modeRetryMs: 200, infoIntervalMs: 1_000, silenceMs: 2_000, ledWindow: 3 },
      keypads,
    );
    cleanup.push(
      () => base.close(),
      () => pty.close(),
      () => driver.stop(),
    );
    const keys = settleAll(driver);
    const green = () => keypads.filter((k) => base.keypads.get(k)!.lamp === 'G');

    driver.setMode('checkin', 0x11);
    await driver.start();
    await waitFor(
      'check-in mode',
      () => keypads.every((k) => base.keypads.get(k)!.tag === 0x11),
      LONG,
    );
    await waitFor('keypad 12 cleared by the first mode', () => green().length === 0, LONG);
    for (const k of range(1, 11)) base.press(k, [1]);
    await waitFor('11 check-in presses', () => keys.length === 11, LONG);
    await waitFor('check-in lamps', () => green().length === 11, LONG);
    await waitFor('check-in acknowledged', () => base.held.length === 0, LONG);

    driver.setMode('open', 0x22);
    await waitFor(
      'vote mode on every keypad',
      () => keypads.every((k) => base.keypads.get(k)!.mode === 'open'),
      LONG,
    );
    await waitFor('no keypad shows registered', () => green().length === 0, LONG);
    expect(keypads.map((k) => base.keypads.get(k)!.lamp)).toEqual(keypads.map(() => '-'));

    base.press(5, [2]);
    await waitFor('the vote press', () => keys.length === 12, LONG);
    await waitFor('keypad 5 registered', () => green().length === 1, LONG);
    expect(green()).toEqual([5]);
    expect(keys.at(-1)).toMatchObject({ seat: 'W-5', tag: 0x22 });

    // Closing keeps the vote's tag: the seat that pressed keeps "registered" (§3).
    driver.setMode('closed', 0x22);
    await waitFor('closed mode', () => base.mode.mode === 'closed', LONG);
    await waitFor('all confirmed', () => base.held.length === 0, LONG);
    expect(green()).toEqual([5]);
  });
});
