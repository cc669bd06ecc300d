import { createDriver } from '@hall/drivers';
import type { BusDriver } from '@hall/drivers';
import { simulatedBus } from '@hall/drivers/sim';
import type { SimulatedBus } from '@hall/drivers/sim';
import { parseSeatId } from '@hall/shared';
import type { HallConfig } from '../config/hall-config';

const SIMULATED_PACE = { minCycleMs: 50 };

export interface BuiltBus {
  driver: BusDriver;
  seats: string[];
  /** Present for simulated buses: press keys on a seat (SimulatedBus of the drivers package). */
  press?: (address: number, keys: readonly number[]) => void;
  /** Present for simulated buses: the vote tag a seat shows now. */
  shownTag?: (address: number) => number;
}

/**
 * The drivers of the hall configuration (CONTRACT.md §3): a real driver on its serial line, or,
 * for `simulated: true`, the same driver over an in-process line to the drivers package's seat
 * simulator (the demo hall), so presses go through the real protocol.
 */
export async function buildBuses(config: HallConfig): Promise<BuiltBus[]> {
  const out: BuiltBus[] = [];
  for (const bus of config.buses) {
    const seats = config.seats.filter((s) => parseSeatId(s).bus === bus.id);
    const busConfig = {
      id: bus.id,
      driver: bus.driver,
      path: bus.path ?? '',
      addresses: bus.addresses,
      ...(bus.baudRate ? { baudRate: bus.baudRate } : {}),
      ...(bus.keys ? { keys: bus.keys } : {}),
      // A simulated line carries bytes at memory speed: pace the polling so the demo hall does
      // not spin a core (SEAT-PROTOCOLS.md §4), unless the config says otherwise.
      options: {
        ...(bus.simulated && bus.driver === 'modbus-rtu' ? SIMULATED_PACE : {}),
        ...bus.options,
      },
    };
    if (bus.simulated) {
      const sim: SimulatedBus = await simulatedBus(busConfig);
      const press =
        sim.kind === 'modbus-rtu'
          ? (a: number, k: readonly number[]) => sim.sim.press(a, k)
          : (a: number, k: readonly number[]) => sim.sim.press(a, k);
      const shownTag = (a: number) => sim.sim.shownTag(a);
      out.push({ driver: sim.driver, seats, press, shownTag });
    } else {
      out.push({ driver: createDriver(busConfig), seats });
    }
  }
  return out;
}
