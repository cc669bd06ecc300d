import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { TerminalEndReason, TerminalPairingState } from '@hall/shared';
import type { Db } from '../db/open-db';
import { notFound, refuse } from '../errors';
import { TerminalStore, type TerminalRow as Row } from './terminal-store';

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

const hashOf = (credential: string) => createHash('sha256').update(credential, 'utf8').digest();

const voteOpen = () =>
  refuse(
    'VOTE_OPEN',
    '测评进行中，不能配对或确认席位终端 / terminals cannot be paired or confirmed while a vote is open',
  );

/**
 * Seat terminals (issue 6, issue 10): a technician asks for a short pairing code for a seat, the
 * terminal enters it once and receives a seat credential. That credential is PENDING: it cannot
 * press until the chair confirms it on the chair console, for a seat whose member is present in
 * the current sitting (README "Seat terminals"). Confirming a terminal ends any other live one of
 * the seat; a confirmed terminal belongs to the sitting it was confirmed in, and to the member
 * who sat there then. Pairing (code, redeem, confirm) is refused while a vote is open. Only a
 * hash of each credential is stored.
 */
export class TerminalService {
  private readonly store: TerminalStore;

  constructor(
    private readonly db: Db,
    private readonly hall: TerminalHallView,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.store = new TerminalStore(db);
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
      this.store.dropPairings(seat, this.now().toISOString());
      let code: string;
      do code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      while (this.store.pairingCodeTaken(code));
      this.store.insertPairing(code, seat, expiresAt);
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
      const row = this.store.pairing(code);
      if (!row || row.expires_at <= this.now().toISOString()) {
        throw notFound(
          'BAD_PAIRING_CODE',
          `配对码无效或已过期 / the pairing code is wrong or has expired`,
        );
      }
      this.store.deletePairing(code);
      const credential = randomBytes(32).toString('base64url');
      const terminalId = this.store.insertTerminal(
        row.seat,
        hashOf(credential).toString('hex'),
        this.now().toISOString(),
      );
      return { seat: row.seat, credential, terminalId };
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
      const replaced = this.store.otherConfirmed(row.seat, terminalId);
      this.store.replaced(replaced, at);
      this.store.confirm(terminalId, at, sessionId, occupant.memberId);
      return { terminalId, seat: row.seat, replaced };
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
    const row = this.store.byCredentialHash(hash.toString('hex'));
    if (!row || row.revoked_at !== null) return null;
    if (!timingSafeEqual(Buffer.from(row.credential_hash, 'hex'), hash)) return null;
    return this.check(row);
  }

  /** The terminal `terminalId` as it stands now, or null if it has ended (the live sockets). */
  current(terminalId: number): AuthenticatedTerminal | null {
    const row = this.store.byId(terminalId);
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
    return this.store.all().map((r) => ({
      terminalId: r.terminal_id,
      seat: r.seat,
      state: r.revoked_at !== null ? 'ended' : r.confirmed_at !== null ? 'confirmed' : 'pending',
      pairedAt: r.paired_at,
      confirmedAt: r.confirmed_at,
      revokedAt: r.revoked_at,
      endReason: r.revoked_at !== null ? (r.end_reason ?? 'revoked') : null,
    }));
  }

  /** The terminals not ended, pending first, with each seat's member and presence. */
  forChair(): ChairTerminalInfo[] {
    this.sweep();
    return this.store.notEnded().map((r) => {
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
    const ended: number[] = [];
    for (const r of this.store.liveConfirmed())
      if (this.check(r) === null) ended.push(r.terminal_id);
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
    const row = this.store.live(terminalId);
    if (!row)
      throw notFound(
        'TERMINAL_NOT_FOUND',
        `没有已配对的终端 ${terminalId} / no paired terminal ${terminalId}`,
      );
    return row;
  }

  private end(terminalId: number, reason: TerminalEndReason): void {
    this.store.end(terminalId, this.now().toISOString(), reason);
  }
}
