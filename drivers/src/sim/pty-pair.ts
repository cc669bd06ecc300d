/**
 * A pseudo-terminal pair from socat (`pty,raw,echo=0,link=...` twice): the driver opens
 * `hostPath`, the simulator opens `devicePath`. `unplug()` kills socat (both ends hang up and
 * the links vanish, like a pulled USB cable); `replug()` starts it again under the same links.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SOCAT = process.env.SOCAT ?? 'socat';
const READY_TIMEOUT_MS = 10_000;

export class PtyPair {
  readonly hostPath: string;
  readonly devicePath: string;
  private readonly dir: string;
  private child: ChildProcess | undefined;

  private constructor() {
    this.dir = mkdtempSync(join(tmpdir(), 'seat-pty-'));
    this.hostPath = join(this.dir, 'host');
    this.devicePath = join(this.dir, 'device');
  }

  static async create(): Promise<PtyPair> {
    const pair = new PtyPair();
    await pair.replug();
    return pair;
  }

  get plugged(): boolean {
    return this.child !== undefined;
  }

  /** Start socat and wait until both links exist. */
  async replug(): Promise<void> {
    if (this.child) return;
    const child = spawn(
      SOCAT,
      [`pty,raw,echo=0,link=${this.hostPath}`, `pty,raw,echo=0,link=${this.devicePath}`],
      { stdio: 'ignore' },
    );
    this.child = child;
    let failed: Error | undefined;
    child.once('error', (err) => (failed = err));
    const until = Date.now() + READY_TIMEOUT_MS;
    while (!(existsSync(this.hostPath) && existsSync(this.devicePath))) {
      if (failed) throw new Error(`cannot start socat: ${failed.message}`);
      if (child.exitCode !== null) throw new Error(`socat exited with code ${child.exitCode}`);
      if (Date.now() > until) throw new Error('socat did not create its pty links in time');
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /** Kill socat and wait for it to exit (its links are removed). */
  async unplug(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
    rmSync(this.hostPath, { force: true });
    rmSync(this.devicePath, { force: true });
  }

  async close(): Promise<void> {
    await this.unplug();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
