import { createHash } from 'node:crypto';
import { isHallErrorCode } from '@hall/shared';
import type { Db } from '../../server/src/db/open-db';

// Shared by test/fault/api-fuzz.test.ts: the database fingerprint, the error-shape check and the
// bad values built from a route's JSON schema (the OpenAPI document the app serves at /docs/json).

/**
 * Columns that move on every authenticated request and are not "state": a login session's
 * last-seen time (the idle timeout, issue 12). Everything else must be byte-identical.
 */
const VOLATILE: Record<string, readonly string[]> = { login_sessions: ['last_seen_at'] };

/** Every table's rows (sorted), hashed: equal before and after means nothing changed. */
export function dbFingerprint(db: Db): Record<string, { rows: number; hash: string }> {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .all() as { name: string }[];
  const out: Record<string, { rows: number; hash: string }> = {};
  for (const { name } of tables) {
    const drop = VOLATILE[name] ?? [];
    const rows = (db.prepare(`SELECT * FROM "${name}"`).all() as Record<string, unknown>[])
      .map((r) =>
        JSON.stringify(
          Object.entries(r).filter(([k]) => !drop.includes(k)),
          (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('hex') : v),
        ),
      )
      .sort();
    out[name] = {
      rows: rows.length,
      hash: createHash('sha256').update(rows.join('\n')).digest('hex'),
    };
  }
  return out;
}

/** The project's typed refusal (shared/src/api/schemas.ts ErrorBody, server/src/errors.ts). */
export function errorProblem(status: number, body: string): string | undefined {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return `not JSON: ${body.slice(0, 120)}`;
  }
  const e = json as Record<string, unknown>;
  if (e.statusCode !== status) return `statusCode ${String(e.statusCode)} ≠ ${status}`;
  if (typeof e.error !== 'string') return 'no error';
  if (typeof e.code !== 'string' || !isHallErrorCode(e.code)) return `code ${String(e.code)}`;
  if (typeof e.message !== 'string' || !e.message.trim()) return 'no message';
  if (/[\r\n]/.test(e.message)) return 'message on two lines';
  return undefined;
}

export interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  enum?: unknown[];
  minimum?: number;
  minLength?: number;
  minItems?: number;
  pattern?: string;
  additionalProperties?: boolean | JsonSchema;
  /** OpenAPI 3.0's spelling of `anyOf: [T, { type: 'null' }]`. */
  nullable?: boolean;
}

/** A plausible value for `s` (only ever sent with one field made wrong, or an unknown field). */
export function sample(s: JsonSchema): unknown {
  if (s.anyOf) return sample(s.anyOf[0]!);
  if (s.enum) return s.enum[0];
  switch (s.type) {
    case 'object':
      return Object.fromEntries(
        Object.entries(s.properties ?? {})
          .filter(([k]) => s.required?.includes(k))
          .map(([k, v]) => [k, sample(v)]),
      );
    case 'array':
      return Array.from({ length: s.minItems ?? 0 }, () => sample(s.items ?? {}));
    case 'integer':
    case 'number':
      return s.minimum ?? 1;
    case 'boolean':
      return true;
    case 'string':
      if (s.pattern === '^[0-9]{6}$') return '000000';
      if (s.pattern?.includes('-[0-9]+$')) return 'A-1';
      if (s.pattern?.startsWith('^[a-z0-9]')) return 'nobody';
      return 'x'.repeat(Math.max(1, s.minLength ?? 1));
    default:
      return null;
  }
}

/**
 * Values of the wrong type for `s`. A JSON body is checked as typed, never converted
 * (server/src/plugins/validation.ts), so `null`, a number for a string, a string for a number
 * and `true` for a number are all wrong; so are an object for a scalar and a number for an object.
 */
export function wrongTypes(s: JsonSchema): unknown[] {
  const types = new Set((s.anyOf ?? [s]).map((b) => b.type ?? (b.enum ? 'string' : '')));
  const out: unknown[] = [];
  if (!types.has('object')) out.push({ a: 1 });
  if (!types.has('array')) out.push([{}, {}]);
  if (!types.has('string')) out.push('text');
  if (!types.has('integer') && !types.has('number')) out.push(7);
  if (!types.has('boolean')) out.push(true);
  if (!types.has('null') && !s.nullable && !s.anyOf?.some((b) => b.nullable)) out.push(null);
  return out;
}

/** Path-parameter values no route may act on. */
export const BAD_PARAMS = [
  'x'.repeat(5000),
  '%E6%B5%8B%E8%AF%95%F0%9F%99%82', // 测试🙂
  '..%2F..%2Fetc%2Fpasswd',
  '%2E%2E',
  '%00',
  '-1',
  '0',
  '1e999',
  '99999999999999999999999',
  '%ZZ',
];

/** Query strings: junk, wrong types, repeated keys, broken escapes. */
export const BAD_QUERIES = [
  '?decimals=abc&year=x&all=maybe&profile=' + 'p'.repeat(300),
  '?decimals=-5&year=1&all[]=1',
  '?%ZZ=%E0%A4%A',
  '?__proto__[x]=1&constructor=1',
  '?' + 'q=1&'.repeat(500),
];
