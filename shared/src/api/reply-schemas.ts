import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { FollowUpSchema, ProfileSchema, TextSchema } from '../profile/schema';

/**
 * Reply schemas of the hall server's REST API and of the live push, one source for the server
 * (which validates and serializes with them: a property missing here is dropped from the reply)
 * and for the UIs (which type their calls with `Static<>` of them).
 */

export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

/** Outcome id → count (or option key → ballots): a documented free-form map. */
export const CountsSchema = Type.Record(Type.String(), Type.Integer(), {
  description: 'option key (or outcome id) → count',
});

/**
 * The figures of a decided tally (CONTRACT.md §1 `tally --json`, as `resultFields` in
 * shared/src/tally/result-fields.ts shapes them), spread into every reply that carries a result.
 */
export const TALLY_FIGURES = {
  profile: Type.String(),
  outcome: Type.String(),
  members: Type.Integer(),
  present: Type.Integer(),
  valid: Type.Integer(),
  invalid: Type.Integer(),
  notVoted: Type.Integer(),
  counts: CountsSchema,
};

// ── Records (CONTRACT.md §5) ──────────────────────────────────────────────────────────────

/** A reference to a sealed record: its place in the chain and its hash. */
export const RecordLinkSchema = Type.Object({ seq: Type.Integer(), hash: Type.String() });

/** The latest record of the hall's chain as screens show it: seq and the first 12 hex of its hash. */
export const ChainHeadSchema = Type.Object({ seq: Type.Integer(), hash: Type.String() });

/** The link of a correction to the record it corrects (two-person fields on newer records). */
export const CorrectionLinkSchema = Type.Object({
  seq: Type.Integer(),
  hash: Type.String(),
  reason: Type.String(),
  proposedBy: Type.Optional(Type.String()),
  confirmedBy: Type.Optional(Type.String()),
  previousOutcome: Type.Optional(Type.Object({ id: Type.String(), label: TextSchema })),
});

/**
 * How the ballots were taken (CONTRACT.md §1 `vote open --method`, §5 `method`): `keypads` at the
 * seats, or counted by people from `paper` ballots or a show of `hands` (议事规则: the fallback
 * when the equipment fails). Records sealed before issue 14 have no `method`: they were keypads.
 */
export const VoteMethodSchema = Type.Union([
  Type.Literal('keypads'),
  Type.Literal('paper'),
  Type.Literal('hands'),
]);
export type VoteMethod = Static<typeof VoteMethodSchema>;

/**
 * Where an evaluation sits in a series (issue 14): many subjects in a row (群众评议: a branch,
 * then each of its members) or the departments of one report (安徽 第十四条). `index` is 1-based;
 * `subject` names what this evaluation rated (a member, a department).
 */
export const SeriesKindSchema = Type.Union([Type.Literal('subjects'), Type.Literal('departments')]);
export type SeriesKind = Static<typeof SeriesKindSchema>;
export const SeriesLinkSchema = Type.Object({
  seriesId: Type.Integer(),
  title: Type.String(),
  kind: SeriesKindSchema,
  index: Type.Integer(),
  count: Type.Integer(),
  subject: Type.String(),
});
export type SeriesLink = Static<typeof SeriesLinkSchema>;

/** The keypad vote this one retakes by hand: abandoned when the equipment failed, and why. */
export const RetakeLinkSchema = Type.Object({
  voteId: Type.Integer(),
  title: Type.String(),
  method: VoteMethodSchema,
  reason: Type.String(),
  abandonedAt: Type.String(),
});
export type RetakeLink = Static<typeof RetakeLinkSchema>;

/**
 * Who made up the base: the committee roster (`committee`), or an evaluation meeting's own
 * roster of invited evaluators (`invited`, 群众评议: not committee members). Absent: committee.
 */
export const VoterRosterSchema = Type.Union([Type.Literal('committee'), Type.Literal('invited')]);
export type VoterRoster = Static<typeof VoterRosterSchema>;

/** The body of a sealed record: everything the result was decided under and what it was. */
export const RecordBodyProperties = {
  hall: Type.String(),
  sessionId: Type.Integer(),
  voteId: Type.Integer(),
  title: Type.String(),
  organ: Nullable(Type.String()),
  profile: ProfileSchema,
  members: Type.Integer(),
  present: Type.Integer(),
  valid: Type.Integer(),
  counts: CountsSchema,
  invalid: Type.Integer(),
  notVoted: Type.Integer(),
  outcome: Type.String(),
  followUp: Type.Array(FollowUpSchema),
  explanation: TextSchema,
  openedAt: Type.String(),
  closedAt: Type.String(),
  announcedAt: Type.String(),
  corrects: Nullable(CorrectionLinkSchema),
  reevaluates: Nullable(RecordLinkSchema),
  /** Always set on records sealed since issue 14; absent on older ones (keypads). */
  method: Type.Optional(VoteMethodSchema),
  roster: Type.Optional(VoterRosterSchema),
  series: Type.Optional(SeriesLinkSchema),
  retakes: Type.Optional(RetakeLinkSchema),
};
export const RecordBodySchema = Type.Object(RecordBodyProperties);

export const RecordSignatureSchema = Type.Object({
  alg: Type.Literal('Ed25519'),
  publicKey: Type.String(),
  value: Type.String(),
});

export const SealedRecordSchema = Type.Object(
  {
    ...RecordBodyProperties,
    seq: Type.Integer(),
    prevHash: Nullable(Type.String()),
    signature: RecordSignatureSchema,
  },
  { description: 'a sealed record (CONTRACT.md §5)' },
);

/** The announced result document of a vote (GET /api/votes/:voteId/document). */
export const ResultDocumentSchema = Type.Object(
  {
    hall: Type.String(),
    sessionId: Type.Integer(),
    voteId: Type.Integer(),
    title: Type.String(),
    method: Type.Optional(VoteMethodSchema),
    profile: ProfileSchema,
    members: Type.Integer(),
    present: Type.Integer(),
    counts: CountsSchema,
    invalid: Type.Integer(),
    notVoted: Type.Integer(),
    outcome: Type.String(),
    followUp: Type.Array(FollowUpSchema),
    openedAt: Type.String(),
    closedAt: Type.String(),
    announcedAt: Type.String(),
  },
  { description: 'the announced result document (the body of the signed record)' },
);

export const CorrectionInputSchema = Type.Object({
  members: Type.Integer(),
  present: Type.Integer(),
  counts: CountsSchema,
  invalid: Type.Integer(),
  reason: Type.String(),
  title: Type.Optional(Type.String()),
  organ: Type.Optional(Nullable(Type.String())),
  profile: Type.Optional(Type.String()),
});

export const CorrectionProposalSchema = Type.Object(
  {
    id: Type.Integer(),
    seq: Type.Integer(),
    hash: Type.String(),
    voteId: Type.Integer(),
    title: Type.String(),
    input: CorrectionInputSchema,
    previousOutcome: Type.String(),
    outcome: Type.String(),
    proposedBy: Type.String(),
    proposedAt: Type.String(),
    state: Type.Union([
      Type.Literal('pending'),
      Type.Literal('confirmed'),
      Type.Literal('rejected'),
    ]),
    decidedBy: Nullable(Type.String()),
    decidedAt: Nullable(Type.String()),
    sealedSeq: Nullable(Type.Integer()),
    rejectReason: Nullable(Type.String()),
  },
  { description: 'a correction proposal (pending until a chair confirms or rejects it)' },
);

export const FollowUpItemSchema = Type.Object({
  id: Type.String(),
  seq: Type.Integer(),
  hash: Type.String(),
  title: Type.String(),
  organ: Nullable(Type.String()),
  action: Type.String(),
  label: TextSchema,
  cite: Type.String(),
  due: Nullable(FollowUpSchema.properties.due),
  dueDate: Nullable(Type.String()),
  state: Type.Union([
    Type.Literal('open'),
    Type.Literal('overdue'),
    Type.Literal('fulfilled'),
    Type.Literal('escalated'),
    Type.Literal('done'),
  ]),
  reevaluatedBy: Nullable(Type.Integer()),
  escalation: Nullable(
    Type.Object({ action: Type.String(), label: TextSchema, cite: Type.String() }),
  ),
  correction: Nullable(
    Type.Object({
      kind: Type.Union([
        Type.Literal('kept'),
        Type.Literal('corrected-away'),
        Type.Literal('added'),
      ]),
      latestSeq: Type.Integer(),
      note: TextSchema,
    }),
  ),
});

export const HistoryEntrySchema = Type.Object({
  seq: Type.Integer(),
  year: Type.Integer(),
  sessionId: Type.Integer(),
  title: Type.String(),
  profile: Type.String(),
  outcome: Type.String(),
  outcomeLabel: Type.String(),
  passed: Type.Boolean(),
  members: Type.Integer(),
  present: Type.Integer(),
  counts: CountsSchema,
  satisfiedShare: Type.String(),
  announcedAt: Type.String(),
  correctsSeq: Nullable(Type.Integer()),
  correctionNote: Nullable(TextSchema),
});

export const OrganHistorySchema = Type.Object({
  organ: Type.String(),
  entries: Type.Array(HistoryEntrySchema),
  outcomes: CountsSchema,
});

export const RecordsReply = Type.Object({ records: Type.Array(SealedRecordSchema) });
export const KeyReply = Type.Object({ publicKey: Type.String(), fingerprint: Type.String() });
export const HistoryReply = Type.Object({
  organs: Type.Array(OrganHistorySchema),
  years: Type.Array(Type.Integer()),
});
export const FollowUpsReply = Type.Object({ items: Type.Array(FollowUpItemSchema) });
export const CorrectionsReply = Type.Object({ proposals: Type.Array(CorrectionProposalSchema) });
export const ChainHeadReply = Type.Object({ head: Nullable(ChainHeadSchema) });
export const RereportReply = Type.Object({ itemId: Type.Integer(), sessionId: Type.Integer() });

// ── Seat terminals (issue 6, issue 10) ────────────────────────────────────────────────────

export const TerminalEndReasonSchema = Type.Union([
  Type.Literal('revoked'),
  Type.Literal('rejected'),
  Type.Literal('replaced'),
  Type.Literal('sitting-ended'),
  Type.Literal('seat-changed'),
]);

/** A terminal as the technician sees it (GET /api/terminals). */
export const TerminalInfoSchema = Type.Object({
  terminalId: Type.Integer(),
  seat: Type.String(),
  state: Type.Union([Type.Literal('pending'), Type.Literal('confirmed'), Type.Literal('ended')]),
  pairedAt: Type.String(),
  confirmedAt: Nullable(Type.String()),
  revokedAt: Nullable(Type.String()),
  endReason: Nullable(TerminalEndReasonSchema),
});

/** A terminal as the chair sees it (GET /api/terminals/confirmations): seat, member, present. */
export const ChairTerminalSchema = Type.Object({
  terminalId: Type.Integer(),
  seat: Type.String(),
  state: Type.Union([Type.Literal('pending'), Type.Literal('confirmed')]),
  pairedAt: Type.String(),
  confirmedAt: Nullable(Type.String()),
  memberId: Nullable(Type.String()),
  name: Nullable(Type.String()),
  role: Nullable(Type.Union([Type.Literal('member'), Type.Literal('observer')])),
  present: Type.Boolean(),
});

export const TerminalsReply = Type.Object({ terminals: Type.Array(TerminalInfoSchema) });
export const ChairTerminalsReply = Type.Object({ terminals: Type.Array(ChairTerminalSchema) });
export const PairingReply = Type.Object({
  code: Type.String(),
  seat: Type.String(),
  expiresAt: Type.String(),
});
export const TerminalConfirmReply = Type.Object({
  ok: Type.Boolean(),
  seat: Type.String(),
  replaced: Type.Array(Type.Integer()),
});
export const TerminalPairReplySchema = Type.Object({
  seat: Type.String(),
  credential: Type.String(),
  /** The terminal's number, shown on its screen so the chair confirms the right device. */
  terminalId: Type.Optional(Type.Integer()),
});
export const TerminalPressReplySchema = Type.Object({
  lamp: Type.Union([Type.Literal('registered'), Type.Literal('not-accepted'), Type.Literal('off')]),
  reason: Nullable(Type.String({ description: 'a PressReason (shared/src/terminal/events.ts)' })),
});

export type RecordsReply = Static<typeof RecordsReply>;
export type KeyReply = Static<typeof KeyReply>;
export type HistoryReply = Static<typeof HistoryReply>;
export type FollowUpsReply = Static<typeof FollowUpsReply>;
export type CorrectionsReply = Static<typeof CorrectionsReply>;
export type ChainHeadReply = Static<typeof ChainHeadReply>;
export type TerminalsReply = Static<typeof TerminalsReply>;
export type ChairTerminalsReply = Static<typeof ChairTerminalsReply>;
export type PairingReply = Static<typeof PairingReply>;
export type TerminalConfirmReply = Static<typeof TerminalConfirmReply>;
export type TerminalInfo = Static<typeof TerminalInfoSchema>;
export type ChairTerminal = Static<typeof ChairTerminalSchema>;
