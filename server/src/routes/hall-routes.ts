import {
  DemoPressBody,
  DemoPressReply,
  DisplayReply,
  ErrorBody,
  HardwareReply,
} from '@hall/shared';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { demoPress } from '../demo/demo-press';
import { displayState } from '../live/state';
import { typed, type RouteContext } from './types';

export async function hallRoutes(app: FastifyInstance, ctx: RouteContext) {
  const r = typed(app);
  r.get(
    '/api/health',
    {
      config: { roles: 'public' },
      // A probe (monitor, systemd, a load balancer) is not logged at info: see ready-routes.ts.
      logLevel: 'warn',
      schema: {
        tags: ['hall'],
        summary: 'Liveness: the server is up, and which hall it is',
        response: { 200: Type.Object({ ok: Type.Boolean(), hall: Type.String() }) },
      },
    },
    async () => ({ ok: true, hall: ctx.hall.config.hall }),
  );
  r.get(
    '/api/hardware',
    {
      config: { roles: ['technician', 'chair'] },
      schema: { tags: ['hall'], summary: 'Bus and seat health', response: { 200: HardwareReply } },
    },
    async (req) => ({
      ...ctx.hall.health(req.principal?.roles.includes('technician') ?? false),
      presses: ctx.hall.presses.stats,
      mode: ctx.hall.hardware.currentMode.mode,
    }),
  );
  r.get(
    '/api/display',
    {
      config: { roles: 'public' },
      schema: {
        tags: ['hall'],
        summary: 'What the public hall display shows (results only once announced)',
        response: { 200: DisplayReply },
      },
    },
    async () => displayState(ctx.hall),
  );
  if (!ctx.demo) return;
  r.post(
    '/api/demo/press',
    {
      config: { roles: ['technician'], rateLimit: false },
      schema: {
        tags: ['demo'],
        summary: 'Demo hall only: a simulated seat presses keys; answers with the lamp it shows',
        body: DemoPressBody,
        response: { 200: DemoPressReply, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody },
      },
    },
    async (req) => demoPress(ctx.hall, req.body),
  );
}
