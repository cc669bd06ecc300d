import {
  BASE_WORDS,
  checkProfileDocument,
  describeProfile,
  profileDocument,
  seedProfile,
  SEED_PROFILES,
  type Profile,
  type ProfileDocumentCheck,
} from '@hall/shared';
import type { ParsedArgs } from '../args';
import type { Command } from '../command';
import { RefusedError, UsageError } from '../errors';
import { printResult, type CliIo } from '../io';
import { parseJson, readUtf8File } from './profile-file';

/** The one positional argument of a command (`profile show <id>`). */
function onePositional(args: ParsedArgs, what: { zh: string; en: string }): string {
  const [value, extra] = args.positionals;
  if (value === undefined) throw new UsageError(`缺少${what.zh} / the ${what.en} is required`);
  if (extra !== undefined) {
    throw new UsageError(`多余的参数“${extra}” / unexpected argument "${extra}"`);
  }
  return value;
}

/** A profile for people: what `profile show` prints without --json. */
export function profileText(p: Profile): string {
  const options = p.optionSet.options.map((o) => `${o.label.zh}（按键 ${o.seatKey}）`).join('、');
  const excluded = (p.excludeFromBase ?? []).map(
    (k) => p.optionSet.options.find((o) => o.key === k)?.label.zh ?? k,
  );
  const base =
    BASE_WORDS[p.base].zh + (excluded.length > 0 ? `（${excluded.join('、')}票不计入基数）` : '');
  const rules = describeProfile(p).map((t, i) => `  ${i + 1}. ${t.zh}`);
  const outcomes = p.outcomes.map((o) => {
    const follow = o.followUp.map((f) => {
      const again = f.onRepeatedFailure ? `；再次未通过：${f.onRepeatedFailure.label.zh}` : '';
      return `\n     后续：${f.label.zh}（${f.cite}）${again}`;
    });
    return `  ${o.label.zh}（${o.passed ? '通过' : '未通过'}）${follow.join('')}`;
  });
  return [
    `${p.name.zh}（${p.id}，第 ${p.version} 版）`,
    `来源：${p.source.title} ${p.source.articles.join('、')}（${p.source.adopted}）`,
    `选项：${options}`,
    `基数：${base}`,
    `闭票前改票：${p.allowChangeBeforeClose ? '允许' : '不允许'}`,
    '判定规则：',
    ...rules,
    '结果：',
    ...outcomes,
  ].join('\n');
}

/** `profile show <id> --json`: a built-in profile as a profile document (CONTRACT.md §1). */
export const profileShowCommand: Command = {
  words: ['profile', 'show'],
  summary:
    '以测评办法文件（JSON）打印内置测评办法，可复制修改后用 profile validate 检查 / Print a built-in profile as a profile document, to copy, edit and check with profile validate.',
  usage: 'profile show <id> [--json]',
  options: { flags: ['json'] },
  run(args, io) {
    const id = onePositional(args, { zh: '测评办法标识', en: 'profile id' });
    const profile = seedProfile(id);
    if (!profile) {
      const known = SEED_PROFILES.map((p) => p.id).join(', ');
      throw new RefusedError(
        `没有内置测评办法“${id}”（可选：${known}） / unknown profile "${id}" (known: ${known})`,
      );
    }
    printResult(io, args.flags.has('json'), profileDocument(profile), () => profileText(profile));
  },
};

/** Refused after the check was printed: `profile validate` prints its JSON when not valid. */
export class NotValidProfile extends RefusedError {
  constructor(check: ProfileDocumentCheck) {
    const n = check.problems.length;
    super(`测评办法文件无效：${n} 个问题 / not a valid profile document: ${n} problem(s)`);
  }
}

function checkText(check: ProfileDocumentCheck, data: unknown): string {
  if (!check.valid) {
    const lines = check.problems.map((p) => `  ${p.path}：${p.message}`);
    return [`无效：${check.problems.length} 个问题 / not valid`, ...lines].join('\n');
  }
  const p = data as Profile;
  const rules = describeProfile(p).map((t, i) => `  ${i + 1}. ${t.zh}`);
  return [`有效：${p.name.zh}（${p.id}，第 ${p.version} 版） / valid`, ...rules].join('\n');
}

/**
 * `profile validate <file> --json`: `{valid, problems: [{path, message}]}` on stdout, valid or
 * not; when not valid, exit 1 and every problem (`path: message`) on stderr too (CONTRACT.md §1).
 * A file that is not JSON is one problem at `/`; a file that cannot be read is a plain refusal.
 */
export const profileValidateCommand: Command = {
  words: ['profile', 'validate'],
  summary:
    '检查测评办法文件，逐项指出每个问题及其 JSON 路径 / Check a profile document: every problem, each named by its JSON path.',
  usage: 'profile validate <file> [--json]',
  options: { flags: ['json'] },
  run(args, io: CliIo) {
    const file = onePositional(args, { zh: '测评办法文件', en: 'profile document file' });
    const json = parseJson(readUtf8File(io, file));
    const check: ProfileDocumentCheck = json.ok
      ? checkProfileDocument(json.data)
      : { valid: false, problems: [{ path: '/', message: json.reason }] };
    printResult(io, args.flags.has('json'), check, () =>
      checkText(check, json.ok ? json.data : undefined),
    );
    if (!check.valid) {
      io.stderr(check.problems.map((p) => `${p.path}: ${p.message}\n`).join(''));
      throw new NotValidProfile(check);
    }
  },
};
