import { formatBeijing } from '@hall/shared';
/**
 * Counts failures (wrong passwords, bad socket tokens) per key — an address, an account — and
 * refuses a key that failed `max` times within `windowMs` until `windowMs` after its last
 * failure. In memory and bounded: at most `maxKeys` keys; when full, expired keys go first,
 * then the oldest.
 */
export class FailureThrottle {
  private readonly entries = new Map<string, { count: number; first: number; until: number }>();
  private readonly now: () => number;
  private readonly maxKeys: number;

  constructor(
    private readonly opts: { max: number; windowMs: number; maxKeys?: number; now?: () => number },
  ) {
    this.now = opts.now ?? Date.now;
    this.maxKeys = opts.maxKeys ?? 10_000;
  }

  /** When `key` may try again (epoch ms), or null if it may try now. */
  blockedUntil(key: string): number | null {
    const e = this.entries.get(key);
    if (!e) return null;
    const now = this.now();
    if (e.count >= this.opts.max && e.until > now) return e.until;
    if (now - e.first >= this.opts.windowMs || e.count >= this.opts.max) this.entries.delete(key);
    return null;
  }

  /** Count a failure of `key`; returns when it may try again if it is now refused. */
  fail(key: string): number | null {
    const now = this.now();
    let e = this.entries.get(key);
    if (e && now - e.first >= this.opts.windowMs && e.until <= now) {
      this.entries.delete(key);
      e = undefined;
    }
    if (!e) {
      this.makeRoom(now);
      e = { count: 0, first: now, until: 0 };
      this.entries.set(key, e);
    }
    e.count += 1;
    if (e.count >= this.opts.max) {
      e.until = now + this.opts.windowMs;
      return e.until;
    }
    return null;
  }

  /** Forget `key`'s failures (after it proved itself). */
  reset(key: string): void {
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }

  private makeRoom(now: number): void {
    if (this.entries.size < this.maxKeys) return;
    for (const [k, e] of this.entries) {
      if (now - e.first >= this.opts.windowMs && e.until <= now) this.entries.delete(k);
    }
    while (this.entries.size >= this.maxKeys) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }
}

/** "try again in N minutes (at HH:MM)", Chinese and English, for a refusal's message; HH:MM is Beijing time. */
export function retryText(until: number, now = Date.now()): { zh: string; en: string } {
  const minutes = Math.max(1, Math.ceil((until - now) / 60_000));
  const at = formatBeijing(until, 'time');
  return {
    zh: `请于 ${minutes} 分钟后（${at} 之后）再试`,
    en: `try again in ${minutes} minute${minutes === 1 ? '' : 's'} (after ${at})`,
  };
}
