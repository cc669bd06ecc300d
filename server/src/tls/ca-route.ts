import type { FastifyInstance } from 'fastify';

/**
 * `GET /ca.crt`: the hall CA's certificate (PEM), public, for a technician to install on the
 * hall's tablets as a trusted CA (README "HTTPS on the hall LAN"). Only a hall that made its own
 * CA serves it.
 */
export async function caRoutes(app: FastifyInstance, opts: { caPem: string }): Promise<void> {
  app.get(
    '/ca.crt',
    {
      config: { roles: 'public' },
      schema: {
        summary: "The hall CA's certificate, to install on the tablets as a trusted CA",
        security: [],
      },
    },
    async (_req, reply) =>
      reply
        .header('content-type', 'application/x-x509-ca-cert')
        .header('content-disposition', 'attachment; filename="hall-ca.crt"')
        .header('cache-control', 'no-cache')
        .send(opts.caPem),
  );
}
