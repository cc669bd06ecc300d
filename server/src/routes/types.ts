import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { AccountService } from '../auth/account-service';
import type { UserService } from '../auth/users';
import type { Hall } from '../hall';
import type { RecordService } from '../records/record-service';
import type { TerminalLive } from '../terminals/terminal-live';
import type { TerminalService } from '../terminals/terminal-service';

/**
 * What every route module is given, as `(app, ctx)`: one context for all of them, built once in
 * app.ts before any route is registered (the live hubs included, so nothing is filled in later).
 */
export interface RouteContext {
  hall: Hall;
  users: UserService;
  /** Console user management (issue 12, routes/user-routes.ts). */
  accounts: AccountService;
  /** Demo hall: demo users and passwords, the demo press route. */
  demo: boolean;
  records: RecordService;
  terminals: TerminalService;
  /** The `/terminal` namespace: a terminal route pushes or disconnects through it. */
  terminalLive: Pick<TerminalLive, 'push' | 'disconnectTerminal'>;
  /** The hall CA's certificate (PEM) when the hall made its own (`GET /ca.crt`). */
  caPem?: string;
}

export function typed(app: FastifyInstance) {
  return app.withTypeProvider<TypeBoxTypeProvider>();
}

/** Error replies documented on every route. */
export { ErrorBody } from '@hall/shared';
