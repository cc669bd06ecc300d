import { checkProfileDocument, firstUnsafeChar, type ProfileProblem } from '@hall/shared';
import { ServiceError } from '../errors';

/**
 * The largest profile document the hall keeps (its JSON text, in UTF-16 units). The seed
 * profiles are about 4 000; a document of many times that is a mistake or an attack on the
 * screens that show it, and every version is kept for ever (hall_profiles is append-only).
 */
export const MAX_PROFILE_JSON = 65_536;

/** Deeper than any profile document nests (ProfileSchema: 6 levels): not walked for text. */
const MAX_DEPTH = 16;

/** Whether `data` nests objects or arrays more than `max` deep (without recursing). */
function deeperThan(data: unknown, max: number): boolean {
  const stack: { v: unknown; depth: number }[] = [{ v: data, depth: 0 }];
  while (stack.length > 0) {
    const { v, depth } = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth >= max) return true;
    for (const item of Object.values(v)) stack.push({ v: item, depth: depth + 1 });
  }
  return false;
}

/** RFC 6901: `~` → `~0`, `/` → `~1`. */
const pointer = (parts: readonly (string | number)[]) =>
  parts.length === 0
    ? '/'
    : parts.map((p) => `/${String(p).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');

/**
 * Every text of `data` that would not read as stored (a control character, a bidi override, an
 * invisible separator, a lone surrogate: shared/src/text/unsafe-text.ts, the checks of
 * text/safe-text.ts), by JSON path. A profile's names, labels and rules reach the hall display,
 * the seats and the printed records: an attacker could otherwise reorder what they show.
 */
export function unsafeTextProblems(data: unknown): ProfileProblem[] {
  const out: ProfileProblem[] = [];
  const walk = (v: unknown, parts: (string | number)[]) => {
    if (parts.length > MAX_DEPTH) return;
    if (typeof v === 'string') {
      const bad = firstUnsafeChar(v);
      if (bad) {
        out.push({
          path: pointer(parts),
          message: `第 ${bad.index + 1} 个字符是不允许的${bad.zh}（${bad.codePoint}），请删除 / forbidden ${bad.en} (${bad.codePoint}) at position ${bad.index + 1}; remove it`,
        });
      }
    } else if (Array.isArray(v)) {
      v.forEach((item, i) => walk(item, [...parts, i]));
    } else if (v !== null && typeof v === 'object') {
      for (const [k, item] of Object.entries(v)) {
        const badKey = firstUnsafeChar(k);
        if (badKey) {
          out.push({
            path: pointer(parts),
            message: `字段名含不允许的${badKey.zh}（${badKey.codePoint}） / a field name contains a forbidden ${badKey.en} (${badKey.codePoint})`,
          });
        }
        walk(item, [...parts, k]);
      }
    }
  };
  walk(data, []);
  return out;
}

/**
 * Every problem of `data` as a profile this hall can keep and run: the document's own (schema
 * and meaning, by JSON path: shared/src/profile/document.ts), then the hall's: its size, unsafe
 * text, and a change of ballot before close (not supported: votes/vote-profiles.ts
 * `supportedProfile`, server/SECRECY.md "Changing a ballot"). None when it is sound.
 */
export function profileProblems(data: unknown): ProfileProblem[] {
  // Before anything walks it (JSON.stringify and the schema check recurse): a body of arrays
  // nested thousands deep would overflow the stack, a 500 instead of a refusal.
  if (deeperThan(data, MAX_DEPTH)) {
    return [
      {
        path: '/',
        message: `测评办法文档嵌套超过 ${MAX_DEPTH} 层 / the profile document is nested more than ${MAX_DEPTH} levels deep`,
      },
    ];
  }
  const size = JSON.stringify(data ?? null).length;
  if (size > MAX_PROFILE_JSON) {
    return [
      {
        path: '/',
        message: `测评办法文档过大（${size} 个字符，上限 ${MAX_PROFILE_JSON}） / the profile document is too large (${size} characters, at most ${MAX_PROFILE_JSON})`,
      },
    ];
  }
  const problems = [...checkProfileDocument(data).problems, ...unsafeTextProblems(data)];
  const doc = data as { allowChangeBeforeClose?: unknown } | null;
  if (doc !== null && typeof doc === 'object' && doc.allowChangeBeforeClose === true) {
    problems.push({
      path: '/allowChangeBeforeClose',
      message:
        '本会场不支持结束前更改选择（首次按键即为最终选择），应为 false / this hall does not support changing a ballot before close (the first press is final): must be false',
    });
  }
  return problems;
}

/** A profile document refused (422 INVALID_PROFILE), with every problem by its JSON path. */
export class ProfileDocumentRefusal extends ServiceError {
  constructor(readonly problems: ProfileProblem[]) {
    super(
      422,
      'INVALID_PROFILE',
      `测评办法文档有 ${problems.length} 处问题：${problems.map((p) => `${p.path}：${p.message}`).join('；')} / the profile document has ${problems.length} problem(s), each named by its JSON path`,
    );
  }

  /** The refusal as a reply body: the usual error fields and the problems. */
  get body() {
    return {
      statusCode: 422,
      error: this.name,
      code: this.code,
      message: this.message,
      problems: this.problems,
    };
  }
}
