import { recordRoutes } from './routes/record-routes';
import { TerminalLive } from './terminals/terminal-live';
import { terminalRoutes } from './terminals/terminal-routes';
import { TerminalService } from './terminals/terminal-service';
import { terminalHallView } from './terminals/terminal-state';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { UserService } from './auth/users';
import type { HallConfig } from './config/hall-config';
import { defaultKeyDir } from './config/env';
import { buildBuses, type BuiltBus } from './hardware/build-buses';
import { Hall } from './hall';
import { LiveHub } from './live/live-hub';
import { accessPlugin, type RouteAccess } from './plugins/access';
import { consolesPlugin } from './plugins/consoles';
import { externalPlugins } from './plugins/external';
import { attendanceRoutes } from './routes/attendance-routes';
import { authRoutes } from './routes/auth-routes';
import { hallRoutes } from './routes/hall-routes';
import { rosterRoutes } from './routes/roster-routes';
import { sessionRoutes } from './routes/session-routes';
import type { RouteContext } from './routes/types';
import { voteRoutes } from './routes/vote-routes';
import { caRoutes } from './tls/ca-route';

export interface AppOptions {
  config: HallConfig;
  dataDir: string;
  /** HALL_KEY_DIR: the hall's secrets (default: `<dataDir>-keys`, config/env.ts). */
  keyDir?: string;
  /** Demo hall: demo users and passwords, the demo press route. */
  demo: boolean;
  logger: Logger;
  operatorToken?: string;
  /** Replace the configured buses (tests: FakeBus). */
  buses?: BuiltBus[];
  now?: () => Date;
  rateLimitMax?: number;
  /**
   * Serve HTTPS (and socket.io over WSS on the same port): the server key and certificate (PEM),
   * and the hall CA's certificate when the hall made its own (served at `GET /ca.crt`).
   */
  tls?: { key: string; cert: string; ca?: string };
  /** Where the built consoles are (default: chair-console/dist, terminal-ui/dist). */
  consoleDirs?: { chair: string; terminal: string };
}

declare module 'fastify' {
  interface FastifyInstance {
    hall: Hall;
    users: UserService;
    live: LiveHub;
    /** Every route with the roles that may call it (for the role-check test and the docs). */
    routeAccess: RouteAccess[];
  }
}

/**
 * Build the hall server (the fastify demo app's layout): external plugins (helmet, rate limit,
 * swagger at /docs), then the domain services (store, roster, sittings, check-in, votes, seat
 * hardware), then the routes, then socket.io. The hall is not started: call `startHall(app)`
 * (server.ts does) to start the seat hardware once the app is ready.
 */
export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const fastifyOptions = {
    loggerInstance: opts.logger as FastifyBaseLogger,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array' as const } },
    bodyLimit: 1_000_000,
  };
  // The TLS app is an https server; the rest of the app only needs what both kinds share.
  const app = (
    opts.tls
      ? Fastify({ ...fastifyOptions, https: { key: opts.tls.key, cert: opts.tls.cert } })
      : Fastify(fastifyOptions)
  ) as FastifyInstance;
  const buses = opts.buses ?? (await buildBuses(opts.config));
  const hall = new Hall({
    config: opts.config,
    dataDir: opts.dataDir,
    keyDir: opts.keyDir ?? defaultKeyDir(opts.dataDir),
    buses,
    log: opts.logger,
    ...(opts.now ? { now: opts.now } : {}),
  });
  const users = new UserService(hall.db, opts.operatorToken);
  const passwordFile = await users.ensureUsers(opts.demo, opts.dataDir);
  if (passwordFile) {
    opts.logger.warn({ file: passwordFile }, 'console users created; initial passwords written');
  }
  const routeAccess: RouteAccess[] = [];
  app.decorate('hall', hall);
  app.decorate('users', users);
  app.decorate('routeAccess', routeAccess);

  // Access first: it must see every route (the API docs' too), and every context inherits it.
  await app.register(accessPlugin, { users, routes: routeAccess, publicPrefixes: ['/docs'] });
  await app.register(externalPlugins, { rateLimitMax: opts.rateLimitMax ?? 3000 });
  const ctx: RouteContext = { hall, users, demo: opts.demo };
  for (const routes of [
    authRoutes,
    rosterRoutes,
    sessionRoutes,
    attendanceRoutes,
    voteRoutes,
    hallRoutes,
  ]) {
    await app.register(async (scope) => routes(scope, ctx));
  }
  const terminals = new TerminalService(hall.db, terminalHallView(hall), opts.now);
  // The /terminal namespace needs socket.io, which starts after the routes are registered.
  const terminalLive: { current?: TerminalLive } = {};
  await app.register(async (scope) => recordRoutes(scope, { records: hall.records, hall }));
  await app.register(async (scope) =>
    terminalRoutes(scope, { hall, terminals, live: () => terminalLive.current }),
  );
  const caPem = opts.tls?.ca;
  if (caPem) await app.register(async (scope) => caRoutes(scope, { caPem }));
  await app.register(consolesPlugin, opts.consoleDirs ? { dirs: opts.consoleDirs } : {});
  app.decorate('live', new LiveHub(app.server, hall, users));
  terminalLive.current = new TerminalLive(app.live.io, hall, terminals, app.live.handshakeFailures);
  // Sockets first (preClose): the HTTP server's close waits for open connections, and a
  // console's socket would otherwise hold shutdown open, and never learn it was disconnected.
  app.addHook('preClose', async () => {
    terminalLive.current?.close();
    await app.live.close();
  });
  app.addHook('onClose', async () => {
    await hall.stop();
  });
  await app.ready();
  return app;
}

/** Start the seat hardware in the mode the hall was left in. */
export async function startHall(app: FastifyInstance): Promise<void> {
  await app.hall.start();
}
