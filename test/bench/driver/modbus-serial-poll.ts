/**
 * The same poll (FC 0x04, input registers 0-3, SEAT-PROTOCOLS.md §1) driven by a well-known master,
 * `modbus-serial`, on a simulated bus over a pty: transactions per second, for comparison.
 */
import ModbusRTU from 'modbus-serial';
import { ModbusBusSim, PtySimulator } from '@hall/drivers/sim';
import { BAUD } from '../bench';

export async function modbusSerialTps(units: number, measureMs: number): Promise<number> {
  const addresses = Array.from({ length: units }, (_, i) => i + 1);
  const pty = await PtySimulator.start(new ModbusBusSim({ addresses }));
  const client = new ModbusRTU();
  try {
    await client.connectRTUBuffered(pty.hostPath, { baudRate: BAUD });
    client.setTimeout(500);
    let n = 0;
    const t0 = performance.now();
    while (performance.now() - t0 < measureMs) {
      client.setID(addresses[n % units]!);
      await client.readInputRegisters(0, 4);
      n++;
    }
    return (n * 1_000) / (performance.now() - t0);
  } finally {
    await new Promise<void>((r) => client.close(() => r()));
    await pty.close();
  }
}
