/**
 * The interface between the seat hardware drivers and the hall server.
 *
 * Drivers know nothing of votes beyond events: they frame bytes, check checksums, de-duplicate
 * re-sent events, detect resets, keep every seat in the hall's mode and tag, and hand the server
 * a typed key event. The server decides what a press means and tells the driver what the seat
 * shows. Both protocols deliver a key event at least once (SEAT-PROTOCOLS.md); a driver passes
 * each distinct hardware event up once per driver lifetime, with a `deliveryId` that stays the
 * same when the hardware delivers it again (so the server can de-duplicate across restarts).
 */

/** The highest address of each kind of bus: modbus unit ids 1..247, keypads 1..4095. */
export const MAX_ADDRESS = { 'modbus-rtu': 247, 'wireless-base': 4095 } as const;

/** What every seat shows and records under (SEAT-PROTOCOLS.md §1 MODE, §2 `$MODE`). */
export type HallMode = 'idle' | 'checkin' | 'open' | 'closed';

import type { SeatId } from '@hall/shared';

/** A seat is `<bus id>-<address>` (CONTRACT.md §3), built by `seatId` of @hall/shared. */
export type { SeatId };

/** A key event as the hardware reported it. `tag` is passed through for the server to check. */
export interface KeyEvent {
  type: 'key';
  bus: string;
  address: number;
  seat: SeatId;
  /** The vote tag the seat showed when the event began (0-65535). */
  tag: number;
  /** The keys pressed together, ascending, 1-5. Two or more = several keys together. */
  keys: number[];
  /**
   * Stable identity of the hardware event, equal on re-delivery. Modbus: `<seat>:<BOOT_ID
   * hex>:<EVENT_SEQ>` (BOOT_ID is per unit and only 16 bits, so two units of a bus may share
   * one: the seat is part of the id). Wireless: `<bus>:<boot hex>:<seq>` (boot and seq of the
   * base, which numbers the events of all its keypads).
   */
  deliveryId: string;
}

/** What the seat shows after the server's decision (never which key: see `Lamp`). */
export type Lamp = 'registered' | 'not-accepted' | 'off';

export interface LineStats {
  /** Good frames or lines received. */
  frames: number;
  /** Frames or lines dropped for a bad CRC / checksum. */
  badChecksums: number;
  /** Requests that got no answer in time (modbus) or commands not confirmed (wireless). */
  timeouts: number;
  /** Bytes thrown away while re-synchronising. */
  discardedBytes: number;
  /** Key events passed to the server. */
  keyEvents: number;
  /** Re-deliveries of an event already passed up, swallowed by the driver. */
  duplicates: number;
}

export type DriverEvent =
  | KeyEvent
  | { type: 'seat-online'; bus: string; seat: SeatId; keys?: number; firmware?: string }
  | { type: 'seat-offline'; bus: string; seat: SeatId }
  | { type: 'seat-status'; bus: string; seat: SeatId; battery?: number; rssi?: number }
  | { type: 'unit-reset'; bus: string; seat: SeatId }
  | { type: 'base-reset'; bus: string }
  | { type: 'bus-up'; bus: string }
  | { type: 'bus-down'; bus: string; reason: string }
  | { type: 'overflow'; bus: string; dropped: number }
  | { type: 'line-stats'; bus: string; stats: LineStats };

export type DriverEventListener = (event: DriverEvent) => void;

/** One bus of seats behind one serial line. */
export interface BusDriver {
  readonly busId: string;
  readonly kind: 'modbus-rtu' | 'wireless-base';
  /** Open the line and begin; resolves once started (the line may still be down: see events). */
  start(): Promise<void>;
  /** Stop polling, close the line; pending work is abandoned (nothing was acknowledged for it). */
  stop(): Promise<void>;
  /** Put every seat of the bus into this mode and tag, and keep them there (late or reset units too). */
  setMode(mode: HallMode, tag: number): void;
  /**
   * The server has durably stored its decision on this event. Only now does the driver
   * acknowledge it to the hardware (wireless `$ACK`) and light the lamp. `keys` lights key LEDs
   * too; the server passes none by default (a lit key shows the choice to whoever sees the seat).
   */
  settle(event: KeyEvent, lamp: Lamp, keys?: number[]): void;
  /** Light a seat's lamp without an event (e.g. restore "registered" after a unit reset). */
  showLamp(seat: SeatId, lamp: Lamp): void;
  on(listener: DriverEventListener): () => void;
  stats(): LineStats;
}
