/**
 * A simulated wired seat unit (SU-3 / SU-5) exactly as SEAT-PROTOCOLS.md §1 describes it:
 * input registers EVENT_SEQ, EVENT_TAG, EVENT_KEYS, BOOT_ID, UNIT_INFO; holding registers MODE,
 * VOTE_TAG, LEDS; only the LAST key event is kept; exceptions 0x01, 0x02, 0x03 in the sheet's
 * order; reset sets every holding and event register to 0 and picks a new BOOT_ID.
 */
import { READ_HOLDING, READ_INPUT, WRITE_MULTIPLE, WRITE_SINGLE, word } from '../modbus/frames';
import type { Reply } from '../modbus/frames';
import { randomBoot } from './random';
import type { Rng } from './random';

const INPUT_REGS = 5;
const HOLDING_REGS = 3;

export class SimUnit {
  seq = 0;
  eventTag = 0;
  eventKeys = 0;
  boot: number;
  mode = 0;
  voteTag = 0;
  leds = 0;
  /** A dead unit answers nothing (unpowered, cable cut). */
  dead = false;
  /** Key events recorded, for tests (the hardware itself keeps only the last). */
  presses = 0;

  constructor(
    readonly address: number,
    private readonly rng: Rng,
    readonly keys: 3 | 5 = 3,
    readonly firmware = 1,
  ) {
    this.boot = randomBoot(rng);
  }

  /** A key event (keys that went down within 50 ms of each other, §1): registers change once. */
  press(keys: readonly number[]): void {
    let bits = 0;
    for (const k of keys) if (k >= 1 && k <= this.keys) bits |= 1 << (k - 1);
    if (bits === 0) return;
    this.seq = this.seq >= 0xffff ? 1 : this.seq + 1;
    this.eventTag = this.voteTag;
    this.eventKeys = bits;
    this.presses++;
  }

  reset(): void {
    this.boot = randomBoot(this.rng, this.boot);
    this.seq = this.eventTag = this.eventKeys = 0;
    this.mode = this.voteTag = this.leds = 0;
  }

  private input(reg: number): number {
    return (
      [this.seq, this.eventTag, this.eventKeys, this.boot, (this.firmware << 8) | this.keys][reg] ??
      0
    );
  }

  private holding(reg: number): number {
    return [this.mode, this.voteTag, this.leds][reg] ?? 0;
  }

  /** §1: MODE above 3, or LEDS with bit 5 or any bit above 7 set, is a bad value. */
  private static valueOk(reg: number, value: number): boolean {
    if (reg === 0) return value <= 3;
    if (reg === 2) return (value & ~0xdf) === 0;
    return true;
  }

  private setHolding(reg: number, value: number): void {
    if (reg === 0) this.mode = value;
    else if (reg === 1) this.voteTag = value;
    else this.leds = value;
  }

  /** Apply a request frame (CRC already checked) and give the reply, if any. */
  handle(f: Uint8Array): Reply | undefined {
    const fn = f[1] ?? 0;
    const address = this.address;
    const ex = (code: number): Reply => ({ kind: 'exception', address, fn, code });
    const start = word(f, 2);
    if (fn === READ_HOLDING || fn === READ_INPUT) {
      const qty = word(f, 4);
      if (qty === 0 || qty > 125) return ex(3);
      const size = fn === READ_INPUT ? INPUT_REGS : HOLDING_REGS;
      if (start + qty > size) return ex(2);
      const values: number[] = [];
      for (let r = start; r < start + qty; r++)
        values.push(fn === READ_INPUT ? this.input(r) : this.holding(r));
      return { kind: 'registers', address, fn, values };
    }
    if (fn === WRITE_SINGLE) {
      const value = word(f, 4);
      if (start >= HOLDING_REGS) return ex(2);
      if (!SimUnit.valueOk(start, value)) return ex(3);
      this.setHolding(start, value);
      return { kind: 'write-single', address, register: start, value };
    }
    if (fn === WRITE_MULTIPLE) {
      const qty = word(f, 4);
      const count = f[6] ?? 0;
      if (qty === 0 || qty > 123 || count !== qty * 2 || f.length !== 9 + count) return ex(3);
      if (start + qty > HOLDING_REGS) return ex(2);
      const values = Array.from({ length: qty }, (_, i) => word(f, 7 + i * 2));
      if (!values.every((v, i) => SimUnit.valueOk(start + i, v))) return ex(3);
      values.forEach((v, i) => this.setHolding(start + i, v));
      return { kind: 'write-multiple', address, start, quantity: qty };
    }
    return ex(1);
  }
}
