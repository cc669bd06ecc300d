import type {
  BusDriver,
  DriverEvent,
  DriverEventListener,
  HallMode,
  KeyEvent,
  Lamp,
  LineStats,
} from '@hall/drivers';
import { seatId } from '@hall/shared';

/**
 * An in-process BusDriver with scriptable presses, for unit tests of the server (no protocol,
 * no line). It keeps the hall's mode and tag like real seats do, stamps each press with the tag
 * it shows, and remembers every settle so a test can see what each seat was told.
 */
export class FakeBus implements BusDriver {
  readonly kind = 'modbus-rtu' as const;
  mode: HallMode = 'idle';
  tag = 0;
  readonly settled: { event: KeyEvent; lamp: Lamp; keys: number[] | undefined }[] = [];
  readonly lamps = new Map<string, Lamp>();
  private listeners = new Set<DriverEventListener>();
  private seq = 0;
  private readonly stat: LineStats = {
    frames: 0,
    badChecksums: 0,
    timeouts: 0,
    discardedBytes: 0,
    keyEvents: 0,
    duplicates: 0,
  };

  constructor(
    readonly busId: string,
    readonly addresses: readonly number[],
  ) {}

  async start(): Promise<void> {
    this.emit({ type: 'bus-up', bus: this.busId });
    for (const a of this.addresses) {
      this.emit({ type: 'seat-online', bus: this.busId, seat: seatId(this.busId, a), keys: 3 });
    }
  }

  async stop(): Promise<void> {
    this.emit({ type: 'bus-down', bus: this.busId, reason: 'stopped' });
  }

  setMode(mode: HallMode, tag: number): void {
    this.mode = mode;
    this.tag = tag;
  }

  settle(event: KeyEvent, lamp: Lamp, keys?: number[]): void {
    this.settled.push({ event, lamp, keys });
    this.lamps.set(event.seat, lamp);
  }

  showLamp(seat: string, lamp: Lamp): void {
    this.lamps.set(seat, lamp);
  }

  on(listener: DriverEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  stats(): LineStats {
    return { ...this.stat };
  }

  emit(event: DriverEvent): void {
    for (const l of this.listeners) l(event);
  }

  /** A member presses `keys` at `address`; returns the event as delivered. */
  press(
    address: number,
    keys: number[],
    opts: { tag?: number; deliveryId?: string } = {},
  ): KeyEvent {
    const event: KeyEvent = {
      type: 'key',
      bus: this.busId,
      address,
      seat: seatId(this.busId, address),
      tag: opts.tag ?? this.tag,
      keys: [...keys].sort((a, b) => a - b),
      deliveryId: opts.deliveryId ?? `${this.busId}:FAKE:${++this.seq}`,
    };
    this.stat.keyEvents++;
    this.emit(event);
    return event;
  }
}
