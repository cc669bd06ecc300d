import type { Role } from '@hall/shared';
import type { FastifyRequest, RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import type { Principal, UserService } from '../auth/users';
import { bearer, ROLE_ZH } from '../auth/users';
import { ServiceError } from '../errors';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call this route: roles, or 'public'. A route without it is refused to everyone. */
    roles?: readonly Role[] | 'public';
    /** A user who must still change an initial password may call this route (issue 10). */
    duringPasswordChange?: boolean;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}

/** One route as registered, with who may call it (the docs, the role-check tests). */
export interface RouteAccess {
  method: string;
  url: string;
  roles: readonly Role[] | 'public' | undefined;
}

export interface AccessOptions {
  users: UserService;
  /** Filled when the app is ready: every route but the HEAD twins of GET routes. */
  routes: RouteAccess[];
  /**
   * Plugins registered under these prefixes (fastify's `register(…, { prefix })`, as the API
   * docs at /docs are) serve public pages: their routes are public unless they say otherwise.
   */
  publicPrefixes?: readonly string[];
}

/**
 * Every route checks the caller's role (issues 3 and 10): access is decided from the route the
 * router matched (`request.routeOptions.config.roles`), never from the URL's text, so a
 * spelling the router decodes (`/%61pi/roster`) meets the same check as `/api/roster`. Fails
 * closed: a route without `roles` is refused to everyone. Bearer token → principal; 401 without
 * a valid token, 403 with a token lacking the role, 403 `PASSWORD_CHANGE_REQUIRED` for a user
 * still on an initial password (except on the routes that let them change it). An unknown path
 * falls to the not-found handler (404, nothing about any route).
 *
 * Register it before any other plugin: its onRoute hook must see every route, and its check is
 * a root hook, so every context created after it inherits it. The check runs in `preParsing`:
 * after every onRequest hook (the rate limiter counts refused calls too), before any body is read.
 */
export const accessPlugin = fp<AccessOptions>(async (app, opts) => {
  // What each route is at registration (fastify reuses and changes the options object later,
  // e.g. for a GET's HEAD twin); its roles are read once every onRoute hook has run.
  const seen: { methods: string[]; url: string; prefixed: boolean; opts: RouteOptions }[] = [];
  const publicPrefixes = opts.publicPrefixes ?? [];
  app.decorateRequest('principal', null);
  app.addHook('onRoute', (r) => {
    if (
      r.config?.roles === undefined &&
      publicPrefixes.some((p) => r.prefix === p || r.prefix.startsWith(`${p}/`))
    ) {
      r.config = { ...r.config, roles: 'public' };
    }
    const methods = Array.isArray(r.method) ? [...r.method] : [r.method];
    seen.push({ methods, url: r.url, prefixed: !!r.prefix && r.routePath === '', opts: r });
  });
  app.addHook('onReady', async () => {
    const all: RouteAccess[] = [];
    for (const r of seen) {
      for (const method of r.methods) {
        const roles = r.opts.config?.roles;
        all.push({ method, url: r.url, roles });
        // `register(…, { prefix })` + a route at '/' also makes '<prefix>/' (fastify's
        // prefixTrailingSlash), without running onRoute: same options, so the same roles.
        if (r.prefixed && app.hasRoute({ method, url: `${r.url}/` })) {
          all.push({ method, url: `${r.url}/`, roles });
        }
      }
    }
    const gets = new Set(all.filter((r) => r.method === 'GET').map((r) => r.url));
    // A GET's HEAD twin has the GET's roles: listed once, as the GET.
    opts.routes.push(...all.filter((r) => r.method !== 'HEAD' || !gets.has(r.url)));
    seen.length = 0;
  });
  app.addHook('preParsing', async (req, _reply, payload) => {
    req.principal = authorize(req, opts.users);
    return payload;
  });
});

/** Who is calling the route the request matched, if they may; throws the refusal otherwise. */
function authorize(req: FastifyRequest, users: UserService): Principal | null {
  if (req.is404) return null; // the not-found handler answers 404, whatever the spelling
  const config = req.routeOptions.config;
  const roles = config?.roles;
  if (roles === 'public') return null;
  if (!roles || roles.length === 0) {
    throw new ServiceError(
      403,
      'NO_ROLES_DECLARED',
      '无权操作：此接口未声明可访问的角色，一律拒绝 / this route declares no roles: refused to everyone',
    );
  }
  const principal = users.principal(bearer(req.headers.authorization));
  if (!principal) {
    throw new ServiceError(
      401,
      'NO_TOKEN',
      '请先登录（或设置 HALL_OPERATOR_TOKEN） / a valid bearer token is required (log in, or set HALL_OPERATOR_TOKEN)',
    );
  }
  if (principal.mustChange && !config.duringPasswordChange) {
    throw new ServiceError(
      403,
      'PASSWORD_CHANGE_REQUIRED',
      '请先修改初始密码 / change the initial password first (POST /api/auth/password)',
    );
  }
  if (!principal.roles.some((r) => roles.includes(r))) {
    throw new ServiceError(
      403,
      'WRONG_ROLE',
      `无权操作：须为${roles.map((r) => ROLE_ZH[r]).join('或')} / this needs the role ${roles.join(' or ')}`,
    );
  }
  return principal;
}
