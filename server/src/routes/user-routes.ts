import {
  CreateUserBody,
  ErrorBody,
  UpdateUserBody,
  UserListReply,
  UsernameParams,
  UserPasswordReply,
  UserReply,
} from '@hall/shared';
import type { FastifyInstance } from 'fastify';
import { typed, type RouteContext } from './types';

const SECRETARIAT = ['secretariat'] as const;

/**
 * Console users (issue 12 "Accounts", shared/src/api/user-schemas.ts): the secretariat lists,
 * adds, disables and resets them and sets their roles (auth/account-service.ts). An initial
 * password is in the reply once and never in a log.
 */
export async function userRoutes(app: FastifyInstance, ctx: RouteContext) {
  const { accounts } = ctx;
  const r = typed(app);
  r.get(
    '/api/users',
    {
      config: { roles: SECRETARIAT },
      schema: {
        tags: ['users'],
        summary: 'Console users: role, disabled, on an initial password, open login sessions',
        response: { 200: UserListReply },
      },
    },
    async () => ({ users: accounts.list() }),
  );
  r.post(
    '/api/users',
    {
      config: { roles: SECRETARIAT },
      schema: {
        tags: ['users'],
        summary:
          'Add a console user: a random initial password, shown once, changed at first login',
        body: CreateUserBody,
        response: { 201: UserPasswordReply, 400: ErrorBody, 409: ErrorBody },
      },
    },
    async (req, reply) => {
      const made = await accounts.create(req.principal!, req.body);
      req.log.info(
        { user: made.username, role: made.role, by: req.principal!.username },
        'console user added',
      );
      return reply.code(201).send(made);
    },
  );
  r.patch(
    '/api/users/:username',
    {
      config: { roles: SECRETARIAT },
      schema: {
        tags: ['users'],
        summary: "Change a console user's role or disable/enable them: their sessions end",
        params: UsernameParams,
        body: UpdateUserBody,
        response: { 200: UserReply, 400: ErrorBody, 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (req) => {
      const user = accounts.update(req.principal!, req.params.username, req.body);
      req.log.info(
        { user: user.username, change: req.body, by: req.principal!.username },
        'console user changed',
      );
      return user;
    },
  );
  r.post(
    '/api/users/:username/reset-password',
    {
      config: { roles: SECRETARIAT },
      schema: {
        tags: ['users'],
        summary: 'A new initial password for a console user (shown once): their sessions end',
        params: UsernameParams,
        response: { 200: UserPasswordReply, 400: ErrorBody, 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (req) => {
      const made = await accounts.resetPassword(req.principal!, req.params.username);
      req.log.info(
        { user: made.username, by: req.principal!.username },
        'console user password reset',
      );
      return made;
    },
  );
}
