import { ReadyReply } from '@hall/shared';
import type { FastifyInstance } from 'fastify';
import { readiness } from '../ops/readiness';
import { typed, type RouteContext } from './types';

/**
 * Readiness, apart from liveness (`GET /api/health`, hall-routes.ts): 200 when the database,
 * every bus and the signing key are ok, 503 otherwise, with the same body. Public, so it names
 * no path, seat or member. Probes are not logged at info (`logLevel: 'warn'`): a monitor polling
 * every few seconds would bury the hall's own log lines.
 */
export async function readyRoutes(app: FastifyInstance, ctx: RouteContext) {
  typed(app).get(
    '/api/ready',
    {
      config: { roles: 'public' },
      logLevel: 'warn',
      schema: {
        tags: ['hall'],
        summary: 'Readiness: database, buses and signing key (200 ready, 503 not)',
        response: { 200: ReadyReply, 503: ReadyReply },
      },
    },
    async (_req, reply) => {
      const state = readiness(ctx.hall);
      return reply.code(state.ready ? 200 : 503).send(state);
    },
  );
}
