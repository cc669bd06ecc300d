import type { DriverEvent, LineStats } from '@hall/drivers';
import type { BusHealth } from '@hall/shared';

/** Seats kept per line in `resetSeats` (the most recent resets; older ones drop out). */
export const RESET_SEATS_KEPT = 64;

/**
 * What the hall remembers of one line beyond the driver's own counters, since the server
 * started: how often the line came back after it was lost, and which seats reported a reset.
 */
export class LineHistory {
  private everUp = false;
  reconnects = 0;
  resets = 0;
  private readonly resetSeats = new Set<string>();

  /** Count a health event of this line's driver (drivers/src/types.ts `DriverEvent`). */
  note(e: DriverEvent): void {
    switch (e.type) {
      case 'bus-up':
        // The first open is not a reconnect; every `bus-up` after it follows a `bus-down`.
        if (this.everUp) this.reconnects++;
        this.everUp = true;
        return;
      case 'unit-reset':
        // modbus-rtu: a unit's BOOT_ID changed (SEAT-PROTOCOLS.md §1 "Power-up, and a unit
        // reset"). The wireless sheet has no per-keypad reset: only the base's (below).
        this.resets++;
        this.resetSeats.delete(e.seat);
        this.resetSeats.add(e.seat);
        if (this.resetSeats.size > RESET_SEATS_KEPT) {
          const oldest = this.resetSeats.values().next().value;
          if (oldest !== undefined) this.resetSeats.delete(oldest);
        }
        return;
      case 'base-reset':
        // wireless-base: a HELLO or KEY under a new boot (§2); its keypads are not reset.
        this.resets++;
        return;
      default:
        return;
    }
  }

  seatsReset(): string[] {
    return [...this.resetSeats].sort(bySeat);
  }
}

/**
 * The typed counters of BusHealth (shared/src/api/live-events.ts), from each driver's own
 * `LineStats` (both drivers count the same things, drivers/src/types.ts):
 * - `frames` ← `frames`: modbus, replies with a good CRC that answer the request in flight;
 *   wireless, well-formed lines with a good checksum.
 * - `checksumErrors` ← `badChecksums`: a bad CRC-16 (§1) or a bad `*HH` (§2).
 * - `timeouts` ← `timeouts`: modbus, a request not answered within `responseTimeoutMs`;
 *   wireless, a `$MODE` not confirmed by `$MODEOK` in time, or a `$LED` never confirmed.
 * - `discardedBytes` ← `discardedBytes`: bytes thrown away while re-synchronising.
 * - `reconnects`: counted here (`LineHistory`), a `bus-up` after the line was lost.
 * - `resets`: counted here, `unit-reset` (modbus) and `base-reset` (wireless) events.
 * A driver without a counter (an older one) reports 0.
 */
export function lineCounters(
  stats: Partial<LineStats>,
  history: LineHistory,
): Pick<
  BusHealth,
  'frames' | 'checksumErrors' | 'timeouts' | 'discardedBytes' | 'reconnects' | 'resets'
> {
  return {
    frames: count(stats.frames),
    checksumErrors: count(stats.badChecksums),
    timeouts: count(stats.timeouts),
    discardedBytes: count(stats.discardedBytes),
    reconnects: history.reconnects,
    resets: history.resets,
  };
}

const count = (n: number | undefined): number =>
  typeof n === 'number' && Number.isFinite(n) && n > 0 ? Math.floor(n) : 0;

/** `A-2` before `A-10`: by bus, then by address. */
export function bySeat(a: string, b: string): number {
  const [ba = '', na = ''] = a.split('-');
  const [bb = '', nb = ''] = b.split('-');
  return ba === bb ? Number(na) - Number(nb) : ba < bb ? -1 : 1;
}
