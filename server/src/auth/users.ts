import { randomBytes, createHash, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Role } from '@hall/shared';
import type { Db } from '../db/open-db';
import { hashPassword, randomPassword, verifyPassword } from './passwords';
import { LoginSessionStore, type SessionRow } from './login-session-store';
import { UserStore } from './user-store';

/** Console users (issue 3 "Access"): one per role, created on first start. */
export const CONSOLE_USERS: readonly { username: string; role: Role }[] = [
  { username: 'chair', role: 'chair' },
  { username: 'secretariat', role: 'secretariat' },
  { username: 'technician', role: 'technician' },
];

/** The documented demo passwords (server/README.md); used only in demo mode. */
export const DEMO_PASSWORDS: Record<string, string> = {
  chair: 'chair-demo',
  secretariat: 'secretariat-demo',
  technician: 'technician-demo',
};

/** The roles in the words of a refusal (`无权操作：须为主持人`). */
export const ROLE_ZH: Record<Role, string> = {
  chair: '主持人',
  secretariat: '工作机构',
  technician: '技术人员',
  display: '会场显示屏',
};

export interface Principal {
  username: string;
  roles: Role[];
  /** A console user still on an initial password: may only change it (or log out). */
  mustChange?: boolean;
  /** The login session (SHA-256 of the token); none for the operator token. */
  loginSession?: string;
}

/** What a login answers (shared LoginReply). */
export interface LoginResult {
  token: string;
  role: Role;
  mustChangePassword: boolean;
}

/** Where the initial passwords of a first start outside demo mode are written. */
export const INITIAL_PASSWORDS_FILE = 'initial-passwords.txt';

/** A sitting day: a login ends after 4 hours unused, and 16 hours after it was made. */
export const DEFAULT_SESSION_IDLE_MINUTES = 4 * 60;
export const DEFAULT_SESSION_MAX_HOURS = 16;
/** `last_seen_at` is written at most this often per session (not on every request). */
export const SESSION_TOUCH_MS = 60_000;
/** How often expired sessions are deleted (and their sockets closed), besides at login. */
export const SESSION_SWEEP_MS = 60_000;

export interface UserServiceOptions {
  now?: () => Date;
  /** HALL_SESSION_IDLE_MINUTES. */
  idleMinutes?: number;
  /** HALL_SESSION_MAX_HOURS. */
  maxHours?: number;
}

/** Sessions of `username` ended: those named (token hashes), or every one (`'all'`). */
export type SessionsEndedListener = (username: string, sessions: readonly string[] | 'all') => void;

/** The SHA-256 of a bearer token, lower-case hex: how a login session is named and stored. */
export function tokenSha256(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Users, login and bearer tokens (issue 12 "Accounts"). A login is a row of `login_sessions`
 * named by the SHA-256 of its token (the token itself is never stored), so it survives a
 * restart; it ends after `idleMinutes` unused or `maxHours` after login, at logout, and when
 * the secretariat disables, resets or changes the role of its user. The database is the truth:
 * every `principal()` reads it (one indexed read; `last_seen_at` is written at most once a
 * minute). `HALL_OPERATOR_TOKEN` is a fixed token with chair and secretariat rights for scripts.
 */
export class UserService {
  private dataDir: string | null = null;
  private readonly store: UserStore;
  private readonly sessions: LoginSessionStore;
  private readonly now: () => Date;
  private readonly idleMs: number;
  private readonly maxMs: number;
  private readonly listeners = new Set<SessionsEndedListener>();

  constructor(
    db: Db,
    private readonly operatorToken: string | undefined,
    opts: UserServiceOptions = {},
  ) {
    // The tables are the migrations' (db/migrations/, 003-accounts for the sessions).
    this.store = new UserStore(db);
    this.sessions = new LoginSessionStore(db);
    this.now = opts.now ?? (() => new Date());
    this.idleMs = (opts.idleMinutes ?? DEFAULT_SESSION_IDLE_MINUTES) * 60_000;
    this.maxMs = (opts.maxHours ?? DEFAULT_SESSION_MAX_HOURS) * 3600_000;
  }

  /**
   * Create the console users if there are none: demo passwords in demo mode, otherwise random
   * ones written to `<dataDir>/initial-passwords.txt` (mode 0600), each to be changed at first
   * login (`must_change`). Returns that file, if written.
   */
  async ensureUsers(demo: boolean, dataDir: string): Promise<string | null> {
    this.dataDir = dataDir;
    if (this.store.count() > 0) return null;
    const lines: string[] = [];
    const insert = this.store.inserter();
    for (const u of CONSOLE_USERS) {
      const password = demo ? DEMO_PASSWORDS[u.username]! : randomPassword();
      const { salt, hash } = await hashPassword(password);
      insert(u.username, u.role, salt, hash, !demo);
      lines.push(`${u.username} ${password}`);
    }
    if (demo) return null;
    const file = path.join(dataDir, INITIAL_PASSWORDS_FILE);
    writeFileSync(file, `${lines.join('\n')}\n`, { mode: 0o600 });
    chmodSync(file, 0o600);
    return file;
  }

  /**
   * Log in: a new session, or null for a wrong name or password, or `'disabled'` for the right
   * password of a disabled user (the route refuses it exactly as a wrong password).
   */
  async login(username: string, password: string): Promise<LoginResult | 'disabled' | null> {
    const row = this.store.byName(username);
    // Hash even for an unknown user, so timing does not tell which names exist.
    const ok = row
      ? await verifyPassword(password, row.salt, row.hash)
      : (await verifyPassword(password, '00', '00'), false);
    if (!row || !ok) return null;
    if (row.disabled === 1) return 'disabled';
    this.sweep();
    const token = randomBytes(32).toString('base64url');
    this.sessions.insert(tokenSha256(token), username, this.now().toISOString());
    return { token, role: row.role, mustChangePassword: row.must_change === 1 };
  }

  /**
   * Change a console user's password (the old one checked): clears `must_change`, ends the
   * user's other sessions (the calling one stays valid). Once no user is left on an initial
   * password, the initial-passwords file is deleted; returns it then.
   */
  async changePassword(
    token: string,
    oldPassword: string,
    newPassword: string,
  ): Promise<'wrong-old' | 'no-user' | { removedFile: string | null }> {
    const key = tokenSha256(token);
    const session = this.sessions.get(key);
    if (!session) return 'no-user';
    const username = session.username;
    const row = this.store.byName(username);
    if (!row) return 'no-user';
    if (!(await verifyPassword(oldPassword, row.salt, row.hash))) return 'wrong-old';
    const { salt, hash } = await hashPassword(newPassword);
    this.store.setPassword(username, salt, hash);
    const ended = this.sessions.deleteForUser(username, key);
    if (ended.length > 0) this.emit(username, ended);
    return { removedFile: this.removeInitialPasswordsIfDone() };
  }

  /** Delete the initial-passwords file once every user created with one has changed it. */
  private removeInitialPasswordsIfDone(): string | null {
    if (!this.dataDir) return null;
    if (this.store.mustChangeCount() > 0) return null;
    const file = path.join(this.dataDir, INITIAL_PASSWORDS_FILE);
    if (!existsSync(file)) return null;
    unlinkSync(file);
    return file;
  }

  logout(token: string): void {
    const key = tokenSha256(token);
    const session = this.sessions.get(key);
    if (session && this.sessions.delete(key)) this.emit(session.username, [key]);
  }

  /** End every session of `username` at once (its sockets too, through the listeners). */
  endSessions(username: string): void {
    this.sessions.deleteForUser(username);
    this.emit(username, 'all');
  }

  /** How many sessions each user has now (expired ones deleted first). */
  sessionCounts(): Map<string, number> {
    this.sweep();
    return this.sessions.countsByUser();
  }

  /** Delete the expired sessions (and those of disabled users); how many were deleted. */
  sweep(): number {
    const now = this.now().getTime();
    const ended = this.sessions.deleteExpired(
      new Date(now - this.idleMs).toISOString(),
      new Date(now - this.maxMs).toISOString(),
    );
    const byUser = new Map<string, string[]>();
    for (const e of ended)
      byUser.set(e.username, [...(byUser.get(e.username) ?? []), e.token_sha256]);
    for (const [username, keys] of byUser) this.emit(username, keys);
    return ended.length;
  }

  /** Sweep every `everyMs` (the timer does not hold the process open); returns the stop. */
  startSweeping(everyMs = SESSION_SWEEP_MS): () => void {
    const timer = setInterval(() => this.sweep(), everyMs);
    timer.unref();
    return () => clearInterval(timer);
  }

  /** Be told when sessions end (the live hub closes their sockets); returns the unsubscribe. */
  onSessionsEnded(listener: SessionsEndedListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(username: string, sessions: readonly string[] | 'all'): void {
    for (const l of this.listeners) l(username, sessions);
  }

  /** Who a bearer token belongs to, or null. */
  principal(token: string | undefined): Principal | null {
    if (!token) return null;
    if (this.operatorToken && sameSecret(token, this.operatorToken)) {
      return { username: 'operator', roles: ['chair', 'secretariat'] };
    }
    const key = tokenSha256(token);
    const row = this.sessions.get(key);
    if (!row) return null;
    const now = this.now().getTime();
    if (row.disabled === 1 || this.expired(row, now)) {
      if (this.sessions.delete(key)) this.emit(row.username, [key]);
      return null;
    }
    if (now - Date.parse(row.last_seen_at) >= SESSION_TOUCH_MS) {
      this.sessions.touch(
        key,
        new Date(now).toISOString(),
        new Date(now - SESSION_TOUCH_MS).toISOString(),
      );
    }
    return {
      username: row.username,
      roles: [row.role],
      ...(row.must_change === 1 ? { mustChange: true } : {}),
      loginSession: key,
    };
  }

  private expired(row: SessionRow, now: number): boolean {
    return (
      now - Date.parse(row.last_seen_at) > this.idleMs ||
      now - Date.parse(row.created_at) > this.maxMs
    );
  }
}

function sameSecret(a: string, b: string): boolean {
  const ha = createHash('sha256').update(a).digest();
  const hb = createHash('sha256').update(b).digest();
  return timingSafeEqual(ha, hb);
}

export function bearer(header: string | undefined): string | undefined {
  const m = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return m?.[1];
}
