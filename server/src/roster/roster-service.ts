import type { Db } from '../db/open-db';
import type { RosterEntry } from './parse-roster';
import { RosterStore } from './roster-store';

/** The roster: members (全体组成人员) and observers (列席), each with an optional seat. */
export class RosterService {
  private bySeat = new Map<string, RosterEntry>();
  private entries: RosterEntry[] = [];
  private readonly store: RosterStore;

  constructor(private readonly db: Db) {
    this.store = new RosterStore(db);
    this.reload();
  }

  private reload(): void {
    this.entries = this.store.all();
    this.bySeat = new Map(this.entries.filter((e) => e.seat).map((e) => [e.seat!, e]));
  }

  /** Replace the whole roster in one transaction (a bad file never gets here). */
  replace(entries: readonly RosterEntry[]): { members: number; observers: number } {
    this.db.transaction(() => this.store.replace(entries))();
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

  /** The seats of the members (the seats that may vote), in seat order. */
  memberSeats(): string[] {
    return this.members()
      .map((m) => m.seat)
      .filter((s): s is string => s !== null)
      .sort();
  }

  bySeatId(seat: string): RosterEntry | undefined {
    return this.bySeat.get(seat);
  }

  byId(memberId: string): RosterEntry | undefined {
    return this.entries.find((e) => e.memberId === memberId);
  }
}
