/**
 * The `wireless-base` driver (SEAT-PROTOCOLS.md §2). The base pushes key events and re-sends
 * each one every 250 ms until acknowledged; the driver passes each (boot, seq) up once and sends
 * `$ACK` only when the server has settled it (stored its decision). A re-send of a settled event
 * means the ACK was lost: it is sent again. A `HELLO` (or a `KEY`) under a new boot is a base
 * reset: `base-reset`, then the current `$MODE` again. `$MODE` is repeated every `modeRetryMs`
 * until `$MODEOK`; `$LED` every `ledRetryMs` until `$LEDOK`, at most `ledRetries` times. `$INFO`
 * goes on every open and every `infoIntervalMs`, so a reset whose HELLO was lost is noticed.
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

export const WIRELESS_OPTIONS = {
  ...LINE_OPTIONS,
  silenceMs: { ...LINE_OPTIONS.silenceMs, default: 15_000 },
  modeRetryMs: { min: 50, max: 10_000, default: 500, doc: 'repeat $MODE until $MODEOK' },
  ledRetryMs: { min: 50, max: 30_000, default: 1_000, doc: 'repeat $LED until $LEDOK' },
  ledRetries: { min: 0, max: 50, default: 5, doc: 'repeats of an unconfirmed $LED' },
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
  private readonly leds = new Map<number, { line: string; tries: number; at: number }>();
  private timer: NodeJS.Timeout | undefined;
  private lastModeSent = 0;
  private lastInfoSent = 0;
  /** `$NAK` answers received (a host line the base refused). */
  naks = 0;

  constructor(busId: string, transport: TransportFactory, options: WirelessOptions = {}) {
    const opts = resolveOptions(WIRELESS_OPTIONS, options);
    super(busId, transport, opts, opts.statsIntervalMs);
    this.opts = opts;
    this.reader = new LineReader(this.counters);
    this.keypads = new KeypadRegistry(busId, opts.heartbeatTimeoutMs, (e) => this.emit(e));
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
    this.mode = { mode, tag, confirmed: false };
    this.sendMode();
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
        this.leds.delete(m.keypad);
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
    if (!Number.isInteger(keypad) || keypad < 1 || keypad > 4095) return;
    const line = encodeLine(
      encodeHostBody({ t: 'LED', keypad, keys: validKeys(keys), lamp: WIRE_LAMP[lamp] }),
    );
    this.leds.set(keypad, { line, tries: 0, at: Date.now() });
    this.line.write(Buffer.from(line, 'latin1'));
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
    for (const [keypad, led] of this.leds) {
      if (now - led.at < this.opts.ledRetryMs) continue;
      if (led.tries >= this.opts.ledRetries) {
        this.counters.timeouts++;
        this.leds.delete(keypad);
        continue;
      }
      led.tries++;
      led.at = now;
      this.line.write(Buffer.from(led.line, 'latin1'));
    }
  }
}
