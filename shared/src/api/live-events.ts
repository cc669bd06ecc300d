import { Type, type Static } from '@sinclair/typebox';
import { FollowUpSchema, TextSchema } from '../profile/schema';
import { SeatView, SessionReply } from './schemas';
import { ChainHeadSchema, Nullable, TALLY_FIGURES, VoteMethodSchema } from './reply-schemas';

/**
 * Socket events pushed by the hall server (issue 3 "Live push"). Every namespace receives the
 * state that it may see, at once on (re)connect and then whenever it changes, coalesced to at
 * most ~10 updates a second per client. Nothing here ever carries a split while a vote is open.
 */
export const LIVE_EVENTS = {
  attendance: 'attendance',
  vote: 'vote',
  result: 'result',
  hardware: 'hardware',
  sitting: 'sitting',
} as const;

/** 应到 / 实到 and the quorum gate; observers are counted apart and never in `present`. */
export const AttendancePayloadSchema = Type.Object({
  sessionId: Nullable(Type.Integer()),
  checkinOpen: Type.Boolean(),
  members: Type.Integer(),
  present: Type.Integer(),
  observersPresent: Type.Integer(),
  quorumMet: Type.Boolean(),
  /** The quorum rule in words, e.g. 全体组成人员过半数. */
  quorumRule: TextSchema,
});
export type AttendancePayload = Static<typeof AttendancePayloadSchema>;

/** The latest vote: while open only how many have pressed, never what. */
export const VotePayloadSchema = Type.Object({
  voteId: Nullable(Type.Integer()),
  title: Nullable(Type.String()),
  state: Nullable(
    Type.Union([
      Type.Literal('open'),
      Type.Literal('closed'),
      Type.Literal('announced'),
      Type.Literal('abandoned'),
    ]),
  ),
  present: Type.Integer(),
  pressed: Type.Integer(),
  /** Issue 14: how the ballots are taken (paper and hands: counted by people, not the seats). */
  method: Type.Optional(VoteMethodSchema),

  /** Issue 14: the series this vote is a subject of: its title, the subject, its place. */
  series: Type.Optional(
    Nullable(
      Type.Object({
        seriesId: Type.Integer(),
        title: Type.String(),
        index: Type.Integer(),
        count: Type.Integer(),
        subject: Type.String(),
      }),
    ),
  ),
  openedAt: Nullable(Type.String()),
  closesAt: Nullable(Type.String()),
  /** Issue 13: the current sitting's title (the hall display heads its screen with it). */
  sitting: Type.Optional(Nullable(Type.String())),
  /** Issue 13: the next agenda item not yet evaluated (the display between votes). */
  nextItem: Type.Optional(Nullable(Type.String())),
  /**
   * Issue 13, chair and secretariat namespaces only (never the display): the member seats that
   * have not pressed in the open vote, so the chair can call on them. Who pressed is not secret
   * (DOMAIN.md "Secrecy"); what they pressed is.
   */
  notPressed: Type.Optional(Type.Array(Type.String())),
});
export type VotePayload = Static<typeof VotePayloadSchema>;

/** What a corrected result shows beside its figures. */
export const ResultCorrectionSchema = Type.Object({
  /** The record corrected, and its outcome. */
  correctsSeq: Type.Integer(),
  previousOutcome: Nullable(Type.String()),
  reason: Type.String(),
  proposedBy: Nullable(Type.String()),
  confirmedBy: Nullable(Type.String()),
  /** 更正记录：更正第 N 号记录（原结果：…），理由：… */
  note: TextSchema,
});
export type ResultCorrection = Static<typeof ResultCorrectionSchema>;

/**
 * Issue 14: the words of the profile a result was decided under, so a screen shows any profile
 * (the secretariat's own too) from the result alone: the options in the profile's order, and the
 * outcomes best first (`profile.outcomes`) with whether each passes; the display colours an
 * outcome by `passed` and its place, never by its id. `excluded`: the option's ballots are left
 * out of the base (`excludeFromBase`, e.g. 弃权), drawn neutral. Public words of a public profile.
 */
export const ResultLabelsSchema = Type.Object({
  options: Type.Array(
    Type.Object({
      key: Type.String(),
      label: TextSchema,
      excluded: Type.Optional(Type.Boolean()),
    }),
  ),
  outcomes: Type.Array(
    Type.Object({ id: Type.String(), label: TextSchema, passed: Type.Boolean() }),
  ),
});
export type ResultLabels = Static<typeof ResultLabelsSchema>;

/** An announced result (public). Chair and secretariat also get it once the vote is closed. */
export const ResultPayloadSchema = Type.Object({
  voteId: Type.Integer(),
  title: Type.String(),
  ...TALLY_FIGURES,
  /** Issue 14: the option and outcome labels of the profile decided under (see above). */
  labels: Type.Optional(ResultLabelsSchema),
  /** Issue 14: how the ballots were taken (absent on older records: keypads). */
  method: Type.Optional(VoteMethodSchema),
  openedAt: Type.String(),
  closedAt: Type.String(),
  announcedAt: Nullable(Type.String()),
  /** The sealed record shown (announced results): its seq and short hash. */
  record: Type.Optional(Nullable(ChainHeadSchema)),
  /** When the record shown is a correction: what it replaces and why (every screen says so). */
  correction: Type.Optional(Nullable(ResultCorrectionSchema)),
  /** The latest sealed record of the hall's chain, so a chain cut short later can be noticed. */
  chainHead: Type.Optional(Nullable(ChainHeadSchema)),
  /**
   * How the outcome was decided (依据): chair and secretariat once closed, and everyone (the hall
   * display) once announced. Issue 13: in the pushed state too, so it survives a reload.
   */
  explanation: Type.Optional(TextSchema),
  /**
   * Issue 13: the announcement text the chair reads out (宣读稿), made from the result's figures
   * by `announcementText` (shared/src/records/announcement-text.ts): "本次测评应到…人，实到…人，
   * 满意…票，…，测评结果为…". Chair and secretariat, once closed.
   */
  announcementText: Type.Optional(TextSchema),
  /** The follow-up the outcome requires (chair and secretariat only). */
  followUp: Type.Optional(Type.Array(FollowUpSchema)),
});
export type ResultPayload = Static<typeof ResultPayloadSchema>;

export const BusHealthSchema = Type.Object({
  bus: Type.String(),
  kind: Type.String(),
  up: Type.Boolean(),
  reason: Nullable(Type.String()),
  seatsOnline: Type.Integer(),
  seatsTotal: Type.Integer(),
  stats: Type.Record(Type.String(), Type.Number(), { description: "the driver's counters" }),
  /**
   * Issue 13 "Technician": the line's counters, typed (the server maps each driver's own onto
   * them: server/src/hardware/line-health.ts). Good frames or lines received (帧数).
   */
  frames: Type.Optional(Type.Integer({ minimum: 0 })),
  /** Frames or lines dropped for a bad CRC or checksum (校验错误). */
  checksumErrors: Type.Optional(Type.Integer({ minimum: 0 })),
  /** Requests with no answer in time, or commands never confirmed (超时). */
  timeouts: Type.Optional(Type.Integer({ minimum: 0 })),
  /** Bytes thrown away while re-synchronising on the line (丢弃字节). */
  discardedBytes: Type.Optional(Type.Integer({ minimum: 0 })),
  /** Times the line was lost and opened again since the server started (重连). */
  reconnects: Type.Optional(Type.Integer({ minimum: 0 })),
  /** Resets reported on the line since the server started: seat units, or the wireless base. */
  resets: Type.Optional(Type.Integer({ minimum: 0 })),
  /** Seats of the line that are silent (offline). Technician namespace only; absent elsewhere. */
  silentSeats: Type.Optional(Type.Array(Type.String())),
  /** Seats of the line whose unit reported a reset since the server started. Technician only. */
  resetSeats: Type.Optional(Type.Array(Type.String())),
});
export type BusHealth = Static<typeof BusHealthSchema>;

/** Seat and bus health, for the technician (and a summary for the chair). */
/**
 * The hall's data store refuses writes (disk full, a read-only data directory: issue 15): no
 * press is acknowledged while this stands; the seats deliver theirs again once it clears.
 * `code` is SQLite's (SQLITE_FULL, SQLITE_READONLY, SQLITE_CANTOPEN…); `unsettled` counts the key
 * events refused since `since` (a count only: never a seat, never a choice).
 */
export const StorageFaultSchema = Type.Object({
  code: Type.String(),
  since: Type.String(),
  unsettled: Type.Integer({ minimum: 0 }),
});
export type StorageFault = Static<typeof StorageFaultSchema>;

export const HardwarePayloadSchema = Type.Object({
  buses: Type.Array(BusHealthSchema),
  seatsOnline: Type.Integer(),
  seatsTotal: Type.Integer(),
  /** Seats that are offline (technician namespace only; empty elsewhere). */
  offline: Type.Array(Type.String()),
  /** Null while every press commits; else why presses are not acknowledged now. */
  storage: Nullable(StorageFaultSchema),
});
export type HardwarePayload = Static<typeof HardwarePayloadSchema>;

/**
 * The sitting and the seat map (the consoles, never the display): the current sitting with its
 * agenda, or null before the first; every seat's occupant, online, checked in. Never a choice.
 */
export const SittingPayloadSchema = Type.Object({
  session: Nullable(SessionReply),
  seats: Type.Array(SeatView),
});
export type SittingPayload = Static<typeof SittingPayloadSchema>;

export interface ServerToClientEvents {
  attendance: (p: AttendancePayload) => void;
  vote: (p: VotePayload) => void;
  result: (p: ResultPayload | null) => void;
  hardware: (p: HardwarePayload) => void;
  sitting: (p: SittingPayload) => void;
}
