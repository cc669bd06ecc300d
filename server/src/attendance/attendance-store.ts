import type { Db } from '../db/open-db';
import { getMeta, setMeta } from '../db/open-db';

/**
 * The SQL of attendance (db/schema.ts `attendance`) and the check-in state kept in `meta`
 * (`checkin_open`, `checkin_tag`, `checkin_tags`). The attendance service decides and sequences.
 */
export class AttendanceStore {
  constructor(private readonly db: Db) {}

  /** The members marked present in sitting `sessionId`. */
  presentIds(sessionId: number): string[] {
    const rows = this.db
      .prepare('SELECT member_id FROM attendance WHERE session_id = ? AND present = 1')
      .all(sessionId) as { member_id: string }[];
    return rows.map((r) => r.member_id);
  }

  /** Create a row (present = 0) for each member id not yet in the sitting, in the given order. */
  insertAbsent(sessionId: number, memberIds: Iterable<string>): void {
    const insert = this.db.prepare(
      'INSERT OR IGNORE INTO attendance (session_id, member_id, present, manual) VALUES (?, ?, 0, 0)',
    );
    for (const memberId of memberIds) insert.run(sessionId, memberId);
  }

  setPresent(sessionId: number, memberId: string, present: boolean, manual: boolean): void {
    this.db
      .prepare(
        `INSERT INTO attendance (session_id, member_id, present, manual) VALUES (?, ?, ?, ?)
         ON CONFLICT (session_id, member_id) DO UPDATE SET present = excluded.present,
           manual = excluded.manual`,
      )
      .run(sessionId, memberId, present ? 1 : 0, manual ? 1 : 0);
  }

  checkinOpen(): boolean {
    return getMeta(this.db, 'checkin_open') === '1';
  }

  setCheckinOpen(open: boolean): void {
    setMeta(this.db, 'checkin_open', open ? '1' : '0');
  }

  checkinTag(): number {
    return Number(getMeta(this.db, 'checkin_tag') ?? '0');
  }

  setCheckinTag(tag: number): void {
    setMeta(this.db, 'checkin_tag', String(tag));
  }

  /** Tags recently used for check-in. */
  checkinTags(): number[] {
    return JSON.parse(getMeta(this.db, 'checkin_tags') ?? '[]') as number[];
  }

  setCheckinTags(tags: readonly number[]): void {
    setMeta(this.db, 'checkin_tags', JSON.stringify(tags));
  }
}
