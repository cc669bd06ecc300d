import { HallErrorCode } from '@hall/shared';
import type {
  ChainHeadReply,
  ChairTerminal,
  ChairTerminalsReply,
  ConsoleRole,
  CheckinReply,
  CorrectionProposal,
  CorrectionsReply,
  FollowUpsReply,
  HistoryReply,
  KeyReply,
  LoginReply,
  ManualMarksReply,
  OkReply,
  PairingReply,
  RecordsReply,
  RosterReply,
  RosterImportReply,
  SealedRecord,
  SeatsReply,
  SessionReply,
  SessionStartReply,
  TerminalConfirmReply,
  TerminalInfo,
  TerminalsReply,
  UpdateUserBody,
  UserListReply,
  UserPasswordReply,
  UserReply,
  VoteOpenBody,
  VoteOpenReply,
  VoteResultReply,
} from '@hall/shared';
import { api, ApiError, download } from './api';

/**
 * Every REST call the consoles make, in one place (server/README.md lists the routes), typed by
 * the reply schemas the server validates and serializes with (shared/src/api/).
 */
export type Session = SessionReply;
/** The body of a correction proposal: the bounded fields of issue 10 and the reason. */
export interface CorrectionBody {
  members: number;
  present: number;
  counts: Record<string, number>;
  invalid: number;
  reason: string;
}
export type TerminalView = TerminalInfo;
/** A terminal as the chair sees it (GET /api/terminals/confirmations): seat, member, present. */
export type ChairTerminalView = ChairTerminal;

export const endpoints = {
  login: (username: string, password: string) =>
    api<LoginReply>('/api/auth/login', {
      body: { username, password },
    }),
  /** Change the logged-in user's password (required at first login with an initial one). */
  changePassword: (token: string, oldPassword: string, newPassword: string) =>
    api<OkReply>('/api/auth/password', { token, body: { oldPassword, newPassword } }),
  /** The sitting in progress, or null before the first one. */
  currentSession: (token: string) =>
    api<SessionReply>('/api/sessions/current', { token }).catch((e: unknown) => {
      if (e instanceof ApiError && e.code === HallErrorCode.NO_SESSION) return null;
      throw e;
    }),
  startSession: (token: string, title: string) =>
    api<SessionStartReply>('/api/sessions', { token, body: { title } }),
  addItem: (token: string, title: string, organ: string) =>
    api<{ itemId: number }>('/api/sessions/current/items', { token, body: { title, organ } }),
  importRoster: (token: string, csvBase64: string) =>
    api<RosterImportReply>('/api/roster', { token, body: { csvBase64 } }),
  seats: (token: string) => api<SeatsReply>('/api/seats', { token }),
  checkinOpen: (token: string) => api<CheckinReply>('/api/checkin/open', { token, body: {} }),
  checkinClose: (token: string) => api<CheckinReply>('/api/checkin/close', { token, body: {} }),
  markPresent: (token: string, memberId: string, present: boolean) =>
    api<CheckinReply>('/api/attendance/mark', { token, body: { memberId, present } }),
  /** A manual attendance mark with the secretariat's reason (issue 13). */
  markAttendance: (token: string, memberId: string, present: boolean, reason: string) =>
    api<CheckinReply>('/api/attendance/mark', { token, body: { memberId, present, reason } }),
  manualMarks: (token: string) => api<ManualMarksReply>('/api/attendance/manual', { token }),
  roster: (token: string) => api<RosterReply>('/api/roster', { token }),
  record: (token: string, seq: number) => api<SealedRecord>(`/api/records/${seq}`, { token }),
  proposeCorrection: (token: string, seq: number, body: CorrectionBody) =>
    api<CorrectionProposal>(`/api/records/${seq}/corrections`, { token, body }),
  rejectCorrectionWithReason: (token: string, id: number, reason?: string) =>
    api<CorrectionProposal>(`/api/corrections/${id}/reject`, {
      token,
      body: reason ? { reason } : {},
    }),
  scheduleRereport: (token: string, seq: number, title?: string) =>
    api<{ itemId: number; sessionId: number }>(`/api/records/${seq}/rereport`, {
      token,
      body: title ? { title } : {},
    }),
  openVote: (token: string, req: VoteOpenBody) =>
    api<VoteOpenReply>('/api/votes', { token, body: req }),
  closeVote: (token: string) =>
    api<VoteResultReply>('/api/votes/latest/close', { token, body: {} }),
  announceVote: (token: string) =>
    api<VoteResultReply>('/api/votes/latest/announce', { token, body: {} }),
  records: (token: string) => api<RecordsReply>('/api/records', { token }),
  history: (token: string, filter: { year?: number; profile?: string }) => {
    const q = new URLSearchParams();
    if (filter.year) q.set('year', String(filter.year));
    if (filter.profile) q.set('profile', filter.profile);
    return api<HistoryReply>(`/api/history?${q}`, { token });
  },
  followUps: (token: string) => api<FollowUpsReply>('/api/followups', { token }),
  markFollowUpDone: (token: string, id: string) =>
    api<OkReply>(`/api/followups/${encodeURIComponent(id)}/done`, { token, body: {} }),
  key: (token: string) => api<KeyReply>('/api/key', { token }),
  recordPdf: (token: string, seq: number) =>
    download(`/api/records/${seq}/pdf`, token, `record-${seq}.pdf`),
  pairTerminal: (token: string, seat: string) =>
    api<PairingReply>('/api/terminals/pairings', {
      token,
      body: { seat },
    }),
  terminals: (token: string) => api<TerminalsReply>('/api/terminals', { token }),
  revokeTerminal: (token: string, terminalId: number) =>
    api<OkReply>(`/api/terminals/${terminalId}/revoke`, { token, body: {} }),
  chairTerminals: (token: string) =>
    api<ChairTerminalsReply>('/api/terminals/confirmations', { token }),
  confirmTerminal: (token: string, terminalId: number) =>
    api<TerminalConfirmReply>(`/api/terminals/${terminalId}/confirm`, {
      token,
      body: {},
    }),
  rejectTerminal: (token: string, terminalId: number) =>
    api<OkReply>(`/api/terminals/${terminalId}/reject`, { token, body: {} }),
  corrections: (token: string) => api<CorrectionsReply>('/api/corrections', { token }),
  confirmCorrection: (token: string, id: number) =>
    api<SealedRecord>(`/api/corrections/${id}/confirm`, { token, body: {} }),
  rejectCorrection: (token: string, id: number) =>
    api<CorrectionProposal>(`/api/corrections/${id}/reject`, { token, body: {} }),
  chainHead: () => api<ChainHeadReply>('/api/records/head', {}),
  recordsCsv: (token: string) => download('/api/records/export.csv', token, 'records.csv'),
  recordsXlsx: (token: string) => download('/api/records/export.xlsx', token, 'records.xlsx'),
  /** Console users (secretariat only): list, add, change role or disable, reset the password. */
  users: (token: string) => api<UserListReply>('/api/users', { token }),
  createUser: (token: string, username: string, role: ConsoleRole) =>
    api<UserPasswordReply>('/api/users', { token, body: { username, role } }),
  updateUser: (token: string, username: string, change: UpdateUserBody) =>
    api<UserReply>(`/api/users/${encodeURIComponent(username)}`, {
      token,
      method: 'PATCH',
      body: change,
    }),
  resetPassword: (token: string, username: string) =>
    api<UserPasswordReply>(`/api/users/${encodeURIComponent(username)}/reset-password`, {
      token,
      body: {},
    }),
};
