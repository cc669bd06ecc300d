import { describe, expect, it } from 'vitest';
import { FailureThrottle, retryText } from './throttle';

describe('FailureThrottle', () => {
  const clock = () => {
    let t = 1_000_000;
    return { now: () => t, advance: (ms: number) => (t += ms) };
  };

  it('refuses a key after max failures within the window, until the window after the last', () => {
    const c = clock();
    const th = new FailureThrottle({ max: 3, windowMs: 60_000, now: c.now });
    expect(th.fail('a')).toBeNull();
    expect(th.fail('a')).toBeNull();
    expect(th.blockedUntil('a')).toBeNull();
    expect(th.fail('a')).toBe(c.now() + 60_000);
    expect(th.blockedUntil('a')).toBe(c.now() + 60_000);
    expect(th.blockedUntil('b')).toBeNull();
    c.advance(59_999);
    expect(th.blockedUntil('a')).not.toBeNull();
    c.advance(1);
    expect(th.blockedUntil('a')).toBeNull();
    expect(th.fail('a')).toBeNull(); // counting starts again
  });

  it('forgets failures older than the window, and on reset', () => {
    const c = clock();
    const th = new FailureThrottle({ max: 2, windowMs: 1_000, now: c.now });
    th.fail('a');
    c.advance(1_000);
    expect(th.fail('a')).toBeNull();
    th.fail('b');
    th.reset('b');
    expect(th.fail('b')).toBeNull();
  });

  it('holds at most maxKeys keys, however many addresses fail', () => {
    const th = new FailureThrottle({ max: 5, windowMs: 60_000, maxKeys: 100 });
    for (let i = 0; i < 10_000; i++) th.fail(`10.0.${i >> 8}.${i & 255}`);
    expect(th.size).toBeLessThanOrEqual(100);
  });

  it('says when to retry, Chinese and English, in Beijing time whatever the machine zone', () => {
    const at = Date.parse('2026-01-01T01:30:00.000Z'); // 09:30 in Beijing
    expect(retryText(at, at - 14 * 60_000 - 1)).toEqual({
      zh: '请于 15 分钟后（09:30 之后）再试',
      en: 'try again in 15 minutes (after 09:30)',
    });
  });
});
