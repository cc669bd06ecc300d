import type { HallConfig } from '../config/hall-config';
import type { Db } from '../db/open-db';
import { getMeta, setMeta } from '../db/open-db';
import { notFound, refuse } from '../errors';
import type { RosterService } from '../roster/roster-service';
import type { SessionService } from '../sessions/session-service';
import { quorumMet } from './quorum';

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

  constructor(
    private readonly db: Db,
    private readonly roster: RosterService,
    private readonly sessions: SessionService,
    private readonly config: HallConfig,
  ) {
    this.reload();
  }

  reload(): void {
    const id = this.sessions.currentId();
    this.present = new Set();
    if (id === null) return;
    const rows = this.db
      .prepare('SELECT member_id FROM attendance WHERE session_id = ? AND present = 1')
      .all(id) as { member_id: string }[];
    for (const r of rows) this.present.add(r.member_id);
  }

  get checkinOpen(): boolean {
    return getMeta(this.db, 'checkin_open') === '1';
  }

  get checkinTag(): number {
    return Number(getMeta(this.db, 'checkin_tag') ?? '0');
  }

  /** Create the rows of every roster entry for the current sitting (present = 0), in id order. */
  ensureRows(): void {
    const id = this.sessions.currentId();
    if (id === null) return;
    const insert = this.db.prepare(
      'INSERT OR IGNORE INTO attendance (session_id, member_id, present, manual) VALUES (?, ?, 0, 0)',
    );
    this.db.transaction(() => {
      for (const e of this.roster.all()) insert.run(id, e.memberId);
    })();
  }

  openCheckin(tag: number): void {
    this.sessions.requireCurrent();
    this.ensureRows();
    this.db.transaction(() => {
      setMeta(this.db, 'checkin_tag', String(tag));
      setMeta(this.db, 'checkin_open', '1');
      const used = this.recentCheckinTags();
      setMeta(this.db, 'checkin_tags', JSON.stringify([...used.slice(-99), tag]));
    })();
  }

  closeCheckin(): void {
    if (!this.checkinOpen) throw refuse('CHECKIN_NOT_OPEN', '签到尚未开始 / check-in is not open');
    setMeta(this.db, 'checkin_open', '0');
  }

  /** Tags recently used for check-in (never given to a vote). */
  recentCheckinTags(): number[] {
    return JSON.parse(getMeta(this.db, 'checkin_tags') ?? '[]') as number[];
  }

  isPresent(memberId: string): boolean {
    return this.present.has(memberId);
  }

  /** Mark presence; call inside the caller's transaction when it is part of a press. */
  setPresent(memberId: string, present: boolean, manual: boolean): void {
    const id = this.sessions.requireCurrent();
    this.db
      .prepare(
        `INSERT INTO attendance (session_id, member_id, present, manual) VALUES (?, ?, ?, ?)
         ON CONFLICT (session_id, member_id) DO UPDATE SET present = excluded.present,
           manual = excluded.manual`,
      )
      .run(id, memberId, present ? 1 : 0, manual ? 1 : 0);
    if (present) this.present.add(memberId);
    else this.present.delete(memberId);
  }

  /** The secretariat marks a member present or absent by hand (card forgotten, keypad broken). */
  mark(memberId: string, present: boolean): void {
    this.sessions.requireCurrent();
    if (!this.roster.byId(memberId)) {
      throw notFound(
        'UNKNOWN_MEMBER',
        `名单中没有人员 ${memberId} / member ${memberId} is not on the roster`,
      );
    }
    this.ensureRows();
    this.setPresent(memberId, present, true);
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
      quorumMet: quorumMet(this.config.quorum, present, members),
    };
  }
}
