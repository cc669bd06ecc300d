/**
 * Keeps one serial line open (SEAT-PROTOCOLS.md §4): opens it through a transport factory,
 * reports `bus-down` once when it is lost (close, error, failed open) and `bus-up` when it is
 * back, reopens with bounded exponential back-off, and runs a watchdog. The watchdog probes a
 * line that has been silent for `silenceMs` (the driver decides how) and reopens it after twice
 * that; it also reopens a silent line while the process burns CPU (the serialport 13 zero-byte
 * read spin after a pty or USB hang-up, §4).
 */
import type { Transport, TransportFactory } from './transport';

export interface LineHooks {
  onUp(): void;
  onDown(reason: string): void;
  onData(bytes: Uint8Array): void;
  /** The line has been silent for `silenceMs`: send something that must be answered. */
  probe(): void;
}

export interface LineTiming {
  reopenMinMs: number;
  reopenMaxMs: number;
  silenceMs: number;
  runawayCpu: number;
}

const RUNAWAY_TICKS = 3;

export class LineSupervisor {
  private transport: Transport | undefined;
  private state: 'stopped' | 'starting' | 'up' | 'down' = 'stopped';
  private attempt = 0;
  private reopenTimer: NodeJS.Timeout | undefined;
  private watchdog: NodeJS.Timeout | undefined;
  private lastRx = 0;
  private probed = false;
  private cpu = process.cpuUsage();
  private cpuAt = Date.now();
  private hotTicks = 0;
  private waiters: (() => void)[] = [];

  constructor(
    private readonly factory: TransportFactory,
    private readonly timing: LineTiming,
    private readonly hooks: LineHooks,
  ) {}

  get up(): boolean {
    return this.state === 'up';
  }

  start(): void {
    if (this.state !== 'stopped') return;
    this.state = 'starting';
    const tick = Math.max(50, Math.min(1_000, this.timing.silenceMs / 4));
    this.watchdog = setInterval(() => this.checkWatchdog(), tick);
    this.watchdog.unref();
    void this.openNow();
  }

  async stop(): Promise<void> {
    this.state = 'stopped';
    clearTimeout(this.reopenTimer);
    clearInterval(this.watchdog);
    const t = this.transport;
    this.transport = undefined;
    this.release();
    await t?.close();
  }

  /** Resolves when the line is up (or the supervisor stopped). */
  waitUp(): Promise<void> {
    if (this.state === 'up' || this.state === 'stopped') return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  write(bytes: Uint8Array): boolean {
    return this.state === 'up' && (this.transport?.write(bytes) ?? false);
  }

  /** Drop the line and open it again (watchdog, or a driver that knows the line is bad). */
  reopen(reason: string): void {
    if (this.state !== 'up') return;
    const t = this.transport;
    this.transport = undefined;
    void t?.close();
    this.lost(reason);
  }

  private async openNow(): Promise<void> {
    if (this.state === 'stopped') return;
    const t = this.factory();
    try {
      await t.open();
    } catch (err) {
      this.lost(err instanceof Error ? err.message : String(err));
      return;
    }
    if (this.isStopped()) {
      await t.close();
      return;
    }
    this.transport = t;
    t.onData((bytes) => {
      if (this.transport !== t) return;
      this.lastRx = Date.now();
      this.probed = false;
      this.attempt = 0;
      this.hooks.onData(bytes);
    });
    t.onClose((reason) => {
      if (this.transport !== t) return;
      this.transport = undefined;
      this.lost(reason);
    });
    this.state = 'up';
    this.lastRx = Date.now();
    this.probed = false;
    this.hotTicks = 0;
    this.hooks.onUp();
    this.release();
  }

  private isStopped(): boolean {
    return this.state === 'stopped';
  }

  private lost(reason: string): void {
    if (this.state === 'stopped') return;
    const wasDown = this.state === 'down';
    this.state = 'down';
    if (!wasDown) this.hooks.onDown(reason);
    const delay = Math.min(this.timing.reopenMaxMs, this.timing.reopenMinMs * 2 ** this.attempt);
    this.attempt = Math.min(this.attempt + 1, 30);
    clearTimeout(this.reopenTimer);
    this.reopenTimer = setTimeout(() => void this.openNow(), delay);
  }

  private checkWatchdog(): void {
    const now = Date.now();
    const cpu = process.cpuUsage(this.cpu);
    const cores = (cpu.user + cpu.system) / 1_000 / Math.max(1, now - this.cpuAt);
    this.cpu = process.cpuUsage();
    this.cpuAt = now;
    if (this.state !== 'up') return;
    const silent = now - this.lastRx;
    this.hotTicks =
      silent > this.timing.silenceMs / 2 && cores > this.timing.runawayCpu ? this.hotTicks + 1 : 0;
    if (this.hotTicks >= RUNAWAY_TICKS) {
      this.reopen('runaway port (silent line, CPU spinning)');
    } else if (silent >= 2 * this.timing.silenceMs) {
      this.reopen(`line silent for ${silent} ms`);
    } else if (silent >= this.timing.silenceMs && !this.probed) {
      this.probed = true;
      this.hooks.probe();
    }
  }

  private release(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const resolve of w) resolve();
  }
}
