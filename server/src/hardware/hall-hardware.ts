import type { BusDriver, DriverEvent, HallMode, KeyEvent, Lamp } from '@hall/drivers';
import { parseSeatId, type BusHealth, type HardwarePayload } from '@hall/shared';
import { bySeat, LineHistory, lineCounters } from './line-health';

export interface HardwareLog {
  debug(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

interface Bus {
  driver: BusDriver;
  seats: string[];
  /** The bus config's `keys` (hall-config.ts BusConfigSchema): what its seats have unless told. */
  keys: number | undefined;
  up: boolean;
  reason: string | null;
  history: LineHistory;
}

/**
 * The hall's seat hardware: every bus driver behind one face. Key events go to `onKey` (the
 * press handler); health events (bus up/down, seats online/offline, resets) are kept for the
 * technician's view; the hall's mode and tag are set on every bus at once (a vote uses one tag
 * on every bus, SEAT-PROTOCOLS.md §3). Settles are routed back to the bus the event came from.
 */
export class HallHardware {
  private readonly buses = new Map<string, Bus>();
  private readonly online = new Set<string>();
  /** Each seat's key count as its unit last reported it (`seat-online` `keys`). */
  private readonly reportedKeys = new Map<string, number>();
  private onKey: (e: KeyEvent) => void = () => {};
  private onHealth: () => void = () => {};
  private onUnitReset: (seat: string) => void = () => {};
  private waiters = new Map<string, ((r: { lamp: Lamp; deliveryId: string }) => void)[]>();
  private mode: { mode: HallMode; tag: number } = { mode: 'idle', tag: 0 };
  private offs: (() => void)[] = [];

  constructor(
    drivers: readonly { driver: BusDriver; seats: string[]; keys?: number | undefined }[],
    private readonly log: HardwareLog,
  ) {
    for (const d of drivers) {
      this.buses.set(d.driver.busId, {
        driver: d.driver,
        seats: d.seats,
        keys: d.keys,
        up: false,
        reason: null,
        history: new LineHistory(),
      });
    }
  }

  listen(
    onKey: (e: KeyEvent) => void,
    onHealth: () => void,
    onUnitReset: (seat: string) => void = () => {},
  ): void {
    this.onKey = onKey;
    this.onHealth = onHealth;
    this.onUnitReset = onUnitReset;
  }

  /** Light a seat's lamp without an event (restore "registered" after a unit reset). */
  showLamp(seat: string, lamp: Lamp): void {
    this.buses.get(parseSeatId(seat).bus)?.driver.showLamp(seat, lamp);
  }

  async start(): Promise<void> {
    for (const bus of this.buses.values()) {
      this.offs.push(bus.driver.on((e) => this.handle(e)));
      bus.driver.setMode(this.mode.mode, this.mode.tag);
      await bus.driver.start();
    }
  }

  async stop(): Promise<void> {
    for (const off of this.offs) off();
    this.offs = [];
    await Promise.all([...this.buses.values()].map((b) => b.driver.stop().catch(() => {})));
  }

  setMode(mode: HallMode, tag: number): void {
    this.mode = { mode, tag };
    for (const bus of this.buses.values()) bus.driver.setMode(mode, tag);
    this.log.info({ mode, tag }, 'hall mode');
  }

  get currentMode(): { mode: HallMode; tag: number } {
    return this.mode;
  }

  /** The press handler's decision, after its commit: light the lamp (never a key LED). */
  settle(e: KeyEvent, lamp: Lamp): void {
    this.buses.get(e.bus)?.driver.settle(e, lamp);
    this.settleLocal(e, lamp);
  }

  /** Settle an event injected by the demo or a test (no bus produced it): only the waiters. */
  settleLocal(e: KeyEvent, lamp: Lamp): void {
    for (const key of [`id:${e.deliveryId}`, e.seat]) {
      const list = this.waiters.get(key);
      if (!list) continue;
      this.waiters.delete(key);
      for (const w of list) w({ lamp, deliveryId: e.deliveryId });
    }
  }

  /** Resolve with the next lamp settled for `key`: a seat, or `id:<deliveryId>` (demo presses). */
  nextSettle(key: string): Promise<{ lamp: Lamp; deliveryId: string }> {
    return new Promise((resolve) => {
      const list = this.waiters.get(key) ?? [];
      list.push(resolve);
      this.waiters.set(key, list);
    });
  }

  private handle(e: DriverEvent): void {
    this.buses.get(e.bus)?.history.note(e);
    switch (e.type) {
      case 'key':
        this.log.debug({ seat: e.seat }, 'seat key event');
        this.onKey(e);
        return;
      case 'seat-online':
        this.online.add(e.seat);
        if (isKeyCount(e.keys)) this.reportedKeys.set(e.seat, e.keys);
        break;
      case 'seat-offline':
        this.online.delete(e.seat);
        break;
      case 'bus-up': {
        const b = this.buses.get(e.bus);
        if (b) Object.assign(b, { up: true, reason: null });
        break;
      }
      case 'bus-down': {
        const b = this.buses.get(e.bus);
        if (b) Object.assign(b, { up: false, reason: e.reason });
        for (const s of b?.seats ?? []) this.online.delete(s);
        this.log.warn({ bus: e.bus, reason: e.reason }, 'bus down');
        break;
      }
      case 'unit-reset':
        this.log.warn({ ...e }, 'hardware unit-reset');
        this.onUnitReset(e.seat);
        break;
      case 'base-reset':
      case 'overflow':
        this.log.warn({ ...e }, `hardware ${e.type}`);
        break;
      default:
        return;
    }
    this.onHealth();
  }

  /** Changes whenever a line counter does (the live push refreshes the technician on it). */
  countersStamp(): string {
    return [...this.buses.values()].map((b) => Object.values(b.driver.stats()).join(',')).join(';');
  }

  isOnline(seat: string): boolean {
    return this.online.has(seat);
  }

  seatsOnline(): number {
    return this.online.size;
  }

  /**
   * How many keys the seat's unit has (issue 14: a 3-key seat serves at most 3 options): as the
   * unit last reported it (modbus UNIT_INFO, wireless `$HELLO`), else its bus's configured
   * `keys`, else undefined (votes/seat-keys.ts counts an unknown seat as the fewest, 3).
   */
  keysOf(seat: string): number | undefined {
    return this.reportedKeys.get(seat) ?? this.buses.get(parseSeatId(seat).bus)?.keys;
  }

  /**
   * The health of every line: the driver's counters typed (line-health.ts) beside the raw
   * `stats`; with `detail` (the technician), the seats of each line that are silent or reset.
   */
  health(detail: boolean): Omit<HardwarePayload, 'storage'> {
    const buses: BusHealth[] = [...this.buses.values()].map((b) => {
      const stats = { ...b.driver.stats() };
      return {
        bus: b.driver.busId,
        kind: b.driver.kind,
        up: b.up,
        reason: b.reason,
        seatsOnline: b.seats.filter((s) => this.online.has(s)).length,
        seatsTotal: b.seats.length,
        stats,
        ...lineCounters(stats, b.history),
        ...(detail
          ? {
              silentSeats: b.seats.filter((s) => !this.online.has(s)).sort(bySeat),
              resetSeats: b.history.seatsReset(),
            }
          : {}),
      };
    });
    const all = [...this.buses.values()].flatMap((b) => b.seats);
    return {
      buses,
      seatsOnline: this.online.size,
      seatsTotal: all.length,
      offline: detail ? all.filter((s) => !this.online.has(s)) : [],
    };
  }
}

/** A key count a unit can have (SEAT-PROTOCOLS.md: keys 1-5); anything else is not believed. */
function isKeyCount(keys: number | undefined): keys is number {
  return keys !== undefined && Number.isInteger(keys) && keys >= 1 && keys <= 5;
}
