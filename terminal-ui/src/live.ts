import { useEffect, useState } from 'react';
import { io } from 'socket.io-client';
import {
  HallErrorCode,
  handshakeRefusalCode,
  TERMINAL_NAMESPACE,
  TERMINAL_STATE_EVENT,
  type TerminalState,
} from '@hall/shared';

export interface TerminalLive {
  connected: boolean;
  state: TerminalState | null;
  /** The server refused the credential (revoked or forged). */
  refused: boolean;
}

/** The seat's state, pushed at once on every (re)connect and whenever it changes. */
export function useTerminalLive(credential: string | null): TerminalLive {
  const [live, setLive] = useState<TerminalLive>({ connected: false, state: null, refused: false });
  useEffect(() => {
    if (!credential) return;
    const socket = io(TERMINAL_NAMESPACE, { auth: { credential }, reconnectionDelayMax: 2000 });
    socket.on('connect', () => setLive((l) => ({ ...l, connected: true, refused: false })));
    socket.on('disconnect', (reason) => {
      setLive((l) => ({
        ...l,
        connected: false,
        refused: reason === 'io server disconnect' || l.refused,
      }));
    });
    socket.on('connect_error', (err) => {
      // Decided by the refusal's code, never by its text (a throttled handshake retries).
      const refused = handshakeRefusalCode(err) === HallErrorCode.BAD_CREDENTIAL;
      setLive((l) => ({ ...l, connected: false, refused: l.refused || refused }));
      if (refused) socket.close();
    });
    socket.on(TERMINAL_STATE_EVENT, (state: TerminalState) => setLive((l) => ({ ...l, state })));
    return () => {
      socket.close();
    };
  }, [credential]);
  return live;
}
