/** At most one push per interval: ~10 updates a second per client. */
export const PUSH_INTERVAL_MS = 100;

/**
 * Coalesce a burst of changes into one push: `schedule()` runs `run` once, `ms` after the first
 * call of a burst (3,000 presses become one push); `flush()` runs it now, dropping the pending
 * one; `cancel()` only drops it.
 */
export class Coalescer {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly run: () => void,
    private readonly ms = PUSH_INTERVAL_MS,
  ) {}

  schedule(): void {
    if (!this.timer) this.timer = setTimeout(() => this.flush(), this.ms);
  }

  flush(): void {
    this.cancel();
    this.run();
  }

  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}

/**
 * When the live hub pushes (issue 15, "state changes pushed at once"). `run` builds every
 * payload from the hall as it is when it runs, so one run carries everything changed so far.
 *
 * - `tick()`: a mere press count moved (a press commit). Coalesced: one run `ms` after the
 *   first tick of a burst, so each client gets at most ~10 count updates a second.
 * - `now()`: the state changed (a vote opened, closed, announced, abandoned; a sitting or
 *   check-in changed; anything but a count). Run at once: in a microtask, i.e. as soon as the
 *   synchronous command that made the change is done (a close first commits the last presses,
 *   then closes: one run for both), never waiting for a timer. The pending tick's run is
 *   dropped, its count carried by this run: no client gets a count older than the state
 *   change after it, and a close carries the final count.
 */
export class PushScheduler {
  private readonly ticks: Coalescer;
  private queued = false;

  constructor(
    private readonly run: () => void,
    ms = PUSH_INTERVAL_MS,
  ) {
    this.ticks = new Coalescer(run, ms);
  }

  tick(): void {
    // A run already queued for a state change reads this count too.
    if (!this.queued) this.ticks.schedule();
  }

  now(): void {
    if (this.queued) return;
    this.queued = true;
    queueMicrotask(() => {
      if (!this.queued) return; // cancelled meanwhile
      this.queued = false;
      this.ticks.flush(); // drops the pending tick, then runs
    });
  }

  cancel(): void {
    this.queued = false;
    this.ticks.cancel();
  }
}
