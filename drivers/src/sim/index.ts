/** The seat simulator (`@hall/drivers/sim`): simulated buses for tests, benches and the demo hall. */
export { ModbusBusSim } from './modbus-bus-sim';
export type { ModbusFaults, ModbusSimOptions } from './modbus-bus-sim';
export { SimUnit } from './modbus-unit';
export { WirelessBaseSim, RESEND_MS, CAPACITY } from './wireless-base-sim';
export type { WirelessFaults, SimKeypad } from './wireless-base-sim';
export { FaultySim, FaultyTransport, NO_FAULTS } from './faulty-transport';
export type { FaultCounts, LineFaults } from './faulty-transport';
export { PtyPair } from './pty-pair';
export { PtySimulator } from './pty-simulator';
export { simulatedBus } from './simulated-bus';
export type { SimulatedBus } from './simulated-bus';
export { waitFor, sleep } from './wait-for';
