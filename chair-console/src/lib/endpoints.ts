import type { OpenVoteRequest } from '../components/OpenVoteForm';
import type { ResultLike } from '../components/ResultView';
import type { SeatView } from '../components/SeatMap';
import type { FollowUpItem, OrganHistory, SealedRecord } from '@hall/shared';
import { api, download } from './api';

/** Every REST call the consoles make, in one place (server/README.md lists the routes). */
export interface Session {
  sessionId: number;
  title: string;
  startedAt: string;
  items: { itemId: number; title: string; organ: string }[];
}

export const endpoints = {
  login: (username: string, password: string) =>
    api<{ token: string; role: string }>('/api/auth/login', { body: { username, password } }),
  currentSession: (token: string) => api<Session | null>('/api/sessions/current', { token }),
  startSession: (token: string, title: string) =>
    api<{ sessionId: number }>('/api/sessions', { token, body: { title } }),
  addItem: (token: string, sessionId: number, title: string, organ: string) =>
    api<{ itemId: number }>(`/api/sessions/${sessionId}/items`, { token, body: { title, organ } }),
  importRoster: (token: string, csvBase64: string) =>
    api<{ members: number; observers: number }>('/api/roster/import', {
      token,
      body: { csvBase64 },
    }),
  seats: (token: string) => api<{ seats: SeatView[] }>('/api/seats', { token }),
  checkinOpen: (token: string) => api('/api/checkin/open', { token, body: {} }),
  checkinClose: (token: string) => api('/api/checkin/close', { token, body: {} }),
  markPresent: (token: string, memberId: string, present: boolean) =>
    api('/api/attendance/mark', { token, body: { memberId, present } }),
  openVote: (token: string, req: OpenVoteRequest) =>
    api<{ voteId: number }>('/api/votes/open', { token, body: req }),
  closeVote: (token: string) => api<ResultLike>('/api/votes/close', { token, body: {} }),
  announceVote: (token: string) => api<ResultLike>('/api/votes/announce', { token, body: {} }),
  results: (token: string) => api<{ results: ResultLike[] }>('/api/votes/results', { token }),
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
  recordsCsv: (token: string) => download('/api/records/export.csv', token, 'records.csv'),
};
