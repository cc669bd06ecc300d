import type { Evaluator } from '@hall/shared';
import type { Db } from '../db/open-db';
import type { RosterEntry } from './parse-roster';
import { RosterStore } from './roster-store';

/** A person of the roster in effect: a roster entry, with an invited evaluator's group. */
export interface RosterPerson extends RosterEntry {
  /** An invited evaluator's group (两代表一委员, 服务对象代表…); absent for the committee. */
  group?: string;
}

/** An invited evaluator as the hall's voters see them: a member, their id the evaluator id. */
export const evaluatorAsMember = (e: Evaluator): RosterPerson => ({
  memberId: e.evaluatorId,
  name: e.name,
  role: 'member',
  seat: e.seat,
  group: e.group,
});

/**
 * The roster: members (全体组成人员) and observers (列席), each with an optional seat.
 *
 * What every consumer reads (all, members, memberSeats, bySeatId, byId: attendance, votes, the
 * press path, the seat map, terminals) is the roster IN EFFECT (issue 14): the committee's,
 * except while the current sitting is an evaluation meeting, when the hall's voters are that
 * meeting's invited evaluators (each a `member`, `memberId` = evaluator id). `useSession` makes
 * the switch; `replace` replaces the committee roster (the `roster` table) only, and nothing
 * here ever changes it otherwise.
 */
export class RosterService {
  private bySeat = new Map<string, RosterPerson>();
  private entries: RosterPerson[] = [];
  private committee: RosterEntry[] = [];
  private evaluators: RosterPerson[] | null = null;
  private readonly store: RosterStore;

  constructor(private readonly db: Db) {
    this.store = new RosterStore(db);
    this.reload();
  }

  private reload(): void {
    this.committee = this.store.all();
    this.entries = this.evaluators ?? this.committee;
    this.bySeat = new Map(this.entries.filter((e) => e.seat).map((e) => [e.seat!, e]));
  }

  /**
   * Which roster is in effect for the current sitting: the committee's for a committee sitting,
   * the evaluators (in id order) for an evaluation meeting. Called when a sitting starts, at
   * hall start, and when a meeting's evaluators are imported.
   */
  useSession(kind: 'committee' | 'evaluation', evaluators: readonly Evaluator[] = []): void {
    this.evaluators = kind === 'evaluation' ? evaluators.map(evaluatorAsMember) : null;
    this.reload();
  }

  /** Whether the roster in effect is an evaluation meeting's evaluators. */
  get invited(): boolean {
    return this.evaluators !== null;
  }

  /**
   * Replace the whole committee roster in one transaction (a bad file never gets here). During
   * an evaluation meeting the evaluators stay in effect; the counts are the committee's.
   */
  replace(entries: readonly RosterEntry[]): { members: number; observers: number } {
    this.db.transaction(() => this.store.replace(entries))();
    this.reload();
    return countsOf(this.committee);
  }

  /** The committee roster as stored, whatever is in effect. */
  committeeEntries(): readonly RosterEntry[] {
    return this.committee;
  }

  counts(): { members: number; observers: number } {
    return countsOf(this.entries);
  }

  all(): readonly RosterPerson[] {
    return this.entries;
  }

  members(): RosterPerson[] {
    return this.entries.filter((e) => e.role === 'member');
  }

  /** The seats of the members (the seats that may vote), in seat order. */
  memberSeats(): string[] {
    return this.members()
      .map((m) => m.seat)
      .filter((s): s is string => s !== null)
      .sort();
  }

  bySeatId(seat: string): RosterPerson | undefined {
    return this.bySeat.get(seat);
  }

  byId(memberId: string): RosterPerson | undefined {
    return this.entries.find((e) => e.memberId === memberId);
  }
}

function countsOf(entries: readonly RosterEntry[]): { members: number; observers: number } {
  const members = entries.filter((e) => e.role === 'member').length;
  return { members, observers: entries.length - members };
}
