import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PUSH_INTERVAL_MS, PushScheduler } from './coalesce';

/**
 * Issue 15, "state changes pushed at once": a change of state is pushed without waiting for
 * any timer; press counts stay coalesced (one push per PUSH_INTERVAL_MS); a state change takes
 * a pending count push with it, so no push with an older count ever follows it. Fake timers:
 * nothing here depends on the wall clock.
 */

/** A hall reduced to what a push reads: a count and a state, built when the push runs. */
function pushes() {
  const hall = { pressed: 0, state: 'open' };
  const seen: { pressed: number; state: string }[] = [];
  const s = new PushScheduler(() => seen.push({ ...hall }), PUSH_INTERVAL_MS);
  return { hall, seen, s };
}

/** Let the microtasks queued so far run (a state change's push); no timer moves. */
const microtasks = () => new Promise<void>((resolve) => queueMicrotask(resolve));

describe('PushScheduler', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('coalesces a burst of 3,000 press counts into one push after the interval', async () => {
    const { hall, seen, s } = pushes();
    for (let i = 0; i < 3000; i++) {
      hall.pressed++;
      s.tick();
    }
    await microtasks();
    expect(seen).toEqual([]);
    vi.advanceTimersByTime(PUSH_INTERVAL_MS - 1);
    expect(seen).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(seen).toEqual([{ pressed: 3000, state: 'open' }]);
    // The next burst waits for its own interval: at most one count push per interval.
    hall.pressed++;
    s.tick();
    expect(seen).toHaveLength(1);
    vi.advanceTimersByTime(PUSH_INTERVAL_MS);
    expect(seen.at(-1)).toEqual({ pressed: 3001, state: 'open' });
    expect(seen).toHaveLength(2);
  });

  it('pushes a state change at once, without any timer advancing', async () => {
    const { hall, seen, s } = pushes();
    hall.state = 'closed';
    s.now();
    // Not inside the command that made the change (it may be mid-way): right after it.
    expect(seen).toEqual([]);
    await microtasks();
    expect(seen).toEqual([{ pressed: 0, state: 'closed' }]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('takes a pending count push with it: the close carries the final count, nothing older follows', async () => {
    const { hall, seen, s } = pushes();
    for (let i = 0; i < 40; i++) {
      hall.pressed++;
      s.tick();
    }
    expect(vi.getTimerCount()).toBe(1); // the count push waiting for its interval
    // A close: the last presses are committed (a tick), then the vote closes (a state change).
    hall.pressed = 43;
    s.tick();
    hall.state = 'closed';
    s.now();
    await microtasks();
    expect(seen).toEqual([{ pressed: 43, state: 'closed' }]);
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(10 * PUSH_INTERVAL_MS);
    expect(seen).toHaveLength(1);
  });

  it('makes one push of the changes of one command, then coalesces counts again', async () => {
    const { hall, seen, s } = pushes();
    hall.state = 'announced';
    s.now();
    s.tick();
    s.now();
    await microtasks();
    expect(seen).toEqual([{ pressed: 0, state: 'announced' }]);
    // A tick that comes while a state push is queued rides on it; later ones wait again.
    for (let i = 0; i < 5; i++) {
      hall.pressed++;
      s.tick();
    }
    await microtasks();
    expect(seen).toHaveLength(1);
    vi.advanceTimersByTime(PUSH_INTERVAL_MS);
    expect(seen).toEqual([
      { pressed: 0, state: 'announced' },
      { pressed: 5, state: 'announced' },
    ]);
  });

  it('pushes nothing once cancelled (the hub closing)', async () => {
    const { seen, s } = pushes();
    s.tick();
    s.now();
    s.cancel();
    await microtasks();
    vi.advanceTimersByTime(10 * PUSH_INTERVAL_MS);
    expect(seen).toEqual([]);
  });
});
