import type { AnnouncedVote } from '../records/record-service';
import { seedProfile, SEED_PROFILES, validateProfile } from '@hall/shared';
import type { Profile, TallyResult } from '@hall/shared';
import type { AttendanceService } from '../attendance/attendance-service';
import { quorumNotMet } from '../attendance/quorum';
import type { HallConfig } from '../config/hall-config';
import type { Db } from '../db/open-db';
import { randomInt } from 'node:crypto';
import { decodeCount, encodeCount } from '../db/schema';
import { invalid, notFound, refuse } from '../errors';
import type { RosterService } from '../roster/roster-service';
import type { SessionService } from '../sessions/session-service';
import { openBox, sealBox, type BoxContent } from './ballot-box';
import type { BallotKeyLog, BallotKeys } from './ballot-keys';
import { freshTag } from './tags';
import { resultDocument, resultJson, type ResultJson } from './result-document';
import { announcedAtOf, INVALID, tallyOfRow, type VoteRow, type VoteState } from './vote-store';

export { INVALID, type VoteState };

/**
 * The open vote as others may see it: who has pressed (allowed), never a count of any option.
 * The ballots are in encrypted slots (server/SECRECY.md); nothing in memory counts them either.
 */
export interface OpenVote {
  voteId: number;
  tag: number;
  title: string;
  profile: Profile;
  openedAt: string;
  closesAt: string | null;
  pressed: Set<string>;
}

/** What only the vote service holds of the open vote: its ballot key and the empty slots. */
interface OpenBallots {
  voteId: number;
  keyId: string;
  key: Buffer;
  free: number[];
}

const EMPTY: BoxContent = { kind: 'empty' };

export interface VoteHooks {
  /** The hall's mode changed: put every seat into it (SEAT-PROTOCOLS.md §3). */
  mode(mode: 'idle' | 'open' | 'closed', tag: number): void;
  /** Something visible changed (press count, state, result). */
  changed(): void;
  /** Commit every press still waiting, before the vote closes. */
  flushPresses(): void;
  /**
   * A result is being announced: seal its record. Called INSIDE the announcing transaction, so
   * the announcement and its signed record commit together or not at all.
   */
  announced(v: AnnouncedVote): void;
}

/** A vote's state in the words of a refusal. */
const STATE_ZH: Record<VoteState, string> = {
  open: '正在进行',
  closed: '已结束',
  announced: '已公布',
};

export interface OpenVoteInput {
  title: string;
  profile: string;
  itemId?: number;
  durationSeconds?: number;
}

/**
 * A profile this hall can run: valid, and not allowing a change of ballot before close (server/
 * SECRECY.md "Changing a ballot": not supported, so refused with the reason, never ignored).
 */
export function supportedProfile(profile: Profile): Profile {
  if (profile.allowChangeBeforeClose) {
    throw invalid(
      'CHANGE_NOT_SUPPORTED',
      `测评办法 ${profile.id} 允许结束前更改选择，本会场不支持（首次按键即为最终选择） / profile ${profile.id} allows changing a ballot before close, which this hall does not support (the first press is final)`,
    );
  }
  return validateProfile(profile);
}

/**
 * The vote lifecycle (DOMAIN.md steps 4-6): open (quorum gate, a fresh tag, the profile fixed)
 * → closed (by the chair or the timer, which survives a restart) → announced (an immutable
 * result document). One vote is open at a time; every command refers to the latest vote.
 */
export class VoteService {
  private openVote: OpenVote | null = null;
  private ballots: OpenBallots | null = null;
  private timer: NodeJS.Timeout | null = null;
  hooks: VoteHooks = {
    mode: () => {},
    changed: () => {},
    flushPresses: () => {},
    announced: () => {},
  };

  constructor(
    private readonly db: Db,
    private readonly roster: RosterService,
    private readonly sessions: SessionService,
    private readonly attendance: AttendanceService,
    private readonly config: HallConfig,
    private readonly now: () => Date,
    private readonly ballotKeys: BallotKeys,
    private readonly log: BallotKeyLog,
    private readonly random?: (max: number) => number,
  ) {
    this.reloadOpen();
    // A crash between a close's commit and its key's removal, or between writing a new key and
    // the opening's commit, leaves a key no open vote needs: destroy it now.
    this.ballotKeys.sweep(this.ballots?.keyId ?? null);
  }

  get current(): OpenVote | null {
    return this.openVote;
  }

  /**
   * Load the open vote from the database (at start, and after a failed press commit): the
   * pressed seats, and the empty slots, found by opening every box with the vote's key from
   * HALL_KEY_DIR (a restart after a crash needs nobody to bring it).
   */
  reloadOpen(): void {
    const row = this.db.prepare(`SELECT * FROM votes WHERE state = 'open'`).get() as
      VoteRow | undefined;
    if (!row) {
      this.openVote = null;
      this.dropKey();
      return;
    }
    const profile = JSON.parse(row.profile_json) as Profile;
    const keyId = row.ballot_key_id ?? this.adoptLegacyVote(row, profile);
    let key: Buffer;
    if (this.ballots?.voteId === row.vote_id && this.ballots.keyId === keyId)
      key = this.ballots.key;
    else {
      this.dropKey();
      key = this.ballotKeys.read(keyId);
    }
    const pressed = this.db
      .prepare('SELECT seat FROM vote_seats WHERE vote_id = ? AND pressed = 1')
      .all(row.vote_id) as { seat: string }[];
    const free: number[] = [];
    for (const b of this.boxes(row.vote_id)) {
      if (openBox(key, row.vote_id, b.slot, b.box).kind === 'empty') free.push(b.slot);
    }
    this.ballots = { voteId: row.vote_id, keyId, key, free };
    this.openVote = {
      voteId: row.vote_id,
      tag: row.tag,
      title: row.title,
      profile,
      openedAt: row.opened_at,
      closesAt: row.closes_at,
      pressed: new Set(pressed.map((p) => p.seat)),
    };
  }

  /** Forget the open vote's key in memory (at close, and when the hall stops). */
  dropKey(): void {
    this.ballots?.key.fill(0);
    this.ballots = null;
  }

  private boxes(voteId: number): { slot: number; box: Buffer }[] {
    return this.db
      .prepare('SELECT slot, box FROM vote_ballots WHERE vote_id = ? ORDER BY slot')
      .all(voteId) as { slot: number; box: Buffer }[];
  }

  /** A ballot's box content: the option's index in the profile fixed at opening, or invalid. */
  private contentOf(profile: Profile, option: string): BoxContent {
    if (option === INVALID) return { kind: 'invalid' };
    const index = profile.optionSet.options.findIndex((o) => o.key === option);
    if (index < 0) throw new Error(`option ${option} is not in profile ${profile.id}`);
    return { kind: 'option', index };
  }

  /**
   * A vote left open by version 1 (plaintext counters, no key): put its counted ballots into
   * slots (randomly placed, one per member seat) under a new key, and delete its counters, in
   * one transaction; from here on it runs like any other vote. What version 1's files already
   * showed cannot be taken back; nothing more is added.
   */
  private adoptLegacyVote(row: VoteRow, profile: Profile): string {
    const counted = this.db
      .prepare('SELECT option, n FROM vote_counts WHERE vote_id = ? ORDER BY option')
      .all(row.vote_id) as { option: string; n: string }[];
    const { n: slots } = this.db
      .prepare('SELECT count(*) AS n FROM vote_seats WHERE vote_id = ?')
      .get(row.vote_id) as { n: number };
    const contents: BoxContent[] = [];
    for (const c of counted) {
      const content = this.contentOf(profile, c.option);
      for (let i = 0; i < decodeCount(c.n); i++) contents.push(content);
    }
    if (contents.length > slots) throw new Error(`vote ${row.vote_id}: more ballots than seats`);
    while (contents.length < slots) contents.push(EMPTY);
    for (let i = contents.length - 1; i > 0; i--) {
      const j = randomInt(i + 1);
      [contents[i], contents[j]] = [contents[j]!, contents[i]!];
    }
    const { keyId, key } = this.ballotKeys.create();
    try {
      this.db.transaction(() => {
        this.db
          .prepare('UPDATE votes SET ballot_key_id = ? WHERE vote_id = ?')
          .run(keyId, row.vote_id);
        const insert = this.db.prepare(
          'INSERT INTO vote_ballots (vote_id, slot, box) VALUES (?, ?, ?)',
        );
        contents.forEach((c, slot) =>
          insert.run(row.vote_id, slot, sealBox(key, row.vote_id, slot, c)),
        );
        this.db.prepare('DELETE FROM vote_counts WHERE vote_id = ?').run(row.vote_id);
      })();
    } catch (err) {
      this.ballotKeys.destroy(keyId);
      throw err;
    } finally {
      key.fill(0);
    }
    this.log.warn(
      { voteId: row.vote_id },
      'a vote left open by the previous version: its counters were moved into encrypted ballot slots',
    );
    return keyId;
  }

  /** After a restart: re-arm the timer of the open vote, or close it if its time has passed. */
  resumeTimer(): void {
    const v = this.openVote;
    if (!v?.closesAt) return;
    this.armTimer(v.voteId, new Date(v.closesAt).getTime() - this.now().getTime());
  }

  private armTimer(voteId: number, ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(
      () => {
        this.timer = null;
        if (this.openVote?.voteId === voteId) this.close();
      },
      Math.max(0, Math.min(ms, 2_147_000_000)),
    );
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  recentTags(): number[] {
    const rows = this.db
      .prepare('SELECT tag FROM votes ORDER BY vote_id DESC LIMIT ?')
      .all(this.config.voteTagHistory) as { tag: number }[];
    return rows.map((r) => r.tag);
  }

  profileFor(id: string): Profile {
    const profile = seedProfile(id);
    if (!profile) {
      const known = SEED_PROFILES.map((p) => p.id).join(', ');
      throw invalid(
        'UNKNOWN_PROFILE',
        `未知的测评办法“${id}”（可用：${known}） / unknown profile "${id}" (known: ${known})`,
      );
    }
    return supportedProfile(profile);
  }

  open(input: OpenVoteInput): number {
    if (this.openVote) {
      throw refuse(
        'VOTE_OPEN',
        `测评 ${this.openVote.voteId} 正在进行，请先结束 / vote ${this.openVote.voteId} is still open; close it first`,
      );
    }
    const sessionId = this.sessions.requireCurrent();
    const profile = this.profileFor(input.profile);
    this.hooks.flushPresses(); // check-in presses still queued count before the quorum check
    const item = input.itemId === undefined ? null : this.sessions.item(input.itemId);
    const a = this.attendance.summary();
    if (!a.quorumMet) {
      throw refuse('NO_QUORUM', quorumNotMet(this.config.quorum, a.present, a.members));
    }
    const tag = freshTag(
      [...this.recentTags(), ...this.attendance.recentCheckinTags(), this.attendance.checkinTag],
      this.random,
    );
    const openedAt = this.now().toISOString();
    const closesAt = input.durationSeconds
      ? new Date(this.now().getTime() + input.durationSeconds * 1000).toISOString()
      : null;
    const seats = this.roster
      .members()
      .map((m) => m.seat)
      .filter((s): s is string => s !== null)
      .sort();
    if (this.attendance.checkinOpen) this.attendance.closeCheckin();
    this.attendance.ensureRows();
    // The ballot key is on disk (HALL_KEY_DIR, fsynced) before the opening commits: a vote that
    // exists always has its key. A key whose opening never committed is destroyed at next start.
    const { keyId, key } = this.ballotKeys.create();
    let voteId: number;
    try {
      voteId = this.db.transaction(() => {
        const info = this.db
          .prepare(
            `INSERT INTO votes (session_id, item_id, title, profile_json, tag, members, state,
               opened_at, closes_at, ballot_key_id) VALUES (?, ?, ?, ?, ?, ?, 'open', ?, ?, ?)`,
          )
          .run(
            sessionId,
            item?.itemId ?? null,
            input.title,
            JSON.stringify(profile),
            tag,
            a.members,
            openedAt,
            closesAt,
            keyId,
          );
        const id = Number(info.lastInsertRowid);
        const seat = this.db.prepare(
          'INSERT INTO vote_seats (vote_id, seat, pressed) VALUES (?, ?, 0)',
        );
        for (const s of seats) seat.run(id, s);
        // One slot per member seat, each an encrypted "empty" box: every box the same length.
        const slot = this.db.prepare(
          'INSERT INTO vote_ballots (vote_id, slot, box) VALUES (?, ?, ?)',
        );
        for (let i = 0; i < seats.length; i++) slot.run(id, i, sealBox(key, id, i, EMPTY));
        return id;
      })();
    } catch (err) {
      key.fill(0);
      this.ballotKeys.destroy(keyId);
      throw err;
    }
    this.dropKey();
    this.ballots = { voteId, keyId, key, free: [] };
    this.reloadOpen();
    if (closesAt) this.armTimer(voteId, input.durationSeconds! * 1000);
    this.hooks.mode('open', tag);
    this.hooks.changed();
    return voteId;
  }

  /**
   * Record one accepted ballot of the open vote. Call only inside the press transaction (if it
   * fails, `reloadOpen` puts memory back as the database is). What it writes does not depend on
   * the choice: the seat's `pressed` 0 → 1, and a RANDOM empty slot's box overwritten by a box
   * of the same length under a fresh nonce. No counter, nothing else.
   */
  recordBallot(seat: string, memberId: string, option: string): void {
    const v = this.openVote!;
    const b = this.ballots;
    if (!b || b.voteId !== v.voteId || b.free.length === 0) {
      throw new Error(`vote ${v.voteId}: no empty ballot slot`);
    }
    this.db
      .prepare('UPDATE vote_seats SET pressed = 1 WHERE vote_id = ? AND seat = ?')
      .run(v.voteId, seat);
    const i = randomInt(b.free.length);
    const slot = b.free[i]!;
    this.db
      .prepare('UPDATE vote_ballots SET box = ? WHERE vote_id = ? AND slot = ?')
      .run(sealBox(b.key, v.voteId, slot, this.contentOf(v.profile, option)), v.voteId, slot);
    b.free[i] = b.free[b.free.length - 1]!;
    b.free.pop();
    v.pressed.add(seat);
    if (!this.attendance.isPresent(memberId)) this.attendance.setPresent(memberId, true, false);
  }

  /**
   * Open every box of the vote (inside the closing transaction) and count: option → n, with
   * every option and `invalid` present. Refuses when the boxes and the pressed seats disagree.
   */
  private countBallots(v: OpenVote, key: Buffer): Map<string, number> {
    const options = [...v.profile.optionSet.options.map((o) => o.key), INVALID].sort();
    const counts = new Map(options.map((o) => [o, 0]));
    let filled = 0;
    for (const b of this.boxes(v.voteId)) {
      const c = openBox(key, v.voteId, b.slot, b.box);
      if (c.kind === 'empty') continue;
      filled++;
      const option = c.kind === 'invalid' ? INVALID : v.profile.optionSet.options[c.index]?.key;
      if (option === undefined) throw new Error(`vote ${v.voteId}: a ballot of no option`);
      counts.set(option, counts.get(option)! + 1);
    }
    const { n: pressed } = this.db
      .prepare('SELECT count(*) AS n FROM vote_seats WHERE vote_id = ? AND pressed = 1')
      .get(v.voteId) as { n: number };
    if (filled !== pressed) {
      throw new Error(
        `vote ${v.voteId}: ${filled} ballots in the slots but ${pressed} seats pressed`,
      );
    }
    return counts;
  }

  private latest(): VoteRow {
    const row = this.db.prepare('SELECT * FROM votes ORDER BY vote_id DESC LIMIT 1').get() as
      VoteRow | undefined;
    if (!row) throw notFound('NO_VOTE', '尚未开始任何测评 / no vote has been opened');
    return row;
  }

  private row(voteId: number): VoteRow {
    const row = this.db.prepare('SELECT * FROM votes WHERE vote_id = ?').get(voteId) as
      VoteRow | undefined;
    if (!row) throw notFound('NO_VOTE', `没有测评 ${voteId} / there is no vote ${voteId}`);
    return row;
  }

  private pressedCount(voteId: number): number {
    if (this.openVote?.voteId === voteId) return this.openVote.pressed.size;
    const r = this.db
      .prepare('SELECT count(*) AS n FROM vote_seats WHERE vote_id = ? AND pressed = 1')
      .get(voteId) as { n: number };
    return r.n;
  }

  /** `vote status`: no split while open, only how many have pressed. */
  status(): { voteId: number; state: VoteState; present: number; pressed: number } {
    const row = this.latest();
    const present =
      row.state === 'open' ? this.attendance.summary().present : (row.present_at_close ?? 0);
    return {
      voteId: row.vote_id,
      state: row.state,
      present,
      pressed: this.pressedCount(row.vote_id),
    };
  }

  statusOf(voteId: number) {
    const row = this.row(voteId);
    return { row, pressed: this.pressedCount(voteId) };
  }

  /** Close the open vote (the chair, or the timer) and return its result. */
  close(): ResultJson {
    const v = this.openVote;
    if (!v) {
      const last = this.db.prepare('SELECT vote_id FROM votes ORDER BY vote_id DESC LIMIT 1').get();
      throw refuse(
        'NO_OPEN_VOTE',
        last
          ? '当前没有正在进行的测评 / no vote is open'
          : '尚未开始任何测评 / no vote has been opened',
      );
    }
    this.hooks.flushPresses();
    const present = this.attendance.summary().present;
    const b = this.ballots;
    if (!b || b.voteId !== v.voteId)
      throw new Error(`vote ${v.voteId}: its ballot key is not loaded`);
    // One transaction: open the boxes, write the counts, delete the slots (secure_delete zeroes
    // them). Only once that is durable is the key destroyed; a crash in between leaves a key no
    // open vote needs, which the next start destroys.
    this.db.transaction(() => {
      const counts = this.countBallots(v, b.key);
      this.db
        .prepare(
          `UPDATE votes SET state = 'closed', closed_at = ?, present_at_close = ? WHERE vote_id = ?`,
        )
        .run(this.now().toISOString(), present, v.voteId);
      this.db.prepare('DELETE FROM vote_counts WHERE vote_id = ?').run(v.voteId);
      const count = this.db.prepare(
        'INSERT INTO vote_counts (vote_id, option, n) VALUES (?, ?, ?)',
      );
      for (const [o, n] of counts) count.run(v.voteId, o, encodeCount(n));
      this.db.prepare('DELETE FROM vote_ballots WHERE vote_id = ?').run(v.voteId);
    })();
    this.dropKey();
    this.ballotKeys.destroy(b.keyId);
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.openVote = null;
    this.hooks.mode('closed', v.tag);
    this.hooks.changed();
    return this.result(v.voteId);
  }

  /** Announce the latest vote's result (当场公布) and store it as an immutable document. */
  announce(): ResultJson {
    const row = this.latest();
    if (row.state === 'open') {
      throw refuse(
        'VOTE_OPEN',
        `测评 ${row.vote_id} 仍在进行，请先结束 / vote ${row.vote_id} is still open`,
      );
    }
    if (row.state === 'announced') {
      throw refuse(
        'NOTHING_TO_ANNOUNCE',
        `没有可公布的测评结果（测评 ${row.vote_id} 已公布） / nothing closed to announce (vote ${row.vote_id} was announced)`,
      );
    }
    return this.announceVote(row.vote_id);
  }

  announceVote(voteId: number): ResultJson {
    const row = this.row(voteId);
    if (row.state !== 'closed')
      throw refuse(
        'NOT_CLOSED',
        `测评 ${voteId} ${STATE_ZH[row.state]}，不能公布（只能公布已结束的测评） / vote ${voteId} is ${row.state}, not closed`,
      );
    const announcedAt = this.now().toISOString();
    const profile = JSON.parse(row.profile_json) as Profile;
    const r = this.tallyOf(row);
    const doc = resultDocument(this.config.hall, row.session_id, profile, r, {
      voteId,
      title: row.title,
      openedAt: row.opened_at,
      closedAt: row.closed_at!,
      announcedAt,
    });
    const item =
      row.item_id === null
        ? undefined
        : (this.db.prepare('SELECT organ FROM agenda_items WHERE item_id = ?').get(row.item_id) as
            { organ: string } | undefined);
    this.db.transaction(() => {
      this.db.prepare(`UPDATE votes SET state = 'announced' WHERE vote_id = ?`).run(voteId);
      this.db
        .prepare('INSERT INTO results (vote_id, document) VALUES (?, ?)')
        .run(voteId, JSON.stringify(doc));
      this.hooks.announced({
        hall: this.config.hall,
        sessionId: row.session_id,
        voteId,
        itemId: row.item_id,
        title: row.title,
        organ: item?.organ ?? null,
        profile,
        result: r,
        openedAt: row.opened_at,
        closedAt: row.closed_at!,
        announcedAt,
      });
    })();
    if (!this.openVote) this.hooks.mode('idle', 0);
    this.hooks.changed();
    return this.result(voteId);
  }

  private tallyOf(row: VoteRow): TallyResult {
    return tallyOfRow(this.db, row);
  }

  /** The result of a closed or announced vote; refused while it is open (no split while open). */
  result(voteId: number): ResultJson {
    const row = this.row(voteId);
    if (row.state === 'open') {
      throw refuse('VOTE_OPEN', `测评 ${voteId} 仍在进行 / vote ${voteId} is still open`);
    }
    const announcedAt = this.announcedAt(voteId);
    return resultJson(this.tallyOf(row), {
      voteId,
      title: row.title,
      openedAt: row.opened_at,
      closedAt: row.closed_at!,
      ...(announcedAt ? { announcedAt } : {}),
    });
  }

  /** The latest announced vote, or null: its sealed record is what the public screens show. */
  latestAnnouncedId(): number | null {
    const row = this.db
      .prepare(`SELECT vote_id FROM votes WHERE state = 'announced' ORDER BY vote_id DESC LIMIT 1`)
      .get() as { vote_id: number } | undefined;
    return row?.vote_id ?? null;
  }

  latestId(): number | null {
    const row = this.db.prepare('SELECT vote_id FROM votes ORDER BY vote_id DESC LIMIT 1').get() as
      { vote_id: number } | undefined;
    return row?.vote_id ?? null;
  }

  document(voteId: number): unknown {
    const row = this.db.prepare('SELECT document FROM results WHERE vote_id = ?').get(voteId) as
      { document: string } | undefined;
    if (!row)
      throw notFound(
        'NOT_ANNOUNCED',
        `测评 ${voteId} 尚无公布的结果 / vote ${voteId} has no announced result`,
      );
    return JSON.parse(row.document);
  }

  private announcedAt(voteId: number): string | undefined {
    return announcedAtOf(this.db, voteId);
  }

  /** The hall mode the seats should show now (after a restart too). */
  currentMode(): { mode: 'idle' | 'checkin' | 'open' | 'closed'; tag: number } {
    if (this.openVote) return { mode: 'open', tag: this.openVote.tag };
    if (this.attendance.checkinOpen) return { mode: 'checkin', tag: this.attendance.checkinTag };
    const id = this.latestId();
    if (id !== null) {
      const row = this.row(id);
      if (row.state === 'closed') return { mode: 'closed', tag: row.tag };
    }
    return { mode: 'idle', tag: 0 };
  }
}
