/**
 * A fault-injecting wrapper around a Transport, for the simulators (SEAT-PROTOCOLS.md §3: "garbage
 * on the line: the hall carries on and the counts stay right"). Seeded, so a failing run can be
 * replayed. Both directions: what is written (`write`) and what is received (`onData`) each have
 * every byte flipped with probability `corruptByte` and the whole chunk dropped with probability
 * `dropFrame`. A chunk is one write, or one read as the OS delivered it.
 */
import type { Transport } from '../transport/transport';
import { seededRng } from './random';
import type { Rng } from './random';
import type { Attachable } from './pty-simulator';

export interface LineFaults {
  /** Probability that each byte is changed (XOR with a random non-zero value). */
  corruptByte: number;
  /** Probability that a whole chunk is lost. */
  dropFrame: number;
}

export const NO_FAULTS: LineFaults = { corruptByte: 0, dropFrame: 0 };

/** What a FaultyTransport did, for tests. */
export interface FaultCounts {
  corruptedBytes: number;
  droppedFrames: number;
}

export class FaultyTransport implements Transport {
  readonly counts: FaultCounts = { corruptedBytes: 0, droppedFrames: 0 };

  constructor(
    private readonly inner: Transport,
    private readonly faults: { send: LineFaults; receive: LineFaults },
    private readonly rng: Rng = seededRng(1),
  ) {}

  get isOpen(): boolean {
    return this.inner.isOpen;
  }

  open(): Promise<void> {
    return this.inner.open();
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  write(bytes: Uint8Array): boolean {
    if (!this.inner.isOpen) return this.inner.write(bytes);
    const out = this.mangle(bytes, this.faults.send);
    return out ? this.inner.write(out) : true;
  }

  onData(listener: (bytes: Uint8Array) => void): void {
    this.inner.onData((bytes) => {
      const got = this.mangle(bytes, this.faults.receive);
      if (got) listener(got);
    });
  }

  onClose(listener: (reason: string) => void): void {
    this.inner.onClose(listener);
  }

  /** The chunk as the faults leave it, or undefined when it is lost. */
  private mangle(bytes: Uint8Array, f: LineFaults): Uint8Array | undefined {
    if (f.dropFrame > 0 && this.rng() < f.dropFrame) {
      this.counts.droppedFrames++;
      return undefined;
    }
    if (f.corruptByte <= 0) return bytes;
    let out: Uint8Array | undefined;
    for (let i = 0; i < bytes.length; i++) {
      if (this.rng() >= f.corruptByte) continue;
      out ??= bytes.slice();
      out[i] = (out[i] ?? 0) ^ (1 + Math.floor(this.rng() * 255));
      this.counts.corruptedBytes++;
    }
    return out ?? bytes;
  }
}

/** A simulator served by `PtySimulator` whose every line is wrapped in faults. */
export class FaultySim<S extends Attachable> implements Attachable {
  /** Totals over every line the simulator was attached to (a replug gives a new one). */
  readonly counts: FaultCounts = { corruptedBytes: 0, droppedFrames: 0 };
  private current: FaultyTransport | undefined;
  private readonly rng: Rng;

  constructor(
    readonly sim: S,
    readonly faults: { send: LineFaults; receive: LineFaults },
    seed = 1,
  ) {
    this.rng = seededRng(seed);
  }

  attach(transport: Transport): void {
    this.settle();
    // The same faults object for every line: a test may change `send`/`receive` at any time.
    this.current = new FaultyTransport(transport, this.faults, this.rng);
    this.sim.attach(this.current);
  }

  async detach(): Promise<void> {
    await this.sim.detach();
    this.settle();
  }

  /** Corrupted bytes and dropped chunks so far. */
  totals(): FaultCounts {
    const c = this.current?.counts ?? { corruptedBytes: 0, droppedFrames: 0 };
    return {
      corruptedBytes: this.counts.corruptedBytes + c.corruptedBytes,
      droppedFrames: this.counts.droppedFrames + c.droppedFrames,
    };
  }

  private settle(): void {
    const c = this.current;
    if (!c) return;
    this.counts.corruptedBytes += c.counts.corruptedBytes;
    this.counts.droppedFrames += c.counts.droppedFrames;
    this.current = undefined;
  }
}
