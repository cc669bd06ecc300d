import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { TerminalEndReason, TerminalPairingState } from '@hall/shared';
import type { Db } from '../db/open-db';
import { notFound, refuse } from '../errors';

/**
 * Seat terminals (issue 6, issue 10): a technician asks for a short pairing code for a seat, the
 * terminal enters it once and receives a seat credential. That credential is PENDING: it cannot
 * press until the chair confirms it on the chair console, for a seat whose member is present in
 * the current sitting (README "Seat terminals"). Confirming a terminal ends any other live one of
 * the seat; a confirmed terminal belongs to the sitting it was confirmed in, and to the member
 * who sat there then. Pairing (code, redeem, confirm) is refused while a vote is open. Only a
 * hash of each credential is stored.
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS terminal_pairings (
  code TEXT PRIMARY KEY,
  seat TEXT NOT NULL,
  expires_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS terminals (
  terminal_id INTEGER PRIMARY KEY,
  seat TEXT NOT NULL,
  credential_hash TEXT NOT NULL UNIQUE,
  paired_at TEXT NOT NULL,
  revoked_at TEXT
);
`;

/** Columns added by issue 10 (an older data directory gets them; its terminals stay pending). */
const ADDED_COLUMNS = {
  confirmed_at: 'TEXT',
  session_id: 'INTEGER',
  member_id: 'TEXT',
  end_reason: 'TEXT',
} as const;

/** A pairing code is good for this long, once. */
export const PAIRING_TTL_MS = 10 * 60_000;

/** What the terminal service needs to know of the hall (server/src/hall.ts in the app). */
export interface TerminalHallView {
  seats(): readonly string[];
  voteOpen(): boolean;
  sessionId(): number | null;
  occupant(seat: string): { memberId: string; name: string; role: 'member' | 'observer' } | null;
  isPresent(memberId: string): boolean;
}

export interface TerminalInfo {
  terminalId: number;
  seat: string;
  state: TerminalPairingState;
  pairedAt: string;
  confirmedAt: string | null;
  /** When the terminal stopped (revoked, rejected, replaced, sitting ended, seat changed). */
  revokedAt: string | null;
  endReason: TerminalEndReason | null;
}

/** A terminal as the chair sees it: the seat's member and whether they are present now. */
export interface ChairTerminalInfo {
  terminalId: number;
  seat: string;
  state: 'pending' | 'confirmed';
  pairedAt: string;
  confirmedAt: string | null;
  memberId: string | null;
  name: string | null;
  role: 'member' | 'observer' | null;
  present: boolean;
}

/** A credential that is known and not ended; only `confirmed` may press. */
export interface AuthenticatedTerminal {
  terminalId: number;
  seat: string;
  state: 'pending' | 'confirmed';
  /** The member the chair confirmed it for (null while pending). */
  memberId: string | null;
}

interface Row {
  terminal_id: number;
  seat: string;
  credential_hash: string;
  paired_at: string;
  revoked_at: string | null;
  confirmed_at: string | null;
  session_id: number | null;
  member_id: string | null;
  end_reason: TerminalEndReason | null;
}

const hashOf = (credential: string) => createHash('sha256').update(credential, 'utf8').digest();

const voteOpen = () =>
  refuse(
    'VOTE_OPEN',
    '测评进行中，不能配对或确认席位终端 / terminals cannot be paired or confirmed while a vote is open',
  );

export class TerminalService {
  constructor(
    private readonly db: Db,
    private readonly hall: TerminalHallView,
    private readonly now: () => Date = () => new Date(),
  ) {
    db.exec(SCHEMA);
    const have = new Set(
      (db.prepare('PRAGMA table_info(terminals)').all() as { name: string }[]).map((c) => c.name),
    );
    for (const [name, type] of Object.entries(ADDED_COLUMNS))
      if (!have.has(name)) db.exec(`ALTER TABLE terminals ADD COLUMN ${name} ${type}`);
  }

  /** A six-digit code for `seat`, valid for PAIRING_TTL_MS; any earlier code of the seat ends. */
  createPairing(seat: string): { code: string; seat: string; expiresAt: string } {
    if (!this.hall.seats().includes(seat))
      throw notFound(
        'UNKNOWN_SEAT',
        `席位 ${seat} 不属于本会场 / seat ${seat} is not a seat of this hall`,
      );
    if (this.hall.voteOpen()) throw voteOpen();
    const expiresAt = new Date(this.now().getTime() + PAIRING_TTL_MS).toISOString();
    return this.db.transaction(() => {
      this.db
        .prepare('DELETE FROM terminal_pairings WHERE seat = ? OR expires_at <= ?')
        .run(seat, this.now().toISOString());
      let code: string;
      do code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      while (this.db.prepare('SELECT 1 FROM terminal_pairings WHERE code = ?').get(code));
      this.db
        .prepare('INSERT INTO terminal_pairings (code, seat, expires_at) VALUES (?, ?, ?)')
        .run(code, seat, expiresAt);
      return { code, seat, expiresAt };
    })();
  }

  /**
   * Exchange a code for a seat credential (the code is used up). The terminal is pending: it
   * cannot press until the chair confirms it.
   */
  pair(code: string): { seat: string; credential: string; terminalId: number } {
    if (this.hall.voteOpen()) throw voteOpen();
    return this.db.transaction(() => {
      const row = this.db
        .prepare('SELECT seat, expires_at FROM terminal_pairings WHERE code = ?')
        .get(code) as { seat: string; expires_at: string } | undefined;
      if (!row || row.expires_at <= this.now().toISOString()) {
        throw notFound(
          'BAD_PAIRING_CODE',
          `配对码无效或已过期 / the pairing code is wrong or has expired`,
        );
      }
      this.db.prepare('DELETE FROM terminal_pairings WHERE code = ?').run(code);
      const credential = randomBytes(32).toString('base64url');
      const info = this.db
        .prepare('INSERT INTO terminals (seat, credential_hash, paired_at) VALUES (?, ?, ?)')
        .run(row.seat, hashOf(credential).toString('hex'), this.now().toISOString());
      return { seat: row.seat, credential, terminalId: Number(info.lastInsertRowid) };
    })();
  }

  /**
   * The chair confirms a pending terminal: only outside a vote, in a sitting, for a seat whose
   * occupant is a member who is present now. Any other live terminal of the seat ends
   * ('replaced'); its id is returned so its socket can be closed.
   */
  confirm(terminalId: number): { terminalId: number; seat: string; replaced: number[] } {
    if (this.hall.voteOpen()) throw voteOpen();
    this.sweep();
    const row = this.live(terminalId);
    if (row.confirmed_at !== null)
      throw refuse(
        'TERMINAL_CONFIRMED',
        `终端 ${terminalId} 已经确认 / terminal ${terminalId} is already confirmed`,
      );
    const sessionId = this.hall.sessionId();
    if (sessionId === null)
      throw refuse('NO_SESSION', '尚未开始会议，不能确认终端 / no sitting is in progress');
    const occupant = this.hall.occupant(row.seat);
    if (!occupant || occupant.role !== 'member')
      throw refuse(
        'SEAT_NOT_A_MEMBER',
        `席位 ${row.seat} 不是组成人员的席位，终端不能用于表决 / seat ${row.seat} is not a member's seat`,
      );
    if (!this.hall.isPresent(occupant.memberId))
      throw refuse(
        'MEMBER_NOT_PRESENT',
        `${occupant.name}（席位 ${row.seat}）尚未签到，不能确认其终端 / ${row.seat}: the member has not checked in, so the terminal cannot be confirmed`,
      );
    const at = this.now().toISOString();
    return this.db.transaction(() => {
      const others = this.db
        .prepare(
          `SELECT terminal_id FROM terminals
           WHERE seat = ? AND terminal_id <> ? AND revoked_at IS NULL AND confirmed_at IS NOT NULL`,
        )
        .all(row.seat, terminalId) as { terminal_id: number }[];
      const end = this.db.prepare(
        `UPDATE terminals SET revoked_at = ?, end_reason = 'replaced' WHERE terminal_id = ?`,
      );
      for (const o of others) end.run(at, o.terminal_id);
      this.db
        .prepare(
          'UPDATE terminals SET confirmed_at = ?, session_id = ?, member_id = ? WHERE terminal_id = ?',
        )
        .run(at, sessionId, occupant.memberId, terminalId);
      return { terminalId, seat: row.seat, replaced: others.map((o) => o.terminal_id) };
    })();
  }

  /** The chair rejects a pending terminal: its credential ends at once. */
  reject(terminalId: number): void {
    const row = this.live(terminalId);
    if (row.confirmed_at !== null)
      throw refuse(
        'TERMINAL_CONFIRMED',
        `终端 ${terminalId} 已经确认，请由技术人员撤销 / terminal ${terminalId} is confirmed; revoke it instead`,
      );
    this.end(terminalId, 'rejected');
  }

  /**
   * The terminal a credential belongs to, if it is well formed, known and not ended. A confirmed
   * terminal whose sitting is over, or whose seat now holds someone else, ends here.
   */
  authenticate(credential: unknown): AuthenticatedTerminal | null {
    if (typeof credential !== 'string' || !/^[A-Za-z0-9_-]{43}$/.test(credential)) return null;
    const hash = hashOf(credential);
    const row = this.db
      .prepare('SELECT * FROM terminals WHERE credential_hash = ?')
      .get(hash.toString('hex')) as Row | undefined;
    if (!row || row.revoked_at !== null) return null;
    if (!timingSafeEqual(Buffer.from(row.credential_hash, 'hex'), hash)) return null;
    return this.check(row);
  }

  /** The terminal `terminalId` as it stands now, or null if it has ended (the live sockets). */
  current(terminalId: number): AuthenticatedTerminal | null {
    const row = this.db.prepare('SELECT * FROM terminals WHERE terminal_id = ?').get(terminalId) as
      Row | undefined;
    if (!row || row.revoked_at !== null) return null;
    return this.check(row);
  }

  /** The technician revokes a terminal, pending or confirmed. */
  revoke(terminalId: number): void {
    this.live(terminalId);
    this.end(terminalId, 'revoked');
  }

  list(): TerminalInfo[] {
    this.sweep();
    return (this.db.prepare('SELECT * FROM terminals ORDER BY terminal_id').all() as Row[]).map(
      (r) => ({
        terminalId: r.terminal_id,
        seat: r.seat,
        state: r.revoked_at !== null ? 'ended' : r.confirmed_at !== null ? 'confirmed' : 'pending',
        pairedAt: r.paired_at,
        confirmedAt: r.confirmed_at,
        revokedAt: r.revoked_at,
        endReason: r.revoked_at !== null ? (r.end_reason ?? 'revoked') : null,
      }),
    );
  }

  /** The terminals not ended, pending first, with each seat's member and presence. */
  forChair(): ChairTerminalInfo[] {
    this.sweep();
    const rows = this.db
      .prepare(
        `SELECT * FROM terminals WHERE revoked_at IS NULL
         ORDER BY confirmed_at IS NOT NULL, seat, terminal_id`,
      )
      .all() as Row[];
    return rows.map((r) => {
      const o = this.hall.occupant(r.seat);
      return {
        terminalId: r.terminal_id,
        seat: r.seat,
        state: r.confirmed_at !== null ? 'confirmed' : 'pending',
        pairedAt: r.paired_at,
        confirmedAt: r.confirmed_at,
        memberId: o?.memberId ?? null,
        name: o?.name ?? null,
        role: o?.role ?? null,
        present: o ? this.hall.isPresent(o.memberId) : false,
      };
    });
  }

  /** The seats that vote by a confirmed terminal now. */
  terminalSeats(): string[] {
    return this.forChair()
      .filter((t) => t.state === 'confirmed')
      .map((t) => t.seat);
  }

  /** End every confirmed terminal whose sitting is over or whose seat changed hands. */
  sweep(): number[] {
    const rows = this.db
      .prepare('SELECT * FROM terminals WHERE revoked_at IS NULL AND confirmed_at IS NOT NULL')
      .all() as Row[];
    const ended: number[] = [];
    for (const r of rows) if (this.check(r) === null) ended.push(r.terminal_id);
    return ended;
  }

  /** A not-ended row as it stands now; ends it (and answers null) if it no longer holds. */
  private check(row: Row): AuthenticatedTerminal | null {
    if (row.confirmed_at === null)
      return { terminalId: row.terminal_id, seat: row.seat, state: 'pending', memberId: null };
    if (row.session_id !== this.hall.sessionId()) {
      this.end(row.terminal_id, 'sitting-ended');
      return null;
    }
    if (this.hall.occupant(row.seat)?.memberId !== row.member_id) {
      this.end(row.terminal_id, 'seat-changed');
      return null;
    }
    return {
      terminalId: row.terminal_id,
      seat: row.seat,
      state: 'confirmed',
      memberId: row.member_id,
    };
  }

  private live(terminalId: number): Row {
    const row = this.db
      .prepare('SELECT * FROM terminals WHERE terminal_id = ? AND revoked_at IS NULL')
      .get(terminalId) as Row | undefined;
    if (!row)
      throw notFound(
        'TERMINAL_NOT_FOUND',
        `没有已配对的终端 ${terminalId} / no paired terminal ${terminalId}`,
      );
    return row;
  }

  private end(terminalId: number, reason: TerminalEndReason): void {
    this.db
      .prepare(
        'UPDATE terminals SET revoked_at = ?, end_reason = ? WHERE terminal_id = ? AND revoked_at IS NULL',
      )
      .run(this.now().toISOString(), reason, terminalId);
  }
}
