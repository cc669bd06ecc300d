import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appFixture, type AppFixture } from '../../test-support/app-fixture';

type Schema = Record<string, unknown>;
interface Operation {
  summary?: string;
  responses?: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}

let f: AppFixture;
let doc: { paths: Record<string, Record<string, Operation>> };
beforeAll(async () => {
  f = await appFixture();
  const res = await f.app.inject({ method: 'GET', url: '/docs/json' });
  expect(res.statusCode).toBe(200);
  doc = res.json();
});
afterAll(async () => {
  await f.close();
});

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
const operations = () =>
  Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, op]) => ({ name: `${method.toUpperCase()} ${path}`, op })),
  );

/**
 * Where a schema says nothing: a node with no type, no composition, no constant, or an object
 * whose values are anything. A free-form map is allowed only when its description says so.
 */
function untyped(s: Schema | undefined, at: string): string[] {
  if (!s || typeof s !== 'object') return [at];
  const composed = (['anyOf', 'oneOf', 'allOf'] as const).flatMap((k) =>
    Array.isArray(s[k]) ? (s[k] as Schema[]).flatMap((x, i) => untyped(x, `${at}.${k}[${i}]`)) : [],
  );
  if (['anyOf', 'oneOf', 'allOf'].some((k) => Array.isArray(s[k]))) return composed;
  if (s.$ref || 'const' in s || Array.isArray(s.enum)) return [];
  const type = s.type;
  if (type === undefined) return [at];
  const types = Array.isArray(type) ? type : [type];
  const found: string[] = [];
  if (types.includes('array')) found.push(...untyped(s.items as Schema, `${at}[]`));
  if (types.includes('object')) {
    const props = (s.properties ?? {}) as Record<string, Schema>;
    for (const [k, v] of Object.entries(props)) found.push(...untyped(v, `${at}.${k}`));
    const patterns = (s.patternProperties ?? {}) as Record<string, Schema>;
    for (const [k, v] of Object.entries(patterns)) found.push(...untyped(v, `${at}[${k}]`));
    const extra = s.additionalProperties;
    if (extra && typeof extra === 'object') found.push(...untyped(extra as Schema, `${at}{*}`));
    const freeForm = extra === true || (extra && Object.keys(extra).length === 0);
    const empty = Object.keys(props).length === 0 && Object.keys(patterns).length === 0;
    if ((empty || freeForm) && typeof s.description !== 'string') found.push(`${at}{}`);
  }
  return found;
}

describe('the OpenAPI document (GET /docs/json)', () => {
  it('lists the API', () => {
    const names = operations().map((o) => o.name);
    expect(names.length).toBeGreaterThan(40);
    expect(names).toEqual(
      expect.arrayContaining(['GET /api/hardware', 'GET /api/display', 'GET /api/records/{seq}']),
    );
  });

  it('has a summary on every operation', () => {
    const missing = operations()
      .filter(({ op }) => !op.summary?.trim())
      .map((o) => o.name);
    expect(missing).toEqual([]);
  });

  it('types every 2xx reply, at every level', () => {
    const problems: string[] = [];
    for (const { name, op } of operations()) {
      const ok = Object.entries(op.responses ?? {}).filter(([code]) => /^2/.test(code));
      if (ok.length === 0) problems.push(`${name}: no 2xx reply documented`);
      for (const [code, reply] of ok) {
        const content = Object.entries(reply.content ?? {});
        if (content.length === 0) problems.push(`${name} ${code}: no content`);
        for (const [type, media] of content) {
          if (type.includes('json')) {
            problems.push(...untyped(media.schema, `${name} ${code} ${type}`));
          } else if (media.schema?.type !== 'string') {
            problems.push(`${name} ${code} ${type}: not a string (file) schema`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
