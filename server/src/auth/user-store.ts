import type { Role } from '@hall/shared';
import type { Db } from '../db/open-db';

/** A console user's row (db/schema.ts `users`). */
export interface UserRow {
  role: Role;
  salt: string;
  hash: string;
  must_change: number;
}

/**
 * The SQL of console users (db/schema.ts `users`; login tokens live in memory, in the user
 * service). Opening adds the `must_change` column of issue 10 to an older database: its users
 * keep their passwords as they are (0).
 */
export class UserStore {
  constructor(private readonly db: Db) {
    const cols = db.prepare('PRAGMA table_info(users)').all() as { name: string }[];
    if (!cols.some((c) => c.name === 'must_change')) {
      db.exec('ALTER TABLE users ADD COLUMN must_change INTEGER NOT NULL DEFAULT 0');
    }
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n;
  }

  /** A function that inserts one user (the statement prepared once). */
  inserter(): (
    username: string,
    role: Role,
    salt: string,
    hash: string,
    mustChange: boolean,
  ) => void {
    const insert = this.db.prepare(
      'INSERT INTO users (username, role, salt, hash, must_change) VALUES (?, ?, ?, ?, ?)',
    );
    return (username, role, salt, hash, mustChange) => {
      insert.run(username, role, salt, hash, mustChange ? 1 : 0);
    };
  }

  byName(username: string): UserRow | undefined {
    return this.db
      .prepare('SELECT role, salt, hash, must_change FROM users WHERE username = ?')
      .get(username) as UserRow | undefined;
  }

  /** Set a new password; the user is no longer on an initial one. */
  setPassword(username: string, salt: string, hash: string): void {
    this.db
      .prepare('UPDATE users SET salt = ?, hash = ?, must_change = 0 WHERE username = ?')
      .run(salt, hash, username);
  }

  /** How many users are still on an initial password. */
  mustChangeCount(): number {
    return (
      this.db.prepare('SELECT count(*) AS n FROM users WHERE must_change = 1').get() as {
        n: number;
      }
    ).n;
  }
}
