import type { Role } from '@hall/shared';
import type { Db } from '../db/open-db';

/** A console user's row (db/schema.ts `users`). */
export interface UserRow {
  role: Role;
  salt: string;
  hash: string;
  must_change: number;
  /** Issue 12: 1 = may not log in (db/migrations/003-accounts.ts). */
  disabled: number;
}

/** A user as the secretariat's list shows it (never the password's salt or hash). */
export interface UserListRow {
  username: string;
  role: Role;
  must_change: number;
  disabled: number;
}

/**
 * The SQL of console users (db/schema.ts `users`; `disabled` and `created_at` from
 * db/migrations/003-accounts.ts; login sessions are auth/login-session-store.ts). The baseline
 * migration adds the `must_change` column of issue 10 to an older database: its users keep
 * their passwords as they are (0).
 */
export class UserStore {
  /** Its table and columns are made by the migrations (db/migrations/), never here. */
  constructor(private readonly db: Db) {}

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
      .prepare('SELECT role, salt, hash, must_change, disabled FROM users WHERE username = ?')
      .get(username) as UserRow | undefined;
  }

  /** Every user, by name. */
  list(): UserListRow[] {
    return this.db
      .prepare('SELECT username, role, must_change, disabled FROM users ORDER BY username')
      .all() as UserListRow[];
  }

  /** Add a user on an initial password (`must_change` = 1); false if the name is taken. */
  create(
    username: string,
    role: Role,
    salt: string,
    hash: string,
    now: string,
    issuedBy: string,
  ): boolean {
    return (
      this.db
        .prepare(
          `INSERT INTO users (username, role, salt, hash, must_change, disabled, created_at, issued_by)
           VALUES (?, ?, ?, ?, 1, 0, ?, ?) ON CONFLICT (username) DO NOTHING`,
        )
        .run(username, role, salt, hash, now, issuedBy).changes > 0
    );
  }

  setRole(username: string, role: Role, issuedBy: string): void {
    this.db
      .prepare('UPDATE users SET role = ?, issued_by = ? WHERE username = ?')
      .run(role, issuedBy, username);
  }

  /** Who last issued the user's credentials or role (null: the hall's first start). */
  issuedBy(username: string): string | null {
    const row = this.db.prepare('SELECT issued_by FROM users WHERE username = ?').get(username) as
      { issued_by: string | null } | undefined;
    return row?.issued_by ?? null;
  }

  setDisabled(username: string, disabled: boolean): void {
    this.db
      .prepare('UPDATE users SET disabled = ? WHERE username = ?')
      .run(disabled ? 1 : 0, username);
  }

  /** A new initial password, set by the secretariat: to be changed at the next login. */
  resetPassword(username: string, salt: string, hash: string, issuedBy: string): void {
    this.db
      .prepare(
        'UPDATE users SET salt = ?, hash = ?, must_change = 1, issued_by = ? WHERE username = ?',
      )
      .run(salt, hash, issuedBy, username);
  }

  /** How many enabled users hold the secretariat role (who can manage users). */
  enabledSecretariats(): number {
    return (
      this.db
        .prepare("SELECT count(*) AS n FROM users WHERE role = 'secretariat' AND disabled = 0")
        .get() as { n: number }
    ).n;
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
