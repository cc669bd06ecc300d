/**
 * An in-process line: two transports joined back to back, for fast unit tests. Bytes are
 * delivered asynchronously (a macrotask later), like a real line. `unplug()` closes both ends
 * as a pulled cable would; `plug()` lets new transports open again.
 */
import { TransportEvents } from './transport';
import type { Transport, TransportFactory } from './transport';

class MemoryEnd implements Transport {
  readonly events = new TransportEvents();
  private open_ = false;

  constructor(private readonly line: MemoryLine) {}

  get isOpen(): boolean {
    return this.open_;
  }

  async open(): Promise<void> {
    if (!this.line.plugged) throw new Error('no such device');
    this.open_ = true;
  }

  async close(): Promise<void> {
    this.open_ = false;
    this.events.silence();
  }

  write(bytes: Uint8Array): boolean {
    if (!this.open_) return false;
    const copy = bytes.slice();
    setImmediate(() => {
      const peer = this.line.peerOf(this);
      if (this.open_ && peer?.open_) peer.events.emitData(copy);
    });
    return true;
  }

  onData(listener: (bytes: Uint8Array) => void): void {
    this.events.onData(listener);
  }

  onClose(listener: (reason: string) => void): void {
    this.events.onClose(listener);
  }

  drop(reason: string): void {
    if (!this.open_) return;
    this.open_ = false;
    this.events.emitClose(reason);
  }
}

/** One cable: a host side and a device side; each `host()`/`device()` call is a fresh open. */
export class MemoryLine {
  plugged = true;
  private hostEnd: MemoryEnd | undefined;
  private deviceEnd: MemoryEnd | undefined;

  readonly host: TransportFactory = () => (this.hostEnd = new MemoryEnd(this));
  readonly device: TransportFactory = () => (this.deviceEnd = new MemoryEnd(this));

  peerOf(end: MemoryEnd): MemoryEnd | undefined {
    return end === this.hostEnd ? this.deviceEnd : this.hostEnd;
  }

  unplug(): void {
    this.plugged = false;
    this.hostEnd?.drop('unplugged');
    this.deviceEnd?.drop('unplugged');
  }

  plug(): void {
    this.plugged = true;
  }
}
