import { ChangePasswordBody, LoginBody, LoginReply, OkReply, ErrorBody } from '@hall/shared';
import type { FastifyInstance } from 'fastify';
import { FailureThrottle, retryText } from '../auth/throttle';
import { bearer } from '../auth/users';
import { ServiceError } from '../errors';
import { typed, type RouteContext } from './types';

const ALL = ['chair', 'secretariat', 'technician', 'display'] as const;
const CONSOLE_ROLES = ['chair', 'secretariat', 'technician'] as const;

/** Failed logins: after 5 within 15 minutes, that address or that account waits 15 minutes. */
export const LOGIN_FAILURES = { max: 5, windowMs: 15 * 60_000 };

export async function authRoutes(app: FastifyInstance, ctx: RouteContext) {
  const r = typed(app);
  // Per address and per account, so that neither many accounts from one address nor one
  // account from many addresses can be guessed at; in memory, bounded (auth/throttle.ts).
  const failures = new FailureThrottle({ ...LOGIN_FAILURES, maxKeys: 20_000 });
  const refuseIfThrottled = (keys: string[]) => {
    const until = Math.max(0, ...keys.map((k) => failures.blockedUntil(k) ?? 0));
    if (!until) return;
    const when = retryText(until);
    throw new ServiceError(
      429,
      'LOGIN_THROTTLED',
      `登录失败次数过多，${when.zh} / too many failed logins for this account or address; ${when.en}`,
    );
  };

  r.post(
    '/api/auth/login',
    {
      config: { roles: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Log in to a console: a bearer token and the role',
        body: LoginBody,
        response: { 200: LoginReply, 400: ErrorBody, 401: ErrorBody, 429: ErrorBody },
      },
    },
    async (req) => {
      const keys = [`addr:${req.ip}`, `user:${req.body.username}`];
      refuseIfThrottled(keys);
      const result = await ctx.users.login(req.body.username, req.body.password);
      if (result === 'disabled') {
        // Refused as a wrong password (an attacker learns nothing of the account); logged.
        req.log.info({ user: req.body.username }, 'login refused: the console user is disabled');
      }
      if (!result || result === 'disabled') {
        for (const k of keys) failures.fail(k);
        throw new ServiceError(401, 'BAD_LOGIN', '用户名或密码错误 / wrong user name or password');
      }
      // This address and this account proved themselves; other addresses keep their count.
      for (const k of keys) failures.reset(k);
      return result;
    },
  );
  r.post(
    '/api/auth/logout',
    {
      config: { roles: ALL, duringPasswordChange: true },
      schema: { tags: ['auth'], summary: 'Log out: the token ends', response: { 200: OkReply } },
    },
    async (req) => {
      const t = bearer(req.headers.authorization);
      if (t) ctx.users.logout(t);
      return { ok: true };
    },
  );
  r.post(
    '/api/auth/password',
    {
      config: { roles: CONSOLE_ROLES, duringPasswordChange: true },
      schema: {
        tags: ['auth'],
        summary: "Change the logged-in console user's password",
        body: ChangePasswordBody,
        response: {
          200: OkReply,
          400: ErrorBody,
          401: ErrorBody,
          403: ErrorBody,
          409: ErrorBody,
          422: ErrorBody,
          429: ErrorBody,
        },
      },
    },
    async (req) => {
      const token = bearer(req.headers.authorization)!;
      const { oldPassword, newPassword } = req.body;
      const key = `user:${req.principal!.username}`;
      refuseIfThrottled([key]);
      if (newPassword === oldPassword) {
        throw new ServiceError(
          422,
          'SAME_PASSWORD',
          '新密码不能与原密码相同 / the new password must differ from the old one',
        );
      }
      const done = await ctx.users.changePassword(token, oldPassword, newPassword);
      if (done === 'no-user') {
        throw new ServiceError(
          409,
          'NO_PASSWORD',
          '此令牌不属于控制台用户，没有可修改的密码 / this token is not a console user’s: there is no password to change',
        );
      }
      if (done === 'wrong-old') {
        failures.fail(key);
        throw new ServiceError(403, 'WRONG_PASSWORD', '原密码错误 / the old password is wrong');
      }
      failures.reset(key);
      req.log.info({ user: req.principal!.username }, 'console user changed their password');
      if (done.removedFile) {
        req.log.warn(
          { file: done.removedFile },
          'every console user has changed the initial password: initial passwords file deleted',
        );
      }
      return { ok: true };
    },
  );
}
