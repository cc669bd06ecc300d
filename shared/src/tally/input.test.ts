import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { anhui2013 } from '../profile/seeds/index';
import { tally } from './tally';

const ok = { members: 10, present: 8, counts: { satisfied: 5 }, invalid: 1 };

describe('tally input checks', () => {
  it('fills left-out keys with 0 and computes 未按', () => {
    const r = tally(anhui2013, ok);
    expect(r.counts).toEqual({ satisfied: 5, 'basically-satisfied': 0, unsatisfied: 0 });
    expect(r.notVoted).toBe(2);
  });

  it.each([
    [{ ...ok, members: 0 }, 'INVALID_NUMBER', /members must be a whole number of at least 1/],
    [{ ...ok, present: -1 }, 'INVALID_NUMBER', /present/],
    [{ ...ok, invalid: 1.5 }, 'INVALID_NUMBER', /invalid/],
    [{ ...ok, counts: { satisfied: Number.NaN } }, 'INVALID_NUMBER', /count of satisfied/],
    [{ ...ok, present: 11 }, 'PRESENT_EXCEEDS_MEMBERS', /present 11 is more than members 10/],
    [
      { ...ok, counts: { satisfied: 8 } },
      'BALLOTS_EXCEED_PRESENT',
      /ballots 9 .* more than present 8/,
    ],
    [{ ...ok, counts: { abstain: 1 } }, 'UNKNOWN_OPTION', /unknown option "abstain"/],
  ])('refuses %j with %s', (input, code, message) => {
    let caught: unknown;
    try {
      tally(anhui2013, input);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(DomainError);
    expect((caught as DomainError).code).toBe(code);
    expect((caught as DomainError).message).toMatch(message);
  });
});
