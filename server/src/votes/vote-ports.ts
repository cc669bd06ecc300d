import type { Profile } from '@hall/shared';
import type { Db } from '../db/open-db';
import type { AttendanceService } from '../attendance/attendance-service';
import type { HallConfig } from '../config/hall-config';
import type { AnnouncedVote } from '../records/record-service';
import type { RosterService } from '../roster/roster-service';
import type { SessionService } from '../sessions/session-service';
import type { BallotKeyLog, BallotKeys } from './ballot-keys';

/** What the vote service tells the rest of the hall (given at construction, never swapped). */
export interface VoteEvents {
  /** The hall's mode changed: put every seat into it (SEAT-PROTOCOLS.md §3). */
  mode(mode: 'idle' | 'open' | 'closed', tag: number): void;
  /** Something visible changed (press count, state, result). */
  changed(): void;
  /** Commit every press still waiting, before the vote closes. */
  flushPresses(): void;
  /**
   * A result is being announced: seal its record. Called INSIDE the announcing transaction, so
   * the announcement and its signed record commit together or not at all.
   */
  announced(v: AnnouncedVote): void;
  /**
   * Issue 14: a vote was closed (by the chair or its timer) or announced, AFTER its transaction
   * committed (series/series-service.ts advances an auto-advancing series from here). Optional.
   */
  settled?(voteId: number, state: 'closed' | 'announced' | 'abandoned'): void;
}

/** Issue 14: where a vote's profile comes from (profiles/profile-library.ts). */
export interface ProfileResolver {
  /**
   * The profile `ref` names (a built-in id, the hall's own id at its latest version) or is (a
   * whole document, validated): refused with the reason (unknown id, problems by JSON path).
   */
  resolve(ref: string | Record<string, unknown>): Profile;
}

/**
 * Issue 14: how many keys a seat's unit has (UNIT_INFO / $HELLO, else the bus's configured
 * `keys`), or undefined when unknown (hardware/hall-hardware.ts).
 */
export type SeatKeyCount = (seat: string) => number | undefined;

/** What the vote service is built from (hall.ts assembles it once). */
export interface VoteServiceDeps {
  db: Db;
  roster: RosterService;
  sessions: SessionService;
  attendance: AttendanceService;
  config: HallConfig;
  now: () => Date;
  ballotKeys: BallotKeys;
  log: BallotKeyLog;
  events: VoteEvents;
  /** Source of tags (tests make it deterministic); default crypto.randomInt. */
  random?: (max: number) => number;
  /** Issue 14: default the built-in profiles only (vote-profiles.ts). */
  profiles?: ProfileResolver;
  /** Issue 14: default every seat unknown (no refusal for key counts). */
  seatKeys?: SeatKeyCount;
}

export interface OpenVoteInput {
  title: string;
  /**
   * A profile id (built-in or the hall's own, latest version) or a whole profile document.
   * Omitted only for a retake, which takes the abandoned vote's profile.
   */
  profile?: string | Record<string, unknown>;
  /** How the ballots are taken; default keypads (paper and hands use no seat). */
  method?: 'keypads' | 'paper' | 'hands';
  itemId?: number;
  durationSeconds?: number;
  /** A subject of a series (series/series-service.ts opens it), 1-based index. */
  series?: { seriesId: number; index: number };
  /** The abandoned vote this one retakes (by hand). */
  retakeOf?: number;
}
