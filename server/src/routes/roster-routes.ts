import {
  ErrorBody,
  RosterImportBody,
  RosterImportReply,
  RosterReply,
  SeatsReply,
} from '@hall/shared';
import type { FastifyInstance } from 'fastify';
import { typed, type RouteContext } from './types';

export async function rosterRoutes(app: FastifyInstance, ctx: RouteContext) {
  const r = typed(app);
  r.post(
    '/api/roster',
    {
      config: { roles: ['secretariat'] },
      bodyLimit: 6_000_000,
      schema: {
        tags: ['roster'],
        summary: 'Replace the roster with a CSV file (CONTRACT.md §4), atomically',
        body: RosterImportBody,
        response: { 200: RosterImportReply, 409: ErrorBody, 422: ErrorBody },
      },
    },
    async (req) => ctx.hall.importRoster(Buffer.from(req.body.csvBase64, 'base64')),
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
