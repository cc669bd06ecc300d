import { LoginBody, LoginReply, OkReply, ErrorBody } from '@hall/shared';
import type { FastifyInstance } from 'fastify';
import { bearer } from '../auth/users';
import { ServiceError } from '../errors';
import { typed, type RouteContext } from './types';

const ALL = ['chair', 'secretariat', 'technician', 'display'] as const;

export async function authRoutes(app: FastifyInstance, ctx: RouteContext) {
  const r = typed(app);
  r.post(
    '/api/auth/login',
    {
      config: { roles: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        body: LoginBody,
        response: { 200: LoginReply, 400: ErrorBody, 401: ErrorBody },
      },
    },
    async (req) => {
      const result = await ctx.users.login(req.body.username, req.body.password);
      if (!result)
        throw new ServiceError(401, 'BAD_LOGIN', '用户名或密码错误 / wrong user name or password');
      return result;
    },
  );
  r.post(
    '/api/auth/logout',
    { config: { roles: ALL }, schema: { tags: ['auth'], response: { 200: OkReply } } },
    async (req) => {
      const t = bearer(req.headers.authorization);
      if (t) ctx.users.logout(t);
      return { ok: true };
    },
  );
}
