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

/** Chinese names of the numbers, for refusals. */
const ZH_NAMES: Record<string, string> = {
  members: '全体组成人员数',
  present: '实到人数',
  invalid: '无效票数',
};

function requireCount(name: string, value: unknown, min: number): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
    const what = min === 1 ? 'a whole number of at least 1' : 'a whole number, 0 or more';
    const zh = min === 1 ? '不小于 1 的整数' : '不小于 0 的整数';
    const zhName = ZH_NAMES[name] ?? name.replace(/^count of /, '票数 ');
    throw new DomainError(
      DomainErrorCode.InvalidNumber,
      `${zhName}应为${zh}（现为 ${String(value)}） / ${name} must be ${what} (got ${String(value)})`,
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
        `测评办法 ${profile.id} 没有选项“${key}”（可选：${keys.join('、')}） / unknown option "${key}" for profile ${profile.id} (options: ${keys.join(', ')})`,
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
      `实到 ${present} 人多于全体组成人员 ${members} 人 / present ${present} is more than members ${members}`,
    );
  }
  if (valid + invalid > present) {
    throw new DomainError(
      DomainErrorCode.BallotsExceedPresent,
      `票数 ${valid + invalid}（有效 ${valid} + 无效 ${invalid}）多于实到 ${present} 人 / ballots ${valid + invalid} (valid ${valid} + invalid ${invalid}) are more than present ${present}`,
    );
  }
  return { members, present, counts, invalid, valid, notVoted: present - valid - invalid };
}
