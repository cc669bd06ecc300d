import type { Text } from '../i18n';
import type { ChainHead } from '../records/record';

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
} as const;

/** 应到 / 实到 and the quorum gate; observers are counted apart and never in `present`. */
export interface AttendancePayload {
  sessionId: number | null;
  checkinOpen: boolean;
  members: number;
  present: number;
  observersPresent: number;
  quorumMet: boolean;
  /** The quorum rule in words, e.g. 全体组成人员过半数. */
  quorumRule: Text;
}

/** The latest vote: while open only how many have pressed, never what. */
export interface VotePayload {
  voteId: number | null;
  title: string | null;
  state: 'open' | 'closed' | 'announced' | null;
  present: number;
  pressed: number;
  openedAt: string | null;
  closesAt: string | null;
}

/** An announced result (public). Chair and secretariat also get it once the vote is closed. */
export interface ResultPayload {
  voteId: number;
  title: string;
  profile: string;
  outcome: string;
  members: number;
  present: number;
  valid: number;
  invalid: number;
  notVoted: number;
  counts: Record<string, number>;
  openedAt: string;
  closedAt: string;
  announcedAt: string | null;
  /** The sealed record shown (announced results): its seq and short hash. */
  record?: ChainHead | null;
  /** When the record shown is a correction: what it replaces and why (every screen says so). */
  correction?: ResultCorrection | null;
  /** The latest sealed record of the hall's chain, so a chain cut short later can be noticed. */
  chainHead?: ChainHead | null;
}

/** What a corrected result shows beside its figures. */
export interface ResultCorrection {
  /** The record corrected, and its outcome. */
  correctsSeq: number;
  previousOutcome: string | null;
  reason: string;
  proposedBy: string | null;
  confirmedBy: string | null;
  /** 更正记录：更正第 N 号记录（原结果：…），理由：… */
  note: Text;
}

export interface BusHealth {
  bus: string;
  kind: string;
  up: boolean;
  reason: string | null;
  seatsOnline: number;
  seatsTotal: number;
  stats: Record<string, number>;
}

/** Seat and bus health, for the technician (and a summary for the chair). */
export interface HardwarePayload {
  buses: BusHealth[];
  seatsOnline: number;
  seatsTotal: number;
  /** Seats that are offline (technician namespace only; empty elsewhere). */
  offline: string[];
}

export interface ServerToClientEvents {
  attendance: (p: AttendancePayload) => void;
  vote: (p: VotePayload) => void;
  result: (p: ResultPayload | null) => void;
  hardware: (p: HardwarePayload) => void;
}
