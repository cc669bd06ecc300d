import { TerminalLive } from './terminals/terminal-live';
import { TerminalService } from './terminals/terminal-service';
import { terminalHallView } from './terminals/terminal-state';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { AccountService } from './auth/account-service';
import { UserService } from './auth/users';
import type { HallConfig } from './config/hall-config';
import { defaultKeyDir } from './config/env';
import { buildBuses, type BuiltBus } from './hardware/build-buses';
import { Hall } from './hall';
import { LiveHub } from './live/live-hub';
import { accessPlugin, type RouteAccess } from './plugins/access';
import { consolesPlugin } from './plugins/consoles';
import { externalPlugins, frameworkRefusal } from './plugins/external';
import { validatorFactory } from './plugins/validation';
import { attendanceRoutes } from './routes/attendance-routes';
import { authRoutes } from './routes/auth-routes';
import { backupRoutes } from './routes/backup-routes';
import { caRoutes } from './routes/ca-routes';
import { correctionRoutes } from './routes/correction-routes';
import { hallRoutes } from './routes/hall-routes';
import { recordRoutes } from './routes/record-routes';
import { rosterRoutes } from './routes/roster-routes';
import { sessionRoutes } from './routes/session-routes';
import { seriesRoutes } from './routes/series-routes';
import { evaluatorRoutes } from './routes/evaluator-routes';
import { terminalRoutes } from './routes/terminal-routes';
import { userRoutes } from './routes/user-routes';
import type { RouteContext } from './routes/types';
import { voteRoutes } from './routes/vote-routes';
import { profileRoutes } from './routes/profile-routes';
import { readyRoutes } from './routes/ready-routes';

export interface AppOptions {
  config: HallConfig;
  dataDir: string;
  /** HALL_KEY_DIR: the hall's secrets (default: `<dataDir>-keys`, config/env.ts). */
  keyDir?: string;
  /** Demo hall: demo users and passwords, the demo press route. */
  demo: boolean;
  logger: Logger;
  operatorToken?: string;
  /** Login sessions end after this long unused (HALL_SESSION_IDLE_MINUTES; default 240). */
  sessionIdleMinutes?: number;
  /** …and this long after login (HALL_SESSION_MAX_HOURS; default 16). */
  sessionMaxHours?: number;
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

// What the tests (and server.ts) reach through the app; the routes get a RouteContext instead.
declare module 'fastify' {
  interface FastifyInstance {
    hall: Hall;
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
    // Query strings and paths coerced from text, JSON bodies checked as typed (plugins/validation.ts).
    schemaController: { compilersFactory: { buildValidator: validatorFactory } },
    bodyLimit: 1_000_000,
    frameworkErrors: frameworkRefusal,
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
  const users = new UserService(hall.db, opts.operatorToken, {
    ...(opts.now ? { now: opts.now } : {}),
    ...(opts.sessionIdleMinutes ? { idleMinutes: opts.sessionIdleMinutes } : {}),
    ...(opts.sessionMaxHours ? { maxHours: opts.sessionMaxHours } : {}),
  });
  const passwordFile = await users.ensureUsers(opts.demo, opts.dataDir);
  if (passwordFile) {
    opts.logger.warn({ file: passwordFile }, 'console users created; initial passwords written');
  }
  const routeAccess: RouteAccess[] = [];
  app.decorate('hall', hall);
  app.decorate('routeAccess', routeAccess);

  // Access first: it must see every route (the API docs' too), and every context inherits it.
  await app.register(accessPlugin, { users, routes: routeAccess, publicPrefixes: ['/docs'] });
  await app.register(externalPlugins, { rateLimitMax: opts.rateLimitMax ?? 3000 });
  // socket.io is attached to the app's HTTP server before any route: the hubs exist when the
  // routes are registered, so the context is complete from the start.
  const terminals = new TerminalService(hall.db, terminalHallView(hall), opts.now);
  const live = new LiveHub(app.server, hall, users);
  const terminalLive = new TerminalLive(live.io, hall, terminals, live.handshakeFailures);
  app.decorate('live', live);
  const ctx: RouteContext = {
    hall,
    users,
    accounts: new AccountService(hall.db, users, opts.now),
    demo: opts.demo,
    records: hall.records,
    terminals,
    terminalLive,
    ...(opts.tls?.ca ? { caPem: opts.tls.ca } : {}),
  };
  for (const routes of [
    authRoutes,
    rosterRoutes,
    sessionRoutes,
    evaluatorRoutes,
    attendanceRoutes,
    voteRoutes,
    profileRoutes,
    seriesRoutes,
    hallRoutes,
    correctionRoutes,
    recordRoutes,
    terminalRoutes,
    caRoutes,
    backupRoutes,
    readyRoutes,
    userRoutes,
  ]) {
    await app.register(async (scope) => routes(scope, ctx));
  }
  await app.register(consolesPlugin, opts.consoleDirs ? { dirs: opts.consoleDirs } : {});
  // Expired login sessions are deleted (and their sockets closed) every minute.
  const stopSweeping = users.startSweeping();
  // Sockets first (preClose): the HTTP server's close waits for open connections, and a
  // console's socket would otherwise hold shutdown open, and never learn it was disconnected.
  app.addHook('preClose', async () => {
    stopSweeping();
    terminalLive.close();
    await live.close();
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
