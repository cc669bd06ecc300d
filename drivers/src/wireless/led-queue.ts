/**
 * The `$LED` commands of one base (SEAT-PROTOCOLS.md §2 "Host to base"): at most one pending
 * command per keypad (a newer one replaces it), each repeated every `ledRetryMs` until the
 * keypad confirms it with `$LEDOK`, at most `ledRetries` times (then it counts as a timeout).
 *
 * Two kinds of command: a lamp the server decided (`send`, a press or a restored lamp) goes on
 * the line at once; the lamp-clears after a mode change (`enqueue`, one per keypad: §2 has no
 * broadcast `$LED`) go out paced, at most `ledWindow` unconfirmed commands in flight, so a hall
 * of 4,095 keypads does not flood the base's radio with one burst. `$LEDOK` names only the
 * keypad, so it confirms that keypad's command only once it has been sent: a command still
 * waiting its turn is never taken as confirmed by the `$LEDOK` of the one it replaced.
 */
import type { LineStats } from '../types';

export interface LedTiming {
  ledRetryMs: number;
  ledRetries: number;
  ledWindow: number;
}

interface Pending {
  line: string;
  sent: boolean;
  tries: number;
  at: number;
}

export class LedQueue {
  private readonly pending = new Map<number, Pending>();

  constructor(
    private readonly timing: LedTiming,
    private readonly counters: LineStats,
    private readonly write: (line: string) => void,
    private readonly lineUp: () => boolean,
  ) {}

  /** A lamp the server decided: on the line now (repeated until confirmed). */
  send(keypad: number, line: string): void {
    this.pending.delete(keypad);
    this.pending.set(keypad, { line, sent: true, tries: 0, at: Date.now() });
    this.write(line);
  }

  /** A lamp-clear: waits for a free place in the window (a later `send` replaces it). */
  enqueue(keypad: number, line: string): void {
    this.pending.set(keypad, { line, sent: false, tries: 0, at: 0 });
    this.pump();
  }

  /** `$LEDOK,<keypad>`: the keypad has the command last sent to it. */
  confirmed(keypad: number): void {
    if (this.pending.get(keypad)?.sent) this.pending.delete(keypad);
    this.pump();
  }

  /** Commands not yet confirmed or not yet sent (tests, diagnostics). */
  get size(): number {
    return this.pending.size;
  }

  clear(): void {
    this.pending.clear();
  }

  /** Repeat unconfirmed commands, drop those out of retries, then send waiting ones. */
  tick(now: number): void {
    for (const [keypad, p] of this.pending) {
      if (!p.sent || now - p.at < this.timing.ledRetryMs) continue;
      if (p.tries >= this.timing.ledRetries) {
        this.counters.timeouts++;
        this.pending.delete(keypad);
        continue;
      }
      p.tries++;
      p.at = now;
      this.write(p.line);
    }
    this.pump();
  }

  /** Send waiting commands, oldest first, while fewer than `ledWindow` are unconfirmed. */
  pump(): void {
    if (!this.lineUp()) return;
    let inFlight = 0;
    for (const p of this.pending.values()) if (p.sent) inFlight++;
    for (const p of this.pending.values()) {
      if (inFlight >= this.timing.ledWindow) return;
      if (p.sent) continue;
      p.sent = true;
      p.at = Date.now();
      inFlight++;
      this.write(p.line);
    }
  }
}
