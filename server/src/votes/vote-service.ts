import type { AbandonReply, Profile } from '@hall/shared';
import type { Static } from '@sinclair/typebox';
import type { AttendanceService } from '../attendance/attendance-service';
import type { HallConfig } from '../config/hall-config';
import type { Db } from '../db/open-db';
import { refuse, ServiceError } from '../errors';
import type { RosterService } from '../roster/roster-service';
import type { SessionService } from '../sessions/session-service';
import { abandonedRefusal, abandonReason, openingFacts } from './abandon';
import { storeAbandoned } from './abandon-store';
import { BallotSlots } from './ballot-slots';
import type { BallotKeyLog } from './ballot-keys';
import { HandCounts } from './hand-counts';
import { deleteHandCounts, handBallots } from './hand-counts-store';
import { CloseTimer } from './close-timer';
import type {
  OpenVoteInput,
  ProfileResolver,
  SeatKeyCount,
  VoteEvents,
  VoteServiceDeps,
} from './vote-ports';
import { openVoteOf, type OpenVote } from './open-vote';
import { freshTag } from './tags';
import { resultJson, type ResultJson } from './result-document';
import { announceClosed } from './vote-announcement';
import { BUILT_IN_PROFILES, supportedProfile } from './vote-profiles';
import { seatKeysRefusal } from './seat-keys';
import { voteRefusal } from './vote-refusals';
import { voteStatusOf, type VoteStatus } from './vote-status';
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
  type NewVote,
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
  /** Issue 14: the counts of a paper or hands vote, entered and confirmed by hand. */
  readonly hand: HandCounts;
  private readonly log: BallotKeyLog;
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
  private readonly profiles: ProfileResolver;
  readonly seatKeys: SeatKeyCount;

  constructor(deps: VoteServiceDeps) {
    this.db = deps.db;
    this.roster = deps.roster;
    this.sessions = deps.sessions;
    this.attendance = deps.attendance;
    this.config = deps.config;
    this.now = deps.now;
    this.events = deps.events;
    this.random = deps.random;
    this.profiles = deps.profiles ?? BUILT_IN_PROFILES;
    this.seatKeys = deps.seatKeys ?? (() => undefined);
    this.slots = new BallotSlots(this.db, deps.ballotKeys, deps.log);
    this.log = deps.log;
    this.hand = new HandCounts(
      this.db,
      () => this.openVote,
      () => this.latestRow(),
      () => this.attendance.summary().present,
      this.now,
      () => this.events.changed(),
    );
    this.reloadOpen();
    // A crash between a close's commit and its key's removal, or between writing a new key and
    // the opening's commit, leaves a key no open vote needs: destroy it now.
    this.slots.sweepKeys();
  }

  /** The open vote, however its ballots are taken (every "a vote is open" gate asks this). */
  get current(): OpenVote | null {
    return this.openVote;
  }

  /**
   * The open vote if its ballots are taken at the seats, or null: what the press handler and
   * the seat terminals accept ballots for. A paper or hands vote takes none (issue 14).
   */
  get keypadVote(): OpenVote | null {
    return this.openVote?.method === 'keypads' ? this.openVote : null;
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
    if (row.method !== 'keypads') {
      // A paper or hands vote has no key and no slots (its null ballot_key_id is not version 1's).
      this.slots.drop();
      this.openVote = openVoteOf(row, profile, []);
      return;
    }
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
      if (this.openVote?.voteId !== voteId) return;
      // A paper or hands vote whose time is up closes only with its counts confirmed by a
      // second person (hand-counts.ts). Without them it stays OPEN and this is logged: the chair
      // closes it once the counts are confirmed. A timer never decides a count nobody confirmed.
      try {
        this.close();
      } catch (err) {
        if (!(err instanceof ServiceError)) throw err;
        this.log.warn(
          { voteId, code: err.code },
          'the time of a hand-counted vote is up but its counts are not confirmed: it stays open',
        );
      }
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
    const { profile, itemId, series } = openingFacts(this.db, input, sessionId, (ref) =>
      supportedProfile(this.profiles.resolve(ref)),
    );
    const method = input.method ?? 'keypads';
    this.events.flushPresses(); // check-in presses still queued count before the quorum check
    const item = itemId === undefined ? null : this.sessions.item(itemId);
    const a = this.attendance.summary();
    if (!a.quorumMet) {
      throw refuse('NO_QUORUM', this.attendance.quorumNotMetReason()); // evaluation: issue 14
    }
    const tag = freshTag(
      [...this.recentTags(), ...this.attendance.recentCheckinTags(), this.attendance.checkinTag],
      this.random,
    );
    const openedAt = this.now().toISOString();
    const closesAt = input.durationSeconds
      ? new Date(this.now().getTime() + input.durationSeconds * 1000).toISOString()
      : null;
    const newVote = (ballotKeyId: string | null) => ({
      sessionId,
      itemId: item?.itemId ?? null,
      title: input.title,
      profile,
      tag,
      members: a.members,
      openedAt,
      closesAt,
      ballotKeyId,
      method,
      seriesId: series?.seriesId ?? null,
      seriesIndex: series?.index ?? null,
      retakeOf: input.retakeOf ?? null,
    });
    if (method !== 'keypads') return this.openByHand(newVote(null), input.durationSeconds);
    const seats = this.roster.memberSeats();
    const lacking = seatKeysRefusal(profile, seats, this.seatKeys); // issue 14: seats show it
    if (lacking) throw lacking;
    if (this.attendance.checkinOpen) this.attendance.closeCheckin();
    this.attendance.ensureRows();
    // The ballot key is on disk (HALL_KEY_DIR, fsynced) before the opening commits: a vote that
    // exists always has its key. A key whose opening never committed is destroyed at next start.
    // One transaction: the vote, its seats, and one slot per member seat (BallotSlots.open).
    const voteId = this.slots.open(seats.length, (ballotKeyId) =>
      insertOpenVote(this.db, newVote(ballotKeyId), seats),
    );
    this.reloadOpen();
    if (closesAt) this.armTimer(voteId, input.durationSeconds! * 1000);
    this.events.mode('open', tag);
    this.events.changed();
    return voteId;
  }

  /**
   * Open a paper or hands vote (议事规则: the fallback when the equipment fails): no seat is
   * used, so no ballot key, no slots, no `vote_seats` rows, and the seats never get its mode
   * (they are set to idle: a check-in still open is closed, a closed vote's lamps end). The
   * quorum gate and the fresh tag were the same as a keypad vote's.
   */
  private openByHand(v: NewVote, durationSeconds: number | undefined): number {
    if (this.attendance.checkinOpen) this.attendance.closeCheckin();
    this.attendance.ensureRows();
    const voteId = this.db.transaction(() => insertOpenVote(this.db, v, []))();
    this.reloadOpen();
    if (durationSeconds) this.armTimer(voteId, durationSeconds * 1000);
    // Never 'open': a seat shows nothing to press (a check-in's, or a closed vote's, mode ends).
    this.events.mode('idle', 0);
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
    if (v.method !== 'keypads') throw new Error(`vote ${v.voteId} takes no seat ballot`);
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

  /** Seats whose ballot was accepted; for a paper or hands vote, the ballots counted by hand. */
  private pressedCount(row: VoteRow): number {
    if (row.method !== 'keypads') return handBallots(this.db, row.vote_id);
    if (this.openVote?.voteId === row.vote_id) return this.openVote.pressed.size;
    return pressedSeatCount(this.db, row.vote_id);
  }

  /** `vote status`: no split while open, only how many have pressed. */
  status(): VoteStatus {
    const row = this.latest();
    const present =
      row.state === 'open' ? this.attendance.summary().present : (row.present_at_close ?? 0);
    return voteStatusOf(row, present, this.pressedCount(row));
  }

  /** The latest vote's row and how many pressed (one read), or null if none was opened. */
  latestStatus(): { row: VoteRow; pressed: number } | null {
    const row = this.latestRow();
    return row ? { row, pressed: this.pressedCount(row) } : null;
  }

  /** Close the open vote (the chair, or the timer) and return its result. */
  close(): ResultJson {
    const v = this.openVote;
    if (!v) throw voteRefusal.noOpenVote(this.latestId() !== null);
    if (v.method !== 'keypads') return this.closeByHand(v);
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
    const result = this.result(v.voteId);
    this.events.settled?.(v.voteId, 'closed');
    return result;
  }

  /**
   * Close a paper or hands vote: its counts, confirmed by a second person, are written to
   * `vote_counts` like a keypad close's, with the present at close. The seats were never used:
   * they stay idle.
   */
  private closeByHand(v: OpenVote): ResultJson {
    const present = this.attendance.summary().present;
    const row = this.latest();
    const counts = this.hand.countsToClose(v, row.members);
    this.db.transaction(() => {
      storeClosedVote(this.db, v.voteId, this.now().toISOString(), present, counts);
    })();
    this.timer.clear();
    this.openVote = null;
    this.events.changed();
    const result = this.result(v.voteId);
    this.events.settled?.(v.voteId, 'closed');
    return result;
  }

  /**
   * Abandon the open vote (any method; issue 14: the equipment failed), with the reason. Its
   * ballots are destroyed UNREAD exactly as a close destroys them (slots deleted under
   * secure_delete in the transaction, then the key destroyed), and NO count is written: an
   * abandoned vote's partial split is never computed, stored or shown (a hand vote's entered
   * counts are deleted too). The seats go back to idle. It may then be retaken (`--retake`).
   */
  abandon(reasonText: string): Static<typeof AbandonReply> {
    const v = this.openVote;
    if (!v) throw voteRefusal.noOpenVote(this.latestId() !== null);
    const reason = abandonReason(reasonText);
    this.events.flushPresses();
    const keyId = v.method === 'keypads' ? this.slots.requireKey(v.voteId) : null;
    const abandonedAt = this.now().toISOString();
    this.db.transaction(() => {
      storeAbandoned(this.db, v.voteId, abandonedAt, reason);
      if (keyId !== null) this.slots.deleteSlots(v.voteId);
      deleteHandCounts(this.db, v.voteId);
    })();
    if (keyId !== null) this.slots.destroyKey(keyId);
    this.timer.clear();
    this.openVote = null;
    if (v.method === 'keypads') this.events.mode('idle', 0);
    this.events.changed();
    this.events.settled?.(v.voteId, 'abandoned');
    return { voteId: v.voteId, state: 'abandoned', reason, abandonedAt };
  }

  /** Announce the latest vote's result (当场公布) and store it as an immutable document. */
  announce(): ResultJson {
    const row = this.latest();
    if (row.state === 'abandoned') throw abandonedRefusal(row);
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
    const result = resultJson(r, row, announcedAt);
    this.events.settled?.(row.vote_id, 'announced');
    return result;
  }

  /** The result of a closed or announced vote; refused while it is open (no split while open). */
  result(voteId: number): ResultJson {
    const row = this.row(voteId);
    if (row.state === 'open') throw voteRefusal.stillOpen(voteId);
    if (row.state === 'abandoned') throw abandonedRefusal(row);
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
    const row = voteRowOf(this.db, voteId);
    if (row?.state === 'abandoned') throw abandonedRefusal(row);
    const document = storedResultDocument(this.db, voteId);
    if (document === undefined) throw voteRefusal.notAnnounced(voteId);
    return JSON.parse(document);
  }

  /** The hall mode the seats should show now (after a restart too). */
  currentMode(): { mode: 'idle' | 'checkin' | 'open' | 'closed'; tag: number } {
    // A paper or hands vote never puts the seats into its mode: they stay idle (issue 14).
    if (this.openVote) {
      return this.openVote.method === 'keypads'
        ? { mode: 'open', tag: this.openVote.tag }
        : { mode: 'idle', tag: 0 };
    }
    if (this.attendance.checkinOpen) return { mode: 'checkin', tag: this.attendance.checkinTag };
    const row = this.latestRow();
    if (row?.state === 'closed' && row.method === 'keypads')
      return { mode: 'closed', tag: row.tag };
    return { mode: 'idle', tag: 0 };
  }
}
