import type { Role } from '@hall/shared';
import type { Db } from '../db/open-db';

/** A login session with its user, as `principal()` needs it (one indexed read). */
export interface SessionRow {
  username: string;
  created_at: string;
  last_seen_at: string;
  role: Role;
  must_change: number;
  disabled: number;
}

/**
 * The SQL of console login sessions (db/migrations/003-accounts.ts `login_sessions`). A session
 * is named by the SHA-256 of its bearer token (`tokenSha256`, lower-case hex): the token itself
 * is never stored. Times are ISO 8601 UTC text (they compare as text).
 */
export class LoginSessionStore {
  private readonly getStmt;
  private readonly touchStmt;

  constructor(private readonly db: Db) {
    this.getStmt = db.prepare(
      `SELECT s.username, s.created_at, s.last_seen_at, u.role, u.must_change, u.disabled
         FROM login_sessions s JOIN users u ON u.username = s.username
        WHERE s.token_sha256 = ?`,
    );
    this.touchStmt = db.prepare(
      'UPDATE login_sessions SET last_seen_at = ? WHERE token_sha256 = ? AND last_seen_at < ?',
    );
  }

  insert(tokenSha256: string, username: string, now: string): void {
    this.db
      .prepare(
        'INSERT INTO login_sessions (token_sha256, username, created_at, last_seen_at) VALUES (?, ?, ?, ?)',
      )
      .run(tokenSha256, username, now, now);
  }

  get(tokenSha256: string): SessionRow | undefined {
    return this.getStmt.get(tokenSha256) as SessionRow | undefined;
  }

  /** Set `last_seen_at` to `now` if it is older than `before` (one write a minute, not per call). */
  touch(tokenSha256: string, now: string, before: string): void {
    this.touchStmt.run(now, tokenSha256, before);
  }

  /** Delete one session; whether it existed. */
  delete(tokenSha256: string): boolean {
    return (
      this.db.prepare('DELETE FROM login_sessions WHERE token_sha256 = ?').run(tokenSha256)
        .changes > 0
    );
  }

  /** Delete a user's sessions (but `keep`, if given); the deleted ones. */
  deleteForUser(username: string, keep?: string): string[] {
    const rows = this.db
      .prepare(
        'DELETE FROM login_sessions WHERE username = ? AND token_sha256 != ? RETURNING token_sha256',
      )
      .all(username, keep ?? '') as { token_sha256: string }[];
    return rows.map((r) => r.token_sha256);
  }

  /**
   * Delete the sessions idle since before `idleBefore` or created before `createdBefore`, and
   * those of disabled users; the deleted ones, with their user.
   */
  deleteExpired(
    idleBefore: string,
    createdBefore: string,
  ): { username: string; token_sha256: string }[] {
    return this.db
      .prepare(
        `DELETE FROM login_sessions
          WHERE last_seen_at < ? OR created_at < ?
             OR username IN (SELECT username FROM users WHERE disabled = 1)
          RETURNING username, token_sha256`,
      )
      .all(idleBefore, createdBefore) as { username: string; token_sha256: string }[];
  }

  /** How many sessions each user has (users without one are not in the map). */
  countsByUser(): Map<string, number> {
    const rows = this.db
      .prepare('SELECT username, count(*) AS n FROM login_sessions GROUP BY username')
      .all() as { username: string; n: number }[];
    return new Map(rows.map((r) => [r.username, r.n]));
  }
}
