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
  ProfileProblem,
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
  VoteStatusReply,
  Text,
} from '@hall/shared';
import type {
  Evaluator,
  HandCountsReply,
  Profile,
  ProfileLibraryEntry,
  SeriesCreateBody,
  SeriesReply,
  SeriesSummaryReply,
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

/** VoteOpenBody with issue 14's retake of an abandoned vote (the server checks it). */
export type OpenVoteBody = VoteOpenBody & { retakeOf?: number };

/** A profile the chair may open a vote under (GET /api/profiles), built-in or the hall's own. */
export interface ProfileChoice {
  id: string;
  version: number | null;
  builtIn: boolean;
  profile: Profile;
}

/** The counts a secretariat enters (HandCountsBody). */
export interface HandCountsEntry {
  counts: Record<string, number>;
  invalid: number;
}

/** PUT /api/sessions/current/evaluators (EvaluatorsImportReply). */
export interface EvaluatorsImport {
  evaluators: number;
  groups: { group: string; count: number }[];
}

/**
 * GET /api/profiles answers whole profiles (before issue 14) or library entries (the hall's own
 * versions too): both become the latest version of each id, built-in first.
 */
export function profileChoices(reply: (Profile | ProfileLibraryEntry)[]): ProfileChoice[] {
  const choices = reply
    .map((e): ProfileChoice & { latest: boolean } =>
      'profile' in e && 'builtIn' in e
        ? { id: e.id, version: e.version, builtIn: e.builtIn, profile: e.profile, latest: e.latest }
        : { id: e.id, version: null, builtIn: true, profile: e, latest: true },
    )
    .filter((c) => c.latest);
  return [...choices.filter((c) => c.builtIn), ...choices.filter((c) => !c.builtIn)].map(
    ({ latest: _latest, ...c }) => c,
  );
}

/** Issue 14's calls: profiles, hand counts, abandoning, series, invited evaluators. */
const FORMS_ENDPOINTS = {
  profileChoices: async (token: string) =>
    profileChoices(await api<(Profile | ProfileLibraryEntry)[]>('/api/profiles', { token })),
  /** The latest vote: state, present, pressed, and its profile's name and options (issue 14). */
  voteStatus: (token: string) => api<VoteStatusReply>('/api/votes/latest', { token }),
  handCounts: (token: string) =>
    api<HandCountsReply>('/api/votes/latest/counts', { token }).catch((e: unknown) => {
      // Nothing entered yet for the open vote (or no vote at all): no counts to show.
      if (e instanceof ApiError && (e.status === 404 || e.code === HallErrorCode.NO_HAND_COUNTS))
        return null;
      throw e;
    }),
  enterHandCounts: (token: string, entry: HandCountsEntry) =>
    api<HandCountsReply>('/api/votes/latest/counts', { token, body: entry }),
  confirmHandCounts: (token: string) =>
    api<HandCountsReply>('/api/votes/latest/counts/confirm', { token, body: {} }),
  abandonVote: (token: string, reason: string) =>
    api<{ voteId: number; state: 'abandoned'; reason: string; abandonedAt: string }>(
      '/api/votes/latest/abandon',
      { token, body: { reason } },
    ),
  seriesList: (token: string) => api<SeriesReply[]>('/api/series', { token }),
  series: (token: string, seriesId: number) =>
    api<SeriesReply>(`/api/series/${seriesId}`, { token }),
  createSeries: (token: string, body: SeriesCreateBody) =>
    api<{ seriesId: number }>('/api/series', { token, body }),
  seriesNext: (token: string, seriesId: number) =>
    api<{ seriesId: number; index: number; voteId: number }>(`/api/series/${seriesId}/next`, {
      token,
      body: {},
    }),
  seriesSummary: (token: string, seriesId: number) =>
    api<SeriesSummaryReply>(`/api/series/${seriesId}/summary`, { token }),
  seriesPdf: (token: string, seriesId: number) =>
    download(`/api/series/${seriesId}/report.pdf`, token, `series-${seriesId}.pdf`),
  evaluators: (token: string) =>
    api<{ entries: Evaluator[] }>('/api/sessions/current/evaluators', { token }),
};

/** Sample numbers to try a profile on (forms-schemas.ts ProfileSampleSchema). */
export interface ProfileSample {
  members: number;
  present: number;
  counts: Record<string, number>;
  invalid?: number;
}
/** POST /api/profiles/check (forms-schemas.ts ProfileCheckReply). */
export interface ProfileCheck {
  valid: boolean;
  problems: ProfileProblem[];
  rules: Text[];
  result?: {
    profile: string;
    outcome: string;
    members: number;
    present: number;
    valid: number;
    invalid: number;
    notVoted: number;
    counts: Record<string, number>;
    explanation: Text;
    passed: boolean;
  };
  sampleError?: string;
}

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
  /** Issue 14: `kind: 'evaluation'` starts an evaluation meeting with its invited evaluators. */
  startSession: (token: string, title: string, kind?: 'committee' | 'evaluation') =>
    api<SessionStartReply>('/api/sessions', { token, body: kind ? { title, kind } : { title } }),
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
  openVote: (token: string, req: OpenVoteBody) =>
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
  ...FORMS_ENDPOINTS,
  /** Issue 14: the profile library (built-ins and every saved version), checking and saving. */
  profileLibrary: (token: string) => api<ProfileLibraryEntry[]>('/api/profiles/library', { token }),
  checkProfile: (token: string, profile: object, sample?: ProfileSample) =>
    api<ProfileCheck>('/api/profiles/check', {
      token,
      body: sample ? { profile, sample } : { profile },
    }),
  saveProfile: (token: string, profile: object) =>
    api<{ id: string; version: number }>('/api/profiles', { token, body: { profile } }),
};
