import type { Profile } from '@hall/shared';
import type { AttendanceService } from '../attendance/attendance-service';
import { quorumNotMet } from '../attendance/quorum';
import type { HallConfig } from '../config/hall-config';
import type { Db } from '../db/open-db';
import { refuse } from '../errors';
import type { RosterService } from '../roster/roster-service';
import type { SessionService } from '../sessions/session-service';
import { BallotSlots } from './ballot-slots';
import { CloseTimer } from './close-timer';
import type { OpenVoteInput, VoteEvents, VoteServiceDeps } from './vote-ports';
import { openVoteOf, type OpenVote } from './open-vote';
import { freshTag } from './tags';
import { resultJson, type ResultJson } from './result-document';
import { announceClosed } from './vote-announcement';
import { hallProfile, supportedProfile } from './vote-profiles';
import { voteRefusal } from './vote-refusals';
import {
  announcedAtOf,
  INVALID,
  insertOpenVote,
  latestAnnouncedVoteId,
  latestVoteRow,
  markSeatPressed,
  openVoteRow,
  pressedSeatCount,
  pressedSeats,
  recentVoteTags,
  storeClosedVote,
  storedResultDocument,
  tallyOfRow,
  voteRowOf,
  type VoteRow,
  type VoteState,
} from './vote-store';

export { INVALID, supportedProfile, type OpenVote, type VoteState };
export type { OpenVoteInput, VoteEvents, VoteServiceDeps } from './vote-ports';

/**
 * The vote lifecycle (DOMAIN.md steps 4-6): open (quorum gate, a fresh tag, the profile fixed)
 * → closed (by the chair or the timer, which survives a restart) → announced (an immutable
 * result document). One vote is open at a time; every command refers to the latest vote.
 */
export class VoteService {
  private openVote: OpenVote | null = null;
  private readonly slots: BallotSlots;
  private readonly timer = new CloseTimer();
  private readonly db: Db;
  private readonly roster: RosterService;
  private readonly sessions: SessionService;
  private readonly attendance: AttendanceService;
  private readonly config: HallConfig;
  private readonly now: () => Date;
  private readonly events: VoteEvents;
  private readonly random: ((max: number) => number) | undefined;

  constructor(deps: VoteServiceDeps) {
    this.db = deps.db;
    this.roster = deps.roster;
    this.sessions = deps.sessions;
    this.attendance = deps.attendance;
    this.config = deps.config;
    this.now = deps.now;
    this.events = deps.events;
    this.random = deps.random;
    this.slots = new BallotSlots(this.db, deps.ballotKeys, deps.log);
    this.reloadOpen();
    // A crash between a close's commit and its key's removal, or between writing a new key and
    // the opening's commit, leaves a key no open vote needs: destroy it now.
    this.slots.sweepKeys();
  }

  get current(): OpenVote | null {
    return this.openVote;
  }

  /**
   * Load the open vote from the database (at start, and after a failed press commit): the
   * pressed seats, and the empty slots, found by opening every box with the vote's key from
   * HALL_KEY_DIR (a restart after a crash needs nobody to bring it).
   */
  reloadOpen(): void {
    const row = openVoteRow(this.db);
    if (!row) {
      this.openVote = null;
      this.slots.drop();
      return;
    }
    const profile = JSON.parse(row.profile_json) as Profile;
    this.slots.load(row, profile);
    this.openVote = openVoteOf(row, profile, pressedSeats(this.db, row.vote_id));
  }

  /** Forget the open vote's key in memory (at close, and when the hall stops). */
  dropKey(): void {
    this.slots.drop();
  }

  /** After a restart: re-arm the timer of the open vote, or close it if its time has passed. */
  resumeTimer(): void {
    const v = this.openVote;
    if (!v?.closesAt) return;
    this.armTimer(v.voteId, new Date(v.closesAt).getTime() - this.now().getTime());
  }

  private armTimer(voteId: number, ms: number): void {
    this.timer.arm(ms, () => {
      if (this.openVote?.voteId === voteId) this.close();
    });
  }

  stop(): void {
    this.timer.clear();
  }

  recentTags(): number[] {
    return recentVoteTags(this.db, this.config.voteTagHistory);
  }

  open(input: OpenVoteInput): number {
    if (this.openVote) throw voteRefusal.stillOpenOnOpen(this.openVote.voteId);
    const sessionId = this.sessions.requireCurrent();
    const profile = hallProfile(input.profile);
    this.events.flushPresses(); // check-in presses still queued count before the quorum check
    const item = input.itemId === undefined ? null : this.sessions.item(input.itemId);
    const a = this.attendance.summary();
    if (!a.quorumMet) {
      throw refuse('NO_QUORUM', quorumNotMet(this.config.quorum, a.present, a.members));
    }
    const tag = freshTag(
      [...this.recentTags(), ...this.attendance.recentCheckinTags(), this.attendance.checkinTag],
      this.random,
    );
    const openedAt = this.now().toISOString();
    const closesAt = input.durationSeconds
      ? new Date(this.now().getTime() + input.durationSeconds * 1000).toISOString()
      : null;
    const seats = this.roster.memberSeats();
    if (this.attendance.checkinOpen) this.attendance.closeCheckin();
    this.attendance.ensureRows();
    // The ballot key is on disk (HALL_KEY_DIR, fsynced) before the opening commits: a vote that
    // exists always has its key. A key whose opening never committed is destroyed at next start.
    // One transaction: the vote, its seats, and one slot per member seat (BallotSlots.open).
    const voteId = this.slots.open(seats.length, (ballotKeyId) =>
      insertOpenVote(
        this.db,
        {
          sessionId,
          itemId: item?.itemId ?? null,
          title: input.title,
          profile,
          tag,
          members: a.members,
          openedAt,
          closesAt,
          ballotKeyId,
        },
        seats,
      ),
    );
    this.reloadOpen();
    if (closesAt) this.armTimer(voteId, input.durationSeconds! * 1000);
    this.events.mode('open', tag);
    this.events.changed();
    return voteId;
  }

  /**
   * Record one accepted ballot of the open vote. Call only inside the press transaction (if it
   * fails, `reloadOpen` puts memory back as the database is). What it writes does not depend on
   * the choice: the seat's `pressed` 0 → 1, and a RANDOM empty slot's box overwritten by a box
   * of the same length under a fresh nonce. No counter, nothing else.
   */
  recordBallot(seat: string, memberId: string, option: string): void {
    const v = this.openVote!;
    this.slots.requireFreeSlot(v.voteId);
    markSeatPressed(this.db, v.voteId, seat);
    this.slots.fill(v.voteId, v.profile, option);
    v.pressed.add(seat);
    if (!this.attendance.isPresent(memberId)) this.attendance.setPresent(memberId, true, false);
  }

  /** The latest vote's row (the one every command refers to), or null if none was opened. */
  latestRow(): VoteRow | null {
    return latestVoteRow(this.db) ?? null;
  }

  private latest(): VoteRow {
    const row = this.latestRow();
    if (!row) throw voteRefusal.noVoteYet();
    return row;
  }

  private row(voteId: number): VoteRow {
    const row = voteRowOf(this.db, voteId);
    if (!row) throw voteRefusal.noSuchVote(voteId);
    return row;
  }

  private pressedCount(voteId: number): number {
    if (this.openVote?.voteId === voteId) return this.openVote.pressed.size;
    return pressedSeatCount(this.db, voteId);
  }

  /** `vote status`: no split while open, only how many have pressed. */
  status(): { voteId: number; state: VoteState; present: number; pressed: number } {
    const row = this.latest();
    const present =
      row.state === 'open' ? this.attendance.summary().present : (row.present_at_close ?? 0);
    return {
      voteId: row.vote_id,
      state: row.state,
      present,
      pressed: this.pressedCount(row.vote_id),
    };
  }

  /** The latest vote's row and how many pressed (one read), or null if none was opened. */
  latestStatus(): { row: VoteRow; pressed: number } | null {
    const row = this.latestRow();
    return row ? { row, pressed: this.pressedCount(row.vote_id) } : null;
  }

  /** Close the open vote (the chair, or the timer) and return its result. */
  close(): ResultJson {
    const v = this.openVote;
    if (!v) throw voteRefusal.noOpenVote(this.latestId() !== null);
    this.events.flushPresses();
    const present = this.attendance.summary().present;
    const keyId = this.slots.requireKey(v.voteId);
    // One transaction: open the boxes, write the counts, delete the slots (secure_delete zeroes
    // them). Only once that is durable is the key destroyed; a crash in between leaves a key no
    // open vote needs, which the next start destroys.
    this.db.transaction(() => {
      const counts = this.slots.count(v.voteId, v.profile);
      storeClosedVote(this.db, v.voteId, this.now().toISOString(), present, counts);
      this.slots.deleteSlots(v.voteId);
    })();
    this.slots.destroyKey(keyId);
    this.timer.clear();
    this.openVote = null;
    this.events.mode('closed', v.tag);
    this.events.changed();
    return this.result(v.voteId);
  }

  /** Announce the latest vote's result (当场公布) and store it as an immutable document. */
  announce(): ResultJson {
    const row = this.latest();
    if (row.state === 'open') throw voteRefusal.stillOpen(row.vote_id);
    if (row.state === 'announced') throw voteRefusal.alreadyAnnounced(row.vote_id);
    return this.announceRow(row);
  }

  /** Announce a closed vote from its row, read once (vote-announcement.ts `announceClosed`). */
  private announceRow(row: VoteRow): ResultJson {
    const announcedAt = this.now().toISOString();
    const r = announceClosed(this.db, this.config.hall, row, announcedAt, (v) =>
      this.events.announced(v),
    );
    if (!this.openVote) this.events.mode('idle', 0);
    this.events.changed();
    return resultJson(r, row, announcedAt);
  }

  /** The result of a closed or announced vote; refused while it is open (no split while open). */
  result(voteId: number): ResultJson {
    const row = this.row(voteId);
    if (row.state === 'open') throw voteRefusal.stillOpen(voteId);
    return resultJson(tallyOfRow(this.db, row), row, announcedAtOf(this.db, voteId));
  }

  /** The latest announced vote, or null: its sealed record is what the public screens show. */
  latestAnnouncedId(): number | null {
    return latestAnnouncedVoteId(this.db);
  }

  latestId(): number | null {
    return this.latestRow()?.vote_id ?? null;
  }

  document(voteId: number): unknown {
    const document = storedResultDocument(this.db, voteId);
    if (document === undefined) throw voteRefusal.notAnnounced(voteId);
    return JSON.parse(document);
  }

  /** The hall mode the seats should show now (after a restart too). */
  currentMode(): { mode: 'idle' | 'checkin' | 'open' | 'closed'; tag: number } {
    if (this.openVote) return { mode: 'open', tag: this.openVote.tag };
    if (this.attendance.checkinOpen) return { mode: 'checkin', tag: this.attendance.checkinTag };
    const row = this.latestRow();
    if (row?.state === 'closed') return { mode: 'closed', tag: row.tag };
    return { mode: 'idle', tag: 0 };
  }
}
