import { moveLegacySigningKey, type HallKey } from './records/keys';
import { RecordService } from './records/record-service';
import type { KeyEvent } from '@hall/drivers';
import type { Logger } from 'pino';
import { formatBeijing } from '@hall/shared';
import { AttendanceService } from './attendance/attendance-service';
import type { HallConfig } from './config/hall-config';
import { openDb, type Db } from './db/open-db';
import { refuse } from './errors';
import type { BuiltBus } from './hardware/build-buses';
import { HallHardware } from './hardware/hall-hardware';
import { ProfileLibrary } from './profiles/profile-library';
import { RosterService } from './roster/roster-service';
import { parseRoster, type RosterEntry } from './roster/parse-roster';
import { SessionService, type SessionKind } from './sessions/session-service';
import { EvaluatorsService } from './sessions/evaluators-service';
import type { Evaluator, HardwarePayload } from '@hall/shared';
import { freshTag } from './votes/tags';
import { BallotKeys } from './votes/ballot-keys';
import { PressHandler } from './votes/press-handler';
import { VoteService, type VoteEvents } from './votes/vote-service';
import { SeriesService } from './series/series-service';

export interface HallOptions {
  config: HallConfig;
  dataDir: string;
  /** HALL_KEY_DIR: where the hall's secrets live, never inside `dataDir` (config/env.ts). */
  keyDir: string;
  buses: BuiltBus[];
  log: Logger;
  now?: () => Date;
  /** Source of tags (tests make it deterministic); default crypto.randomInt. */
  random?: (max: number) => number;
  /**
   * The signing key (tests); default: the hall's key in `keyDir`, made at first start (one an
   * earlier version left in `dataDir` is moved there once, at start).
   */
  signingKey?: HallKey;
  /** Tests only: deterministic ballot key ids (file names); the keys are always random. */
  ballotKeyIds?: () => string;
}

/**
 * Something visible changed: the hall's state or the seats' health. `cause` is `'presses'` when
 * a press commit (ballots, check-in presses) moved counts only; any other `state` change (a vote
 * opened, closed, announced…) the live push sends at once (issue 15).
 */
export type HallChangeListener = (what: 'state' | 'hardware', cause?: 'presses') => void;

/**
 * The hall's domain services wired together: store, roster, sittings, check-in, votes, the
 * press path (group commit) and the seat hardware. Routes and sockets use only this.
 */
export class Hall {
  readonly db: Db;
  readonly roster: RosterService;
  readonly sessions: SessionService;
  /** Issue 14: an evaluation meeting's invited evaluators (its roster in effect). */
  readonly evaluators: EvaluatorsService;
  readonly attendance: AttendanceService;
  readonly votes: VoteService;
  /** Issue 14: the built-in profiles and the hall's own, every save a new version (profiles/). */
  readonly profiles: ProfileLibrary;
  readonly presses: PressHandler;
  readonly records: RecordService;
  /** Issue 14: many subjects in a row, the departments of one report (series/). */
  readonly series: SeriesService;
  readonly hardware: HallHardware;
  readonly buses: BuiltBus[];
  private listeners = new Set<HallChangeListener>();
  private injected = new WeakSet<KeyEvent>();

  constructor(readonly options: HallOptions) {
    const now = options.now ?? (() => new Date());
    const log = options.log;
    this.db = openDb(options.dataDir, {
      onMigrated: (m) => log.info({ schemaVersion: m.version }, `database migrated: ${m.name}`),
    });
    this.roster = new RosterService(this.db);
    this.sessions = new SessionService(this.db, now);
    this.evaluators = new EvaluatorsService(this.db, this.sessions);
    this.useRosterOfSession();
    this.attendance = new AttendanceService(this.db, this.roster, this.sessions, options.config);
    // What the votes tell the rest of the hall; each reaches a service built below, when called.
    const voteEvents: VoteEvents = {
      mode: (mode, tag) => this.hardware.setMode(mode, tag),
      changed: () => this.emit('state'),
      flushPresses: () => this.presses.flush(),
      announced: (v) => this.records.seal(v),
      // Issue 14: an auto-advancing series opens its next subject (deferred, series-service.ts).
      settled: (voteId, state) => this.series.settled(voteId, state),
    };
    this.profiles = new ProfileLibrary(this.db, now, (p) =>
      log.warn(
        { profile: p.id, version: p.version },
        'a vote document carries the id of a library profile but matches none of its versions',
      ),
    );
    this.votes = new VoteService({
      db: this.db,
      roster: this.roster,
      sessions: this.sessions,
      attendance: this.attendance,
      config: options.config,
      now,
      ballotKeys: new BallotKeys(options.keyDir, log, options.ballotKeyIds),
      log,
      events: voteEvents,
      profiles: this.profiles,
      // Issue 14: a vote whose options the member seats cannot show is refused at opening.
      seatKeys: (seat) => this.hardware.keysOf(seat),
      ...(options.random ? { random: options.random } : {}),
    });
    this.buses = options.buses;
    // Each seat's key count: as its unit reports it, else its bus's configured `keys`.
    this.hardware = new HallHardware(
      options.buses.map((b) => ({
        ...b,
        keys: options.config.buses.find((c) => c.id === b.driver.busId)?.keys,
      })),
      log,
    );
    this.presses = new PressHandler(
      this.db,
      this.roster,
      this.attendance,
      this.votes,
      (e, d) => {
        if (this.injected.has(e)) this.hardware.settleLocal(e, d.lamp);
        else this.hardware.settle(e, d.lamp);
      },
      log,
      options.config.pressBatchMs,
      // A press commit moves counts only: the live push coalesces these (live/coalesce.ts).
      () => this.emit('state', 'presses'),
    );
    // A store that refuses writes is told to the consoles at once (issue 15: "the chair is told").
    this.presses.onStorageChange = () => {
      this.emit('hardware');
      this.emit('state');
    };
    // No key stays in the data directory (server/SECRECY.md): an old version's is moved out.
    moveLegacySigningKey(options.dataDir, options.keyDir, log);
    // A confirmed correction is a new sealed record: every screen shows it at once.
    this.records = new RecordService(
      this.db,
      options.keyDir,
      now,
      options.signingKey,
      undefined,
      () => this.emit('state'),
    );
    this.series = new SeriesService({
      db: this.db,
      sessions: this.sessions,
      votes: this.votes,
      recordOf: (voteId) => this.records.forVote(voteId),
      // Each subject's profile resolved by the hall's library at creation, and fixed there.
      profiles: () => this.profiles,
      now,
      log,
      changed: () => this.emit('state'),
    });
    this.hardware.listen(
      (e) => this.presses.submit(e),
      () => this.emit('hardware'),
      // A reset unit forgets its lamp: a seat whose ballot is in shows "registered" again.
      (seat) => {
        if (this.votes.current?.pressed.has(seat)) this.hardware.showLamp(seat, 'registered');
      },
    );
  }

  get config(): HallConfig {
    return this.options.config;
  }

  /** Start the hardware in the mode the hall was left in (a restart continues an open vote). */
  async start(): Promise<void> {
    const m = this.votes.currentMode();
    this.hardware.setMode(m.mode, m.tag);
    // The seats whose ballot is already in show "registered" (SEAT-PROTOCOLS.md §3): told before
    // the drivers start, so a unit's first write after a restart carries it (never dark in
    // between), and again after, for a driver that clears its lamps with its first mode.
    const recorded = this.votes.current?.pressed ?? [];
    for (const seat of recorded) this.hardware.showLamp(seat, 'registered');
    await this.hardware.start();
    for (const seat of recorded) this.hardware.showLamp(seat, 'registered');
    this.votes.resumeTimer();
  }

  async stop(): Promise<void> {
    this.votes.stop();
    this.presses.flush();
    this.presses.stop();
    this.votes.dropKey();
    await this.hardware.stop();
    this.db.close();
  }

  /** The seats' and lines' health and the store's: the `hardware` push and GET /api/hardware. */
  health(detail: boolean): HardwarePayload {
    return { ...this.hardware.health(detail), storage: this.presses.storageFault };
  }

  onChange(l: HallChangeListener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  private emit(what: 'state' | 'hardware', cause?: 'presses'): void {
    for (const l of this.listeners) l(what, cause);
  }

  /** Replace the roster: a CSV file's bytes, or the checked rows of any roster file. */
  importRoster(source: Uint8Array | readonly RosterEntry[]): {
    members: number;
    observers: number;
  } {
    if (this.votes.current)
      throw refuse(
        'VOTE_OPEN',
        '测评进行中，不能更改名单 / the roster cannot change while a vote is open',
      );
    const entries =
      source instanceof Uint8Array ? parseRoster(source, new Set(this.config.seats)) : source;
    const counts = this.roster.replace(entries);
    this.attendance.reload();
    this.emit('state');
    return counts;
  }

  /**
   * Issue 14: the roster in effect is the current sitting's: its invited evaluators during an
   * evaluation meeting, the committee's otherwise (roster-service.ts). The committee roster is
   * never changed by this.
   */
  private useRosterOfSession(): void {
    this.roster.useSession(this.sessions.currentKind(), this.evaluators.current());
  }

  /**
   * Replace the current evaluation meeting's invited evaluators (checked rows of an evaluators
   * file): refused in a committee sitting and once a vote of the meeting has opened.
   */
  importEvaluators(entries: readonly Evaluator[]) {
    const reply = this.evaluators.replace(entries);
    this.useRosterOfSession();
    this.attendance.reload();
    this.emit('state');
    return reply;
  }

  startSession(title: string, kind: SessionKind = 'committee'): number {
    if (this.votes.current)
      throw refuse('VOTE_OPEN', '已有测评正在进行，请先结束 / a vote is open; close it first');
    const id = this.sessions.start(title, kind);
    this.useRosterOfSession();
    if (this.attendance.checkinOpen) this.attendance.closeCheckin();
    this.attendance.reload();
    this.hardware.setMode('idle', 0);
    this.emit('state');
    return id;
  }

  /** Add an agenda item to the current sitting; the consoles' `sitting` push shows it. */
  addItem(title: string, organ: string): number {
    const itemId = this.sessions.addItem(title, organ);
    this.emit('state');
    return itemId;
  }

  openCheckin() {
    if (this.votes.current)
      throw refuse('VOTE_OPEN', '测评进行中，不能开始签到 / a vote is open; check-in cannot open');
    this.ensureSession();
    const tag = freshTag(
      [...this.votes.recentTags(), ...this.attendance.recentCheckinTags()],
      this.options.random,
    );
    this.attendance.openCheckin(tag);
    this.hardware.setMode('checkin', tag);
    this.emit('state');
    return this.attendance.summary();
  }

  closeCheckin() {
    this.presses.flush();
    this.attendance.closeCheckin();
    const m = this.votes.currentMode();
    this.hardware.setMode(m.mode, m.tag);
    this.emit('state');
    return this.attendance.summary();
  }

  markAttendance(
    memberId: string,
    present: boolean,
    note?: { reason: string; by: string; at: string },
  ): void {
    if (present && this.roster.byId(memberId)) this.ensureSession();
    if (!present && this.votes.current) {
      // A present member may have pressed: unmarking could leave more ballots than present.
      throw refuse(
        'VOTE_OPEN',
        '测评进行中，不能将人员标记为缺席 / nobody can be marked absent while a vote is open',
      );
    }
    this.attendance.mark(memberId, present, note);
    this.emit('state');
  }

  /** The seat map: who sits where, online, present (the consoles' seat view). */
  seatViews() {
    return this.config.seats.map((seat) => {
      const e = this.roster.bySeatId(seat);
      return {
        seat,
        name: e?.name ?? null,
        role: e?.role ?? null,
        online: this.hardware.isOnline(seat),
        checkedIn: e ? this.attendance.isPresent(e.memberId) : false,
      };
    });
  }

  /**
   * Attendance belongs to a sitting. Opening check-in (or marking someone present) with none
   * started begins today's sitting, named after the date in Beijing time, and says so in the log.
   */
  private ensureSession(): void {
    if (this.sessions.currentId() !== null) return;
    const day = formatBeijing((this.options.now ?? (() => new Date()))(), 'zh-date');
    const title = `${day}会议`;
    const sessionId = this.startSession(title);
    this.options.log.info({ sessionId, title }, 'no sitting was started: started one for today');
  }

  attendanceSummary() {
    return { ...this.attendance.summary(), seatsOnline: this.hardware.seatsOnline() };
  }

  /**
   * Deliver a key event as the hardware would (demo and tests): with a `deliveryId` it is a
   * (re-)delivery of that hardware event; settled locally, never acknowledged to a real bus.
   */
  inject(e: KeyEvent): void {
    this.injected.add(e);
    this.presses.submit(e);
  }
}
