import { execFileSync } from 'node:child_process';
import { chmodSync } from 'node:fs';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import {
  checkIn,
  hallFixture,
  MEMBER_SEATS,
  type HallFixture,
} from '../../test-support/hall-fixture';

/**
 * The data directory turns read-only during a vote (issue 15): the rollback journal
 * (journal_mode=DELETE, db/open-db.ts) cannot be created, so the press commit fails in SQLite.
 * A press whose commit failed is never acknowledged (no settle at all: the hardware re-delivers,
 * SEAT-PROTOCOLS.md §3); when the directory is writable again the re-delivered presses count
 * once, exactly, and nothing acknowledged before the fault is lost.
 */
let f: HallFixture;
let restore: (() => void) | undefined;
afterEach(async () => {
  restore?.();
  restore = undefined;
  await f?.close();
});

/**
 * The data directory becomes read-only. As root a chmod stops nothing, so the directory is made
 * immutable (`chattr +i`, which stops root too); otherwise mode 0555. Either way the rollback
 * journal (journal_mode=DELETE) cannot be created next to the database and the commit fails.
 */
function readOnlyDir(dir: string): () => void {
  if (process.getuid?.() === 0) {
    execFileSync('chattr', ['+i', dir]);
    return () => execFileSync('chattr', ['-i', dir]);
  }
  chmodSync(dir, 0o555);
  return () => chmodSync(dir, 0o700);
}

describe('read-only data directory during a vote', () => {
  it('acknowledges no press it could not commit, and counts the re-delivery once', async () => {
    const logged: { msg?: string; err?: { code?: string } }[] = [];
    const log = pino(
      { level: 'error' },
      { write: (line: string) => logged.push(JSON.parse(line)) },
    );
    f = await hallFixture({ log });
    checkIn(f, 40);
    f.hall.votes.open({ title: '关于全省生态环境保护工作情况的报告', profile: 'anhui-2013' });
    f.press(MEMBER_SEATS[0]!, [1]);
    f.flush();
    expect(f.lamp(MEMBER_SEATS[0]!)).toBe('registered');
    restore = readOnlyDir(f.dir);
    const mark = f.buses.A.settled.length;
    const seats = MEMBER_SEATS.slice(1, 6);
    seats.forEach((s, i) => f.press(s, [2], { deliveryId: `r-${i}` }));
    f.flush();
    // Not one of them was told anything (SEAT-PROTOCOLS.md §3: unsettled, re-delivered later).
    expect(f.buses.A.settled.slice(mark)).toEqual([]);
    expect(f.hall.votes.status()).toMatchObject({ pressed: 1 });
    // The commit failed in SQLite itself (the journal could not be created), not elsewhere.
    const failure = logged.find((l) => l.msg === 'press commit failed; events left unsettled');
    expect(failure?.err?.code).toMatch(/^SQLITE_(CANTOPEN|READONLY|IOERR)/);
    // The chair is told: the health push carries the store's fault until a commit succeeds.
    expect(f.hall.health(false).storage).toMatchObject({ code: failure?.err?.code, unsettled: 5 });
    restore();
    restore = undefined;
    for (let round = 0; round < 2; round++) {
      seats.forEach((s, i) => f.press(s, [2], { deliveryId: `r-${i}` }));
      f.flush();
    }
    for (const s of seats) expect(f.lamp(s)).toBe('registered');
    expect(f.buses.A.settled.slice(mark).every((x) => x.lamp === 'registered')).toBe(true);
    expect(f.hall.votes.status()).toMatchObject({ pressed: 6 });
    expect(f.hall.health(false).storage).toBeNull();
    expect(f.hall.votes.close().counts).toMatchObject({ satisfied: 1, 'basically-satisfied': 5 });
  });
});
