import type { HallConfig } from '../config/hall-config';
import type { Db } from '../db/open-db';
import { notFound, refuse } from '../errors';
import type { RosterService } from '../roster/roster-service';
import type { SessionService } from '../sessions/session-service';
import { AttendanceNotesStore, type AttendanceNoteRow } from './attendance-notes-store';
import { AttendanceStore } from './attendance-store';
import type { Text } from '@hall/shared';
import { quorumMet, quorumNotMet, quorumRule } from './quorum';

/**
 * Issue 14: an evaluation meeting (seed 第二篇) has no committee quorum (the 议事规则 quorum is
 * the committee's, DOMAIN.md §3): the meeting issues one ballot to each evaluator present
 * (发放). A vote needs at least one evaluator present; nothing else is asked.
 */
export const EVALUATION_RULE: Text = {
  zh: '评议会议：向到会的评议人员发放选票（至少一人到会）',
  en: 'evaluation meeting: one ballot to each evaluator present (at least one present)',
};

export interface AttendanceSummary {
  sessionId: number | null;
  checkinOpen: boolean;
  members: number;
  present: number;
  observersPresent: number;
  quorumMet: boolean;
}

/**
 * Check-in and presence of the current sitting (DOMAIN.md step 2 and 3): seat presses in
 * check-in mode, manual marking by the secretariat, and presses during a vote (a member who
 * presses is evidently present). Rows exist for every roster entry (present = 0) before any is
 * marked, so marking is an in-place update (server/SECRECY.md).
 */
export class AttendanceService {
  private present = new Set<string>();
  private readonly store: AttendanceStore;

  constructor(
    private readonly db: Db,
    private readonly roster: RosterService,
    private readonly sessions: SessionService,
    private readonly config: HallConfig,
  ) {
    this.store = new AttendanceStore(db);
    this.reload();
  }

  reload(): void {
    const id = this.sessions.currentId();
    this.present = new Set();
    if (id === null) return;
    for (const memberId of this.store.presentIds(id)) this.present.add(memberId);
  }

  get checkinOpen(): boolean {
    return this.store.checkinOpen();
  }

  get checkinTag(): number {
    return this.store.checkinTag();
  }

  /** Create the rows of every roster entry for the current sitting (present = 0), in id order. */
  ensureRows(): void {
    const id = this.sessions.currentId();
    if (id === null) return;
    this.db.transaction(() => {
      this.store.insertAbsent(
        id,
        this.roster.all().map((e) => e.memberId),
      );
    })();
  }

  openCheckin(tag: number): void {
    this.sessions.requireCurrent();
    this.ensureRows();
    this.db.transaction(() => {
      this.store.setCheckinTag(tag);
      this.store.setCheckinOpen(true);
      const used = this.recentCheckinTags();
      this.store.setCheckinTags([...used.slice(-99), tag]);
    })();
  }

  closeCheckin(): void {
    if (!this.checkinOpen) throw refuse('CHECKIN_NOT_OPEN', '签到尚未开始 / check-in is not open');
    this.store.setCheckinOpen(false);
  }

  /** Tags recently used for check-in (never given to a vote). */
  recentCheckinTags(): number[] {
    return this.store.checkinTags();
  }

  isPresent(memberId: string): boolean {
    return this.present.has(memberId);
  }

  /** Mark presence; call inside the caller's transaction when it is part of a press. */
  setPresent(memberId: string, present: boolean, manual: boolean): void {
    const id = this.sessions.requireCurrent();
    this.store.setPresent(id, memberId, present, manual);
    if (present) this.present.add(memberId);
    else this.present.delete(memberId);
  }

  /**
   * The secretariat marks a member present or absent by hand (card forgotten, keypad broken);
   * `note` (the reason, who and when) is kept with the mark in the same transaction.
   */
  mark(
    memberId: string,
    present: boolean,
    note?: { reason: string; by: string; at: string },
  ): void {
    this.sessions.requireCurrent();
    if (!this.roster.byId(memberId)) {
      throw notFound(
        'UNKNOWN_MEMBER',
        `名单中没有人员 ${memberId} / member ${memberId} is not on the roster`,
      );
    }
    this.ensureRows();
    const id = this.sessions.requireCurrent();
    this.db.transaction(() => {
      this.setPresent(memberId, present, true);
      if (note) {
        new AttendanceNotesStore(this.db).put(id, {
          memberId,
          present,
          reason: note.reason,
          markedBy: note.by,
          markedAt: note.at,
        });
      }
    })();
  }

  /** The reasons of the current sitting's manual marks (the latest of each member). */
  manualNotes(): AttendanceNoteRow[] {
    const id = this.sessions.currentId();
    return id === null ? [] : new AttendanceNotesStore(this.db).all(id);
  }

  summary(): AttendanceSummary {
    const entries = this.roster.all();
    let members = 0;
    let present = 0;
    let observersPresent = 0;
    for (const e of entries) {
      const here = this.present.has(e.memberId);
      if (e.role === 'member') {
        members++;
        if (here) present++;
      } else if (here) observersPresent++;
    }
    return {
      sessionId: this.sessions.currentId(),
      checkinOpen: this.checkinOpen,
      members,
      present,
      observersPresent,
      quorumMet: this.roster.invited
        ? present > 0
        : quorumMet(this.config.quorum, present, members),
    };
  }

  /** The rule a vote's opening needs (the quorum, or an evaluation meeting's EVALUATION_RULE). */
  quorumRule(): Text {
    return this.roster.invited ? EVALUATION_RULE : quorumRule(this.config.quorum);
  }

  /** Why a vote cannot open now (the summary's `quorumMet` is false), one line, Chinese first. */
  quorumNotMetReason(): string {
    const a = this.summary();
    if (this.roster.invited) {
      return `评议会议尚无评议人员到会（评议人员 ${a.members} 人，到会 ${a.present} 人），无法发放选票 / no evaluator of the meeting is present (${a.present} of ${a.members}): no ballot can be issued`;
    }
    return quorumNotMet(this.config.quorum, a.present, a.members);
  }
}
