import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { UserService } from '../auth/users';
import type { Hall } from '../hall';

/** What every route module is given: the typed app, the hall, the users. */
export interface RouteContext {
  hall: Hall;
  users: UserService;
  demo: boolean;
}

export function typed(app: FastifyInstance) {
  return app.withTypeProvider<TypeBoxTypeProvider>();
}

/** Error replies documented on every route. */
export { ErrorBody } from '@hall/shared';
