/**
 * A bus of the hall config served by an in-process simulator (no pty): the demo hall and fast
 * tests get a real driver over a MemoryLine, with the simulator to press keys on.
 */
import { createDriver, parseAddresses } from '../config';
import type { BusConfig } from '../config';
import { MemoryLine } from '../transport/memory-pair';
import { MAX_ADDRESS } from '../types';
import type { BusDriver } from '../types';
import { ModbusBusSim } from './modbus-bus-sim';
import { WirelessBaseSim } from './wireless-base-sim';

export type SimulatedBus =
  | { kind: 'modbus-rtu'; driver: BusDriver; sim: ModbusBusSim; line: MemoryLine }
  | { kind: 'wireless-base'; driver: BusDriver; sim: WirelessBaseSim; line: MemoryLine };

export async function simulatedBus(bus: BusConfig, seed = 1): Promise<SimulatedBus> {
  const line = new MemoryLine();
  const driver = createDriver(bus, line.host);
  const device = line.device();
  await device.open();
  if (bus.driver === 'modbus-rtu') {
    const sim = new ModbusBusSim({
      addresses: parseAddresses(bus.addresses, MAX_ADDRESS['modbus-rtu']),
      seed,
      ...(bus.keys ? { keys: bus.keys } : {}),
    });
    sim.attach(device);
    return { kind: 'modbus-rtu', driver, sim, line };
  }
  const sim = new WirelessBaseSim({
    keypads: parseAddresses(bus.addresses, MAX_ADDRESS['wireless-base']),
    seed,
    ...(bus.keys ? { keys: bus.keys } : {}),
  });
  sim.attach(device);
  return { kind: 'wireless-base', driver, sim, line };
}
