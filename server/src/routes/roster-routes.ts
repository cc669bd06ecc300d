import { ErrorBody, RosterImportReply, RosterReply, SeatsReply } from '@hall/shared';
import type { FastifyInstance } from 'fastify';
import { readRosterFile } from '../roster/read-roster-file';
import { acceptFileBodies, FILE_BODY_LIMIT, fileBodySchema, uploadedBytes } from './file-upload';
import { typed, type RouteContext } from './types';

export async function rosterRoutes(app: FastifyInstance, ctx: RouteContext) {
  const r = typed(app);
  // This module's own scope (app.ts registers each route module in one): raw bodies here only.
  acceptFileBodies(app);
  r.post(
    '/api/roster',
    {
      config: { roles: ['secretariat'] },
      bodyLimit: FILE_BODY_LIMIT,
      schema: {
        tags: ['roster'],
        summary:
          'Replace the roster with a roster file (CONTRACT.md §4; CSV in UTF-8 or GB18030, or XLSX), atomically',
        body: fileBodySchema(
          'the roster file as it is: CSV (UTF-8, UTF-8 with BOM or GB18030) or XLSX',
        ),
        response: { 200: RosterImportReply, 400: ErrorBody, 409: ErrorBody, 422: ErrorBody },
      },
    },
    async (req) => {
      const bytes = uploadedBytes(req.body, { zh: '名单文件', en: 'a roster file' });
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
