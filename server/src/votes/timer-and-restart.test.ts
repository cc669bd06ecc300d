import { afterEach, describe, expect, it } from 'vitest';
import { checkIn, hallFixture, type HallFixture } from '../../test-support/hall-fixture';

let f: HallFixture;
afterEach(async () => {
  await f?.close();
});

/** Wait for a condition with a generous bound (no timed assertions). */
async function until(cond: () => boolean, what: string, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('the timer set at opening', () => {
  it('closes the vote by itself', async () => {
    f = await hallFixture();
    checkIn(f, 40);
    f.hall.votes.open({ title: 't', profile: 'anhui-2013', durationSeconds: 1 });
    f.press('A-1', [1]);
    f.flush();
    await until(() => f.hall.votes.status().state === 'closed', 'the timer to close the vote');
    expect(f.hall.votes.result(1)).toMatchObject({ counts: { satisfied: 1 }, present: 40 });
    expect(f.buses.A.mode).toBe('closed');
  });

  it('survives a restart: a deadline passed while down closes the vote at start', async () => {
    let offset = 0;
    const now = () => new Date(Date.now() + offset);
    f = await hallFixture({ now });
    checkIn(f, 40);
    f.hall.votes.open({ title: 't', profile: 'anhui-2013', durationSeconds: 600 });
    f.press('A-1', [2]);
    f.flush();
    await f.hall.stop();
    offset = 601_000; // the server was down for ten minutes
    f = await hallFixture({ dir: f.dir, now });
    await until(() => f.hall.votes.status().state === 'closed', 'the restored timer');
    expect(f.hall.votes.result(1).counts['basically-satisfied']).toBe(1);
  });

  it('survives a restart: a deadline still ahead is re-armed for the time left', async () => {
    let offset = 0;
    const now = () => new Date(Date.now() + offset);
    f = await hallFixture({ now });
    checkIn(f, 40);
    f.hall.votes.open({ title: 't', profile: 'anhui-2013', durationSeconds: 600 });
    await f.hall.stop();
    offset = 599_000;
    f = await hallFixture({ dir: f.dir, now });
    expect(f.hall.votes.status().state).toBe('open');
    expect(f.buses.A.mode).toBe('open');
    await until(() => f.hall.votes.status().state === 'closed', 'the re-armed timer');
  });
});

describe('a restart with a vote open', () => {
  it('continues the vote with every committed press, and a re-delivered one is not doubled', async () => {
    f = await hallFixture();
    checkIn(f, 40);
    f.hall.votes.open({ title: 't', profile: 'anhui-2013' });
    const tag = f.hall.votes.current!.tag;
    f.press('A-1', [1], { deliveryId: 'A:1111:5' });
    f.press('A-2', [3], { deliveryId: 'A:2222:9' });
    f.flush();
    f.press('A-3', [2], { deliveryId: 'A:3333:1' }); // queued, not committed: the crash loses it
    f.hall.presses.stop();
    await f.hall.stop();
    f = await hallFixture({ dir: f.dir });
    expect(f.buses.A.mode).toBe('open');
    expect(f.buses.A.tag).toBe(tag);
    expect(f.hall.votes.status()).toMatchObject({ state: 'open', pressed: 2 });
    // The hardware delivers again what it was never told about, and what a unit still holds.
    f.press('A-3', [2], { deliveryId: 'A:3333:1' });
    f.press('A-1', [1], { deliveryId: 'A:1111:5' });
    f.flush();
    expect(f.lamp('A-1')).toBe('registered');
    expect(f.lamp('A-3')).toBe('registered');
    const r = f.hall.votes.close();
    expect(r.counts).toEqual({ satisfied: 1, 'basically-satisfied': 1, unsatisfied: 1 });
  });
});
