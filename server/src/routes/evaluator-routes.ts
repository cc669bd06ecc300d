import { ErrorBody, EvaluatorsImportReply, EvaluatorsReply, RosterImportBody } from '@hall/shared';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { ServiceError } from '../errors';
import { XLSX_TYPE } from '../roster/read-roster-file';
import { readEvaluatorsFile } from '../sessions/evaluators-file';
import { typed, type RouteContext } from './types';

/** As the roster import (roster-routes.ts): the file's bytes as they are, or JSON {csvBase64}. */
const FILE_TYPES = ['text/csv', 'application/vnd.ms-excel', 'application/octet-stream', XLSX_TYPE];
const FileBytes = Type.Unsafe<Buffer>({
  description:
    'the evaluators file as it is (evaluator_id,name,group,seat): CSV (UTF-8, UTF-8 with BOM or GB18030) or XLSX',
});
const EVALUATORS_BODY_LIMIT = 6_000_000;

/** Issue 14: an evaluation meeting's invited evaluators (sessions/evaluators-service.ts). */
export async function evaluatorRoutes(app: FastifyInstance, ctx: RouteContext) {
  const r = typed(app);
  // This module's own scope (app.ts registers each route module in one): raw bodies here only.
  app.addContentTypeParser(
    FILE_TYPES,
    { parseAs: 'buffer', bodyLimit: EVALUATORS_BODY_LIMIT },
    (_req, body, done) => done(null, body),
  );
  r.put(
    '/api/sessions/current/evaluators',
    {
      config: { roles: ['secretariat'] },
      bodyLimit: EVALUATORS_BODY_LIMIT,
      schema: {
        tags: ['sessions'],
        summary:
          "Replace the current evaluation meeting's invited evaluators with a file (evaluator_id,name,group,seat; CSV in UTF-8 or GB18030, or XLSX), atomically; refused in a committee sitting and once a vote of the meeting has opened",
        body: {
          content: {
            'application/json': { schema: RosterImportBody },
            ...Object.fromEntries(FILE_TYPES.map((t) => [t, { schema: FileBytes }])),
          },
        },
        response: {
          200: EvaluatorsImportReply,
          400: ErrorBody,
          404: ErrorBody,
          409: ErrorBody,
          422: ErrorBody,
        },
      },
    },
    async (req) => {
      const body = req.body as { csvBase64?: unknown } | Buffer | undefined;
      const bytes = Buffer.isBuffer(body)
        ? body
        : typeof body === 'object' && body !== null && typeof body.csvBase64 === 'string'
          ? Buffer.from(body.csvBase64, 'base64')
          : null;
      if (!bytes) {
        throw new ServiceError(
          400,
          'INVALID_REQUEST',
          '请求须带评议人员名单文件（CSV 或 XLSX） / the request must carry an evaluators file (CSV or XLSX)',
        );
      }
      // Refused before the file is read: a committee sitting, or a meeting already voting.
      ctx.hall.evaluators.requireReplaceable();
      const entries = await readEvaluatorsFile(bytes, new Set(ctx.hall.config.seats), {
        contentType: req.headers['content-type'] ?? '',
      });
      return ctx.hall.importEvaluators(entries);
    },
  );
  r.get(
    '/api/sessions/current/evaluators',
    {
      config: { roles: ['chair', 'secretariat'] },
      schema: {
        tags: ['sessions'],
        summary:
          "The current evaluation meeting's invited evaluators, with their groups and seats (none for a committee sitting)",
        response: { 200: EvaluatorsReply, 409: ErrorBody },
      },
    },
    async () => {
      ctx.hall.sessions.requireCurrent();
      return { entries: ctx.hall.evaluators.current() };
    },
  );
}
