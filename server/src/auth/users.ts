import { randomBytes, createHash, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Role } from '@hall/shared';
import type { Db } from '../db/open-db';
import { hashPassword, randomPassword, verifyPassword } from './passwords';
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
}

/** What a login answers (shared LoginReply). */
export interface LoginResult {
  token: string;
  role: Role;
  mustChangePassword: boolean;
}

/** Where the initial passwords of a first start outside demo mode are written. */
export const INITIAL_PASSWORDS_FILE = 'initial-passwords.txt';

const TOKEN_TTL_MS = 12 * 3600_000;

/**
 * Users, login and bearer tokens. Tokens live in memory only (a restart asks consoles to log in
 * again); `HALL_OPERATOR_TOKEN` is a fixed token with chair and secretariat rights for scripts.
 */
export class UserService {
  private tokens = new Map<string, { principal: Principal; expires: number }>();
  private dataDir: string | null = null;
  private readonly store: UserStore;

  constructor(
    db: Db,
    private readonly operatorToken: string | undefined,
  ) {
    // Issue 10: users on an initial password must change it (the store adds the column to an
    // older database).
    this.store = new UserStore(db);
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

  async login(username: string, password: string): Promise<LoginResult | null> {
    const row = this.store.byName(username);
    // Hash even for an unknown user, so timing does not tell which names exist.
    const ok = row
      ? await verifyPassword(password, row.salt, row.hash)
      : (await verifyPassword(password, '00', '00'), false);
    if (!row || !ok) return null;
    this.dropExpired();
    const token = randomBytes(32).toString('base64url');
    const mustChange = row.must_change === 1;
    this.tokens.set(token, {
      principal: { username, roles: [row.role], ...(mustChange ? { mustChange } : {}) },
      expires: Date.now() + TOKEN_TTL_MS,
    });
    return { token, role: row.role, mustChangePassword: mustChange };
  }

  /**
   * Change a console user's password (the old one checked): clears `must_change`, ends the
   * user's other tokens (the calling one stays valid). Once no user is left on an initial
   * password, the initial-passwords file is deleted; returns it then.
   */
  async changePassword(
    token: string,
    oldPassword: string,
    newPassword: string,
  ): Promise<'wrong-old' | 'no-user' | { removedFile: string | null }> {
    const t = this.tokens.get(token);
    if (!t) return 'no-user';
    const username = t.principal.username;
    const row = this.store.byName(username);
    if (!row) return 'no-user';
    if (!(await verifyPassword(oldPassword, row.salt, row.hash))) return 'wrong-old';
    const { salt, hash } = await hashPassword(newPassword);
    this.store.setPassword(username, salt, hash);
    for (const [other, entry] of this.tokens) {
      if (entry.principal.username !== username) continue;
      if (other === token) entry.principal = { username, roles: entry.principal.roles };
      else this.tokens.delete(other);
    }
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

  private dropExpired(): void {
    const now = Date.now();
    for (const [k, t] of this.tokens) if (t.expires < now) this.tokens.delete(k);
  }

  logout(token: string): void {
    this.tokens.delete(token);
  }

  /** Who a bearer token belongs to, or null. */
  principal(token: string | undefined): Principal | null {
    if (!token) return null;
    if (this.operatorToken && sameSecret(token, this.operatorToken)) {
      return { username: 'operator', roles: ['chair', 'secretariat'] };
    }
    const t = this.tokens.get(token);
    if (!t) return null;
    if (t.expires < Date.now()) {
      this.tokens.delete(token);
      return null;
    }
    return t.principal;
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
