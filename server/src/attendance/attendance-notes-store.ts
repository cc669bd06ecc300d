import type { Db } from '../db/open-db';

/** A manual mark's note as stored (migration 004). */
export interface AttendanceNoteRow {
  memberId: string;
  present: boolean;
  reason: string;
  markedBy: string;
  markedAt: string;
}

/**
 * The SQL of `attendance_notes` (db/migrations/004-attendance-reasons.ts): the reason of the
 * latest manual attendance mark of each member in a sitting. About presence only, never a vote.
 */
export class AttendanceNotesStore {
  constructor(private readonly db: Db) {}

  put(sessionId: number, note: AttendanceNoteRow): void {
    this.db
      .prepare(
        `INSERT INTO attendance_notes (session_id, member_id, present, reason, marked_by, marked_at)
         VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (session_id, member_id) DO UPDATE SET present = excluded.present,
           reason = excluded.reason, marked_by = excluded.marked_by, marked_at = excluded.marked_at`,
      )
      .run(
        sessionId,
        note.memberId,
        note.present ? 1 : 0,
        note.reason,
        note.markedBy,
        note.markedAt,
      );
  }

  /** The notes of sitting `sessionId`, in member id order. */
  all(sessionId: number): AttendanceNoteRow[] {
    const rows = this.db
      .prepare(
        `SELECT member_id, present, reason, marked_by, marked_at FROM attendance_notes
         WHERE session_id = ? ORDER BY member_id`,
      )
      .all(sessionId) as {
      member_id: string;
      present: number;
      reason: string;
      marked_by: string;
      marked_at: string;
    }[];
    return rows.map((r) => ({
      memberId: r.member_id,
      present: r.present === 1,
      reason: r.reason,
      markedBy: r.marked_by,
      markedAt: r.marked_at,
    }));
  }
}
