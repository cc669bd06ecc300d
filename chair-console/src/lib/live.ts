import { useEffect, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import type {
  AttendancePayload,
  HardwarePayload,
  ResultPayload,
  ServerToClientEvents,
  SittingPayload,
  VotePayload,
} from '@hall/shared';

/** What a console knows of the hall, as the server pushes it (shared/src/api/live-events.ts). */
export interface LiveState {
  connected: boolean;
  attendance: AttendancePayload | null;
  vote: VotePayload | null;
  result: ResultPayload | null;
  hardware: HardwarePayload | null;
  /** The sitting, its agenda and the seat map (console namespaces; null on the display's). */
  sitting: SittingPayload | null;
}

export const EMPTY_LIVE: LiveState = {
  connected: false,
  attendance: null,
  vote: null,
  result: null,
  hardware: null,
  sitting: null,
};

/**
 * Subscribe to one namespace. The server sends the current state at once on every (re)connect,
 * so a lost connection only shows a banner; nothing is reloaded by hand.
 */
export function useLive(namespace: string, token: string | null): LiveState {
  const [state, setState] = useState<LiveState>(EMPTY_LIVE);
  useEffect(() => {
    const socket: Socket<ServerToClientEvents> = io(namespace, {
      auth: token ? { token } : {},
      transports: ['websocket', 'polling'],
      reconnectionDelayMax: 2000,
    });
    socket.on('connect', () => setState((s) => ({ ...s, connected: true })));
    socket.on('disconnect', () => setState((s) => ({ ...s, connected: false })));
    socket.on('connect_error', () => setState((s) => ({ ...s, connected: false })));
    socket.on('attendance', (attendance) => setState((s) => ({ ...s, attendance })));
    socket.on('vote', (vote) => setState((s) => ({ ...s, vote })));
    socket.on('result', (result) => setState((s) => ({ ...s, result })));
    socket.on('hardware', (hardware) => setState((s) => ({ ...s, hardware })));
    socket.on('sitting', (sitting) => setState((s) => ({ ...s, sitting })));
    return () => {
      socket.close();
    };
  }, [namespace, token]);
  return state;
}
