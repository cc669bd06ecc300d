import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  checkIn,
  hallFixture,
  MEMBER_SEATS,
  type HallFixture,
} from '../../test-support/hall-fixture';
import { readiness } from '../ops/readiness';

/**
 * The disk fills during a vote (issue 15): the data directory is a real, small filesystem
 * (tmpfs, mounted for the test: this needs root, as the CI machine runs) and a filler file takes
 * its last byte. The press commit then fails in SQLite itself (the rollback journal cannot be
 * written, journal_mode=DELETE: db/open-db.ts): no press is acknowledged (SEAT-PROTOCOLS.md §3,
 * the hardware keeps it and delivers it again), the chair is told (the `hardware` push carries
 * `storage`, shared/src/api/live-events.ts), and when space returns the re-delivered presses
 * count once and nothing acknowledged before is lost.
 */
let f: HallFixture | undefined;
let mount: string | undefined;
afterEach(async () => {
  await f?.close();
  f = undefined;
  if (mount) {
    execFileSync('umount', [mount]);
    rmSync(mount, { recursive: true, force: true });
    mount = undefined;
  }
});

/** A 16 MiB tmpfs; fails the test, naming why, where mounting is not permitted. */
function smallDisk(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'hall-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=16m', 'tmpfs', dir], { stdio: 'pipe' });
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`the disk-full test mounts a small tmpfs and needs root: ${String(err)}`);
  }
  return dir;
}

/** Take every free byte of the filesystem holding `dir`. */
function fill(dir: string): string {
  const file = path.join(dir, 'filler');
  const fd = openSync(file, 'w');
  const chunk = Buffer.alloc(64 * 1024, 0x55);
  try {
    for (;;) writeSync(fd, chunk);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
  }
  try {
    for (;;) writeSync(fd, chunk, 0, 1); // the last bytes of the last block
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
  }
  closeSync(fd);
  return file;
}

describe('disk full during a vote', () => {
  it('acknowledges nothing it could not commit, tells the chair, and loses nothing', async () => {
    mount = smallDisk();
    const dir = path.join(mount, 'data');
    mkdirSync(dir);
    f = await hallFixture({ dir });
    const changes: string[] = [];
    f.hall.onChange((what, cause) => changes.push(cause ? `${what}:${cause}` : what));
    checkIn(f, 40);
    f.hall.votes.open({ title: '关于全省法治政府建设情况的报告', profile: 'anhui-2013' });
    f.press(MEMBER_SEATS[0]!, [1]);
    f.flush();
    expect(f.lamp(MEMBER_SEATS[0]!)).toBe('registered');
    expect(f.hall.health(false).storage).toBeNull();

    const filler = fill(mount);
    const mark = f.buses.A.settled.length;
    changes.length = 0;
    const seats = MEMBER_SEATS.slice(1, 9);
    seats.forEach((s, i) => f!.press(s, [i % 2 === 0 ? 2 : 3], { deliveryId: `full-${i}` }));
    f.flush();
    // Not one seat was told anything: the hardware keeps the presses.
    expect(f.buses.A.settled.slice(mark)).toEqual([]);
    expect(f.hall.votes.status()).toMatchObject({ pressed: 1 });
    // The chair is told at once: the store's fault rides the health push (not coalesced).
    const fault = f.hall.health(false).storage;
    expect(fault).toMatchObject({ unsettled: seats.length });
    expect(fault?.code).toMatch(/^SQLITE_(FULL|IOERR|CANTOPEN)/);
    expect(changes).toEqual(expect.arrayContaining(['hardware', 'state']));
    expect(readiness(f.hall).database).toEqual({ ok: false, error: 'failed' });

    // Space returns; the hardware delivers again (twice: the second is a duplicate).
    rmSync(filler);
    for (let round = 0; round < 2; round++) {
      seats.forEach((s, i) => f!.press(s, [i % 2 === 0 ? 2 : 3], { deliveryId: `full-${i}` }));
      f.flush();
    }
    for (const s of seats) expect(f.lamp(s)).toBe('registered');
    expect(f.hall.health(false).storage).toBeNull();
    expect(readiness(f.hall).database).toEqual({ ok: true });
    expect(f.hall.votes.status()).toMatchObject({ pressed: 1 + seats.length });
    expect(f.hall.votes.close().counts).toMatchObject({
      satisfied: 1,
      'basically-satisfied': 4,
      unsatisfied: 4,
    });
  });
});
