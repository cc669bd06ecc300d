import { Value } from '@sinclair/typebox/value';
import { DomainError, DomainErrorCode } from '../errors';
import { ProfileSchema, type Condition, type Profile } from './schema';

/**
 * Check that `data` is a well-formed profile: the schema, then the meaning (options and
 * outcomes named consistently, a ladder that always decides). Throws a DomainError naming the
 * first problem; returns the profile unchanged when it is sound.
 */
export function validateProfile(data: unknown): Profile {
  if (!Value.Check(ProfileSchema, data)) {
    const first = Value.Errors(ProfileSchema, data).First();
    const where = first?.path || '/';
    throw new DomainError(
      DomainErrorCode.InvalidProfile,
      `invalid profile at ${where}: ${first?.message ?? 'does not match the schema'}`,
    );
  }
  const problem = semanticProblem(data);
  if (problem)
    throw new DomainError(DomainErrorCode.InvalidProfile, `invalid profile ${data.id}: ${problem}`);
  return data;
}

function duplicate(values: readonly (string | number)[]): string | number | undefined {
  const seen = new Set<string | number>();
  for (const v of values) {
    if (seen.has(v)) return v;
    seen.add(v);
  }
  return undefined;
}

function semanticProblem(p: Profile): string | undefined {
  const keys = p.optionSet.options.map((o) => o.key);
  const dupKey = duplicate(keys);
  if (dupKey !== undefined) return `option key "${dupKey}" appears twice`;
  const dupSeat = duplicate(p.optionSet.options.map((o) => o.seatKey));
  if (dupSeat !== undefined) return `seat key ${dupSeat} chooses two options`;
  const outcomeIds = p.outcomes.map((o) => o.id);
  const dupOutcome = duplicate(outcomeIds);
  if (dupOutcome !== undefined) return `outcome "${dupOutcome}" appears twice`;

  const checkCondition = (c: Condition, where: string): string | undefined => {
    const unknown = c.options.find((k) => !keys.includes(k));
    if (unknown) return `${where}: option "${unknown}" is not in option set ${p.optionSet.id}`;
    if (c.fraction.num > c.fraction.den)
      return `${where}: fraction ${c.fraction.num}/${c.fraction.den} is above 1`;
    return undefined;
  };

  for (const [i, rung] of p.ladder.entries()) {
    const where = `ladder[${i}]`;
    if (!outcomeIds.includes(rung.outcome))
      return `${where}: outcome "${rung.outcome}" is not defined`;
    const last = i === p.ladder.length - 1;
    if (last && rung.when) return `${where}: the last rung must have no "when": it is what remains`;
    if (!last && !rung.when) return `${where}: only the last rung may have no "when"`;
    for (const c of [...(rung.when ?? []), ...(rung.confirms ?? [])]) {
      const bad = checkCondition(c, where);
      if (bad) return bad;
    }
  }
  const unreached = outcomeIds.find((id) => !p.ladder.some((r) => r.outcome === id));
  if (unreached) return `outcome "${unreached}" is on no rung of the ladder`;
  return undefined;
}
