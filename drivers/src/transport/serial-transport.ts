/**
 * A real serial line through `serialport` 13 (USB adapters, RS-485 adapters that switch
 * direction by themselves, pseudo-terminals). Errors and hang-ups become one `onClose(reason)`;
 * nothing here throws into the driver. A port that hangs up without an error (the zero-byte
 * read spin of SEAT-PROTOCOLS.md §4) is the line supervisor's watchdog's job.
 */
import { SerialPort } from 'serialport';
import { TransportEvents } from './transport';
import type { Transport, TransportFactory } from './transport';

export interface SerialOptions {
  path: string;
  baudRate: number;
}

export class SerialTransport implements Transport {
  private readonly events = new TransportEvents();
  private port: SerialPort | undefined;

  constructor(private readonly options: SerialOptions) {}

  get isOpen(): boolean {
    return this.port?.isOpen ?? false;
  }

  open(): Promise<void> {
    return new Promise((resolve, reject) => {
      const port = new SerialPort({
        path: this.options.path,
        baudRate: this.options.baudRate,
        autoOpen: false,
        // Pseudo-terminals reject modem-line calls (§4): do not touch RTS/DTR.
        hupcl: false,
      });
      port.on('data', (chunk: Buffer) => this.events.emitData(new Uint8Array(chunk)));
      port.on('close', () => this.events.emitClose('port closed'));
      port.on('error', (err: Error) => {
        this.events.emitClose(`port error: ${err.message}`);
        if (port.isOpen) port.close(() => undefined);
      });
      port.open((err) => {
        if (err) {
          this.events.silence();
          reject(new Error(`cannot open ${this.options.path}: ${err.message}`));
          return;
        }
        this.port = port;
        resolve();
      });
    });
  }

  close(): Promise<void> {
    this.events.silence();
    const port = this.port;
    this.port = undefined;
    if (!port?.isOpen) return Promise.resolve();
    return new Promise((resolve) => port.close(() => resolve()));
  }

  write(bytes: Uint8Array): boolean {
    const port = this.port;
    if (!port?.isOpen) return false;
    port.write(Buffer.from(bytes), (err) => {
      if (err) this.events.emitClose(`write failed: ${err.message}`);
    });
    return true;
  }

  onData(listener: (bytes: Uint8Array) => void): void {
    this.events.onData(listener);
  }

  onClose(listener: (reason: string) => void): void {
    this.events.onClose(listener);
  }
}

export function serialFactory(options: SerialOptions): TransportFactory {
  return () => new SerialTransport(options);
}
