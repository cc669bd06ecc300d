/**
 * Which keypads are awake (SEAT-PROTOCOLS.md §2 `$STAT`, about every 10 s from each awake
 * keypad): `seat-online` when one is first heard, `seat-status` per heartbeat, `seat-offline`
 * when none came for `heartbeatTimeoutMs`.
 */
import { seatId } from '@hall/shared';
import type { DriverEvent } from '../types';

export class KeypadRegistry {
  private readonly lastHeard = new Map<number, number>();
  keysPerKeypad: number | undefined;

  constructor(
    private readonly bus: string,
    private readonly timeoutMs: number,
    private readonly emit: (e: DriverEvent) => void,
  ) {}

  heard(keypad: number, status: { battery: number; rssi: number } | undefined): void {
    const seat = seatId(this.bus, keypad);
    if (!this.lastHeard.has(keypad)) {
      const keys = this.keysPerKeypad;
      this.emit({ type: 'seat-online', bus: this.bus, seat, ...(keys ? { keys } : {}) });
    }
    this.lastHeard.set(keypad, Date.now());
    if (status) this.emit({ type: 'seat-status', bus: this.bus, seat, ...status });
  }

  check(now: number): void {
    for (const [keypad, at] of this.lastHeard) {
      if (now - at < this.timeoutMs) continue;
      this.lastHeard.delete(keypad);
      this.emit({ type: 'seat-offline', bus: this.bus, seat: seatId(this.bus, keypad) });
    }
  }
}
