import { DomainErrorCode } from '../errors';

/**
 * Every code a refusal of the hall server carries: in the `code` of each REST error body
 * (`{statusCode, error, code, message}`) and in `err.data.code` of a socket's `connect_error`.
 * The message is for people (Chinese first: `中文 / English`); programs, the consoles and the
 * tests match on the code alone. The domain core's own codes (shared/src/errors.ts) are among
 * them: a `DomainError` becomes a 422 with its code.
 */
export const HallErrorCode = {
  // Access (plugins/access.ts, routes/auth-routes.ts, live/live-hub.ts).
  NO_ROLES_DECLARED: 'NO_ROLES_DECLARED',
  NO_TOKEN: 'NO_TOKEN',
  PASSWORD_CHANGE_REQUIRED: 'PASSWORD_CHANGE_REQUIRED',
  WRONG_ROLE: 'WRONG_ROLE',
  BAD_LOGIN: 'BAD_LOGIN',
  LOGIN_THROTTLED: 'LOGIN_THROTTLED',
  NO_PASSWORD: 'NO_PASSWORD',
  SAME_PASSWORD: 'SAME_PASSWORD',
  WRONG_PASSWORD: 'WRONG_PASSWORD',
  /** A socket handshake on socket.io's default namespace, where nothing is served. */
  NAMESPACE_CLOSED: 'NAMESPACE_CLOSED',
  /** Too many failed socket handshakes from one address; retry later. */
  HANDSHAKE_THROTTLED: 'HANDSHAKE_THROTTLED',
  // Console users (auth/account-service.ts, routes/user-routes.ts).
  USER_NOT_FOUND: 'USER_NOT_FOUND',
  USERNAME_TAKEN: 'USERNAME_TAKEN',
  /** Disabling or demoting the last enabled secretariat user: nobody could manage users. */
  LAST_SECRETARIAT: 'LAST_SECRETARIAT',
  /** A user disabling, demoting or resetting their own account. */
  OWN_ACCOUNT: 'OWN_ACCOUNT',
  // Terminals (terminals/).
  BAD_CREDENTIAL: 'BAD_CREDENTIAL',
  BAD_PAIRING_CODE: 'BAD_PAIRING_CODE',
  TERMINAL_NOT_FOUND: 'TERMINAL_NOT_FOUND',
  TERMINAL_CONFIRMED: 'TERMINAL_CONFIRMED',
  SEAT_NOT_A_MEMBER: 'SEAT_NOT_A_MEMBER',
  MEMBER_NOT_PRESENT: 'MEMBER_NOT_PRESENT',
  // The sitting, its items and attendance (sessions/, attendance/, roster/, hall.ts).
  NO_SESSION: 'NO_SESSION',
  NO_ITEM: 'NO_ITEM',
  CHECKIN_NOT_OPEN: 'CHECKIN_NOT_OPEN',
  UNKNOWN_MEMBER: 'UNKNOWN_MEMBER',
  UNKNOWN_SEAT: 'UNKNOWN_SEAT',
  SEAT_SILENT: 'SEAT_SILENT',
  ROSTER_INVALID: 'ROSTER_INVALID',
  /** Issue 14: an evaluators file that is not sound (the line or row is named). */
  EVALUATORS_INVALID: 'EVALUATORS_INVALID',
  /** Issue 14: evaluators belong to an evaluation meeting, not to a committee sitting. */
  NOT_AN_EVALUATION_MEETING: 'NOT_AN_EVALUATION_MEETING',
  /** Issue 14: a vote of the meeting has opened; its evaluators no longer change. */
  EVALUATORS_LOCKED: 'EVALUATORS_LOCKED',
  UNSAFE_TEXT: 'UNSAFE_TEXT',
  // Votes (votes/).
  VOTE_OPEN: 'VOTE_OPEN',
  NO_VOTE: 'NO_VOTE',
  NO_OPEN_VOTE: 'NO_OPEN_VOTE',
  NO_QUORUM: 'NO_QUORUM',
  NOT_CLOSED: 'NOT_CLOSED',
  NOT_ANNOUNCED: 'NOT_ANNOUNCED',
  NOTHING_TO_ANNOUNCE: 'NOTHING_TO_ANNOUNCE',
  CHANGE_NOT_SUPPORTED: 'CHANGE_NOT_SUPPORTED',
  /** Issue 14: a member seat has fewer keys than the profile's options need (votes/seat-keys.ts). */
  SEATS_LACK_KEYS: 'SEATS_LACK_KEYS',
  /** Issue 14: a built-in profile cannot be saved over or imitated: copy it under a new id. */
  PROFILE_BUILT_IN: 'PROFILE_BUILT_IN',
  // Sealed records, follow-ups and corrections (records/, routes/record-routes.ts).
  RECORD_NOT_FOUND: 'RECORD_NOT_FOUND',
  RECORD_CORRECTED: 'RECORD_CORRECTED',
  RECORD_NEEDS_NO_REEVALUATION: 'RECORD_NEEDS_NO_REEVALUATION',
  SAME_SESSION: 'SAME_SESSION',
  FOLLOWUP_NOT_FOUND: 'FOLLOWUP_NOT_FOUND',
  FOLLOWUP_NOT_MANUAL: 'FOLLOWUP_NOT_MANUAL',
  CORRECTION_NOT_FOUND: 'CORRECTION_NOT_FOUND',
  CORRECTION_PENDING: 'CORRECTION_PENDING',
  CORRECTION_DECIDED: 'CORRECTION_DECIDED',
  CORRECTION_STALE: 'CORRECTION_STALE',
  CORRECTION_SAME_PERSON: 'CORRECTION_SAME_PERSON',
  /** The confirming chair's account, role or password was issued by the proposer. */
  CORRECTION_NOT_INDEPENDENT: 'CORRECTION_NOT_INDEPENDENT',
  CORRECTION_NO_FACTS: 'CORRECTION_NO_FACTS',
  CORRECTION_UNCHANGED: 'CORRECTION_UNCHANGED',
  CORRECTION_TITLE: 'CORRECTION_TITLE',
  CORRECTION_REASON: 'CORRECTION_REASON',
  CORRECTION_ORGAN: 'CORRECTION_ORGAN',
  CORRECTION_MEMBERS: 'CORRECTION_MEMBERS',
  CORRECTION_PRESENT: 'CORRECTION_PRESENT',
  CORRECTION_BALLOTS: 'CORRECTION_BALLOTS',
  // Issue 14, hand-counted votes and abandoning (server/src/votes/hand-counts.ts, abandon.ts).
  /** Hand counts are only for an open paper or hands vote, not a keypad vote. */
  NOT_HAND_COUNTED: 'NOT_HAND_COUNTED',
  /** A paper or hands vote closes only with hand counts entered ... */
  NO_HAND_COUNTS: 'NO_HAND_COUNTS',
  /** ... and confirmed by a second login. */
  COUNTS_NOT_CONFIRMED: 'COUNTS_NOT_CONFIRMED',
  /** The confirming login entered the counts, or its account was issued by the one who did. */
  COUNTS_NOT_INDEPENDENT: 'COUNTS_NOT_INDEPENDENT',
  /** The vote was abandoned: it has no result, document or record, ever. */
  VOTE_ABANDONED: 'VOTE_ABANDONED',
  /** `--retake` names a vote that is not abandoned, already retaken, or of another sitting. */
  RETAKE_NOT_ABANDONED: 'RETAKE_NOT_ABANDONED',
  RETAKE_ALREADY_TAKEN: 'RETAKE_ALREADY_TAKEN',
  /** A retake under another profile than the abandoned vote's own. */
  RETAKE_OTHER_PROFILE: 'RETAKE_OTHER_PROFILE',
  /** A vote opened without a profile (only a retake takes its abandoned vote's). */
  PROFILE_REQUIRED: 'PROFILE_REQUIRED',
  RETAKE_OTHER_SESSION: 'RETAKE_OTHER_SESSION',
  // Issue 14, series of subjects and the departments of one report (server/src/series/).
  SERIES_NOT_FOUND: 'SERIES_NOT_FOUND',
  /** Every subject of the series has been opened: nothing is left for `next`. */
  SERIES_DONE: 'SERIES_DONE',
  /** A `departments` series names the agenda item (the one report) its departments share. */
  SERIES_ITEM_REQUIRED: 'SERIES_ITEM_REQUIRED',
  /** The series belongs to another sitting than the current one. */
  SERIES_OTHER_SESSION: 'SERIES_OTHER_SESSION',
  // The HTTP layer (plugins/external.ts, plugins/consoles.ts): fastify's own refusals.
  /** The request does not match the route's schema. */
  INVALID_REQUEST: 'INVALID_REQUEST',
  /** Any other malformed request (bad JSON, bad content length…). */
  BAD_REQUEST: 'BAD_REQUEST',
  BODY_TOO_LARGE: 'BODY_TOO_LARGE',
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  RATE_LIMITED: 'RATE_LIMITED',
  NO_ROUTE: 'NO_ROUTE',
  /** An unexpected failure of the server (500); the log has the details. */
  INTERNAL: 'INTERNAL',
  // The domain core's (shared/src/errors.ts), sent as 422.
  INVALID_NUMBER: DomainErrorCode.InvalidNumber,
  PRESENT_EXCEEDS_MEMBERS: DomainErrorCode.PresentExceedsMembers,
  BALLOTS_EXCEED_PRESENT: DomainErrorCode.BallotsExceedPresent,
  UNKNOWN_PROFILE: DomainErrorCode.UnknownProfile,
  UNKNOWN_OPTION: DomainErrorCode.UnknownOption,
  INVALID_PROFILE: DomainErrorCode.InvalidProfile,
} as const;
export type HallErrorCode = (typeof HallErrorCode)[keyof typeof HallErrorCode];

/** The payload of a socket's `connect_error` when the server refuses a handshake (`err.data`). */
export interface HandshakeRefusal {
  code: HallErrorCode;
  message: string;
}

/** The refusal's code carried by a socket's `connect_error`, if the server sent one. */
export function handshakeRefusalCode(err: unknown): HallErrorCode | undefined {
  const data = (err as { data?: unknown } | null)?.data as Partial<HandshakeRefusal> | undefined;
  const code = data?.code;
  return typeof code === 'string' && isHallErrorCode(code) ? code : undefined;
}

const CODES: ReadonlySet<string> = new Set(Object.values(HallErrorCode));

/** Whether `code` is one of the hall's refusal codes. */
export function isHallErrorCode(code: unknown): code is HallErrorCode {
  return typeof code === 'string' && CODES.has(code);
}
