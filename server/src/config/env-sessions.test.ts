import { describe, expect, it } from 'vitest';
import { readEnv } from './env';

describe('HALL_SESSION_IDLE_MINUTES and HALL_SESSION_MAX_HOURS (issue 12)', () => {
  it('default to a sitting day: 4 hours unused, 16 hours in all', () => {
    const env = readEnv({});
    expect(env.sessionIdleMinutes).toBe(240);
    expect(env.sessionMaxHours).toBe(16);
    expect(readEnv({ HALL_SESSION_IDLE_MINUTES: '', HALL_SESSION_MAX_HOURS: '' })).toMatchObject({
      sessionIdleMinutes: 240,
      sessionMaxHours: 16,
    });
  });

  it('take whole numbers', () => {
    expect(
      readEnv({ HALL_SESSION_IDLE_MINUTES: '30', HALL_SESSION_MAX_HOURS: '10' }),
    ).toMatchObject({ sessionIdleMinutes: 30, sessionMaxHours: 10 });
  });

  it('refuse anything else, naming the variable, Chinese first', () => {
    for (const bad of ['0', '-5', '1.5', 'four', '99999', ' 30']) {
      expect(() => readEnv({ HALL_SESSION_IDLE_MINUTES: bad }), bad).toThrow(
        /^HALL_SESSION_IDLE_MINUTES：.* \/ HALL_SESSION_IDLE_MINUTES: .* minutes from 1 to 10080$/,
      );
    }
    for (const bad of ['0', '721', '8h']) {
      expect(() => readEnv({ HALL_SESSION_MAX_HOURS: bad }), bad).toThrow(
        /^HALL_SESSION_MAX_HOURS：.* \/ HALL_SESSION_MAX_HOURS: .* hours from 1 to 720$/,
      );
    }
  });
});
