import { ErrorBody, EvaluatorsImportReply, EvaluatorsReply } from '@hall/shared';
import type { FastifyInstance } from 'fastify';
import { readEvaluatorsFile } from '../sessions/evaluators-file';
import { acceptFileBodies, FILE_BODY_LIMIT, fileBodySchema, uploadedBytes } from './file-upload';
import { typed, type RouteContext } from './types';

/** Issue 14: an evaluation meeting's invited evaluators (sessions/evaluators-service.ts). */
export async function evaluatorRoutes(app: FastifyInstance, ctx: RouteContext) {
  const r = typed(app);
  // This module's own scope (app.ts registers each route module in one): raw bodies here only.
  acceptFileBodies(app);
  r.put(
    '/api/sessions/current/evaluators',
    {
      config: { roles: ['secretariat'] },
      bodyLimit: FILE_BODY_LIMIT,
      schema: {
        tags: ['sessions'],
        summary:
          "Replace the current evaluation meeting's invited evaluators with a file (evaluator_id,name,group,seat; CSV in UTF-8 or GB18030, or XLSX), atomically; refused in a committee sitting and once a vote of the meeting has opened",
        body: fileBodySchema(
          'the evaluators file as it is (evaluator_id,name,group,seat): CSV (UTF-8, UTF-8 with BOM or GB18030) or XLSX',
        ),
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
      const bytes = uploadedBytes(req.body, {
        zh: '评议人员名单文件',
        en: 'an evaluators file',
      });
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
