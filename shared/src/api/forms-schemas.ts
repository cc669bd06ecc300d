import { Type, type Static } from '@sinclair/typebox';
import { ProfileSchema, TextSchema } from '../profile/schema';
import {
  CountsSchema,
  Nullable,
  SeriesKindSchema,
  TALLY_FIGURES,
  VoteMethodSchema,
} from './reply-schemas';

/**
 * Issue 14, the other evaluation forms: the hall's own profiles, hand-counted ballots, the
 * abandoning of a failed keypad vote, series of subjects (and the departments of one report),
 * and the invited evaluators of an evaluation meeting. One source for the server's routes and
 * the consoles' calls.
 */

// ── Profiles (routes/profile-routes.ts) ─────────────────────────────────────────────────────

/** One problem of a profile document, named by its JSON path (`/ladder/2/when/0/fraction`). */
export const ProfileProblemSchema = Type.Object({ path: Type.String(), message: Type.String() });

/** `profile validate --json`, and POST /api/profiles/check (CONTRACT.md §1). */
export const ProfileValidationSchema = Type.Object({
  valid: Type.Boolean(),
  problems: Type.Array(ProfileProblemSchema),
});

/** Any JSON object offered as a profile document (checked by parseProfileDocument). */
export const ProfileDocumentBody = Type.Object({}, { additionalProperties: true });

/**
 * A profile the hall can open a vote under: a built-in one (`builtIn`, never edited: copy it) or
 * one of the hall's own versions (every save is a new version; a version is never changed).
 */
export const ProfileLibraryEntrySchema = Type.Object({
  id: Type.String(),
  version: Type.Integer(),
  builtIn: Type.Boolean(),
  /** The newest version of this id (the one `profile: "<id>"` opens a vote under). */
  latest: Type.Boolean(),
  /** Some vote was opened under exactly this version. */
  inUse: Type.Boolean(),
  createdAt: Nullable(Type.String()),
  createdBy: Nullable(Type.String()),
  /** The rule read back in Chinese and English, one line per rung (describeProfile). */
  rules: Type.Array(TextSchema),
  profile: ProfileSchema,
});
export type ProfileLibraryEntry = Static<typeof ProfileLibraryEntrySchema>;
export const ProfileLibraryReply = Type.Array(ProfileLibraryEntrySchema);

/** POST /api/profiles: save a document as a new profile, or as the next version of its id. */
export const ProfileSaveBody = Type.Object(
  { profile: ProfileDocumentBody },
  { additionalProperties: false },
);
export const ProfileSaveReply = Type.Object({ id: Type.String(), version: Type.Integer() });

/** Sample numbers to try a profile on before saving (POST /api/profiles/check). */
export const ProfileSampleSchema = Type.Object(
  {
    members: Type.Integer({ minimum: 1, maximum: 100_000 }),
    present: Type.Integer({ minimum: 0, maximum: 100_000 }),
    counts: CountsSchema,
    invalid: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
  },
  { additionalProperties: false },
);
export const ProfileCheckBody = Type.Object(
  { profile: ProfileDocumentBody, sample: Type.Optional(ProfileSampleSchema) },
  { additionalProperties: false },
);
export const ProfileCheckReply = Type.Object({
  valid: Type.Boolean(),
  problems: Type.Array(ProfileProblemSchema),
  rules: Type.Array(TextSchema),
  /** The sample decided under the document (when valid and a sample was given). */
  result: Type.Optional(
    Type.Object({ ...TALLY_FIGURES, explanation: TextSchema, passed: Type.Boolean() }),
  ),
  /** Why the sample could not be decided (numbers inconsistent), Chinese first. */
  sampleError: Type.Optional(Type.String()),
});
export const ProfileIdParams = Type.Object({
  id: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,63}$' }),
});

// ── Hand-counted ballots and abandoning (votes/hand-counts.ts, votes/abandon.ts) ─────────────

/**
 * POST /api/votes/latest/counts (secretariat): the counts taken by hand for the open paper or
 * hands vote (`vote counts`). Replaces earlier unconfirmed counts. Refused for a keypad vote and
 * when valid + invalid exceed the members present.
 */
export const HandCountsBody = Type.Object(
  {
    counts: CountsSchema,
    invalid: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
  },
  { additionalProperties: false },
);
/**
 * The hand counts of the open vote as the chair and secretariat see them: entered by one login,
 * confirmed by another (POST /api/votes/latest/counts/confirm, chair) before the vote can close.
 * The operator token (scripts, chair and secretariat rights together) enters and confirms at once.
 */
export const HandCountsReply = Type.Object({
  voteId: Type.Integer(),
  method: VoteMethodSchema,
  /** valid + invalid ballots counted by hand (`vote counts` prints `{voteId, pressed}`). */
  pressed: Type.Integer(),
  counts: CountsSchema,
  invalid: Type.Integer(),
  enteredBy: Type.String(),
  enteredAt: Type.String(),
  confirmedBy: Nullable(Type.String()),
  confirmedAt: Nullable(Type.String()),
});
export type HandCountsReply = Static<typeof HandCountsReply>;

/** POST /api/votes/latest/abandon (chair): give up the open vote, with the reason. */
export const AbandonBody = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 500 }) },
  { additionalProperties: false },
);
export const AbandonReply = Type.Object({
  voteId: Type.Integer(),
  state: Type.Literal('abandoned'),
  reason: Type.String(),
  abandonedAt: Type.String(),
});

// ── Series of subjects, and the departments of one report (series/) ─────────────────────────

export const SeriesSubjectBody = Type.Object(
  {
    /** What is rated: a party branch, a member's name, a department. */
    title: Type.String({ minLength: 1, maxLength: 200 }),
    /** A profile id or a whole profile document, as in VoteOpenBody. */
    profile: Type.Union([
      Type.String({ minLength: 1, maxLength: 64 }),
      Type.Object({}, { additionalProperties: true }),
    ]),
  },
  { additionalProperties: false },
);

/** POST /api/series (chair or secretariat): a list of subjects evaluated one after another. */
export const SeriesCreateBody = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 200 }),
    kind: SeriesKindSchema,
    /** For `departments`: the agenda item (one report) whose departments are evaluated. */
    itemId: Type.Optional(Type.Integer({ minimum: 1 })),
    subjects: Type.Array(SeriesSubjectBody, { minItems: 1, maxItems: 500 }),
    /** Announce each subject when it closes and open the next at once. Default false. */
    autoAdvance: Type.Optional(Type.Boolean()),
    method: Type.Optional(VoteMethodSchema),
    /** Each subject's vote closes by itself after this many seconds. */
    durationSeconds: Type.Optional(Type.Integer({ minimum: 1, maximum: 86_400 })),
  },
  { additionalProperties: false },
);
export type SeriesCreateBody = Static<typeof SeriesCreateBody>;

export const SubjectStateSchema = Type.Union([
  Type.Literal('pending'),
  Type.Literal('open'),
  Type.Literal('closed'),
  Type.Literal('announced'),
  Type.Literal('abandoned'),
]);

/** A series as the consoles show it: its subjects in order, each with its vote and outcome. */
export const SeriesReply = Type.Object({
  seriesId: Type.Integer(),
  sessionId: Type.Integer(),
  title: Type.String(),
  kind: SeriesKindSchema,
  itemId: Nullable(Type.Integer()),
  organ: Nullable(Type.String()),
  autoAdvance: Type.Boolean(),
  method: VoteMethodSchema,
  subjects: Type.Array(
    Type.Object({
      index: Type.Integer(),
      title: Type.String(),
      profileId: Type.String(),
      profileName: TextSchema,
      voteId: Nullable(Type.Integer()),
      state: SubjectStateSchema,
      /** Set once the subject's result is announced (never while it is open). */
      outcome: Nullable(Type.Object({ id: Type.String(), label: TextSchema })),
    }),
  ),
  /** The 1-based index of the next subject to open, or null when every subject has been. */
  next: Nullable(Type.Integer()),
});
export type SeriesReply = Static<typeof SeriesReply>;
export const SeriesListReply = Type.Array(SeriesReply);
export const SeriesIdParams = Type.Object({ seriesId: Type.Integer({ minimum: 1 }) });
/** POST /api/series/:seriesId/next (chair): announce the closed subject if need be, open the next. */
export const SeriesNextReply = Type.Object({
  seriesId: Type.Integer(),
  index: Type.Integer(),
  voteId: Type.Integer(),
});

/** A share for display: exact numerator and denominator, and the rounded text (formatShare). */
export const ShareSchema = Type.Object({
  count: Type.Integer(),
  of: Type.Integer(),
  text: Type.String(),
});

/**
 * GET /api/series/:seriesId/summary: from the announced subjects' sealed records only. Per
 * subject its outcome and each option's share of the ballots returned; per profile used, each
 * outcome's share of the subjects decided under it (第二篇: 优秀 30 / 33 = 91%). Decided from
 * exact counts; the texts are rounded for display only.
 */
export const SeriesSummaryReply = Type.Object({
  seriesId: Type.Integer(),
  title: Type.String(),
  kind: SeriesKindSchema,
  organ: Nullable(Type.String()),
  method: VoteMethodSchema,
  subjects: Type.Array(
    Type.Object({
      index: Type.Integer(),
      title: Type.String(),
      voteId: Nullable(Type.Integer()),
      recordSeq: Nullable(Type.Integer()),
      profileId: Type.String(),
      members: Nullable(Type.Integer()),
      present: Nullable(Type.Integer()),
      /** Ballots returned: valid + invalid. */
      returned: Nullable(Type.Integer()),
      counts: Nullable(CountsSchema),
      outcome: Nullable(Type.Object({ id: Type.String(), label: TextSchema })),
      /** Each option's share of the ballots returned. */
      optionShares: Type.Array(
        Type.Object({ option: Type.String(), label: TextSchema, share: ShareSchema }),
      ),
    }),
  ),
  groups: Type.Array(
    Type.Object({
      profileId: Type.String(),
      /** Two versions of one profile are two groups (a saved version never changes). */
      profileVersion: Type.Integer(),
      profileName: TextSchema,
      /** Subjects of this profile whose result is announced. */
      decided: Type.Integer(),
      outcomes: Type.Array(
        Type.Object({ id: Type.String(), label: TextSchema, share: ShareSchema }),
      ),
    }),
  ),
});
export type SeriesSummaryReply = Static<typeof SeriesSummaryReply>;

// ── Invited evaluators of an evaluation meeting (sessions/evaluators.ts) ────────────────────

/** One invited evaluator: not a committee member; `group` such as 两代表一委员 / 服务对象代表. */
export const EvaluatorSchema = Type.Object({
  evaluatorId: Type.String(),
  name: Type.String(),
  group: Type.String(),
  seat: Nullable(Type.String()),
});
export type Evaluator = Static<typeof EvaluatorSchema>;
/**
 * PUT /api/sessions/current/evaluators (secretariat; CSV `evaluator_id,name,group,seat`, UTF-8,
 * GB18030 or XLSX as the roster): replaces the evaluation meeting's evaluators, refused once a
 * vote of the meeting has opened, and in a committee sitting.
 */
export const EvaluatorsImportReply = Type.Object({
  evaluators: Type.Integer(),
  groups: Type.Array(Type.Object({ group: Type.String(), count: Type.Integer() })),
});
export const EvaluatorsReply = Type.Object({ entries: Type.Array(EvaluatorSchema) });
