import { randomBytes, createHash, timingSafeEqual } from 'node:crypto';
import { chmodSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Role } from '@hall/shared';
import type { Db } from '../db/open-db';
import { hashPassword, randomPassword, verifyPassword } from './passwords';

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
}

const TOKEN_TTL_MS = 12 * 3600_000;

/**
 * Users, login and bearer tokens. Tokens live in memory only (a restart asks consoles to log in
 * again); `HALL_OPERATOR_TOKEN` is a fixed token with chair and secretariat rights for scripts.
 */
export class UserService {
  private tokens = new Map<string, { principal: Principal; expires: number }>();

  constructor(
    private readonly db: Db,
    private readonly operatorToken: string | undefined,
  ) {}

  /**
   * Create the console users if there are none: demo passwords in demo mode, otherwise random
   * ones written to `<dataDir>/initial-passwords.txt` (mode 0600). Returns that file, if written.
   */
  async ensureUsers(demo: boolean, dataDir: string): Promise<string | null> {
    const count = (this.db.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n;
    if (count > 0) return null;
    const lines: string[] = [];
    const insert = this.db.prepare(
      'INSERT INTO users (username, role, salt, hash) VALUES (?, ?, ?, ?)',
    );
    for (const u of CONSOLE_USERS) {
      const password = demo ? DEMO_PASSWORDS[u.username]! : randomPassword();
      const { salt, hash } = await hashPassword(password);
      insert.run(u.username, u.role, salt, hash);
      lines.push(`${u.username} ${password}`);
    }
    if (demo) return null;
    const file = path.join(dataDir, 'initial-passwords.txt');
    writeFileSync(file, `${lines.join('\n')}\n`, { mode: 0o600 });
    chmodSync(file, 0o600);
    return file;
  }

  async login(username: string, password: string): Promise<{ token: string; role: Role } | null> {
    const row = this.db
      .prepare('SELECT role, salt, hash FROM users WHERE username = ?')
      .get(username) as { role: Role; salt: string; hash: string } | undefined;
    // Hash even for an unknown user, so timing does not tell which names exist.
    const ok = row
      ? await verifyPassword(password, row.salt, row.hash)
      : (await verifyPassword(password, '00', '00'), false);
    if (!row || !ok) return null;
    const token = randomBytes(32).toString('base64url');
    this.tokens.set(token, {
      principal: { username, roles: [row.role] },
      expires: Date.now() + TOKEN_TTL_MS,
    });
    return { token, role: row.role };
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
