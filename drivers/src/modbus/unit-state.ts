/**
 * What the master remembers of one seat unit. It never holds which key a member pressed beyond
 * the moment of writing: `pendingLeds` (which may carry key bits) is dropped once written, and
 * `lamp` keeps only the green/red bits (DOMAIN.md "Secrecy is a hard requirement").
 */
import { LED_GREEN, LED_RED } from './frames';
import { seatId } from '@hall/shared';
import type { Lamp } from '../types';

export interface UnitState {
  address: number;
  seat: string;
  online: boolean;
  /** Consecutive timeouts while online. */
  misses: number;
  /** Back-off of an offline unit: next try and current delay. */
  retryAt: number;
  retryDelay: number;
  /** BOOT_ID last read (§1 input register 3). */
  boot: number | undefined;
  /** The (BOOT_ID, EVENT_SEQ) last passed up: each is passed once per driver lifetime. */
  passedBoot: number | undefined;
  passedSeq: number | undefined;
  /** The unit is known (by an acknowledged write) to hold the hall's current MODE and VOTE_TAG. */
  synced: boolean;
  /** Lamp bits to restore after a reset; undefined when the driver has never set them. */
  lamp: number | undefined;
  /** The unit's LEDS no longer show `lamp` (it was reset, or a new tag cleared the lamps). */
  ledsStale: boolean;
  /** LEDS value still to write (lamp and, transiently, key bits). */
  pendingLeds: number | undefined;
}

export function newUnit(bus: string, address: number): UnitState {
  return {
    address,
    seat: seatId(bus, address),
    online: false,
    misses: 0,
    retryAt: 0,
    retryDelay: 0,
    boot: undefined,
    passedBoot: undefined,
    passedSeq: undefined,
    synced: false,
    lamp: undefined,
    ledsStale: false,
    pendingLeds: undefined,
  };
}

export function lampBits(lamp: Lamp): number {
  return lamp === 'registered' ? LED_GREEN : lamp === 'not-accepted' ? LED_RED : 0;
}

/** EVENT_KEYS bit 0 = key 1 ... bit 4 = key 5 (§1). */
export function keysFromBits(bits: number): number[] {
  const keys: number[] = [];
  for (let k = 1; k <= 5; k++) if (bits & (1 << (k - 1))) keys.push(k);
  return keys;
}

export function bitsFromKeys(keys: readonly number[]): number {
  let bits = 0;
  for (const k of keys) if (k >= 1 && k <= 5) bits |= 1 << (k - 1);
  return bits;
}

const MODES = ['idle', 'checkin', 'open', 'closed'] as const;

/** MODE register values (§1): 0 idle, 1 check-in, 2 vote open, 3 vote closed. */
export function modeValue(mode: (typeof MODES)[number]): number {
  return MODES.indexOf(mode);
}

export function isHallMode(mode: unknown): mode is (typeof MODES)[number] {
  return (MODES as readonly unknown[]).includes(mode);
}
