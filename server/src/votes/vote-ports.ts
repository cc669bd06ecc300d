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
}

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
}

export interface OpenVoteInput {
  title: string;
  profile: string;
  itemId?: number;
  durationSeconds?: number;
}
