import type { OpenVoteRequest } from '../components/OpenVoteForm';
import type { ResultLike } from '../components/ResultView';
import type { SeatView } from '../components/SeatMap';
import type { FollowUpItem, OrganHistory, SealedRecord, TerminalEndReason } from '@hall/shared';
import type { ChainHead, CorrectionProposal } from '@hall/shared';
import { api, ApiError, download } from './api';

/** Every REST call the consoles make, in one place (server/README.md lists the routes). */
export interface Session {
  sessionId: number;
  title: string;
  startedAt: string;
  items: { itemId: number; title: string; organ: string }[];
}

export interface TerminalView {
  terminalId: number;
  seat: string;
  state: 'pending' | 'confirmed' | 'ended';
  pairedAt: string;
  confirmedAt: string | null;
  revokedAt: string | null;
  endReason: TerminalEndReason | null;
}

/** A terminal as the chair sees it (GET /api/terminals/confirmations): seat, member, present. */
export interface ChairTerminalView {
  terminalId: number;
  seat: string;
  state: 'pending' | 'confirmed';
  pairedAt: string;
  confirmedAt: string | null;
  memberId: string | null;
  name: string | null;
  role: 'member' | 'observer' | null;
  present: boolean;
}

export const endpoints = {
  login: (username: string, password: string) =>
    api<{ token: string; role: string; mustChangePassword?: boolean }>('/api/auth/login', {
      body: { username, password },
    }),
  /** Change the logged-in user's password (required at first login with an initial one). */
  changePassword: (token: string, oldPassword: string, newPassword: string) =>
    api<{ ok: true }>('/api/auth/password', { token, body: { oldPassword, newPassword } }),
  /** The sitting in progress, or null before the first one. */
  currentSession: (token: string) =>
    api<Session>('/api/sessions/current', { token }).catch((e: unknown) => {
      if (e instanceof ApiError && e.status === 404) return null;
      throw e;
    }),
  startSession: (token: string, title: string) =>
    api<{ sessionId: number }>('/api/sessions', { token, body: { title } }),
  addItem: (token: string, title: string, organ: string) =>
    api<{ itemId: number }>('/api/sessions/current/items', { token, body: { title, organ } }),
  importRoster: (token: string, csvBase64: string) =>
    api<{ members: number; observers: number }>('/api/roster', { token, body: { csvBase64 } }),
  seats: (token: string) => api<{ seats: SeatView[] }>('/api/seats', { token }),
  checkinOpen: (token: string) => api('/api/checkin/open', { token, body: {} }),
  checkinClose: (token: string) => api('/api/checkin/close', { token, body: {} }),
  markPresent: (token: string, memberId: string, present: boolean) =>
    api('/api/attendance/mark', { token, body: { memberId, present } }),
  openVote: (token: string, req: OpenVoteRequest) =>
    api<{ voteId: number }>('/api/votes', { token, body: req }),
  closeVote: (token: string) => api<ResultLike>('/api/votes/latest/close', { token, body: {} }),
  announceVote: (token: string) =>
    api<ResultLike>('/api/votes/latest/announce', { token, body: {} }),
  records: (token: string) => api<{ records: SealedRecord[] }>('/api/records', { token }),
  history: (token: string, filter: { year?: number; profile?: string }) => {
    const q = new URLSearchParams();
    if (filter.year) q.set('year', String(filter.year));
    if (filter.profile) q.set('profile', filter.profile);
    return api<{ organs: OrganHistory[]; years: number[] }>(`/api/history?${q}`, { token });
  },
  followUps: (token: string) => api<{ items: FollowUpItem[] }>('/api/followups', { token }),
  markFollowUpDone: (token: string, id: string) =>
    api(`/api/followups/${encodeURIComponent(id)}/done`, { token, body: {} }),
  key: (token: string) => api<{ publicKey: string; fingerprint: string }>('/api/key', { token }),
  recordPdf: (token: string, seq: number) =>
    download(`/api/records/${seq}/pdf`, token, `record-${seq}.pdf`),
  pairTerminal: (token: string, seat: string) =>
    api<{ code: string; seat: string; expiresAt: string }>('/api/terminals/pairings', {
      token,
      body: { seat },
    }),
  terminals: (token: string) => api<{ terminals: TerminalView[] }>('/api/terminals', { token }),
  revokeTerminal: (token: string, terminalId: number) =>
    api(`/api/terminals/${terminalId}/revoke`, { token, body: {} }),
  chairTerminals: (token: string) =>
    api<{ terminals: ChairTerminalView[] }>('/api/terminals/confirmations', { token }),
  confirmTerminal: (token: string, terminalId: number) =>
    api<{ ok: boolean; seat: string; replaced: number[] }>(`/api/terminals/${terminalId}/confirm`, {
      token,
      body: {},
    }),
  rejectTerminal: (token: string, terminalId: number) =>
    api(`/api/terminals/${terminalId}/reject`, { token, body: {} }),
  corrections: (token: string) =>
    api<{ proposals: CorrectionProposal[] }>('/api/corrections', { token }),
  confirmCorrection: (token: string, id: number) =>
    api<SealedRecord>(`/api/corrections/${id}/confirm`, { token, body: {} }),
  rejectCorrection: (token: string, id: number) =>
    api<CorrectionProposal>(`/api/corrections/${id}/reject`, { token, body: {} }),
  chainHead: () => api<{ head: ChainHead | null }>('/api/records/head', {}),
  recordsCsv: (token: string) => download('/api/records/export.csv', token, 'records.csv'),
};
