import type { Role, ServerToClientEvents } from '@hall/shared';
import { LIVE_EVENTS, NAMESPACES, ROLES } from '@hall/shared';
import type { Server as HttpServer } from 'node:http';
import { Server, type Namespace } from 'socket.io';
import { ROLE_ZH, type UserService } from '../auth/users';
import type { Hall } from '../hall';
import { attendancePayload, hardwarePayload, resultPayload, votePayload } from './state';

/** At most one push per namespace per interval: ~10 updates a second per client. */
export const PUSH_INTERVAL_MS = 100;

/**
 * Live push over socket.io (issue 3 "Live push"): one namespace per role, each checking the
 * role at the handshake (`auth.token`, a bearer token); `/display` is public and read-only.
 * Changes are coalesced: a burst of 3,000 presses becomes one `vote` event per interval. A
 * client that (re)connects gets the current state at once.
 */
export class LiveHub {
  readonly io: Server;
  private dirty = { state: false, hardware: false };
  private timer: NodeJS.Timeout | null = null;
  private off: () => void;

  constructor(
    http: HttpServer,
    private readonly hall: Hall,
    users: UserService,
  ) {
    this.io = new Server(http, { serveClient: false, cors: { origin: false } });
    for (const role of ROLES) {
      const ns: Namespace = this.io.of(NAMESPACES[role]);
      if (role !== 'display') {
        ns.use((socket, next) => {
          const token = (socket.handshake.auth as { token?: unknown }).token;
          const p = users.principal(typeof token === 'string' ? token : undefined);
          if (!p) return next(new Error('请先登录 / unauthorized: a valid token is required'));
          if (!p.roles.includes(role))
            return next(
              new Error(`无权访问：须为${ROLE_ZH[role]} / forbidden: needs the role ${role}`),
            );
          next();
        });
      }
      ns.on('connection', (socket) => {
        this.snapshot(role, (e, p) => socket.emit(e, p));
      });
    }
    this.off = hall.onChange((what) => {
      this.dirty[what] = true;
      if (!this.timer) this.timer = setTimeout(() => this.push(), PUSH_INTERVAL_MS);
    });
  }

  /** Every event of `ServerToClientEvents`, as this role may see it now. */
  private snapshot(
    role: Role,
    emit: (event: keyof ServerToClientEvents, p: unknown) => void,
  ): void {
    emit(LIVE_EVENTS.attendance, attendancePayload(this.hall));
    emit(LIVE_EVENTS.vote, votePayload(this.hall));
    emit(LIVE_EVENTS.result, resultPayload(this.hall, role));
    emit(LIVE_EVENTS.hardware, hardwarePayload(this.hall, role));
  }

  private push(): void {
    this.timer = null;
    const { state, hardware } = this.dirty;
    this.dirty = { state: false, hardware: false };
    for (const role of ROLES) {
      const ns = this.io.of(NAMESPACES[role]);
      if (ns.sockets.size === 0) continue;
      if (state) {
        ns.emit(LIVE_EVENTS.attendance, attendancePayload(this.hall));
        ns.emit(LIVE_EVENTS.vote, votePayload(this.hall));
        ns.emit(LIVE_EVENTS.result, resultPayload(this.hall, role));
      }
      if (hardware) ns.emit(LIVE_EVENTS.hardware, hardwarePayload(this.hall, role));
    }
  }

  async close(): Promise<void> {
    this.off();
    if (this.timer) clearTimeout(this.timer);
    await new Promise<void>((resolve) => {
      this.io.close(() => resolve());
    });
  }
}
