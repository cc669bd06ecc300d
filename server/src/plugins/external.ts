import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { isDomainError } from '@hall/shared';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { HallErrorCode, oneLine, ServiceError } from '../errors';

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
    // No inline script or style anywhere (the consoles are built to files); the Swagger UI at
    // /docs alone needs inline code, and gets its own policy below.
    contentSecurityPolicy: { directives: cspDirectives(false) },
  });
  const docsPolicy = cspHeader(cspDirectives(true));
  app.addHook('onSend', async (req, reply) => {
    // Decided from the matched route, never from the URL text.
    const route = req.routeOptions.url ?? '';
    if (route === '/docs' || route.startsWith('/docs/')) {
      reply.header('content-security-policy', docsPolicy);
    }
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

type Directives = Record<string, string[] | null>;

/** The content security policy: strict, or with inline code for the API docs page. */
function cspDirectives(inline: boolean): Directives {
  const self = ["'self'"];
  const code = inline ? [...self, "'unsafe-inline'"] : self;
  return {
    defaultSrc: self,
    baseUri: self,
    scriptSrc: code,
    scriptSrcAttr: ["'none'"],
    styleSrc: code,
    imgSrc: [...self, 'data:'],
    fontSrc: [...self, 'data:'],
    connectSrc: self,
    objectSrc: ["'none'"],
    frameAncestors: ["'none'"],
    formAction: self,
    // A hall without TLS (the demo, HALL_TLS=off) must not send browsers to https.
    upgradeInsecureRequests: null,
  };
}

function cspHeader(d: Directives): string {
  return Object.entries(d)
    .filter((e): e is [string, string[]] => e[1] !== null)
    .map(([k, v]) => `${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} ${v.join(' ')}`)
    .join('; ');
}

/** The Chinese summary put before a refusal of the domain core (its message is English). */
const DOMAIN_ZH: Record<string, string> = {
  INVALID_NUMBER: '数字无效',
  PRESENT_EXCEEDS_MEMBERS: '实到人数超过全体组成人员人数',
  BALLOTS_EXCEED_PRESENT: '票数超过实到人数',
  UNKNOWN_PROFILE: '未知的测评办法',
  UNKNOWN_OPTION: '未知的选项',
  INVALID_PROFILE: '测评办法无效',
};

/** The Chinese summary put before fastify's own 4xx refusals (body too large, rate limit…). */
const STATUS_ZH: Record<number, string> = {
  400: '请求格式错误',
  401: '未登录',
  403: '无权操作',
  404: '未找到',
  405: '不支持的请求方法',
  406: '无法提供所要求的格式',
  413: '请求内容过大',
  415: '不支持的内容类型',
  429: '请求过于频繁，请稍后再试',
};

/** The code of fastify's own 4xx refusal (its `FST_ERR_…` names are not part of the API). */
function fastifyCode(statusCode: number): HallErrorCode {
  if (statusCode === 413) return HallErrorCode.BODY_TOO_LARGE;
  if (statusCode === 415) return HallErrorCode.UNSUPPORTED_MEDIA_TYPE;
  if (statusCode === 429) return HallErrorCode.RATE_LIMITED;
  return HallErrorCode.BAD_REQUEST;
}

/**
 * fastify's router refusals made before any route or hook runs — a URL it cannot decode
 * (`%ZZ`), a path parameter beyond its length bound — in the typed shape of every other refusal
 * (server/src/errors.ts; issue 15: fastify sent its own `FST_ERR_…` codes here). Passed as the
 * `frameworkErrors` option of the Fastify constructor (server/src/app.ts).
 */
export function frameworkRefusal(
  err: FastifyError,
  _req: FastifyRequest,
  reply: FastifyReply,
): void {
  const statusCode = err.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 414 : 400;
  const zh = statusCode === 414 ? '路径参数过长' : '请求地址无效';
  void reply.status(statusCode).send({
    statusCode,
    error: 'Bad Request',
    code: HallErrorCode.BAD_REQUEST,
    message: oneLine(`${zh} / ${err.message}`),
  });
}

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
      return reply.status(422).send({
        statusCode: 422,
        error: 'DomainError',
        code: err.code,
        message: oneLine(`${DOMAIN_ZH[err.code] ?? '输入无效'} / ${err.message}`),
      });
    }
    const status =
      err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 0;
    if (err.validation || status) {
      const statusCode = status || 400;
      const code = err.validation ? HallErrorCode.INVALID_REQUEST : fastifyCode(statusCode);
      const message = err.validation
        ? `请求格式错误 / invalid request: ${err.message}`
        : `${STATUS_ZH[statusCode] ?? '请求无效'} / ${err.message}`;
      return reply
        .status(statusCode)
        .send({ statusCode, error: 'Bad Request', code, message: oneLine(message) });
    }
    req.log.error({ err }, 'unexpected failure');
    return reply.status(500).send({
      statusCode: 500,
      error: 'Internal Server Error',
      code: HallErrorCode.INTERNAL,
      message: '服务器内部错误 / unexpected failure',
    });
  });
}
