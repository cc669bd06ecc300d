/**
 * The timer that closes a vote opened with a duration: at most one armed at a time, and it never
 * keeps the process alive. A delay beyond what setTimeout can hold is capped (about 24.8 days);
 * a delay already past fires at once.
 */
export class CloseTimer {
  private timer: NodeJS.Timeout | null = null;

  arm(ms: number, fire: () => void): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(
      () => {
        this.timer = null;
        fire();
      },
      Math.max(0, Math.min(ms, 2_147_000_000)),
    );
    this.timer.unref();
  }

  clear(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
