import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { isDomainError } from '@hall/shared';
import type { FastifyError, FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { ServiceError } from '../errors';

export interface ExternalOptions {
  /** Requests per minute per client on the HTTP API (seat presses never come over HTTP). */
  rateLimitMax: number;
}

/**
 * The outer layer: security headers, rate limit, the API docs at /docs, and one error shape
 * for every refusal: 4xx with a reason, never a 5xx for a malformed request.
 */
export const externalPlugins = fp<ExternalOptions>(async (app, opts) => {
  await app.register(helmet, {
    // The Swagger UI at /docs needs its inline scripts and styles.
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", "'unsafe-inline'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        // The hall LAN serves plain http: do not send browsers to https for sub-resources.
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(rateLimit, { global: true, max: opts.rateLimitMax, timeWindow: '1 minute' });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Hall server API (满意度测评)', version: '0.1.0' },
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      },
      security: [{ bearer: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  installErrorHandler(app);
});

function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof ServiceError) {
      return reply.status(err.statusCode).send({
        statusCode: err.statusCode,
        error: err.name,
        code: err.code,
        message: err.message,
      });
    }
    if (isDomainError(err)) {
      return reply
        .status(422)
        .send({ statusCode: 422, error: 'DomainError', code: err.code, message: err.message });
    }
    const status =
      err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 0;
    if (err.validation || status) {
      const code = err.validation ? 'INVALID_REQUEST' : (err.code ?? 'BAD_REQUEST');
      const statusCode = status || 400;
      return reply
        .status(statusCode)
        .send({ statusCode, error: 'Bad Request', code, message: err.message });
    }
    req.log.error({ err }, 'unexpected failure');
    return reply
      .status(500)
      .send({ statusCode: 500, error: 'Internal Server Error', message: 'unexpected failure' });
  });
}
