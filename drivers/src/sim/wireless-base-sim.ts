/**
 * A simulated WB-1 base station with its keypads, on the DEVICE side of a line, as §2 says:
 * HELLO at power-up and on `$INFO`; every KEY kept until ACKed and re-sent 250 ms after it was
 * last sent, oldest first, under the same boot and seq; 1024 held, `$OVF` when the oldest are
 * dropped; `$MODE` relayed to awake keypads and given to each one that wakes later; `$LEDOK`
 * when a known keypad has its `$LED`; `$NAK` for bad host lines; `$STAT` heartbeats.
 * Faults: dropped or corrupted outgoing lines, lost host lines (e.g. ACKs), noise, reset.
 */
import { checkLine, encodeLine, MAX_LINE } from '../wireless/line-codec';
import { encodeBaseBody, parseHostMessage, toHex4 } from '../wireless/messages';
import type { BaseMessage, WireLamp } from '../wireless/messages';
import type { HallMode } from '../types';
import type { Transport } from '../transport/transport';
import { randomBoot, seededRng } from './random';
import type { Rng } from './random';

export interface WirelessFaults {
  dropLine: number;
  corruptLine: number;
  /** Probability a host line is lost before the base reads it. */
  dropHostLine: number;
  noise: number;
}

export interface SimKeypad {
  awake: boolean;
  tag: number;
  mode: HallMode;
  lamp: WireLamp;
  battery: number;
  rssi: number;
}

interface Held {
  seq: number;
  keypad: number;
  tag: number;
  keys: number[];
  lastSent: number;
}

export const RESEND_MS = 250;
export const CAPACITY = 1024;

export class WirelessBaseSim {
  readonly keypads = new Map<number, SimKeypad>();
  faults: WirelessFaults = { dropLine: 0, corruptLine: 0, dropHostLine: 0, noise: 0 };
  boot: number;
  held: Held[] = [];
  mode: { tag: number; mode: HallMode } = { tag: 0, mode: 'idle' };
  private seq = 0;
  private readonly rng: Rng;
  private transport: Transport | undefined;
  private rx = '';
  private timer: NodeJS.Timeout | undefined;
  /** 0: the first heartbeat goes out at once, as keypads that wake report themselves. */
  private lastStat = 0;

  constructor(
    private readonly options: {
      keypads: readonly number[];
      seed?: number;
      /** Keys per keypad, reported in `$HELLO` (SEAT-PROTOCOLS.md §2); default 3. */
      keys?: 3 | 5;
      statIntervalMs?: number;
    },
  ) {
    this.rng = seededRng(options.seed ?? 2);
    this.boot = randomBoot(this.rng);
    for (const k of options.keypads) {
      this.keypads.set(k, { awake: true, tag: 0, mode: 'idle', lamp: '-', battery: 90, rssi: -60 });
    }
  }

  get bootHex(): string {
    return toHex4(this.boot);
  }

  attach(transport: Transport): void {
    this.transport = transport;
    this.rx = '';
    transport.onData((bytes) => this.transport === transport && this.received(bytes));
    transport.onClose(() => {
      if (this.transport === transport) this.transport = undefined;
    });
    this.timer ??= setInterval(() => this.tick(), 50);
  }

  async detach(): Promise<void> {
    const t = this.transport;
    this.transport = undefined;
    await t?.close();
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.detach();
  }

  /** The vote tag a keypad shows now (the last `$MODE` it got while awake), 0 if unknown. */
  shownTag(keypad: number): number {
    return this.keypads.get(keypad)?.tag ?? 0;
  }

  /** A key event of one keypad (its keys within 50 ms, §2), under the tag the keypad shows. */
  press(keypad: number, keys: readonly number[]): void {
    const k = this.keypads.get(keypad);
    if (!k) throw new Error(`no simulated keypad ${keypad}`);
    const sorted = [...new Set(keys)].filter((n) => n >= 1 && n <= 5).sort();
    if (sorted.length === 0) return;
    this.seq = this.seq >= 0xffff ? 1 : this.seq + 1;
    const ev: Held = { seq: this.seq, keypad, tag: k.tag, keys: sorted, lastSent: Date.now() };
    this.held.push(ev);
    if (this.held.length > CAPACITY) {
      const dropped = this.held.length - CAPACITY;
      this.held.splice(0, dropped);
      this.sendLine({ t: 'OVF', count: dropped });
    }
    this.sendKey(ev);
  }

  /** Power-cycle: unacknowledged events and the mode are lost (RAM), seq restarts under a new boot (§2). */
  reset(): void {
    this.boot = randomBoot(this.rng, this.boot);
    this.seq = 0;
    this.held = [];
    this.mode = { tag: 0, mode: 'idle' };
    this.hello();
  }

  /** A keypad wakes: it gets the current mode again (§2 `$MODE`). */
  wake(keypad: number): void {
    const k = this.keypads.get(keypad);
    if (!k) return;
    k.awake = true;
    k.tag = this.mode.tag;
    k.mode = this.mode.mode;
  }

  sleep(keypad: number): void {
    const k = this.keypads.get(keypad);
    if (k) k.awake = false;
  }

  private hello(): void {
    this.sendLine({
      t: 'HELLO',
      model: 'WB-1',
      firmware: '2.1',
      keys: this.options.keys ?? 3,
      capacity: CAPACITY,
      boot: this.bootHex,
    });
  }

  private sendKey(ev: Held): void {
    ev.lastSent = Date.now();
    this.sendLine({
      t: 'KEY',
      boot: this.bootHex,
      seq: ev.seq,
      keypad: ev.keypad,
      tag: ev.tag,
      keys: ev.keys,
    });
  }

  private sendLine(m: BaseMessage | { t: 'RAW'; body: string }): void {
    const t = this.transport;
    if (!t || this.rng() < this.faults.dropLine) return;
    const body = m.t === 'RAW' ? m.body : encodeBaseBody(m);
    const bytes = Buffer.from(encodeLine(body), 'latin1');
    if (this.rng() < this.faults.corruptLine) {
      const i = Math.floor(this.rng() * bytes.length);
      bytes[i] = (bytes[i] ?? 0) ^ (1 + Math.floor(this.rng() * 255));
    }
    if (this.rng() < this.faults.noise) {
      t.write(
        Uint8Array.from({ length: 1 + Math.floor(this.rng() * 12) }, () =>
          Math.floor(this.rng() * 256),
        ),
      );
    }
    t.write(bytes);
  }

  private received(bytes: Uint8Array): void {
    this.rx += Buffer.from(bytes).toString('latin1');
    for (let lf = this.rx.indexOf('\n'); lf >= 0; lf = this.rx.indexOf('\n')) {
      const raw = this.rx.slice(0, lf + 1);
      this.rx = this.rx.slice(lf + 1);
      if (this.rng() < this.faults.dropHostLine) continue;
      const dollar = raw.lastIndexOf('$');
      const v = dollar < 0 ? undefined : checkLine(Buffer.from(raw.slice(dollar), 'latin1'));
      if (!v || !v.ok) this.sendLine({ t: 'NAK', code: v?.why === 'checksum' ? 'CHK' : 'SYN' });
      else this.command(v.body);
    }
    if (this.rx.length > MAX_LINE) this.rx = '';
  }

  private command(body: string): void {
    const m = parseHostMessage(body);
    if (m === 'SYN' || m === 'UNK') return this.sendLine({ t: 'NAK', code: m });
    switch (m.t) {
      case 'INFO':
        return this.hello();
      case 'ACK':
        if (m.boot === this.bootHex) this.held = this.held.filter((e) => e.seq !== m.seq);
        return;
      case 'MODE':
        this.mode = { tag: m.tag, mode: m.mode };
        for (const k of this.keypads.values()) {
          if (!k.awake) continue;
          k.tag = m.tag;
          k.mode = m.mode;
        }
        return this.sendLine({ t: 'MODEOK', tag: m.tag, mode: m.mode });
      case 'LED': {
        const k = this.keypads.get(m.keypad);
        if (!k) return;
        k.lamp = m.lamp;
        return this.sendLine({ t: 'LEDOK', keypad: m.keypad });
      }
    }
  }

  private tick(): void {
    const now = Date.now();
    for (const ev of this.held) if (now - ev.lastSent >= RESEND_MS) this.sendKey(ev);
    const every = this.options.statIntervalMs ?? 10_000;
    if (now - this.lastStat < every) return;
    this.lastStat = now;
    for (const [keypad, k] of this.keypads) {
      if (k.awake) this.sendLine({ t: 'STAT', keypad, battery: k.battery, rssi: k.rssi });
    }
  }
}
