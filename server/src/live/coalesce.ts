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
