import { resultFields, seedProfile, SEED_PROFILES, tally, type Profile } from '@hall/shared';
import type { ParsedArgs } from '../args';
import type { Command } from '../command';
import { RefusedError, UsageError } from '../errors';
import { printResult, type CliIo } from '../io';
import { readProfileDocument } from './profile-file';

/** A whole number as typed: digits only (a sign, a point or an exponent is refused, not rounded). */
export function parseCount(name: string, text: string): number {
  if (!/^\d+$/.test(text)) {
    throw new RefusedError(
      `--${name} 应为不小于 0 的整数（现为“${text}”） / --${name} must be a whole number, 0 or more (got "${text}")`,
    );
  }
  const n = Number(text);
  if (!Number.isSafeInteger(n)) {
    throw new RefusedError(
      `--${name} 数值过大（“${text}”） / --${name} is too large (got "${text}")`,
    );
  }
  return n;
}

/** `satisfied=31,basically-satisfied=10`: each key once; a key left out is 0. */
export function parseCounts(text: string): Record<string, number> {
  const counts: Record<string, number> = {};
  if (text.trim() === '') return counts;
  for (const part of text.split(',')) {
    const eq = part.indexOf('=');
    if (eq <= 0) {
      throw new RefusedError(
        `--counts：“${part}”应写成 选项=票数 / --counts: "${part}" is not <key>=<count>`,
      );
    }
    const key = part.slice(0, eq).trim();
    if (Object.hasOwn(counts, key)) {
      throw new RefusedError(`--counts：“${key}”重复 / --counts: "${key}" is given twice`);
    }
    counts[key] = parseCount(`counts ${key}`, part.slice(eq + 1).trim());
  }
  return counts;
}

/**
 * The profile to decide under: a built-in one (`--profile <id>`) or the profile document in a
 * file (`--profile-file <file>`, README "Profile documents"); exactly one of the two.
 */
function chosenProfile(args: ParsedArgs, io: CliIo): Profile {
  const id = args.values.get('profile');
  const file = args.values.get('profile-file');
  if ((id === undefined) === (file === undefined)) {
    throw new UsageError(
      '须给出 --profile 或 --profile-file 之一（不能同时给出） / give exactly one of --profile <id> or --profile-file <file>',
    );
  }
  if (file !== undefined) return readProfileDocument(io, file);
  const profile = seedProfile(id!);
  if (!profile) {
    const known = SEED_PROFILES.map((p) => p.id).join(', ');
    throw new RefusedError(
      `没有测评办法“${id}”（可选：${known}） / unknown profile "${id}" (known: ${known})`,
    );
  }
  return profile;
}

export const tallyCommand: Command = {
  words: ['tally'],
  summary:
    '离线按测评办法（内置，或 --profile-file 给出的测评办法文件）判定一次测评结果 / Decide an evaluation offline under a rule profile (built-in, or a profile document with --profile-file).',
  usage:
    'tally (--profile <id> | --profile-file <file>) --members <n> --present <p> --counts <key>=<k>,... [--invalid <i>] [--json]',
  options: {
    flags: ['json'],
    values: ['profile', 'profile-file', 'members', 'present', 'counts', 'invalid'],
    required: ['members', 'present', 'counts'],
  },
  run(args, io) {
    const profile = chosenProfile(args, io);
    const result = tally(profile, {
      members: parseCount('members', args.values.get('members')!),
      present: parseCount('present', args.values.get('present')!),
      counts: parseCounts(args.values.get('counts')!),
      invalid: parseCount('invalid', args.values.get('invalid') ?? '0'),
    });
    printResult(io, args.flags.has('json'), resultFields(result), () => {
      const outcome = profile.outcomes.find((o) => o.id === result.outcome)!;
      const counts = profile.optionSet.options
        .map((o) => `${o.label.zh} ${result.counts[o.key]}`)
        .join('，');
      const follow = result.followUp.map((f) => `\n后续：${f.label.zh}（${f.cite}）`).join('');
      return (
        `${profile.name.zh}\n应到 ${result.members}，实到 ${result.present}；${counts}；` +
        `无效 ${result.invalid}，未按 ${result.notVoted}\n${result.explanation.zh}\n` +
        `结果：${outcome.label.zh}${follow}`
      );
    });
  },
};
