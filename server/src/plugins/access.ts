import type { Role } from '@hall/shared';
import fp from 'fastify-plugin';
import type { Principal, UserService } from '../auth/users';
import { bearer, ROLE_ZH } from '../auth/users';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call this route: roles, or 'public'. A route without it is refused to everyone. */
    roles?: readonly Role[] | 'public';
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}

/** One route as registered, with who may call it (the role-check test walks this list). */
export interface RouteAccess {
  method: string;
  url: string;
  roles: readonly Role[] | 'public' | undefined;
}

/**
 * Every route checks the caller's role (issue 3 "Access"): bearer token → principal; 401 without
 * a valid token, 403 with a token lacking the role. Fails closed: no `roles` means nobody.
 * Outside `/api/` are only public files (the API docs, the built consoles).
 */
export const accessPlugin = fp<{ users: UserService; routes: RouteAccess[] }>(async (app, opts) => {
  app.decorateRequest('principal', null);
  app.addHook('onRoute', (r) => {
    if (!r.url.startsWith('/api/')) return; // docs and the built consoles: public files
    const methods = Array.isArray(r.method) ? r.method : [r.method];
    for (const m of methods) {
      if (m === 'HEAD') continue;
      opts.routes.push({ method: m, url: r.url, roles: r.config?.roles });
    }
  });
  app.addHook('onRequest', async (req, reply) => {
    if (!req.url.startsWith('/api/')) return;
    const roles = req.routeOptions.config?.roles;
    if (roles === 'public') return;
    if (!req.routeOptions.url) return; // 404: the not-found handler answers
    const principal = opts.users.principal(bearer(req.headers.authorization));
    if (!principal) {
      return reply.status(401).send({
        statusCode: 401,
        error: 'Unauthorized',
        code: 'NO_TOKEN',
        message:
          '请先登录（或设置 HALL_OPERATOR_TOKEN） / a valid bearer token is required (log in, or set HALL_OPERATOR_TOKEN)',
      });
    }
    if (!roles || !principal.roles.some((r) => roles.includes(r))) {
      return reply.status(403).send({
        statusCode: 403,
        error: 'Forbidden',
        code: 'WRONG_ROLE',
        message: roles
          ? `无权操作：须为${roles.map((r) => ROLE_ZH[r]).join('或')} / this needs the role ${roles.join(' or ')}`
          : '无权操作：此接口不对任何角色开放 / this needs the role (none)',
      });
    }
    req.principal = principal;
  });
});
