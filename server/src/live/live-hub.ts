/*
 * What a client listens to, to see a state change arrive (issue 15; the hall bench measures
 * these). socket.io, `transports: ['websocket']`; event names are LIVE_EVENTS (@hall/shared).
 * - close → result, chair console: namespace `/chair` (`auth: { token }`, a chair's bearer
 *   token or the operator token), event `result` whose ResultPayload has `voteId` = the closed
 *   vote, `closedAt` set and `announcedAt: null`. The same push carries, just before it, `vote`
 *   with that `voteId`, `state: 'closed'` and the final `pressed`.
 * - announce → result, hall display: namespace `/display` (public, no token), event `result`
 *   whose ResultPayload has `voteId` = the announced vote and `announcedAt` set (until then the
 *   display's `result` is null or an earlier vote's; its `vote` turns `state: 'announced'`).
 * A socket also gets the current state when it connects: match `voteId` and the field, not the
 * first event. The payloads carry counts only, never who pressed what (DOMAIN.md "Secrecy").
 */
import type { Role, ServerToClientEvents } from '@hall/shared';
import { LIVE_EVENTS, NAMESPACES, ROLES, TERMINAL_NAMESPACE } from '@hall/shared';
import type { Server as HttpServer } from 'node:http';
import { Server, type Namespace, type Socket } from 'socket.io';
import { FailureThrottle, retryText } from '../auth/throttle';
import { ROLE_ZH, type Principal, type UserService } from '../auth/users';
import type { Hall } from '../hall';
import { handshakeRefusal } from '../errors';
import { PUSH_INTERVAL_MS, PushScheduler } from './coalesce';
import {
  attendancePayload,
  hardwareClass,
  hardwarePayload,
  sittingPayload,
  resultClass,
  resultPayload,
  voteClass,
  votePayload,
} from './state';

export { PUSH_INTERVAL_MS } from './coalesce';

/** Who may connect to a namespace: a role (its token), anyone, or the namespace's own check. */
export type NamespaceAccess = Role | 'public' | 'own-credential';

/** Failed handshakes (no or a wrong token): after 10 within a minute, that address waits. */
export const HANDSHAKE_FAILURES = { max: 10, windowMs: 60_000 };

/**
 * The line counters (frames, checksum errors, timeouts…) change on every poll: the technician
 * namespace gets a fresh `hardware` event at most this often while they change (issue 13).
 */
export const COUNTERS_PUSH_INTERVAL_MS = 1_000;

/** Who a console socket authenticated as at its handshake (`socket.data`). */
interface SocketLogin {
  username?: string;
  /** The login session (token hash); none for the operator token. */
  loginSession?: string;
}

/**
 * Live push over socket.io (issue 3 "Live push"): one namespace per role, each checking the
 * role at the handshake (`auth.token`, a bearer token); `/display` is public and read-only.
 * Deny by default (issue 10): a namespace not declared here, and the default namespace `/`,
 * refuse everyone; failed handshakes are throttled per address.
 * Press counts are coalesced: a burst of 3,000 presses becomes one `vote` event per interval
 * (for the chair and secretariat with the seats not yet pressed: at most one seat id per
 * member). A change of state (a vote opened, closed, announced, abandoned; a sitting, check-in
 * or roster change) is pushed at once, with the counts as they are then (issue 15; see
 * coalesce.ts `PushScheduler`). A client that (re)connects gets the current state at once.
 * A console socket remembers whom it authenticated as: when that user's sessions end (logout,
 * expiry, a disable, a reset or a role change, issue 12), its sockets are disconnected at once.
 */
export class LiveHub {
  readonly io: Server;
  private dirty = { state: false, hardware: false };
  /** State changes at once; press counts at most once per namespace per PUSH_INTERVAL_MS. */
  private readonly pushes: PushScheduler;
  private off: () => void;
  private offSessions: () => void;
  private readonly countersTimer: NodeJS.Timeout;
  private countersStamp = '';

  /** Failed handshakes per address (no or a wrong token): see `HANDSHAKE_FAILURES`. */
  readonly handshakeFailures: FailureThrottle;
  /** Who may connect to each namespace; a namespace not in here is refused to everyone. */
  private readonly access = new Map<string, NamespaceAccess>();

  constructor(
    http: HttpServer,
    private readonly hall: Hall,
    users: UserService,
    opts: {
      handshakeFailures?: { max: number; windowMs: number };
      /** How long press counts are coalesced (tests); default PUSH_INTERVAL_MS. */
      pushIntervalMs?: number;
    } = {},
  ) {
    this.pushes = new PushScheduler(() => this.push(), opts.pushIntervalMs ?? PUSH_INTERVAL_MS);
    this.io = new Server(http, { serveClient: false, cors: { origin: false } });
    this.handshakeFailures = new FailureThrottle({
      ...(opts.handshakeFailures ?? HANDSHAKE_FAILURES),
      maxKeys: 10_000,
    });
    // Deny by default, decided from the namespace socket.io matched (its exact name: `/Chair`,
    // `//chair`, `/chair/` or `/%63hair` are no namespace of ours and socket.io refuses them as
    // "Invalid namespace"). Every namespace created from now on first runs this check, which
    // enforces what was declared for it: nothing declared → refused.
    this.io.on('new_namespace', (ns: Namespace) => {
      ns.use((socket, next) => next(this.admit(ns.name, socket, users)));
    });
    // socket.io's default namespace `/` exists always: nothing is served there.
    this.io.use((_socket, next) =>
      next(
        handshakeRefusal(
          'NAMESPACE_CLOSED',
          '无权访问：此通道不开放 / forbidden: the default namespace is closed',
        ),
      ),
    );
    this.declare(TERMINAL_NAMESPACE, 'own-credential'); // terminals/terminal-live.ts checks it
    for (const role of ROLES) {
      this.declare(NAMESPACES[role], role === 'display' ? 'public' : role);
      const ns: Namespace = this.io.of(NAMESPACES[role]);
      ns.on('connection', (socket) => {
        this.snapshot(role, (e, p) => socket.emit(e, p));
      });
    }
    this.off = hall.onChange((what, cause) => {
      this.dirty[what] = true;
      // A press commit moves counts only, and seat health changes come in bursts: coalesced.
      if (what === 'state' && cause !== 'presses') this.pushes.now();
      else this.pushes.tick();
    });
    this.offSessions = users.onSessionsEnded((username, sessions) =>
      this.disconnectUser(username, sessions),
    );
    this.countersTimer = setInterval(() => this.pushCounters(), COUNTERS_PUSH_INTERVAL_MS);
    this.countersTimer.unref();
  }

  /** The technician's `hardware` again when a line counter moved (health events push at once). */
  private pushCounters(): void {
    const stamp = this.hall.hardware.countersStamp();
    if (stamp === this.countersStamp) return;
    this.countersStamp = stamp;
    const ns = this.io.of(NAMESPACES.technician);
    if (ns.sockets.size > 0)
      ns.emit(LIVE_EVENTS.hardware, hardwarePayload(this.hall, 'technician'));
  }

  /**
   * Disconnect the console sockets of `username`: those of the named login sessions, or all of
   * them. Terminal sockets are not users' (terminals/terminal-live.ts) and are left alone.
   * Returns how many were disconnected.
   */
  disconnectUser(username: string, sessions: readonly string[] | 'all' = 'all'): number {
    let n = 0;
    for (const role of ROLES) {
      for (const socket of this.io.of(NAMESPACES[role]).sockets.values()) {
        const login = socket.data as SocketLogin;
        if (login.username !== username) continue;
        if (sessions !== 'all' && !sessions.includes(login.loginSession ?? '')) continue;
        // Leave this namespace only: the connection may carry another user's namespaces too.
        socket.disconnect();
        n++;
      }
    }
    return n;
  }

  /** Who may connect to each namespace (the access tests walk this list). */
  namespaces(): ReadonlyMap<string, NamespaceAccess> {
    return this.access;
  }

  /** Declare who may connect to `name`, before it is used; undeclared ones refuse everyone. */
  declare(name: string, access: NamespaceAccess): void {
    this.access.set(name, access);
  }

  /** Whether a handshake may join namespace `name`: undefined if so, else the refusal. */
  private admit(name: string, socket: Socket, users: UserService): Error | undefined {
    const handshake = socket.handshake;
    const access = this.access.get(name);
    if (access === undefined) {
      return handshakeRefusal(
        'NO_ROLES_DECLARED',
        '无权访问：此通道未声明访问角色 / forbidden: this namespace declares no access',
      );
    }
    if (access === 'public' || access === 'own-credential') return undefined;
    const until = this.handshakeFailures.blockedUntil(handshake.address);
    if (until) {
      const when = retryText(until);
      return handshakeRefusal(
        'HANDSHAKE_THROTTLED',
        `连接失败次数过多，${when.zh} / too many failed handshakes from this address; ${when.en}`,
      );
    }
    const token = (handshake.auth as { token?: unknown } | undefined)?.token;
    const p = users.principal(typeof token === 'string' ? token : undefined);
    if (!p) {
      this.handshakeFailures.fail(handshake.address);
      return handshakeRefusal('NO_TOKEN', '请先登录 / unauthorized: a valid token is required');
    }
    if (p.mustChange) {
      return handshakeRefusal(
        'PASSWORD_CHANGE_REQUIRED',
        '请先修改初始密码 / change the initial password first',
      );
    }
    if (!p.roles.includes(access)) {
      return handshakeRefusal(
        'WRONG_ROLE',
        `无权访问：须为${ROLE_ZH[access]} / forbidden: needs the role ${access}`,
      );
    }
    socket.data = loginOf(p);
    return undefined;
  }

  /** Every event of `ServerToClientEvents`, as this role may see it now. */
  private snapshot(
    role: Role,
    emit: (event: keyof ServerToClientEvents, p: unknown) => void,
  ): void {
    emit(LIVE_EVENTS.attendance, attendancePayload(this.hall));
    emit(LIVE_EVENTS.vote, votePayload(this.hall, role));
    emit(LIVE_EVENTS.result, resultPayload(this.hall, role));
    emit(LIVE_EVENTS.hardware, hardwarePayload(this.hall, role));
    if (role !== 'display') emit(LIVE_EVENTS.sitting, sittingPayload(this.hall));
  }

  /** Each payload is built once per push (once per visibility class), for the roles online. */
  private push(): void {
    const { state, hardware } = this.dirty;
    this.dirty = { state: false, hardware: false };
    const built = new Map<string, unknown>();
    const once = <T>(key: string, build: () => T): T => {
      if (!built.has(key)) built.set(key, build());
      return built.get(key) as T;
    };
    for (const role of ROLES) {
      const ns = this.io.of(NAMESPACES[role]);
      if (ns.sockets.size === 0) continue;
      if (state) {
        ns.emit(
          LIVE_EVENTS.attendance,
          once('attendance', () => attendancePayload(this.hall)),
        );
        // The chair's and secretariat's copy names the seats that have not pressed.
        ns.emit(
          LIVE_EVENTS.vote,
          once(`vote:${voteClass(role)}`, () => votePayload(this.hall, role)),
        );
        const result = `result:${resultClass(role)}`;
        ns.emit(
          LIVE_EVENTS.result,
          once(result, () => resultPayload(this.hall, role)),
        );
      }
      if (hardware) {
        const health = `hardware:${hardwareClass(role)}`;
        ns.emit(
          LIVE_EVENTS.hardware,
          once(health, () => hardwarePayload(this.hall, role)),
        );
      }
      // The seat map follows attendance (state) and seats online (hardware); not the display's.
      if ((state || hardware) && role !== 'display') {
        ns.emit(
          LIVE_EVENTS.sitting,
          once('sitting', () => sittingPayload(this.hall)),
        );
      }
    }
  }

  async close(): Promise<void> {
    this.off();
    this.offSessions();
    clearInterval(this.countersTimer);
    this.pushes.cancel();
    await new Promise<void>((resolve) => {
      this.io.close(() => resolve());
    });
  }
}

function loginOf(p: Principal): SocketLogin {
  return { username: p.username, ...(p.loginSession ? { loginSession: p.loginSession } : {}) };
}
