import type { Migration } from '../migrations';

/**
 * Issue 12 "Accounts": login sessions that survive a restart, and console users the secretariat
 * can disable.
 *
 * - `login_sessions`: one row per console login. Only the SHA-256 (lower-case hex) of the bearer
 *   token is kept, never the token: a copy of the data directory gives nothing to log in with.
 *   `created_at` (absolute expiry) and `last_seen_at` (idle expiry) are ISO 8601 UTC text.
 * - `users.disabled`: a disabled user cannot log in and has no sessions.
 * - `users.created_at`: when the secretariat added the user (NULL for the users of the first
 *   start and of older files).
 * - `users.issued_by`: who last issued this user's credentials or role (added them, reset their
 *   password, changed their role); NULL for the users of the first start. A correction is not
 *   confirmed by a chair whose account its proposer issued (records/corrections.ts): a
 *   secretariat user must not be both persons of the two-person rule through an account they
 *   made or reset.
 *
 * Safe to run on a file that already has them (each step checks first).
 */
export const accountsMigration: Migration = {
  version: 3,
  name: 'login sessions and user accounts',
  up(db) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS login_sessions (
        token_sha256 TEXT PRIMARY KEY,
        username TEXT NOT NULL REFERENCES users (username) ON DELETE CASCADE,
        created_at TEXT NOT NULL,
        last_seen_at TEXT NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS login_sessions_by_username ON login_sessions (username);
    `);
    const cols = (db.prepare('PRAGMA table_info(users)').all() as { name: string }[]).map(
      (c) => c.name,
    );
    if (!cols.includes('disabled')) {
      db.exec('ALTER TABLE users ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0');
    }
    if (!cols.includes('created_at')) db.exec('ALTER TABLE users ADD COLUMN created_at TEXT');
    if (!cols.includes('issued_by')) db.exec('ALTER TABLE users ADD COLUMN issued_by TEXT');
  },
};
