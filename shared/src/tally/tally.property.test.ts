import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SEED_PROFILES, zizhou } from '../profile/seeds/index';
import type { Profile } from '../profile/schema';
import { baseValue, meets, tally } from './tally';
import { checkInput } from './input';

/** A sitting's numbers that are consistent with each other. */
const sitting = fc
  .record({
    members: fc.integer({ min: 1, max: 400 }),
    absent: fc.nat({ max: 400 }),
    s: fc.nat({ max: 400 }),
    b: fc.nat({ max: 400 }),
    u: fc.nat({ max: 400 }),
    i: fc.nat({ max: 50 }),
    notVoted: fc.nat({ max: 50 }),
  })
  .map(({ s, b, u, i, notVoted, absent }) => {
    const present = s + b + u + i + notVoted;
    return { members: Math.max(present + absent, 1), present, s, b, u, i };
  });

const profileArb = fc.constantFrom(...SEED_PROFILES);

const rank = (p: Profile, outcome: string) => p.outcomes.findIndex((o) => o.id === outcome);

function run(
  p: Profile,
  x: { members: number; present: number; s: number; b: number; u: number; i: number },
) {
  return tally(p, {
    members: x.members,
    present: x.present,
    counts: { satisfied: x.s, 'basically-satisfied': x.b, unsatisfied: x.u },
    invalid: x.i,
  });
}

describe('tally invariants (fast-check)', () => {
  it('moving one ballot from 不满意 to 满意 never makes the outcome worse', () => {
    fc.assert(
      fc.property(profileArb, sitting, (p, x) => {
        fc.pre(x.u > 0);
        const before = run(p, x);
        const after = run(p, { ...x, u: x.u - 1, s: x.s + 1 });
        expect(rank(p, after.outcome)).toBeLessThanOrEqual(rank(p, before.outcome));
      }),
      { numRuns: 2000 },
    );
  });

  it('moving one ballot up a level (不满意→基本满意, 基本满意→满意) never makes it worse', () => {
    fc.assert(
      fc.property(profileArb, sitting, fc.boolean(), (p, x, fromU) => {
        fc.pre(fromU ? x.u > 0 : x.b > 0);
        const moved = fromU ? { ...x, u: x.u - 1, b: x.b + 1 } : { ...x, b: x.b - 1, s: x.s + 1 };
        expect(rank(p, run(p, moved).outcome)).toBeLessThanOrEqual(rank(p, run(p, x).outcome));
      }),
      { numRuns: 2000 },
    );
  });

  it('the outcome never depends on the order of inputs (ballots counted in any order, keys in any order)', () => {
    const ballot = fc.constantFrom(
      'satisfied',
      'basically-satisfied',
      'unsatisfied',
      'invalid',
      'none',
    );
    fc.assert(
      fc.property(
        profileArb,
        fc.array(ballot, { maxLength: 120 }),
        fc.nat({ max: 30 }),
        fc.nat(),
        (p, ballots, absent, seed) => {
          const count = (list: string[]) => {
            const counts: Record<string, number> = {};
            let invalid = 0;
            for (const b of list) {
              if (b === 'invalid') invalid++;
              else if (b !== 'none') counts[b] = (counts[b] ?? 0) + 1;
            }
            // keys inserted in the order first seen: a different order for a shuffled list
            return tally(p, {
              members: list.length + absent + 1,
              present: list.length,
              counts,
              invalid,
            });
          };
          const shuffled = [...ballots];
          let r = seed;
          for (let k = shuffled.length - 1; k > 0; k--) {
            r = (r * 1103515245 + 12345) % 2147483648;
            const j = r % (k + 1);
            [shuffled[k], shuffled[j]] = [shuffled[j]!, shuffled[k]!];
          }
          const a = count(ballots);
          const b = count(shuffled);
          expect(b.outcome).toBe(a.outcome);
          expect(b.counts).toEqual(a.counts);
          expect(JSON.stringify(b.counts)).toBe(JSON.stringify(a.counts));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('present = valid + invalid + 未按, and counts come back exactly', () => {
    fc.assert(
      fc.property(profileArb, sitting, (p, x) => {
        const r = run(p, x);
        expect(r.valid + r.invalid + r.notVoted).toBe(r.present);
        expect(r.valid).toBe(x.s + x.b + x.u);
        expect(r.passed).toBe(p.outcomes.find((o) => o.id === r.outcome)!.passed);
      }),
    );
  });

  it('the integer decision agrees with exact rational comparison', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 10_000 }),
        fc.nat({ max: 10_000 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.constantFrom('at-least' as const, 'more-than' as const),
        (count, base, num, den, comparison) => {
          // count / base vs num / den, cross-multiplied by hand in the other direction
          const diff = count * den - num * base;
          const expected = comparison === 'at-least' ? diff >= 0 : diff > 0;
          expect(meets(count, base, { comparison, fraction: { num, den } })).toBe(expected);
        },
      ),
    );
  });

  it('zizhou: what falls to 不满意 always has 不满意 at 50% or more of valid ballots (第六条)', () => {
    fc.assert(
      fc.property(sitting, (x) => {
        const r = run(zizhou, x);
        if (r.outcome === 'unsatisfied') {
          expect(2 * x.u).toBeGreaterThanOrEqual(r.valid);
          expect(r.steps.at(-1)!.confirms.every((c) => c.holds)).toBe(true);
        } else {
          expect(2 * x.u).toBeLessThan(r.valid);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('each seed profile decides exactly as its text, written out as plain integer rules', () => {
    fc.assert(
      fc.property(sitting, (x) => {
        const n = x.members;
        const v = x.s + x.b + x.u;
        const anhui =
          2 * x.s >= n ? 'satisfied' : 2 * (x.s + x.b) >= n ? 'basically-satisfied' : 'unsatisfied';
        const zz =
          2 * x.s > v ? 'satisfied' : 2 * (x.s + x.b) > v ? 'basically-satisfied' : 'unsatisfied';
        const sz = 3 * x.u >= n ? 'rectification-required' : 'accepted';
        const byId: Record<string, string> = {
          'anhui-2013': anhui,
          zizhou: zz,
          'shenzhen-2011': sz,
        };
        for (const p of SEED_PROFILES) expect(run(p, x).outcome).toBe(byId[p.id]);
      }),
      { numRuns: 3000 },
    );
  });

  it('every base names the number DOMAIN.md gives it', () => {
    fc.assert(
      fc.property(sitting, (x) => {
        const c = checkInput(zizhou, {
          members: x.members,
          present: x.present,
          counts: { satisfied: x.s, 'basically-satisfied': x.b, unsatisfied: x.u },
          invalid: x.i,
        });
        expect(baseValue('members', c)).toBe(x.members);
        expect(baseValue('present', c)).toBe(x.present);
        expect(baseValue('valid', c)).toBe(x.s + x.b + x.u);
        expect(baseValue('returned', c)).toBe(x.s + x.b + x.u + x.i);
      }),
    );
  });
});
