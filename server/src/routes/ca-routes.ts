import type { FastifyInstance } from 'fastify';
import type { RouteContext } from './types';

/**
 * `GET /ca.crt`: the hall CA's certificate (PEM), public, for a technician to install on the
 * hall's tablets as a trusted CA (README "HTTPS on the hall LAN"). Only a hall that made its own
 * CA serves it.
 */
export async function caRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  const { caPem } = ctx;
  if (!caPem) return;
  app.get(
    '/ca.crt',
    {
      config: { roles: 'public' },
      schema: {
        summary: "The hall CA's certificate, to install on the tablets as a trusted CA",
        security: [],
        response: {
          200: {
            description: 'application/x-x509-ca-cert (hall-ca.crt, PEM)',
            content: { 'application/x-x509-ca-cert': { schema: { type: 'string' } } },
          },
        },
      },
    },
    async (_req, reply) =>
      reply
        .header('content-type', 'application/x-x509-ca-cert')
        .header('content-disposition', 'attachment; filename="hall-ca.crt"')
        .header('cache-control', 'no-cache')
        .send(caPem),
  );
}
