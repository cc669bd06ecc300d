import type { Db } from '../db/open-db';
import type { RosterEntry } from './parse-roster';

interface Row {
  member_id: string;
  name: string;
  role: 'member' | 'observer';
  seat: string | null;
}

/** The roster: members (全体组成人员) and observers (列席), each with an optional seat. */
export class RosterService {
  private bySeat = new Map<string, RosterEntry>();
  private entries: RosterEntry[] = [];

  constructor(private readonly db: Db) {
    this.reload();
  }

  private reload(): void {
    const rows = this.db.prepare('SELECT * FROM roster ORDER BY member_id').all() as Row[];
    this.entries = rows.map((r) => ({
      memberId: r.member_id,
      name: r.name,
      role: r.role,
      seat: r.seat,
    }));
    this.bySeat = new Map(this.entries.filter((e) => e.seat).map((e) => [e.seat!, e]));
  }

  /** Replace the whole roster in one transaction (a bad file never gets here). */
  replace(entries: readonly RosterEntry[]): { members: number; observers: number } {
    const insert = this.db.prepare(
      'INSERT INTO roster (member_id, name, role, seat) VALUES (?, ?, ?, ?)',
    );
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM roster').run();
      for (const e of entries) insert.run(e.memberId, e.name, e.role, e.seat);
    })();
    this.reload();
    return this.counts();
  }

  counts(): { members: number; observers: number } {
    const members = this.entries.filter((e) => e.role === 'member').length;
    return { members, observers: this.entries.length - members };
  }

  all(): readonly RosterEntry[] {
    return this.entries;
  }

  members(): RosterEntry[] {
    return this.entries.filter((e) => e.role === 'member');
  }

  bySeatId(seat: string): RosterEntry | undefined {
    return this.bySeat.get(seat);
  }

  byId(memberId: string): RosterEntry | undefined {
    return this.entries.find((e) => e.memberId === memberId);
  }
}
