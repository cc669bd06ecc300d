/**
 * The `modbus-rtu` driver (SEAT-PROTOCOLS.md §1): one polling loop per bus, one request in
 * flight. Each cycle reads input registers 0-3 of every unit and tells a new key event by its
 * (BOOT_ID, EVENT_SEQ); a changed BOOT_ID is a unit reset. Every online unit is brought to the
 * hall's MODE and VOTE_TAG by an acknowledged write (after `setMode`, on first contact, after a
 * reset, on coming back online), so a unit that missed the broadcast still holds them. LED
 * writes follow the server's `settle`/`showLamp` and go before the next poll. A unit that stops
 * answering is polled with exponential back-off so it does not slow the bus.
 */
import { parseSeatId } from '@hall/shared';
import { checkMode, DriverBase, STATS_INTERVAL, validKeys } from '../driver-base';
import { LINE_OPTIONS, resolveOptions } from '../options';
import type { TransportFactory } from '../transport/transport';
import { MAX_ADDRESS } from '../types';
import type { BusDriver, HallMode, KeyEvent, Lamp, SeatId } from '../types';
import { BROADCAST, HREG, READ_INPUT, WRITE_MULTIPLE, WRITE_SINGLE } from './frames';
import { ModbusMaster } from './master';
import { bitsFromKeys, keysFromBits, lampBits, modeValue, newUnit } from './unit-state';
import type { UnitState } from './unit-state';

/**
 * A seat is back online within 2 s of a replug (issue 15, SEAT-PROTOCOLS.md §3 "a cable pulled
 * and plugged back: the hall carries on"): however long the cable was out, the next reopen
 * attempt comes at most this long after the line is back; `lineUp` then polls every unit at once.
 */
export const RECONNECT_MAX_MS = 500;

export const MODBUS_OPTIONS = {
  ...LINE_OPTIONS,
  reopenMaxMs: { ...LINE_OPTIONS.reopenMaxMs, default: RECONNECT_MAX_MS },
  responseTimeoutMs: { min: 5, max: 2_000, default: 100, doc: 'wait for a unit reply' },
  offlineAfterTimeouts: {
    min: 1,
    max: 20,
    default: 3,
    doc: 'consecutive timeouts before a unit is offline',
  },
  retryMinMs: { min: 10, max: 60_000, default: 1_000, doc: 'first back-off of an offline unit' },
  retryMaxMs: {
    min: 100,
    max: 600_000,
    default: 30_000,
    doc: 'longest back-off of an offline unit',
  },
  broadcastGapMs: {
    min: 0,
    max: 100,
    default: 5,
    doc: 'pause after a broadcast (no unit answers)',
  },
  minCycleMs: { min: 0, max: 10_000, default: 0, doc: 'shortest polling cycle (0: poll flat out)' },
  statsIntervalMs: STATS_INTERVAL,
};

export type ModbusOptions = Partial<Record<keyof typeof MODBUS_OPTIONS, number>>;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const hex4 = (n: number): string => n.toString(16).toUpperCase().padStart(4, '0');

export class ModbusRtuDriver extends DriverBase implements BusDriver {
  readonly kind = 'modbus-rtu' as const;
  private readonly opts: Record<keyof typeof MODBUS_OPTIONS, number>;
  private readonly master: ModbusMaster;
  private readonly units: UnitState[];
  private readonly byAddress = new Map<number, UnitState>();
  private mode: { mode: HallMode; tag: number } | undefined;
  private broadcastPending: { clearLamps: boolean } | undefined;
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private cycle = { cycles: 0, lastCycleMs: 0 };

  constructor(
    busId: string,
    addresses: readonly number[],
    transport: TransportFactory,
    options: ModbusOptions = {},
  ) {
    const opts = resolveOptions(MODBUS_OPTIONS, options);
    super(busId, transport, opts, opts.statsIntervalMs);
    this.opts = opts;
    if (opts.retryMaxMs < opts.retryMinMs)
      throw new RangeError('option retryMaxMs is below retryMinMs');
    for (const a of addresses) {
      if (!Number.isInteger(a) || a < 1 || a > MAX_ADDRESS['modbus-rtu'])
        throw new RangeError(`modbus address ${a} is outside 1..${MAX_ADDRESS['modbus-rtu']}`);
    }
    this.units = [...new Set(addresses)].map((a) => newUnit(busId, a));
    for (const u of this.units) this.byAddress.set(u.address, u);
    this.master = new ModbusMaster(
      (b) => this.line.write(b),
      this.counters,
      opts.responseTimeoutMs,
    );
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.line.start();
    this.startStats();
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.stopStats();
    this.wake?.();
    await this.line.stop();
    this.master.lineDown();
    await this.loop;
  }

  setMode(mode: HallMode, tag: number): void {
    checkMode(mode, tag);
    // A new tag is a new phase (§3 "Check-in runs under a tag of its own"): the lamps of the
    // last one mean nothing now. A unit lights exactly what LEDS says and nothing else changes
    // it (§1 "Holding registers"), so a new MODE alone would leave check-in's green lamp lit:
    // the broadcast carries LEDS=0 after MODE and VOTE_TAG, and since no unit answers a
    // broadcast (§1 "Line"), each unit's acknowledged `sync` writes LEDS=0 again (`ledsStale`).
    // Same tag, new mode (open -> closed) keeps "registered" lit.
    // The first mode of a driver (a start, a server restart mid-vote) is not broadcast: each
    // unit's own `sync` writes MODE, VOTE_TAG and LEDS in one write, so a seat whose ballot is
    // recorded (the server's showLamp, before or just after start) goes from its old green
    // straight to green, never dark in between (issue 15, the SIGKILL soak), and a stale lamp
    // of another phase still goes dark with the new mode (`ledsStale`, lamp 0).
    const first = this.mode === undefined;
    const clearLamps = this.mode?.tag !== tag;
    this.mode = { mode, tag };
    if (!first) {
      this.broadcastPending = {
        clearLamps: clearLamps || (this.broadcastPending?.clearLamps ?? false),
      };
    }
    for (const u of this.units) {
      u.synced = false;
      if (clearLamps) {
        u.lamp = 0;
        u.ledsStale = true;
        u.pendingLeds = undefined;
      }
    }
    this.wake?.();
  }

  settle(event: KeyEvent, lamp: Lamp, keys?: number[]): void {
    if (event.bus !== this.busId) return;
    this.setLeds(this.byAddress.get(event.address), lamp, keys);
  }

  showLamp(seat: SeatId, lamp: Lamp): void {
    const { bus, address } = parseSeatId(seat);
    if (bus === this.busId) this.setLeds(this.byAddress.get(address), lamp, undefined);
  }

  /** Passes over the bus (units in back-off skipped) and the last one's duration (bench, diagnostics). */
  cycleStats(): { cycles: number; lastCycleMs: number } {
    return { ...this.cycle };
  }

  private setLeds(unit: UnitState | undefined, lamp: Lamp, keys: number[] | undefined): void {
    if (!unit) return;
    unit.lamp = lampBits(lamp);
    unit.pendingLeds = unit.lamp | bitsFromKeys(validKeys(keys));
    this.wake?.();
  }

  protected lineUp(): void {
    // The outage, not the units, may be why they stopped answering: try them all again now.
    for (const u of this.units) if (!u.online) u.retryAt = 0;
    this.wake?.();
  }

  protected lineDown(): void {
    this.master.lineDown();
  }

  protected received(bytes: Uint8Array): void {
    this.master.received(bytes);
  }

  protected probe(): void {
    for (const u of this.units) u.retryAt = 0;
    this.wake?.();
  }

  private async run(): Promise<void> {
    while (this.running) {
      if (!this.line.up) {
        await this.line.waitUp();
        continue;
      }
      const began = Date.now();
      let polled = 0;
      for (const unit of this.units) {
        if (!this.running || !this.line.up) break;
        await this.writePending();
        if (!unit.online && Date.now() < unit.retryAt) continue;
        await this.service(unit);
        polled++;
      }
      if (polled > 0) {
        this.cycle = { cycles: this.cycle.cycles + 1, lastCycleMs: Date.now() - began };
      }
      const rest = polled === 0 ? 1_000 : this.opts.minCycleMs - (Date.now() - began);
      if (rest > 0 && this.running && this.line.up) await this.idle(rest);
    }
  }

  /** Wait for the next retry of an offline unit, new work, or `atMostMs`. */
  private async idle(atMostMs: number): Promise<void> {
    await this.writePending();
    const next = Math.min(
      ...this.units.map((u) => (u.online ? Infinity : u.retryAt)),
      Date.now() + atMostMs,
    );
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, Math.max(1, next - Date.now()));
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    this.wake = undefined;
  }

  /** The mode broadcast, then LED writes: they go before the next poll. */
  private async writePending(): Promise<void> {
    const b = this.broadcastPending;
    if (b && this.mode) {
      this.broadcastPending = undefined;
      const values = [modeValue(this.mode.mode), this.mode.tag];
      if (b.clearLamps) values.push(0);
      this.master.broadcast({ fn: WRITE_MULTIPLE, address: BROADCAST, start: HREG.MODE, values });
      if (this.opts.broadcastGapMs > 0) await sleep(this.opts.broadcastGapMs);
    }
    for (const u of this.units) {
      if (u.pendingLeds === undefined || !u.online || !u.synced) continue;
      const value = u.pendingLeds;
      const r = await this.master.transact({
        fn: WRITE_SINGLE,
        address: u.address,
        register: HREG.LEDS,
        value,
      });
      if (r === 'down') return;
      if (r === 'timeout') this.miss(u);
      else if (u.pendingLeds === value) u.pendingLeds = undefined;
    }
  }

  /** Poll one unit: input registers 0-3 (§1 "An event is identified by (BOOT_ID, EVENT_SEQ)"). */
  private async service(u: UnitState): Promise<void> {
    const r = await this.master.transact({
      fn: READ_INPUT,
      address: u.address,
      start: 0,
      quantity: 4,
    });
    if (r === 'down') return;
    if (r === 'timeout') return this.miss(u);
    if (r.kind !== 'registers') return;
    const [seq = 0, tag = 0, keyBits = 0, boot = 0] = r.values;
    const wasOnline = u.online;
    u.online = true;
    u.misses = 0;
    u.retryDelay = 0;
    if (u.boot !== undefined && boot !== u.boot) {
      u.synced = false;
      u.ledsStale = true;
      this.emit({ type: 'unit-reset', bus: this.busId, seat: u.seat });
    }
    u.boot = boot;
    if (!wasOnline) {
      u.synced = false;
      await this.announce(u);
    }
    if (seq !== 0 && keyBits !== 0 && (u.passedBoot !== boot || u.passedSeq !== seq)) {
      u.passedBoot = boot;
      u.passedSeq = seq;
      this.counters.keyEvents++;
      this.emit({
        type: 'key',
        bus: this.busId,
        address: u.address,
        seat: u.seat,
        tag,
        keys: keysFromBits(keyBits),
        deliveryId: `${u.seat}:${hex4(boot)}:${seq}`,
      });
    }
    if (!u.synced) await this.sync(u);
  }

  /** A unit came online: report it with its UNIT_INFO (input register 4). */
  private async announce(u: UnitState): Promise<void> {
    const r = await this.master.transact({
      fn: READ_INPUT,
      address: u.address,
      start: 4,
      quantity: 1,
    });
    const info = typeof r === 'object' && r.kind === 'registers' ? r.values[0] : undefined;
    this.emit({
      type: 'seat-online',
      bus: this.busId,
      seat: u.seat,
      ...(info !== undefined ? { keys: info & 0xff, firmware: String(info >>> 8) } : {}),
    });
  }

  /**
   * Write MODE and VOTE_TAG and wait for the unit's acknowledgement; LEDS too when a write is
   * pending or the unit lost its lamp (reset, new tag). Key LEDs are never restored: they are
   * not remembered.
   */
  private async sync(u: UnitState): Promise<void> {
    if (!this.mode) return;
    const leds = u.pendingLeds ?? (u.ledsStale ? u.lamp : undefined);
    const values = [modeValue(this.mode.mode), this.mode.tag];
    if (leds !== undefined) values.push(leds);
    const r = await this.master.transact({
      fn: WRITE_MULTIPLE,
      address: u.address,
      start: HREG.MODE,
      values,
    });
    if (r === 'down') return;
    if (r === 'timeout') return this.miss(u);
    if (r.kind !== 'write-multiple') return;
    u.synced = true;
    if (leds !== undefined) u.ledsStale = false;
    if (u.pendingLeds === leds) u.pendingLeds = undefined;
  }

  private miss(u: UnitState): void {
    if (u.online) {
      u.misses++;
      if (u.misses < this.opts.offlineAfterTimeouts) return;
      u.online = false;
      u.synced = false;
      this.emit({ type: 'seat-offline', bus: this.busId, seat: u.seat });
    }
    u.retryDelay = Math.min(this.opts.retryMaxMs, Math.max(this.opts.retryMinMs, u.retryDelay * 2));
    u.retryAt = Date.now() + u.retryDelay;
  }
}
