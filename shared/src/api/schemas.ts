import { Type, type Static } from '@sinclair/typebox';
import { FollowUpSchema, TextSchema } from '../profile/schema';
import { TALLY_FIGURES, VoteMethodSchema } from './reply-schemas';

/**
 * Request and response schemas of the hall server's REST API (server/README.md), shared so the
 * consoles type their calls from the same definitions the server validates with.
 */

export const ErrorBody = Type.Object({
  statusCode: Type.Integer(),
  error: Type.String(),
  /** One of `HallErrorCode` (api/error-codes.ts): what clients match on, never the message. */
  code: Type.String(),
  message: Type.String(),
});
export type ErrorBody = Static<typeof ErrorBody>;

export const LoginBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 64 }),
    password: Type.String({ minLength: 1, maxLength: 256 }),
  },
  { additionalProperties: false },
);
export const LoginReply = Type.Object({
  token: Type.String(),
  role: Type.String(),
  /** The user is on an initial password: the token may only change it (or log out). */
  mustChangePassword: Type.Boolean(),
});
export type LoginReply = Static<typeof LoginReply>;

/** Minimum length of a console user's new password. */
export const MIN_PASSWORD_LENGTH = 10;

export const ChangePasswordBody = Type.Object(
  {
    oldPassword: Type.String({ minLength: 1, maxLength: 256 }),
    newPassword: Type.String({ minLength: MIN_PASSWORD_LENGTH, maxLength: 256 }),
  },
  { additionalProperties: false },
);
export type ChangePasswordBody = Static<typeof ChangePasswordBody>;

export const RosterImportBody = Type.Object(
  {
    /** The CSV file's bytes, base64: the server checks the encoding itself (CONTRACT.md §4). */
    csvBase64: Type.String({ maxLength: 4_000_000, pattern: '^[A-Za-z0-9+/]*={0,2}$' }),
  },
  { additionalProperties: false },
);
export const RosterImportReply = Type.Object({
  members: Type.Integer(),
  observers: Type.Integer(),
});

export const RosterEntry = Type.Object({
  memberId: Type.String(),
  name: Type.String(),
  role: Type.Union([Type.Literal('member'), Type.Literal('observer')]),
  seat: Type.Union([Type.String(), Type.Null()]),
  /** Issue 14: an invited evaluator's group (两代表一委员…), while an evaluation meeting is current. */
  group: Type.Optional(Type.String()),
});
export const RosterReply = Type.Object({ entries: Type.Array(RosterEntry) });

/** One seat as the consoles may see it: occupant, online, checked in. Never what was pressed. */
export const SeatView = Type.Object({
  seat: Type.String(),
  name: Type.Union([Type.String(), Type.Null()]),
  role: Type.Union([Type.Literal('member'), Type.Literal('observer'), Type.Null()]),
  online: Type.Boolean(),
  checkedIn: Type.Boolean(),
});
export type SeatView = Static<typeof SeatView>;
export const SeatsReply = Type.Object({ seats: Type.Array(SeatView) });

export const SessionStartBody = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 200 }),
    /**
     * `committee` (default): a sitting of the committee, its members on the roster. `evaluation`:
     * an evaluation meeting (群众评议) whose voters are its own invited evaluators
     * (PUT /api/sessions/current/evaluators), kept apart from the committee roster.
     */
    kind: Type.Optional(Type.Union([Type.Literal('committee'), Type.Literal('evaluation')])),
  },
  { additionalProperties: false },
);
export const SessionStartReply = Type.Object({ sessionId: Type.Integer() });

export const AgendaItemBody = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 200 }),
    /** The reporting organ: 省人民政府, 省高级人民法院, a department. */
    organ: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);
export const AgendaItem = Type.Object({
  itemId: Type.Integer(),
  title: Type.String(),
  organ: Type.String(),
});
export const SessionReply = Type.Object({
  sessionId: Type.Integer(),
  title: Type.String(),
  startedAt: Type.String(),
  items: Type.Array(AgendaItem),
  /** Issue 14: `evaluation` for an evaluation meeting (its invited evaluators vote). */
  kind: Type.Optional(Type.Union([Type.Literal('committee'), Type.Literal('evaluation')])),
});

export const CheckinReply = Type.Object({
  members: Type.Integer(),
  present: Type.Integer(),
  quorumMet: Type.Boolean(),
});

export const AttendanceReply = Type.Object({
  members: Type.Integer(),
  present: Type.Integer(),
  quorumMet: Type.Boolean(),
  seatsOnline: Type.Integer(),
  observersPresent: Type.Integer(),
  checkinOpen: Type.Boolean(),
  sessionId: Type.Union([Type.Integer(), Type.Null()]),
  quorumRule: TextSchema,
});

export const MarkAttendanceBody = Type.Object(
  {
    memberId: Type.String({ minLength: 1, maxLength: 64 }),
    present: Type.Boolean(),
    /** Why the mark is made by hand (card forgotten, keypad broken); kept per sitting and member. */
    reason: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  },
  { additionalProperties: false },
);

export const VoteOpenBody = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 200 }),
    /**
     * A profile id (built-in, or the hall's own: its latest version), or a whole profile
     * document (`vote open --profile-file`), checked by parseProfileDocument: a bad document
     * is refused with every problem named by its JSON path. Required, except for a retake
     * (`retakeOf`), which is decided under the abandoned vote's own profile: omitted, that one;
     * given, it must be that same document (RETAKE_OTHER_PROFILE otherwise).
     */
    profile: Type.Optional(
      Type.Union([
        Type.String({ minLength: 1, maxLength: 64 }),
        Type.Object({}, { additionalProperties: true }),
      ]),
    ),
    /** How the ballots are taken (default keypads); with paper or hands the seats are not used. */
    method: Type.Optional(VoteMethodSchema),
    /** Issue 14: the abandoned vote of this sitting this one retakes (`vote open --retake`). */
    retakeOf: Type.Optional(Type.Integer({ minimum: 1 })),
    itemId: Type.Optional(Type.Integer({ minimum: 1 })),
    /** Close by itself after this many seconds (the timer survives a restart). */
    durationSeconds: Type.Optional(Type.Integer({ minimum: 1, maximum: 86_400 })),
  },
  { additionalProperties: false },
);
export const VoteOpenReply = Type.Object({ voteId: Type.Integer() });

export const VoteStatusReply = Type.Object({
  voteId: Type.Integer(),
  /** `abandoned`: a vote given up when the equipment failed (never counted; see retakes). */
  state: Type.Union([
    Type.Literal('open'),
    Type.Literal('closed'),
    Type.Literal('announced'),
    Type.Literal('abandoned'),
  ]),
  present: Type.Integer(),
  /** Seats whose ballot was accepted; for a paper or hands vote, the ballots counted by hand. */
  pressed: Type.Integer(),
  method: Type.Optional(VoteMethodSchema),
  /**
   * Issue 14 (REST only, chair and secretariat): the vote's profile by name and its options in
   * order, the words on every keypad and ballot paper (never a count): the secretariat enters
   * hand counts against them.
   */
  profileName: Type.Optional(TextSchema),
  options: Type.Optional(
    Type.Array(Type.Object({ key: Type.String(), label: TextSchema, seatKey: Type.Integer() })),
  ),
});

/** `vote close` / `vote announce`: the tally fields plus voteId, title, openedAt, closedAt. */
export const VoteResultReply = Type.Object({
  voteId: Type.Integer(),
  title: Type.String(),
  ...TALLY_FIGURES,
  followUp: Type.Array(FollowUpSchema),
  explanation: TextSchema,
  openedAt: Type.String(),
  closedAt: Type.String(),
  announcedAt: Type.Optional(Type.String()),
});
export type VoteResultReply = Static<typeof VoteResultReply>;

export const VoteIdParams = Type.Object({ voteId: Type.Integer({ minimum: 1 }) });

export const DemoPressBody = Type.Object(
  {
    seat: Type.String({ minLength: 3, maxLength: 16, pattern: '^[A-Za-z0-9_]+-[0-9]+$' }),
    keys: Type.Array(Type.Integer({ minimum: 1, maximum: 5 }), { minItems: 1, maxItems: 5 }),
    /** Re-deliver a hardware event: the same id is the same event. Default: a new event. */
    deliveryId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    /** The tag the seat showed; default: the tag it shows now. */
    tag: Type.Optional(Type.Integer({ minimum: 0, maximum: 65535 })),
  },
  { additionalProperties: false },
);
export const DemoPressReply = Type.Object({
  lamp: Type.Union([Type.Literal('registered'), Type.Literal('not-accepted'), Type.Literal('off')]),
  deliveryId: Type.String(),
});

export const OkReply = Type.Object({ ok: Type.Boolean() });

// The replies' TS types, derived from the schemas (one source for the server and the UIs).
export type RosterImportReply = Static<typeof RosterImportReply>;
export type RosterReply = Static<typeof RosterReply>;
export type SeatsReply = Static<typeof SeatsReply>;
export type SessionStartReply = Static<typeof SessionStartReply>;
export type AgendaItem = Static<typeof AgendaItem>;
export type SessionReply = Static<typeof SessionReply>;
export type CheckinReply = Static<typeof CheckinReply>;
export type AttendanceReply = Static<typeof AttendanceReply>;
export type VoteOpenBody = Static<typeof VoteOpenBody>;
export type VoteOpenReply = Static<typeof VoteOpenReply>;
export type VoteStatusReply = Static<typeof VoteStatusReply>;
export type OkReply = Static<typeof OkReply>;
