/**
 * The `wireless-base` driver (SEAT-PROTOCOLS.md §2). The base pushes key events and re-sends
 * each one every 250 ms until acknowledged; the driver passes each (boot, seq) up once and sends
 * `$ACK` only when the server has settled it (stored its decision). A re-send of a settled event
 * means the ACK was lost: it is sent again. A `HELLO` (or a `KEY`) under a new boot is a base
 * reset: `base-reset`, then the current `$MODE` again. `$MODE` is repeated every `modeRetryMs`
 * until `$MODEOK`; `$LED` every `ledRetryMs` until `$LEDOK`, at most `ledRetries` times. `$INFO`
 * goes on every open and every `infoIntervalMs`, so a reset whose HELLO was lost is noticed.
 * A mode under a new tag turns every keypad's lamp off after the `$MODE` (§2: `$MODE` changes no
 * lamp), so no keypad still shows the "registered" of check-in when a vote opens.
 */
import { parseSeatId, seatId } from '@hall/shared';
import { checkMode, DriverBase, STATS_INTERVAL, validKeys } from '../driver-base';
import { LINE_OPTIONS, resolveOptions } from '../options';
import type { TransportFactory } from '../transport/transport';
import type { BusDriver, HallMode, KeyEvent, Lamp, SeatId } from '../types';
import { encodeLine, LineReader } from './line-codec';
import { encodeHostBody, parseBaseMessage } from './messages';
import type { BaseMessage, HostMessage } from './messages';
import { KeypadRegistry } from './keypads';
import { LedQueue } from './led-queue';

/** As the wired driver (modbus/driver.ts RECONNECT_MAX_MS): back within 2 s of a replug. */
export const RECONNECT_MAX_MS = 500;

export const WIRELESS_OPTIONS = {
  ...LINE_OPTIONS,
  reopenMaxMs: { ...LINE_OPTIONS.reopenMaxMs, default: RECONNECT_MAX_MS },
  silenceMs: { ...LINE_OPTIONS.silenceMs, default: 15_000 },
  modeRetryMs: { min: 50, max: 10_000, default: 500, doc: 'repeat $MODE until $MODEOK' },
  ledRetryMs: { min: 50, max: 30_000, default: 1_000, doc: 'repeat $LED until $LEDOK' },
  ledRetries: { min: 0, max: 50, default: 5, doc: 'repeats of an unconfirmed $LED' },
  ledWindow: {
    min: 1,
    max: 1_024,
    default: 32,
    doc: 'unconfirmed $LED lines in flight while the lamps are cleared after a mode change',
  },
  infoIntervalMs: {
    min: 500,
    max: 600_000,
    default: 5_000,
    doc: 'ask for HELLO this often, to notice a base reset whose HELLO was lost',
  },
  heartbeatTimeoutMs: {
    min: 500,
    max: 600_000,
    default: 35_000,
    doc: 'a keypad with no $STAT for this long is offline (heartbeat about every 10 s, §2)',
  },
  statsIntervalMs: STATS_INTERVAL,
};

export type WirelessOptions = Partial<Record<keyof typeof WIRELESS_OPTIONS, number>>;

/** Settled events remembered to re-ACK a late re-send; older ones fall back to the server's de-duplication. */
const MAX_REMEMBERED = 8_192;
const WIRE_LAMP = { registered: 'G', 'not-accepted': 'R', off: '-' } as const;

export class WirelessBaseDriver extends DriverBase implements BusDriver {
  readonly kind = 'wireless-base' as const;
  private readonly opts: Record<keyof typeof WIRELESS_OPTIONS, number>;
  private readonly reader: LineReader;
  private readonly keypads: KeypadRegistry;
  private boot: string | undefined;
  private readonly seen = new Map<string, 'pending' | 'settled'>();
  private mode: { mode: HallMode; tag: number; confirmed: boolean } | undefined;
  private readonly leds: LedQueue;
  /** Keypads whose lamp a new phase turns off: the configured ones and any the driver has lit. */
  private readonly lampKeypads: Set<number>;
  private timer: NodeJS.Timeout | undefined;
  private lastModeSent = 0;
  private lastInfoSent = 0;
  /** `$NAK` answers received (a host line the base refused). */
  naks = 0;

  /**
   * `keypads`: the keypad ids of the bus (the hall configuration's `addresses`), so a new phase
   * turns off the lamp of each one, even a keypad this driver has not lit since it started.
   */
  constructor(
    busId: string,
    transport: TransportFactory,
    options: WirelessOptions = {},
    keypads: readonly number[] = [],
  ) {
    const opts = resolveOptions(WIRELESS_OPTIONS, options);
    super(busId, transport, opts, opts.statsIntervalMs);
    this.opts = opts;
    this.reader = new LineReader(this.counters);
    this.keypads = new KeypadRegistry(busId, opts.heartbeatTimeoutMs, (e) => this.emit(e));
    this.lampKeypads = new Set(keypads.filter(isKeypad));
    this.leds = new LedQueue(
      opts,
      this.counters,
      (line) => this.line.write(Buffer.from(line, 'latin1')),
      () => this.line.up,
    );
  }

  async start(): Promise<void> {
    if (this.timer) return;
    const tick = Math.max(20, Math.min(this.opts.modeRetryMs, this.opts.ledRetryMs, 1_000) / 2);
    this.timer = setInterval(() => this.tick(), tick);
    this.timer.unref();
    this.startStats();
    this.line.start();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    this.stopStats();
    this.leds.clear();
    await this.line.stop();
  }

  setMode(mode: HallMode, tag: number): void {
    checkMode(mode, tag);
    // A new tag is a new phase (check-in, a vote, the next vote: §3 "Check-in runs under a tag
    // of its own"): the lamps of the last one mean nothing now. `$MODE` changes no keypad's lamp
    // and only `$LED` does, one keypad at a time (§2 "Host to base": no broadcast), so after the
    // `$MODE` every keypad gets `$LED,<keypad>,,-`, paced by `ledWindow`. Same tag, new mode
    // (open -> closed) keeps "registered" lit, as on the wired units (§1, modbus/driver.ts).
    const newPhase = this.mode?.tag !== tag;
    this.mode = { mode, tag, confirmed: false };
    this.sendMode();
    if (!newPhase) return;
    for (const keypad of this.lampKeypads) {
      this.leds.enqueue(keypad, ledLine(keypad, 'off', undefined));
    }
  }

  settle(event: KeyEvent, lamp: Lamp, keys?: number[]): void {
    const [bus, boot, seqText] = event.deliveryId.split(':');
    if (event.bus !== this.busId || bus !== this.busId || !boot || !seqText) return;
    const id = `${boot}:${seqText}`;
    this.seen.delete(id);
    this.seen.set(id, 'settled');
    this.forgetOld();
    // An ACK naming another boot is ignored by the base (§2): that event is gone with the reset.
    if (boot === this.boot) this.send({ t: 'ACK', boot, seq: Number(seqText) });
    this.led(event.address, lamp, keys);
  }

  showLamp(seat: SeatId, lamp: Lamp): void {
    const { bus, address } = parseSeatId(seat);
    if (bus === this.busId) this.led(address, lamp, undefined);
  }

  protected lineUp(): void {
    // A host that was not listening missed HELLO: ask for it on every open (§2).
    this.send({ t: 'INFO' });
    this.sendMode();
    this.leds.pump();
  }

  protected lineDown(): void {}

  protected probe(): void {
    this.send({ t: 'INFO' });
  }

  protected received(bytes: Uint8Array): void {
    for (const body of this.reader.push(bytes)) {
      const m = parseBaseMessage(body);
      if (!m) {
        this.counters.discardedBytes += body.length + 6;
        continue;
      }
      this.counters.frames++;
      this.handle(m);
    }
  }

  private handle(m: BaseMessage): void {
    switch (m.t) {
      case 'HELLO':
        this.keypads.keysPerKeypad = m.keys;
        this.noteBoot(m.boot);
        this.sendMode();
        return;
      case 'KEY':
        return this.key(m);
      case 'STAT':
        return this.keypads.heard(m.keypad, { battery: m.battery, rssi: m.rssi });
      case 'MODEOK':
        if (this.mode && this.mode.tag === m.tag && this.mode.mode === m.mode)
          this.mode.confirmed = true;
        return;
      case 'LEDOK':
        this.leds.confirmed(m.keypad);
        return;
      case 'OVF':
        console.warn(`wireless-base ${this.busId}: base buffer overflowed, ${m.count} events lost`);
        this.emit({ type: 'overflow', bus: this.busId, dropped: m.count });
        return;
      case 'NAK':
        this.naks++;
        return;
    }
  }

  private key(m: Extract<BaseMessage, { t: 'KEY' }>): void {
    if (this.noteBoot(m.boot)) this.sendMode();
    const id = `${m.boot}:${m.seq}`;
    const state = this.seen.get(id);
    if (state !== undefined) {
      this.counters.duplicates++;
      // Settled already: our ACK was lost, send it again.
      if (state === 'settled') this.send({ t: 'ACK', boot: m.boot, seq: m.seq });
      return;
    }
    this.seen.set(id, 'pending');
    this.forgetOld();
    this.keypads.heard(m.keypad, undefined);
    this.counters.keyEvents++;
    this.emit({
      type: 'key',
      bus: this.busId,
      address: m.keypad,
      seat: seatId(this.busId, m.keypad),
      tag: m.tag,
      keys: m.keys,
      deliveryId: `${this.busId}:${m.boot}:${m.seq}`,
    });
  }

  /** A boot other than the known one is a base reset (its unacknowledged events are lost). */
  private noteBoot(boot: string): boolean {
    if (boot === this.boot) return false;
    const known = this.boot !== undefined;
    for (const id of this.seen.keys()) if (!id.startsWith(`${boot}:`)) this.seen.delete(id);
    this.boot = boot;
    if (known) this.emit({ type: 'base-reset', bus: this.busId });
    return known;
  }

  private forgetOld(): void {
    for (const [id, state] of this.seen) {
      if (this.seen.size <= MAX_REMEMBERED) return;
      if (state === 'settled') this.seen.delete(id);
    }
  }

  private led(keypad: number, lamp: Lamp, keys: number[] | undefined): void {
    if (!isKeypad(keypad)) return;
    this.lampKeypads.add(keypad);
    this.leds.send(keypad, ledLine(keypad, lamp, keys));
  }

  private sendMode(): void {
    if (!this.mode) return;
    this.mode.confirmed = false;
    this.lastModeSent = Date.now();
    this.send({ t: 'MODE', tag: this.mode.tag, mode: this.mode.mode });
  }

  private send(m: HostMessage): void {
    if (m.t === 'INFO') this.lastInfoSent = Date.now();
    this.line.write(Buffer.from(encodeLine(encodeHostBody(m)), 'latin1'));
  }

  private tick(): void {
    const now = Date.now();
    this.keypads.check(now);
    if (!this.line.up) return;
    if (now - this.lastInfoSent >= this.opts.infoIntervalMs) this.send({ t: 'INFO' });
    if (this.mode && !this.mode.confirmed && now - this.lastModeSent >= this.opts.modeRetryMs) {
      this.counters.timeouts++;
      this.sendMode();
    }
    this.leds.tick(now);
  }
}

const isKeypad = (k: number): boolean => Number.isInteger(k) && k >= 1 && k <= 4095;

function ledLine(keypad: number, lamp: Lamp, keys: number[] | undefined): string {
  return encodeLine(
    encodeHostBody({ t: 'LED', keypad, keys: validKeys(keys), lamp: WIRE_LAMP[lamp] }),
  );
}
