// Issue 14 "Seat keys for any option set": how many keys each seat has, as its unit reports it
// (modbus UNIT_INFO low byte, wireless `$HELLO`: SEAT-PROTOCOLS.md §1, §2), else its bus's
// configured `keys` (hall-config.ts BusConfigSchema), else unknown.
import { afterEach, describe, expect, it } from 'vitest';
import { simulatedBus, waitFor } from '@hall/drivers/sim';
import { seatId } from '@hall/shared';
import { FakeBus } from '../../test-support/fake-bus';
import { range, silentLog } from '../../test-support/hall-fixture';
import { HallHardware } from './hall-hardware';

let hw: HallHardware | undefined;
afterEach(async () => {
  await hw?.stop();
  hw = undefined;
});

describe('HallHardware.keysOf', () => {
  it('remembers what each unit reports, falls back to the bus config, else unknown', async () => {
    const a = new FakeBus('A', [1, 2]); // reports 3 keys for when started
    const w = new FakeBus('W', []);
    hw = new HallHardware(
      [
        { driver: a, seats: ['A-1', 'A-2', 'A-3'], keys: 5 },
        { driver: w, seats: ['W-1'] },
      ],
      silentLog,
    );
    await hw.start();
    expect(hw.keysOf('A-1')).toBe(3); // the unit's own word beats the config
    expect(hw.keysOf('A-3')).toBe(5); // never reported: the bus's configured keys
    expect(hw.keysOf('W-1')).toBeUndefined(); // neither
    expect(hw.keysOf('X-1')).toBeUndefined();
    w.emit({ type: 'seat-online', bus: 'W', seat: 'W-1', keys: 5 });
    expect(hw.keysOf('W-1')).toBe(5);
    // A later report without a count, or with one no unit has, changes nothing.
    a.emit({ type: 'seat-online', bus: 'A', seat: 'A-1' });
    a.emit({ type: 'seat-online', bus: 'A', seat: 'A-2', keys: 9 });
    a.emit({ type: 'seat-online', bus: 'A', seat: 'A-3', keys: 0 });
    expect([hw.keysOf('A-1'), hw.keysOf('A-2'), hw.keysOf('A-3')]).toEqual([3, 3, 5]);
    // Going offline keeps the count (the same unit comes back).
    a.emit({ type: 'seat-offline', bus: 'A', seat: 'A-1' });
    expect(hw.keysOf('A-1')).toBe(3);
  });

  it('learns the key count of the demo hall’s simulated seats over the real protocols', async () => {
    const m = await simulatedBus({
      id: 'A',
      driver: 'modbus-rtu',
      addresses: '1-3',
      options: { minCycleMs: 20 },
    });
    const b = await simulatedBus({
      id: 'W',
      driver: 'wireless-base',
      addresses: '1-3',
      keys: 5, // the demo hall's units have five keys (config/demo-hall.ts)
    });
    hw = new HallHardware(
      [
        { driver: m.driver, seats: range(1, 3).map((x) => seatId('A', x)) },
        { driver: b.driver, seats: range(1, 3).map((x) => seatId('W', x)) },
      ],
      silentLog,
    );
    await hw.start();
    const seats = [
      ...range(1, 3).map((x) => seatId('A', x)),
      ...range(1, 3).map((x) => seatId('W', x)),
    ];
    await waitFor('every seat online', () => seats.every((s) => hw!.isOnline(s)), 20_000);
    // The simulators report their units' keys (UNIT_INFO, $HELLO): 3 unless configured.
    expect(seats.map((s) => hw!.keysOf(s))).toEqual([3, 3, 3, 5, 5, 5]);
  });
});
