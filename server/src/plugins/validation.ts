import { AjvCompiler } from '@fastify/ajv-compiler';
import type { FastifyServerOptions } from 'fastify';

type CompilersFactory = NonNullable<
  NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']
>;
type BuildValidator = NonNullable<CompilersFactory['buildValidator']>;

/**
 * The request validator (issue 15, "wrong types: 4xx"): a query string, path or header is text,
 * so there a number, a flag or a list is read from it (`coerceTypes: 'array'`); a JSON body
 * already has types, so there a wrong one is refused, never converted (`null` for a count is
 * not 0, `"1"` is not 1, `false` is not `""`).
 */
export const validatorFactory: BuildValidator = (externalSchemas, ajvOptions) => {
  const pool = AjvCompiler();
  const given = (ajvOptions ?? {}) as { customOptions?: object; plugins?: unknown[] };
  const build = (coerceTypes: 'array' | false) =>
    pool(externalSchemas, {
      ...given,
      customOptions: { ...given.customOptions, removeAdditional: false, coerceTypes },
    } as Parameters<typeof pool>[1]);
  const coercing = build('array');
  const typed = build(false);
  return (route) => (route.httpPart === 'body' ? typed(route) : coercing(route));
};
