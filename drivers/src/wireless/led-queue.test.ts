// The $LED commands of one base (SEAT-PROTOCOLS.md §2): pacing and confirmation, with no line.
import { describe, expect, it } from 'vitest';
import { emptyStats } from '../driver-base';
import { LedQueue } from './led-queue';

function queue(timing = { ledRetryMs: 1_000, ledRetries: 2, ledWindow: 2 }) {
  const written: string[] = [];
  const counters = emptyStats();
  const q = new LedQueue(
    timing,
    counters,
    (l) => written.push(l),
    () => true,
  );
  return { q, written, counters };
}

describe('LedQueue', () => {
  it('keeps at most ledWindow queued commands unconfirmed, and sends the next on $LEDOK', () => {
    const { q, written } = queue();
    for (const k of [1, 2, 3, 4, 5]) q.enqueue(k, `off ${k}`);
    expect(written).toEqual(['off 1', 'off 2']);
    q.confirmed(2);
    expect(written).toEqual(['off 1', 'off 2', 'off 3']);
    q.confirmed(1);
    q.confirmed(3);
    expect(written).toEqual(['off 1', 'off 2', 'off 3', 'off 4', 'off 5']);
    q.confirmed(4);
    q.confirmed(5);
    expect(q.size).toBe(0);
  });

  it('sends a decided lamp at once, replacing the queued clear of that keypad', () => {
    const { q, written } = queue({ ledRetryMs: 1_000, ledRetries: 2, ledWindow: 1 });
    q.enqueue(1, 'off 1');
    q.enqueue(2, 'off 2');
    q.send(2, 'green 2');
    expect(written).toEqual(['off 1', 'green 2']);
    q.confirmed(2);
    q.confirmed(1);
    expect(q.size).toBe(0);
  });

  it('does not take the $LEDOK of a replaced command for the waiting one', () => {
    const { q, written } = queue({ ledRetryMs: 1_000, ledRetries: 2, ledWindow: 1 });
    q.enqueue(9, 'off 9');
    q.send(1, 'green 1'); // in flight
    q.enqueue(1, 'off 1'); // waits: the window is full with keypad 9
    q.confirmed(1); // the $LEDOK of 'green 1': 'off 1' has not been sent yet
    expect(written).toEqual(['off 9', 'green 1']);
    q.confirmed(9);
    expect(written).toEqual(['off 9', 'green 1', 'off 1']);
    expect(q.size).toBe(1);
  });

  it('repeats an unconfirmed command, then counts a timeout and frees its place', () => {
    const { q, written, counters } = queue({ ledRetryMs: 100, ledRetries: 1, ledWindow: 1 });
    q.enqueue(1, 'off 1');
    q.enqueue(2, 'off 2');
    const t0 = Date.now();
    q.tick(t0 + 100);
    expect(written).toEqual(['off 1', 'off 1']);
    q.tick(t0 + 200);
    expect(counters.timeouts).toBe(1);
    expect(written).toEqual(['off 1', 'off 1', 'off 2']);
  });
});
