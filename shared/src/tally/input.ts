import { DomainError, DomainErrorCode } from '../errors';
import type { Profile } from '../profile/schema';

/** The numbers of one evaluation (DOMAIN.md "Counting words": n, p, s, b, u, i). */
export interface TallyInput {
  /** n: 全体组成人员, the roster's members, vacancies excluded. */
  members: number;
  /** p: members present (实到). */
  present: number;
  /** Valid ballots per option key; a key left out is 0. */
  counts: Readonly<Record<string, number>>;
  /** i: invalid ballots (several keys pressed together). */
  invalid: number;
}

/** The checked numbers, with every option key of the profile present. */
export interface CheckedInput {
  members: number;
  present: number;
  counts: Record<string, number>;
  invalid: number;
  valid: number;
  notVoted: number;
}

function requireCount(name: string, value: unknown, min: number): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
    const what = min === 1 ? 'a whole number of at least 1' : 'a whole number, 0 or more';
    throw new DomainError(
      DomainErrorCode.InvalidNumber,
      `${name} must be ${what} (got ${String(value)})`,
    );
  }
  return value;
}

/**
 * Check the numbers against each other and against the profile's option set. Refuses (never
 * clamps): unknown option keys, negative or fractional numbers, more present than members, more
 * ballots than present.
 */
export function checkInput(profile: Profile, input: TallyInput): CheckedInput {
  const members = requireCount('members', input.members, 1);
  const present = requireCount('present', input.present, 0);
  const invalid = requireCount('invalid', input.invalid, 0);
  const keys = profile.optionSet.options.map((o) => o.key);
  for (const key of Object.keys(input.counts)) {
    if (!keys.includes(key)) {
      throw new DomainError(
        DomainErrorCode.UnknownOption,
        `unknown option "${key}" for profile ${profile.id} (options: ${keys.join(', ')})`,
      );
    }
  }
  const counts: Record<string, number> = {};
  let valid = 0;
  for (const key of keys) {
    counts[key] = requireCount(`count of ${key}`, input.counts[key] ?? 0, 0);
    valid += counts[key];
  }
  if (present > members) {
    throw new DomainError(
      DomainErrorCode.PresentExceedsMembers,
      `present ${present} is more than members ${members}`,
    );
  }
  if (valid + invalid > present) {
    throw new DomainError(
      DomainErrorCode.BallotsExceedPresent,
      `ballots ${valid + invalid} (valid ${valid} + invalid ${invalid}) are more than present ${present}`,
    );
  }
  return { members, present, counts, invalid, valid, notVoted: present - valid - invalid };
}
