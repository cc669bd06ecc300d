import type { Db } from '../db/open-db';
import type { RosterEntry } from './parse-roster';

interface Row {
  member_id: string;
  name: string;
  role: 'member' | 'observer';
  seat: string | null;
}

/** The SQL of the roster (db/schema.ts `roster`). */
export class RosterStore {
  constructor(private readonly db: Db) {}

  /** Every entry, in member id order. */
  all(): RosterEntry[] {
    const rows = this.db.prepare('SELECT * FROM roster ORDER BY member_id').all() as Row[];
    return rows.map((r) => ({
      memberId: r.member_id,
      name: r.name,
      role: r.role,
      seat: r.seat,
    }));
  }

  /** Delete every entry and insert `entries`; call inside the caller's transaction. */
  replace(entries: readonly RosterEntry[]): void {
    const insert = this.db.prepare(
      'INSERT INTO roster (member_id, name, role, seat) VALUES (?, ?, ?, ?)',
    );
    this.db.prepare('DELETE FROM roster').run();
    for (const e of entries) insert.run(e.memberId, e.name, e.role, e.seat);
  }
}
