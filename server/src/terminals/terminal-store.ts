import type { TerminalEndReason } from '@hall/shared';
import type { Db } from '../db/open-db';

/** A row of `terminals`. */
export interface TerminalRow {
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

/** The SQL of seat terminals (terminal-service.ts decides and sequences). */
export class TerminalStore {
  /** Its tables are made by the migrations (db/migrations/002-baseline.ts). */
  constructor(private readonly db: Db) {}

  /** Delete the pairing codes of `seat` and every code expired at `now`. */
  dropPairings(seat: string, now: string): void {
    this.db
      .prepare('DELETE FROM terminal_pairings WHERE seat = ? OR expires_at <= ?')
      .run(seat, now);
  }

  pairingCodeTaken(code: string): boolean {
    return Boolean(this.db.prepare('SELECT 1 FROM terminal_pairings WHERE code = ?').get(code));
  }

  insertPairing(code: string, seat: string, expiresAt: string): void {
    this.db
      .prepare('INSERT INTO terminal_pairings (code, seat, expires_at) VALUES (?, ?, ?)')
      .run(code, seat, expiresAt);
  }

  pairing(code: string): { seat: string; expires_at: string } | undefined {
    return this.db
      .prepare('SELECT seat, expires_at FROM terminal_pairings WHERE code = ?')
      .get(code) as { seat: string; expires_at: string } | undefined;
  }

  deletePairing(code: string): void {
    this.db.prepare('DELETE FROM terminal_pairings WHERE code = ?').run(code);
  }

  /** Insert a (pending) terminal; returns its id. */
  insertTerminal(seat: string, credentialHash: string, pairedAt: string): number {
    const info = this.db
      .prepare('INSERT INTO terminals (seat, credential_hash, paired_at) VALUES (?, ?, ?)')
      .run(seat, credentialHash, pairedAt);
    return Number(info.lastInsertRowid);
  }

  /** The other confirmed, not ended terminals of `seat`. */
  otherConfirmed(seat: string, terminalId: number): number[] {
    const rows = this.db
      .prepare(
        `SELECT terminal_id FROM terminals
         WHERE seat = ? AND terminal_id <> ? AND revoked_at IS NULL AND confirmed_at IS NOT NULL`,
      )
      .all(seat, terminalId) as { terminal_id: number }[];
    return rows.map((r) => r.terminal_id);
  }

  /** End `terminalIds` as replaced at `at`. */
  replaced(terminalIds: readonly number[], at: string): void {
    const end = this.db.prepare(
      `UPDATE terminals SET revoked_at = ?, end_reason = 'replaced' WHERE terminal_id = ?`,
    );
    for (const id of terminalIds) end.run(at, id);
  }

  confirm(terminalId: number, at: string, sessionId: number, memberId: string): void {
    this.db
      .prepare(
        'UPDATE terminals SET confirmed_at = ?, session_id = ?, member_id = ? WHERE terminal_id = ?',
      )
      .run(at, sessionId, memberId, terminalId);
  }

  byCredentialHash(hash: string): TerminalRow | undefined {
    return this.db.prepare('SELECT * FROM terminals WHERE credential_hash = ?').get(hash) as
      TerminalRow | undefined;
  }

  byId(terminalId: number): TerminalRow | undefined {
    return this.db.prepare('SELECT * FROM terminals WHERE terminal_id = ?').get(terminalId) as
      TerminalRow | undefined;
  }

  /** A terminal that has not ended, or undefined. */
  live(terminalId: number): TerminalRow | undefined {
    return this.db
      .prepare('SELECT * FROM terminals WHERE terminal_id = ? AND revoked_at IS NULL')
      .get(terminalId) as TerminalRow | undefined;
  }

  /** Every terminal, in id order. */
  all(): TerminalRow[] {
    return this.db.prepare('SELECT * FROM terminals ORDER BY terminal_id').all() as TerminalRow[];
  }

  /** The terminals not ended: pending first, then by seat and id. */
  notEnded(): TerminalRow[] {
    return this.db
      .prepare(
        `SELECT * FROM terminals WHERE revoked_at IS NULL
         ORDER BY confirmed_at IS NOT NULL, seat, terminal_id`,
      )
      .all() as TerminalRow[];
  }

  /** The confirmed terminals not ended. */
  liveConfirmed(): TerminalRow[] {
    return this.db
      .prepare('SELECT * FROM terminals WHERE revoked_at IS NULL AND confirmed_at IS NOT NULL')
      .all() as TerminalRow[];
  }

  /** End a terminal (if not ended yet) at `at` for `reason`. */
  end(terminalId: number, at: string, reason: TerminalEndReason): void {
    this.db
      .prepare(
        'UPDATE terminals SET revoked_at = ?, end_reason = ? WHERE terminal_id = ? AND revoked_at IS NULL',
      )
      .run(at, reason, terminalId);
  }
}
