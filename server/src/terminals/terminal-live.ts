import { TERMINAL_NAMESPACE, TERMINAL_STATE_EVENT } from '@hall/shared';
import type { Namespace, Server } from 'socket.io';
import { handshakeRefusal } from '../errors';
import { type FailureThrottle, retryText } from '../auth/throttle';
import type { Hall } from '../hall';
import { PushScheduler } from '../live/coalesce';
import { terminalStates } from './terminal-state';
import type { TerminalService } from './terminal-service';

/**
 * The `/terminal` namespace: a paired terminal connects with its seat credential
 * (`auth.credential`) and receives only its own seat's state, at once on (re)connect and then
 * on every change (a state change at once, press commits coalesced). A pending terminal is told it waits for the chair; it learns of
 * the confirmation on the next push. An ended terminal (revoked, rejected, replaced, sitting
 * over) is disconnected.
 */
export class TerminalLive {
  private readonly ns: Namespace;
  /** On-change pushes, scheduled like the consoles' (live/coalesce.ts): a close at once. */
  private readonly pushes = new PushScheduler(() => this.send());
  private readonly off: () => void;

  constructor(
    io: Server,
    private readonly hall: Hall,
    private readonly terminals: TerminalService,
    /** Failed handshakes per address, shared with the consoles' namespaces (live/live-hub.ts). */
    failures: FailureThrottle,
  ) {
    this.ns = io.of(TERMINAL_NAMESPACE);
    this.ns.use((socket, next) => {
      const address = socket.handshake.address;
      const until = failures.blockedUntil(address);
      if (until) {
        const when = retryText(until);
        return next(
          handshakeRefusal(
            'HANDSHAKE_THROTTLED',
            `连接失败次数过多，${when.zh} / too many failed handshakes from this address; ${when.en}`,
          ),
        );
      }
      const who = terminals.authenticate(
        (socket.handshake.auth as { credential?: unknown }).credential,
      );
      if (!who) {
        failures.fail(address);
        return next(
          handshakeRefusal(
            'BAD_CREDENTIAL',
            '终端凭证无效或已撤销 / unauthorized: unknown or revoked terminal credential',
          ),
        );
      }
      socket.data.terminalId = who.terminalId;
      socket.data.seat = who.seat;
      next();
    });
    this.ns.on('connection', (socket) => {
      const now = terminals.current(socket.data.terminalId as number);
      if (!now) return void socket.disconnect(true);
      socket.emit(TERMINAL_STATE_EVENT, terminalStates(hall)(now.seat, now.state));
    });
    this.off = hall.onChange((what, cause) => {
      if (what !== 'state') return;
      if (cause === 'presses') this.pushes.tick();
      else this.pushes.now();
    });
  }

  /**
   * Push now (after a terminal's own press, so it sees "registered" without waiting; after a
   * confirmation). Each socket gets its own terminal's state; one whose terminal ended is closed.
   */
  push(): void {
    this.pushes.cancel();
    this.send();
  }

  private send(): void {
    if (this.ns.sockets.size === 0) return;
    const stateOf = terminalStates(this.hall);
    for (const s of this.ns.sockets.values()) {
      const now = this.terminals.current(s.data.terminalId as number);
      if (!now) s.disconnect(true);
      else s.emit(TERMINAL_STATE_EVENT, stateOf(now.seat, now.state));
    }
  }

  disconnectTerminal(...terminalIds: number[]): void {
    for (const s of this.ns.sockets.values())
      if (terminalIds.includes(s.data.terminalId as number)) s.disconnect(true);
  }

  close(): void {
    this.off();
    this.pushes.cancel();
  }
}
