/**
 * The seam between a driver (or the simulator) and a byte line. A transport is opened once and
 * closed once; to reopen, a driver asks its factory for a fresh one. Listeners never see
 * exceptions from the transport: failures arrive as one `onClose(reason)`.
 */
export interface Transport {
  /** Resolves when the line is open; rejects (with a reason) when it cannot be opened. */
  open(): Promise<void>;
  /** Idempotent; resolves when closed. Does not call `onClose` listeners. */
  close(): Promise<void>;
  /** Queue bytes; false when the line is not open (nothing was sent). */
  write(bytes: Uint8Array): boolean;
  onData(listener: (bytes: Uint8Array) => void): void;
  /** The line closed by itself or failed (unplugged, hung up, error). Called at most once. */
  onClose(listener: (reason: string) => void): void;
  readonly isOpen: boolean;
}

export type TransportFactory = () => Transport;

/** Listener plumbing shared by the transports. */
export class TransportEvents {
  private readonly data: ((bytes: Uint8Array) => void)[] = [];
  private readonly closed: ((reason: string) => void)[] = [];
  private closedOnce = false;

  onData(listener: (bytes: Uint8Array) => void): void {
    this.data.push(listener);
  }

  onClose(listener: (reason: string) => void): void {
    this.closed.push(listener);
  }

  emitData(bytes: Uint8Array): void {
    for (const l of this.data) l(bytes);
  }

  emitClose(reason: string): void {
    if (this.closedOnce) return;
    this.closedOnce = true;
    for (const l of this.closed) l(reason);
  }

  /** Closed on purpose: later failures are not reported. */
  silence(): void {
    this.closedOnce = true;
  }
}
