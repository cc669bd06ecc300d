/**
 * One Modbus master on one line: at most one request in flight (§1: half duplex, one master),
 * each bounded by the named `responseTimeoutMs`. A transaction ends in exactly one outcome.
 */
import { encodeRequest } from './frames';
import type { Reply, Request } from './frames';
import { ReplyReader } from './reply-reader';
import type { LineStats } from '../types';

export type Outcome = Reply | 'timeout' | 'down';

interface InFlight {
  resolve: (o: Outcome) => void;
  timer: NodeJS.Timeout;
}

export class ModbusMaster {
  private readonly reader: ReplyReader;
  private inFlight: InFlight | undefined;

  constructor(
    private readonly write: (bytes: Uint8Array) => boolean,
    private readonly counters: LineStats,
    private readonly responseTimeoutMs: number,
  ) {
    this.reader = new ReplyReader(counters);
  }

  /** Send a request and wait for its reply, a timeout, or the line going down. */
  transact(req: Request): Promise<Outcome> {
    if (this.inFlight) throw new Error('modbus master: a request is already in flight');
    this.reader.expect(req);
    if (!this.write(encodeRequest(req))) return Promise.resolve('down');
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.counters.timeouts++;
        this.finish('timeout');
      }, this.responseTimeoutMs);
      this.inFlight = { resolve, timer };
    });
  }

  /** Broadcast (address 0): no unit answers (§1), so nothing is awaited. */
  broadcast(req: Request): boolean {
    return this.write(encodeRequest(req));
  }

  received(bytes: Uint8Array): void {
    const reply = this.reader.push(bytes);
    if (!reply) return;
    this.counters.frames++;
    this.finish(reply);
  }

  lineDown(): void {
    this.reader.expect(undefined);
    this.finish('down');
  }

  private finish(outcome: Outcome): void {
    const f = this.inFlight;
    if (!f) return;
    this.inFlight = undefined;
    clearTimeout(f.timer);
    this.reader.expect(undefined);
    f.resolve(outcome);
  }
}
