import type { TSchema } from '@sinclair/typebox';
import { Value, ValueErrorType, type ValueError } from '@sinclair/typebox/value';
import { fieldName, shown, type Problem } from './problem';
import { PROFILE_FORMAT, ProfileSchema } from './schema';

/**
 * Every way a document departs from the profile schema (TypeBox `Value.Errors`), one problem per
 * JSON path (the first thing wrong there: a missing field is not also "not an object"), worded
 * Chinese first. A union (the base, a follow-up's due) is reported through the alternative the
 * document evidently meant (its `kind`), or as the list of the values allowed.
 */
export function schemaProblems(data: unknown): Problem[] {
  const problems: Problem[] = [];
  for (const e of Value.Errors(ProfileSchema, data)) problems.push(...fromError(e));
  return problems;
}

const pointer = (path: string) => path || '/';

function fromError(e: ValueError): Problem[] {
  const path = pointer(e.path);
  const s = e.schema as TSchema & Record<string, unknown>;
  const field = fieldName(path);
  const got = `（现为 ${shown(e.value)}）`;
  const gotEn = ` (got ${shown(e.value)})`;
  const say = (zh: string, en: string): Problem[] => [{ path, zh, en }];
  switch (e.type) {
    case ValueErrorType.ObjectRequiredProperty:
      return say(`缺少必需的字段 ${field}`, `required property "${lastSegment(path)}" is missing`);
    case ValueErrorType.ObjectAdditionalProperties:
      return say(`未知字段“${lastSegment(path)}”`, `unknown property "${lastSegment(path)}"`);
    case ValueErrorType.Object:
      return say(`${field}应为对象${got}`, `must be an object${gotEn}`);
    case ValueErrorType.Array:
      return say(`${field}应为数组${got}`, `must be an array${gotEn}`);
    case ValueErrorType.ArrayMinItems:
    case ValueErrorType.ArrayMaxItems:
      return itemCount(path, s, e.value);
    case ValueErrorType.Integer:
      return say(`${field}应为整数${got}`, `must be an integer${gotEn}`);
    case ValueErrorType.IntegerMinimum:
      return say(
        `${field}应为不小于 ${String(s.minimum)} 的整数${got}`,
        `must be an integer of at least ${String(s.minimum)}${gotEn}`,
      );
    case ValueErrorType.IntegerMaximum:
      return say(
        `${field}应为不大于 ${String(s.maximum)} 的整数${got}`,
        `must be an integer of at most ${String(s.maximum)}${gotEn}`,
      );
    case ValueErrorType.String:
      return say(`${field}应为文字${got}`, `must be a string${gotEn}`);
    case ValueErrorType.StringMinLength:
      return say(`${field}不能为空`, `must not be empty`);
    case ValueErrorType.StringPattern:
      return say(
        `${field}只能由小写字母、数字和连字符组成，以字母或数字开头，至多 64 个字符${got}`,
        `must be lower-case letters, digits and hyphens, starting with a letter or digit, at most 64 characters${gotEn}`,
      );
    case ValueErrorType.Boolean:
      return say(`${field}应为 true 或 false${got}`, `must be true or false${gotEn}`);
    case ValueErrorType.Literal:
      return literal(path, s, e.value);
    case ValueErrorType.Union:
      return union(e, s);
    default:
      return say(`${field}不符合格式：${e.message}${got}`, `${e.message}${gotEn}`);
  }
}

function lastSegment(path: string): string {
  return path.split('/').pop() ?? '';
}

function itemCount(path: string, s: Record<string, unknown>, value: unknown): Problem[] {
  const n = Array.isArray(value) ? value.length : 0;
  const min = typeof s.minItems === 'number' ? s.minItems : 0;
  const max = typeof s.maxItems === 'number' ? s.maxItems : undefined;
  const range =
    max === undefined
      ? { zh: `至少应有 ${min} 项`, en: `must have at least ${min} item(s)` }
      : { zh: `应有 ${min} 至 ${max} 项`, en: `must have ${min} to ${max} items` };
  if (path === '/optionSet/options') {
    return [
      {
        path,
        zh: `选项集应有 ${min} 至 ${max ?? '?'} 个选项（现有 ${n} 个）`,
        en: `an option set has ${min} to ${max ?? '?'} options (got ${n})`,
      },
    ];
  }
  return [
    { path, zh: `${fieldName(path)}${range.zh}（现有 ${n} 项）`, en: `${range.en} (got ${n})` },
  ];
}

function literal(path: string, s: Record<string, unknown>, value: unknown): Problem[] {
  if (path === '/format') {
    return [
      {
        path,
        zh: `格式应为“${PROFILE_FORMAT}”（现为 ${shown(value)}）`,
        en: `format must be "${PROFILE_FORMAT}" (got ${shown(value)})`,
      },
    ];
  }
  return [
    {
      path,
      zh: `${fieldName(path)}应为 ${shown(s.const)}（现为 ${shown(value)}）`,
      en: `must be ${shown(s.const)} (got ${shown(value)})`,
    },
  ];
}

/** The literal values of a union of literals, or undefined when it is not one. */
function literals(s: Record<string, unknown>): unknown[] | undefined {
  const variants = Array.isArray(s.anyOf) ? (s.anyOf as Record<string, unknown>[]) : [];
  return variants.length > 0 && variants.every((v) => 'const' in v)
    ? variants.map((v) => v.const)
    : undefined;
}

/** The `kind` values of a union of objects told apart by `kind` (a follow-up's `due`). */
function kinds(s: Record<string, unknown>): unknown[] {
  const variants = Array.isArray(s.anyOf) ? (s.anyOf as Record<string, unknown>[]) : [];
  return variants.map(
    (v) => (v.properties as Record<string, { const?: unknown }> | undefined)?.kind?.const,
  );
}

function union(e: ValueError, s: Record<string, unknown>): Problem[] {
  const path = pointer(e.path);
  const allowed = literals(s);
  if (allowed) {
    const list = allowed.map((v) => String(v));
    return [
      {
        path,
        zh: `${fieldName(path)}应为 ${list.join('、')} 之一（现为 ${shown(e.value)}）`,
        en: `must be one of ${list.join(', ')} (got ${shown(e.value)})`,
      },
    ];
  }
  // An object union told apart by `kind`: report what is wrong with the alternative named.
  const kind =
    typeof e.value === 'object' && e.value !== null
      ? (e.value as Record<string, unknown>).kind
      : undefined;
  const all = kinds(s);
  const meant = all.indexOf(kind);
  const iterator = meant >= 0 ? e.errors[meant] : undefined;
  if (iterator) return [...iterator].flatMap(fromError);
  if (all.every((k) => typeof k === 'string')) {
    return [
      {
        path: `${path === '/' ? '' : path}/kind`,
        zh: `${fieldName(path)}的种类（kind）应为 ${all.join('、')} 之一（现为 ${shown(kind)}）`,
        en: `kind must be one of ${all.join(', ')} (got ${shown(kind)})`,
      },
    ];
  }
  return [
    {
      path,
      zh: `${fieldName(path)}不符合任何一种允许的形式（现为 ${shown(e.value)}）`,
      en: `matches none of the allowed forms (got ${shown(e.value)})`,
    },
  ];
}
