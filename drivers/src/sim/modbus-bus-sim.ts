/**
 * A simulated RS-485 bus of seat units on the DEVICE side of a line (a pty from socat, or an
 * in-process MemoryLine). It answers the master as §1 says (a unit ignores a bad CRC or another
 * unit's address; nobody answers a broadcast) and injects faults on demand: corrupted or dropped
 * replies, line noise, unit resets, dead units.
 */
import { encodeReply, BROADCAST, WRITE_MULTIPLE, WRITE_SINGLE } from '../modbus/frames';
import { RequestReader } from '../modbus/request-reader';
import type { Transport } from '../transport/transport';
import { SimUnit } from './modbus-unit';
import { seededRng } from './random';
import type { Rng } from './random';

export interface ModbusFaults {
  /** Probability a reply has one byte changed (the master sees a bad CRC). */
  corruptReply: number;
  /** Probability a reply is lost (or its request was: the unit stays silent). */
  dropReply: number;
  /** Probability of random bytes on the line before a reply. */
  noise: number;
}

export interface ModbusSimOptions {
  addresses: readonly number[];
  seed?: number;
  keys?: 3 | 5;
  /** Delay before each reply (unit turnaround; 0 = as fast as the line carries it). */
  replyDelayMs?: number;
}

/** Bytes buffered with no more arriving for this long are not a frame (§1 silent interval). */
const SILENCE_FLUSH_MS = 50;

export class ModbusBusSim {
  readonly units = new Map<number, SimUnit>();
  faults: ModbusFaults = { corruptReply: 0, dropReply: 0, noise: 0 };
  /** Requests seen with a good CRC (any address), for tests. */
  requests = 0;
  /** Requests seen per unit address, for tests. */
  readonly requestsTo = new Map<number, number>();
  private readonly rng: Rng;
  private readonly reader = new RequestReader();
  private transport: Transport | undefined;
  private flushTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: ModbusSimOptions) {
    this.rng = seededRng(options.seed ?? 1);
    for (const a of options.addresses)
      this.units.set(a, new SimUnit(a, this.rng, options.keys ?? 3));
  }

  unit(address: number): SimUnit {
    const u = this.units.get(address);
    if (!u) throw new Error(`no simulated unit at address ${address}`);
    return u;
  }

  /** The vote tag a unit shows now (its VOTE_TAG register, as the master last wrote it). */
  shownTag(address: number): number {
    return this.unit(address).voteTag;
  }

  press(address: number, keys: readonly number[]): void {
    this.unit(address).press(keys);
  }

  resetUnit(address: number): void {
    this.unit(address).reset();
  }

  /** Serve the bus over this (opened) transport until detached or the line closes. */
  attach(transport: Transport): void {
    this.transport = transport;
    transport.onData((bytes) => {
      if (this.transport !== transport) return;
      for (const frame of this.reader.push(bytes)) this.serve(frame);
      clearTimeout(this.flushTimer);
      if (this.reader.pending > 0)
        this.flushTimer = setTimeout(() => this.reader.flush(), SILENCE_FLUSH_MS);
    });
    transport.onClose(() => {
      if (this.transport === transport) this.transport = undefined;
    });
  }

  async detach(): Promise<void> {
    const t = this.transport;
    this.transport = undefined;
    clearTimeout(this.flushTimer);
    this.reader.flush();
    await t?.close();
  }

  private serve(frame: Uint8Array): void {
    this.requests++;
    const address = frame[0] ?? 0;
    const fn = frame[1] ?? 0;
    if (address === BROADCAST) {
      if (fn !== WRITE_SINGLE && fn !== WRITE_MULTIPLE) return;
      for (const u of this.units.values()) if (!u.dead) u.handle(frame);
      return;
    }
    this.requestsTo.set(address, (this.requestsTo.get(address) ?? 0) + 1);
    const unit = this.units.get(address);
    if (!unit || unit.dead) return;
    const reply = unit.handle(frame);
    if (!reply || this.rng() < this.faults.dropReply) return;
    let bytes = encodeReply(reply);
    if (this.rng() < this.faults.corruptReply) {
      bytes = bytes.slice();
      const i = Math.floor(this.rng() * bytes.length);
      bytes[i] = (bytes[i] ?? 0) ^ (1 + Math.floor(this.rng() * 255));
    }
    if (this.rng() < this.faults.noise) {
      const junk = Uint8Array.from({ length: 1 + Math.floor(this.rng() * 8) }, () =>
        Math.floor(this.rng() * 256),
      );
      this.send(junk);
    }
    this.send(bytes);
  }

  private send(bytes: Uint8Array): void {
    const delay = this.options.replyDelayMs ?? 0;
    if (delay > 0) setTimeout(() => this.transport?.write(bytes), delay);
    else this.transport?.write(bytes);
  }
}
