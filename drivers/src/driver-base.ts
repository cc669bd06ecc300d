/**
 * What both drivers share: listeners (a throwing listener never stops a driver), line counters,
 * a periodic `line-stats` event, and a supervised line (transport/line-supervisor.ts).
 */
import { LineSupervisor } from './transport/line-supervisor';
import type { LineHooks, LineTiming } from './transport/line-supervisor';
import type { TransportFactory } from './transport/transport';
import { isHallMode } from './modbus/unit-state';
import type { DriverEvent, DriverEventListener, HallMode, LineStats } from './types';

export function emptyStats(): LineStats {
  return {
    frames: 0,
    badChecksums: 0,
    timeouts: 0,
    discardedBytes: 0,
    keyEvents: 0,
    duplicates: 0,
  };
}

export abstract class DriverBase {
  protected readonly counters: LineStats = emptyStats();
  protected readonly line: LineSupervisor;
  private readonly listeners = new Set<DriverEventListener>();
  private statsTimer: NodeJS.Timeout | undefined;
  /** Listener exceptions caught (a bug in the server must not stop the bus). */
  listenerErrors = 0;

  constructor(
    readonly busId: string,
    transport: TransportFactory,
    timing: LineTiming,
    private readonly statsIntervalMs: number,
  ) {
    const hooks: LineHooks = {
      onUp: () => {
        this.emit({ type: 'bus-up', bus: this.busId });
        this.lineUp();
      },
      onDown: (reason) => {
        this.emit({ type: 'bus-down', bus: this.busId, reason });
        this.lineDown();
      },
      onData: (bytes) => this.received(bytes),
      probe: () => this.probe(),
    };
    this.line = new LineSupervisor(transport, timing, hooks);
  }

  on(listener: DriverEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  stats(): LineStats {
    return { ...this.counters };
  }

  protected emit(event: DriverEvent): void {
    for (const l of [...this.listeners]) {
      try {
        l(event);
      } catch {
        this.listenerErrors++;
      }
    }
  }

  protected startStats(): void {
    this.statsTimer = setInterval(
      () => this.emit({ type: 'line-stats', bus: this.busId, stats: this.stats() }),
      this.statsIntervalMs,
    );
    this.statsTimer.unref();
  }

  protected stopStats(): void {
    clearInterval(this.statsTimer);
  }

  protected abstract lineUp(): void;
  protected abstract lineDown(): void;
  protected abstract received(bytes: Uint8Array): void;
  protected abstract probe(): void;
}

export const STATS_INTERVAL = {
  min: 100,
  max: 3_600_000,
  default: 10_000,
  doc: 'how often a line-stats event is emitted',
};

/** What `setMode` takes, checked the same on both buses (§1 MODE, §2 `$MODE`): throws a RangeError. */
export function checkMode(mode: HallMode, tag: number): void {
  if (!isHallMode(mode)) throw new RangeError(`unknown hall mode ${String(mode)}`);
  if (!Number.isInteger(tag) || tag < 0 || tag > 0xffff)
    throw new RangeError(`vote tag ${tag} is outside 0..65535`);
}

/** The keys bitmask of a modbus unit or the digit list of a keypad, as sorted numbers 1-5. */
export function validKeys(keys: readonly number[] | undefined): number[] {
  return [...new Set(keys ?? [])].filter((k) => Number.isInteger(k) && k >= 1 && k <= 5).sort();
}
