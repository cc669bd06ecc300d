import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { newStats, runFaultCycles, summary, verifyChain, type Rig } from './support/fault-cycle';
import { faultKills, faultSeed } from './support/fault-env';
import { ptyRig } from './support/pty-rig';

/**
 * SIGKILL of the real server process at seeded random points, presses in flight, through
 * the real drivers on ptys. After every kill, before anything is delivered again,
 * the seats the database records as pressed must include every seat that showed "registered"
 * and be only seats that pressed (SEAT-PROTOCOLS.md §3); after the re-delivery each vote's counts
 * are exactly its presses (none lost, doubled or in the wrong vote) and the sealed record chain
 * verifies (CONTRACT.md §1 `record verify`). See support/fault-cycle.ts.
 */
const KILLS = faultKills();
const seed = faultSeed();
let rig: (Rig & { close?: () => Promise<void> }) | undefined;

afterAll(async () => {
  if (rig?.close) await rig.close();
  else await rig?.stop();
  if (rig) rmSync(rig.server().dataDir, { recursive: true, force: true });
});

describe('SIGKILL at random points (pty)', () => {
  it(`loses, doubles and misplaces no press over ${KILLS} kill points`, async () => {
    console.log(`sigkill-pty: FAULT_SEED=${seed} FAULT_KILLS=${KILLS}`);
    rig = await ptyRig(seed);
    const stats = newStats();
    await runFaultCycles(rig, {
      seed,
      stats,
      done: () => stats.killPoints >= KILLS,
    });
    await verifyChain(rig, stats);
    console.log(summary(stats));
    expect(stats.violations, `FAULT_SEED=${seed}`).toEqual([]);
    expect(stats).toMatchObject({ lost: 0, doubled: 0, wrongVote: 0, chainVerified: true });
    expect(stats.killPoints).toBeGreaterThanOrEqual(KILLS);
    // The kills did hit presses in flight (else this would prove little).
    expect(stats.inFlightAtKill).toBeGreaterThan(0);
    expect(stats.recorded).toBe(stats.presses);
    expect(stats.acknowledged).toBe(stats.presses);
  }, 300_000);
});
