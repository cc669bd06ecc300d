import type { Migration } from '../migrations';

/**
 * Issue 13 "Secretariat": the reason of a manual attendance mark.
 *
 * - `attendance_notes (session_id, member_id, present, reason, marked_by, marked_at)`: the latest
 *   manual mark of a member in a sitting (one row per member and sitting, replaced by a later
 *   mark), with the reason the secretariat gave, who marked and when (ISO 8601 UTC).
 *
 * Secrecy (server/SECRECY.md): the table is about presence only, like `attendance`. It is written
 * by a secretariat's request, never by a seat press, and holds no vote id, option or ballot: the
 * time is that of the secretariat's action, not of any press. A mark while a vote is open can
 * only make a member present (absent is refused), as `attendance` already shows.
 *
 * Safe to run on a file that already has it.
 */
export const attendanceReasonsMigration: Migration = {
  version: 4,
  name: 'reasons of manual attendance marks',
  up(db) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS attendance_notes (
        session_id INTEGER NOT NULL,
        member_id TEXT NOT NULL,
        present INTEGER NOT NULL CHECK (present IN (0, 1)),
        reason TEXT NOT NULL,
        marked_by TEXT NOT NULL,
        marked_at TEXT NOT NULL,
        PRIMARY KEY (session_id, member_id)
      ) WITHOUT ROWID;
    `);
  },
};
