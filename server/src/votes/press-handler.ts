import { classifyKeys, type StorageFault } from '@hall/shared';
import type { KeyEvent, Lamp } from '@hall/drivers';
import type { AttendanceService } from '../attendance/attendance-service';
import type { Db } from '../db/open-db';
import type { RosterService } from '../roster/roster-service';
import { INVALID, type VoteService } from './vote-service';

export interface PressLog {
  debug(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** How a press was decided: the lamp, and (for the log and tests) a reason that names no choice. */
export interface Decision {
  lamp: Lamp;
  reason:
    | 'ballot'
    | 'already-pressed'
    | 'checkin'
    | 'not-a-voter'
    | 'not-a-choice'
    | 'stale-tag'
    | 'not-open'
    | 'duplicate';
}

const SEEN_LIMIT = 20_000;

/**
 * Every key event from the seats goes through here (SEAT-PROTOCOLS.md §3). Events are gathered
 * for `batchMs` (group commit), decided in arrival order, written in ONE transaction, and only
 * after the commit is every one of them settled: "registered" never reaches a seat before its
 * press is on disk, and a crash before the commit loses nothing (the hardware re-delivers).
 * Refused events are settled too ("not-accepted"), so the wireless base stops re-sending them.
 */
export class PressHandler {
  private queue: KeyEvent[] = [];
  private timer: NodeJS.Timeout | null = null;
  /** deliveryId → lamp of events already decided in this process (driver re-deliveries). */
  private seen = new Map<string, Lamp>();
  private stopped = false;
  /** Commits and presses committed, for the health view and the benchmark. */
  readonly stats = { batches: 0, events: 0 };
  /** Set while commits fail (disk full, read-only data directory); null once one succeeds. */
  storageFault: StorageFault | null = null;
  /** Told when storageFault is set, grows, or clears (the hall pushes it to the consoles). */
  onStorageChange: () => void = () => {};

  constructor(
    private readonly db: Db,
    private readonly roster: RosterService,
    private readonly attendance: AttendanceService,
    private readonly votes: VoteService,
    private readonly settle: (event: KeyEvent, decision: Decision) => void,
    private readonly log: PressLog,
    private readonly batchMs: number,
    private readonly onCommitted: () => void = () => {},
    private readonly maxBatch = 2_000,
  ) {}

  submit(event: KeyEvent): void {
    if (this.stopped) return; // never settled: the hardware delivers it again after restart
    this.queue.push(event);
    if (this.queue.length >= this.maxBatch) this.flush();
    else if (!this.timer) this.timer = setTimeout(() => this.flush(), this.batchMs);
  }

  /** Stop taking events; those still queued are abandoned unsettled (never acknowledged). */
  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.queue = [];
  }

  /** Commit and settle everything queued now (before a vote closes). */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;
    let decisions: Decision[];
    const fresh: string[] = [];
    try {
      decisions = this.db.transaction(() => {
        const out = batch.map((e) => {
          const known = this.seen.get(e.deliveryId);
          if (known !== undefined) return { lamp: known, reason: 'duplicate' } as Decision;
          const d = this.decide(e);
          this.seen.set(e.deliveryId, d.lamp);
          fresh.push(e.deliveryId);
          return d;
        });
        // Nothing more: a ballot writes only its seat's `pressed` and one random slot's box
        // (VoteService.recordBallot); no counter, nothing that depends on the choice.
        return out;
      })();
    } catch (err) {
      // Nothing was committed: forget what this batch decided, settle nothing (re-delivered).
      for (const id of fresh) this.seen.delete(id);
      this.votes.reloadOpen();
      this.attendance.reload();
      this.log.error({ err, events: batch.length }, 'press commit failed; events left unsettled');
      this.storageFault = {
        code: sqliteCode(err),
        since: this.storageFault?.since ?? new Date().toISOString(),
        unsettled: (this.storageFault?.unsettled ?? 0) + batch.length,
      };
      this.onStorageChange();
      return;
    }
    if (this.storageFault) {
      this.log.warn({ refused: this.storageFault.unsettled }, 'press commits succeed again');
      this.storageFault = null;
      this.onStorageChange();
    }
    this.stats.batches++;
    this.stats.events += batch.length;
    this.trimSeen();
    batch.forEach((e, i) => {
      const d = decisions[i]!;
      this.log.debug({ seat: e.seat, lamp: d.lamp }, 'seat key event settled');
      try {
        this.settle(e, d);
      } catch (err) {
        // A driver that fails to light one seat must not keep the others waiting.
        this.log.error({ err, seat: e.seat }, 'settle failed');
      }
    });
    this.onCommitted();
  }

  private trimSeen(): void {
    if (this.seen.size <= SEEN_LIMIT) return;
    const drop = this.seen.size - SEEN_LIMIT;
    let i = 0;
    for (const k of this.seen.keys()) {
      if (i++ >= drop) break;
      this.seen.delete(k);
    }
  }

  /** The hall's decision on one event, made inside the batch transaction. */
  private decide(e: KeyEvent): Decision {
    // Only a keypad vote takes ballots from the seats: while a paper or hands vote is open the
    // hall has no keypad vote open, and a press is no ballot (issue 14).
    const v = this.votes.keypadVote;
    const occupant = this.roster.bySeatId(e.seat);
    if (v && e.tag === v.tag) {
      if (!occupant || occupant.role !== 'member')
        return { lamp: 'not-accepted', reason: 'not-a-voter' };
      if (v.pressed.has(e.seat)) return { lamp: 'registered', reason: 'already-pressed' };
      const k = classifyKeys(v.profile.optionSet, e.keys);
      if (k.kind === 'valid') this.votes.recordBallot(e.seat, occupant.memberId, k.option);
      else if (k.kind === 'invalid') this.votes.recordBallot(e.seat, occupant.memberId, INVALID);
      else return { lamp: 'not-accepted', reason: 'not-a-choice' };
      return { lamp: 'registered', reason: 'ballot' };
    }
    if (!v && this.attendance.checkinOpen && e.tag === this.attendance.checkinTag) {
      if (!occupant) return { lamp: 'not-accepted', reason: 'not-a-voter' };
      if (!this.attendance.isPresent(occupant.memberId)) {
        this.attendance.setPresent(occupant.memberId, true, false);
      }
      return { lamp: 'registered', reason: 'checkin' };
    }
    // A seat whose ballot is recorded keeps showing "registered" (SEAT-PROTOCOLS.md §3).
    if (v?.pressed.has(e.seat)) return { lamp: 'registered', reason: 'already-pressed' };
    return { lamp: 'not-accepted', reason: v ? 'stale-tag' : 'not-open' };
  }
}

/** SQLite's code for a failed commit (better-sqlite3's SqliteError.code), else a generic one. */
function sqliteCode(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[A-Z_]{1,40}$/.test(code) ? code : 'SQLITE_ERROR';
}
