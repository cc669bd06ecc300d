import { TERMINAL_NAMESPACE, TERMINAL_STATE_EVENT } from '@hall/shared';
import type { Namespace, Server } from 'socket.io';
import type { Hall } from '../hall';
import { terminalStates } from './terminal-state';
import type { TerminalService } from './terminal-service';

const PUSH_INTERVAL_MS = 100;

/**
 * The `/terminal` namespace: a paired terminal connects with its seat credential
 * (`auth.credential`) and receives only its own seat's state, at once on (re)connect and then
 * on every change (coalesced). A revoked terminal is disconnected.
 */
export class TerminalLive {
  private readonly ns: Namespace;
  private timer: NodeJS.Timeout | null = null;
  private readonly off: () => void;

  constructor(
    io: Server,
    private readonly hall: Hall,
    private readonly terminals: TerminalService,
  ) {
    this.ns = io.of(TERMINAL_NAMESPACE);
    this.ns.use((socket, next) => {
      const who = terminals.authenticate(
        (socket.handshake.auth as { credential?: unknown }).credential,
      );
      if (!who) return next(new Error('unauthorized: unknown or revoked terminal credential'));
      socket.data.terminalId = who.terminalId;
      socket.data.seat = who.seat;
      next();
    });
    this.ns.on('connection', (socket) => {
      void socket.join(`seat:${socket.data.seat as string}`);
      socket.emit(TERMINAL_STATE_EVENT, terminalStates(hall)(socket.data.seat as string));
    });
    this.off = hall.onChange((what) => {
      if (what === 'state' && !this.timer)
        this.timer = setTimeout(() => this.push(), PUSH_INTERVAL_MS);
    });
  }

  /** Push now (after a terminal's own press, so it sees "registered" without waiting). */
  push(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const seats = new Set<string>();
    for (const s of this.ns.sockets.values()) seats.add(s.data.seat as string);
    const stateOf = terminalStates(this.hall);
    for (const seat of seats) this.ns.to(`seat:${seat}`).emit(TERMINAL_STATE_EVENT, stateOf(seat));
  }

  disconnectTerminal(terminalId: number): void {
    for (const s of this.ns.sockets.values())
      if (s.data.terminalId === terminalId) s.disconnect(true);
  }

  close(): void {
    this.off();
    if (this.timer) clearTimeout(this.timer);
  }
}
