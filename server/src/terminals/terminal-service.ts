import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { Db } from '../db/open-db';
import { notFound } from '../errors';

/**
 * Seat terminals (issue 6): a technician asks for a short pairing code for a seat, the terminal
 * enters it once and receives a seat credential; the credential only ever presses for that
 * seat, and the technician can revoke it. Only a hash of each credential is stored.
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

/** A pairing code is good for this long, once. */
export const PAIRING_TTL_MS = 10 * 60_000;

export interface TerminalInfo {
  terminalId: number;
  seat: string;
  pairedAt: string;
  revokedAt: string | null;
}

const hashOf = (credential: string) => createHash('sha256').update(credential, 'utf8').digest();

export class TerminalService {
  constructor(
    private readonly db: Db,
    private readonly seats: () => readonly string[],
    private readonly now: () => Date = () => new Date(),
  ) {
    db.exec(SCHEMA);
  }

  /** A six-digit code for `seat`, valid for PAIRING_TTL_MS; any earlier code of the seat ends. */
  createPairing(seat: string): { code: string; seat: string; expiresAt: string } {
    if (!this.seats().includes(seat))
      throw notFound(
        'UNKNOWN_SEAT',
        `席位 ${seat} 不属于本会场 / seat ${seat} is not a seat of this hall`,
      );
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

  /** Exchange a code for a seat credential (the code is used up). */
  pair(code: string): { seat: string; credential: string; terminalId: number } {
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

  /** The terminal a credential belongs to, if it is well formed, known and not revoked. */
  authenticate(credential: unknown): { terminalId: number; seat: string } | null {
    if (typeof credential !== 'string' || !/^[A-Za-z0-9_-]{43}$/.test(credential)) return null;
    const hash = hashOf(credential);
    const row = this.db
      .prepare(
        'SELECT terminal_id, seat, credential_hash, revoked_at FROM terminals WHERE credential_hash = ?',
      )
      .get(hash.toString('hex')) as
      | { terminal_id: number; seat: string; credential_hash: string; revoked_at: string | null }
      | undefined;
    if (!row || row.revoked_at !== null) return null;
    if (!timingSafeEqual(Buffer.from(row.credential_hash, 'hex'), hash)) return null;
    return { terminalId: row.terminal_id, seat: row.seat };
  }

  revoke(terminalId: number): void {
    const r = this.db
      .prepare('UPDATE terminals SET revoked_at = ? WHERE terminal_id = ? AND revoked_at IS NULL')
      .run(this.now().toISOString(), terminalId);
    if (r.changes === 0)
      throw notFound(
        'TERMINAL_NOT_FOUND',
        `没有已配对的终端 ${terminalId} / no paired terminal ${terminalId}`,
      );
  }

  list(): TerminalInfo[] {
    return (
      this.db
        .prepare(
          'SELECT terminal_id, seat, paired_at, revoked_at FROM terminals ORDER BY terminal_id',
        )
        .all() as {
        terminal_id: number;
        seat: string;
        paired_at: string;
        revoked_at: string | null;
      }[]
    ).map((r) => ({
      terminalId: r.terminal_id,
      seat: r.seat,
      pairedAt: r.paired_at,
      revokedAt: r.revoked_at,
    }));
  }
}
