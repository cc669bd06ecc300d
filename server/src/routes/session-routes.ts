import {
  AgendaItemBody,
  ErrorBody,
  SessionReply,
  SessionStartBody,
  SessionStartReply,
} from '@hall/shared';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { notFound } from '../errors';
import { typed, type RouteContext } from './types';

export async function sessionRoutes(app: FastifyInstance, ctx: RouteContext) {
  const r = typed(app);
  r.post(
    '/api/sessions',
    {
      config: { roles: ['secretariat'] },
      schema: {
        tags: ['sessions'],
        summary:
          'Start a sitting (a committee sitting, or an evaluation meeting with `kind: evaluation`); it becomes current',
        body: SessionStartBody,
        response: { 200: SessionStartReply, 409: ErrorBody },
      },
    },
    async (req) => ({ sessionId: ctx.hall.startSession(req.body.title, req.body.kind) }),
  );
  r.get(
    '/api/sessions/current',
    {
      config: { roles: ['chair', 'secretariat', 'technician'] },
      schema: {
        tags: ['sessions'],
        summary: 'The current sitting and its agenda',
        response: { 200: SessionReply, 404: ErrorBody },
      },
    },
    async () => {
      const s = ctx.hall.sessions.current();
      if (!s) throw notFound('NO_SESSION', '尚未开始会议 / no sitting has been started');
      return s;
    },
  );
  r.post(
    '/api/sessions/current/items',
    {
      config: { roles: ['secretariat'] },
      schema: {
        tags: ['sessions'],
        summary: 'Add an agenda item (a report and its reporting organ)',
        body: AgendaItemBody,
        response: { 200: Type.Object({ itemId: Type.Integer() }), 409: ErrorBody },
      },
    },
    async (req) => ({ itemId: ctx.hall.addItem(req.body.title, req.body.organ) }),
  );
}
