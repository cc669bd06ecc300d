import {
  ErrorBody,
  RosterImportBody,
  RosterImportReply,
  RosterReply,
  SeatsReply,
} from '@hall/shared';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { ServiceError } from '../errors';
import { readRosterFile, XLSX_TYPE } from '../roster/read-roster-file';
import { typed, type RouteContext } from './types';

/**
 * The content types a roster file may be sent as, its bytes as they are (the chair console, the
 * CLI): CSV (Windows calls a .csv `application/vnd.ms-excel`), XLSX, or anything. The bytes
 * decide what the file is (read-roster-file.ts); JSON `{csvBase64}` is still accepted.
 */
const FILE_TYPES = ['text/csv', 'application/vnd.ms-excel', 'application/octet-stream', XLSX_TYPE];
const FileBytes = Type.Unsafe<Buffer>({
  description: 'the roster file as it is: CSV (UTF-8, UTF-8 with BOM or GB18030) or XLSX',
});
const ROSTER_BODY_LIMIT = 6_000_000;

export async function rosterRoutes(app: FastifyInstance, ctx: RouteContext) {
  const r = typed(app);
  // This module's own scope (app.ts registers each route module in one): raw bodies here only.
  app.addContentTypeParser(
    FILE_TYPES,
    { parseAs: 'buffer', bodyLimit: ROSTER_BODY_LIMIT },
    (_req, body, done) => done(null, body),
  );
  r.post(
    '/api/roster',
    {
      config: { roles: ['secretariat'] },
      bodyLimit: ROSTER_BODY_LIMIT,
      schema: {
        tags: ['roster'],
        summary:
          'Replace the roster with a roster file (CONTRACT.md §4; CSV in UTF-8 or GB18030, or XLSX), atomically',
        body: {
          content: {
            'application/json': { schema: RosterImportBody },
            ...Object.fromEntries(FILE_TYPES.map((t) => [t, { schema: FileBytes }])),
          },
        },
        response: { 200: RosterImportReply, 400: ErrorBody, 409: ErrorBody, 422: ErrorBody },
      },
    },
    async (req) => {
      // Only JSON and the file types are validated (body.content): any other body (text/plain,
      // none at all) is refused here.
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
          '请求须带名单文件（CSV 或 XLSX） / the request must carry a roster file (CSV or XLSX)',
        );
      }
      const entries = await readRosterFile(bytes, new Set(ctx.hall.config.seats), {
        contentType: req.headers['content-type'] ?? '',
      });
      return ctx.hall.importRoster(entries);
    },
  );
  r.get(
    '/api/roster',
    {
      config: { roles: ['chair', 'secretariat', 'technician'] },
      schema: {
        tags: ['roster'],
        summary: 'The roster: members and observers, with their seats',
        response: { 200: RosterReply },
      },
    },
    async () => ({ entries: [...ctx.hall.roster.all()] }),
  );
  r.get(
    '/api/seats',
    {
      config: { roles: ['chair', 'secretariat', 'technician'] },
      schema: {
        tags: ['roster'],
        summary: 'Every seat of the hall: occupant, online, checked in (never a choice)',
        response: { 200: SeatsReply },
      },
    },
    async () => ({ seats: ctx.hall.seatViews() }),
  );
}
