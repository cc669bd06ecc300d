import type { AnnouncedVote } from '../records/record-service';
import type { Profile } from '@hall/shared';
import type { AttendanceService } from '../attendance/attendance-service';
import { quorumNotMet } from '../attendance/quorum';
import type { HallConfig } from '../config/hall-config';
import type { Db } from '../db/open-db';
import { notFound, refuse } from '../errors';
import type { RosterService } from '../roster/roster-service';
import type { SessionService } from '../sessions/session-service';
import type { BallotKeyLog, BallotKeys } from './ballot-keys';
import { BallotSlots } from './ballot-slots';
import { CloseTimer } from './close-timer';
import { openVoteOf, openVoteRow, type OpenVote } from './open-vote';
import { freshTag } from './tags';
import { resultJson, type ResultJson } from './result-document';
import { announcementOf, requireClosed } from './vote-announcement';
import { hallProfile, supportedProfile } from './vote-profiles';
import {
  announcedAtOf,
  INVALID,
  insertOpenVote,
  latestAnnouncedVoteId,
  latestVoteId,
  latestVoteRow,
  pressedSeatCount,
  recentVoteTags,
  storeClosedVote,
  storedResultDocument,
  tallyOfRow,
  voteRowOf,
  type VoteRow,
  type VoteState,
} from './vote-store';

export { INVALID, supportedProfile, type OpenVote, type VoteState };

export interface VoteHooks {
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

export interface OpenVoteInput {
  title: string;
  profile: string;
  itemId?: number;
  durationSeconds?: number;
}

/**
 * The vote lifecycle (DOMAIN.md steps 4-6): open (quorum gate, a fresh tag, the profile fixed)
 * → closed (by the chair or the timer, which survives a restart) → announced (an immutable
 * result document). One vote is open at a time; every command refers to the latest vote.
 */
export class VoteService {
  private openVote: OpenVote | null = null;
  private readonly slots: BallotSlots;
  private readonly timer = new CloseTimer();
  hooks: VoteHooks = {
    mode: () => {},
    changed: () => {},
    flushPresses: () => {},
    announced: () => {},
  };

  constructor(
    private readonly db: Db,
    private readonly roster: RosterService,
    private readonly sessions: SessionService,
    private readonly attendance: AttendanceService,
    private readonly config: HallConfig,
    private readonly now: () => Date,
    ballotKeys: BallotKeys,
    log: BallotKeyLog,
    private readonly random?: (max: number) => number,
  ) {
    this.slots = new BallotSlots(db, ballotKeys, log);
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
    this.openVote = openVoteOf(this.db, row, profile);
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

  profileFor(id: string): Profile {
    return hallProfile(id);
  }

  open(input: OpenVoteInput): number {
    if (this.openVote) {
      throw refuse(
        'VOTE_OPEN',
        `测评 ${this.openVote.voteId} 正在进行，请先结束 / vote ${this.openVote.voteId} is still open; close it first`,
      );
    }
    const sessionId = this.sessions.requireCurrent();
    const profile = this.profileFor(input.profile);
    this.hooks.flushPresses(); // check-in presses still queued count before the quorum check
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
    const seats = this.roster
      .members()
      .map((m) => m.seat)
      .filter((s): s is string => s !== null)
      .sort();
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
    this.hooks.mode('open', tag);
    this.hooks.changed();
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
    this.db
      .prepare('UPDATE vote_seats SET pressed = 1 WHERE vote_id = ? AND seat = ?')
      .run(v.voteId, seat);
    this.slots.fill(v.voteId, v.profile, option);
    v.pressed.add(seat);
    if (!this.attendance.isPresent(memberId)) this.attendance.setPresent(memberId, true, false);
  }

  private latest(): VoteRow {
    const row = latestVoteRow(this.db);
    if (!row) throw notFound('NO_VOTE', '尚未开始任何测评 / no vote has been opened');
    return row;
  }

  private row(voteId: number): VoteRow {
    const row = voteRowOf(this.db, voteId);
    if (!row) throw notFound('NO_VOTE', `没有测评 ${voteId} / there is no vote ${voteId}`);
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

  statusOf(voteId: number) {
    const row = this.row(voteId);
    return { row, pressed: this.pressedCount(voteId) };
  }

  /** Close the open vote (the chair, or the timer) and return its result. */
  close(): ResultJson {
    const v = this.openVote;
    if (!v) {
      throw refuse(
        'NO_OPEN_VOTE',
        this.latestId() !== null
          ? '当前没有正在进行的测评 / no vote is open'
          : '尚未开始任何测评 / no vote has been opened',
      );
    }
    this.hooks.flushPresses();
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
    this.hooks.mode('closed', v.tag);
    this.hooks.changed();
    return this.result(v.voteId);
  }

  /** Announce the latest vote's result (当场公布) and store it as an immutable document. */
  announce(): ResultJson {
    const row = this.latest();
    if (row.state === 'open') {
      throw refuse(
        'VOTE_OPEN',
        `测评 ${row.vote_id} 仍在进行，请先结束 / vote ${row.vote_id} is still open`,
      );
    }
    if (row.state === 'announced') {
      throw refuse(
        'NOTHING_TO_ANNOUNCE',
        `没有可公布的测评结果（测评 ${row.vote_id} 已公布） / nothing closed to announce (vote ${row.vote_id} was announced)`,
      );
    }
    return this.announceVote(row.vote_id);
  }

  announceVote(voteId: number): ResultJson {
    const row = this.row(voteId);
    requireClosed(row);
    const { document, record } = announcementOf(
      this.db,
      this.config.hall,
      row,
      this.now().toISOString(),
    );
    // The announcement and its sealed record (the hook) commit together or not at all.
    this.db.transaction(() => {
      this.db.prepare(`UPDATE votes SET state = 'announced' WHERE vote_id = ?`).run(voteId);
      this.db
        .prepare('INSERT INTO results (vote_id, document) VALUES (?, ?)')
        .run(voteId, JSON.stringify(document));
      this.hooks.announced(record);
    })();
    if (!this.openVote) this.hooks.mode('idle', 0);
    this.hooks.changed();
    return this.result(voteId);
  }

  /** The result of a closed or announced vote; refused while it is open (no split while open). */
  result(voteId: number): ResultJson {
    const row = this.row(voteId);
    if (row.state === 'open') {
      throw refuse('VOTE_OPEN', `测评 ${voteId} 仍在进行 / vote ${voteId} is still open`);
    }
    const announcedAt = this.announcedAt(voteId);
    return resultJson(tallyOfRow(this.db, row), {
      voteId,
      title: row.title,
      openedAt: row.opened_at,
      closedAt: row.closed_at!,
      ...(announcedAt ? { announcedAt } : {}),
    });
  }

  /** The latest announced vote, or null: its sealed record is what the public screens show. */
  latestAnnouncedId(): number | null {
    return latestAnnouncedVoteId(this.db);
  }

  latestId(): number | null {
    return latestVoteId(this.db);
  }

  document(voteId: number): unknown {
    const document = storedResultDocument(this.db, voteId);
    if (document === undefined)
      throw notFound(
        'NOT_ANNOUNCED',
        `测评 ${voteId} 尚无公布的结果 / vote ${voteId} has no announced result`,
      );
    return JSON.parse(document);
  }

  private announcedAt(voteId: number): string | undefined {
    return announcedAtOf(this.db, voteId);
  }

  /** The hall mode the seats should show now (after a restart too). */
  currentMode(): { mode: 'idle' | 'checkin' | 'open' | 'closed'; tag: number } {
    if (this.openVote) return { mode: 'open', tag: this.openVote.tag };
    if (this.attendance.checkinOpen) return { mode: 'checkin', tag: this.attendance.checkinTag };
    const id = this.latestId();
    if (id !== null) {
      const row = this.row(id);
      if (row.state === 'closed') return { mode: 'closed', tag: row.tag };
    }
    return { mode: 'idle', tag: 0 };
  }
}
