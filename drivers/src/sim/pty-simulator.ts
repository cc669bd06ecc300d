/**
 * A simulator served on the device side of a socat pty pair: the driver opens `hostPath` like a
 * real serial port. `unplug()`/`replug()` pull and restore the cable (the simulator reattaches by
 * itself). Used by the demo hall, the pty test suites and the benchmarks.
 */
import { SerialTransport } from '../transport/serial-transport';
import type { Transport } from '../transport/transport';
import { PtyPair } from './pty-pair';

export interface Attachable {
  attach(transport: Transport): void;
  detach(): Promise<void>;
}

export class PtySimulator<S extends Attachable> {
  private constructor(
    readonly sim: S,
    private readonly pair: PtyPair,
  ) {}

  static async start<S extends Attachable>(sim: S): Promise<PtySimulator<S>> {
    const pair = await PtyPair.create();
    const p = new PtySimulator(sim, pair);
    await p.attach();
    return p;
  }

  get hostPath(): string {
    return this.pair.hostPath;
  }

  async unplug(): Promise<void> {
    await this.sim.detach();
    await this.pair.unplug();
  }

  async replug(): Promise<void> {
    await this.pair.replug();
    await this.attach();
  }

  async close(): Promise<void> {
    await this.sim.detach();
    await this.pair.close();
  }

  private async attach(): Promise<void> {
    const t = new SerialTransport({ path: this.pair.devicePath, baudRate: 115200 });
    await t.open();
    this.sim.attach(t);
  }
}
