import type { ConsoleRole, CreateUserBody, UpdateUserBody, User } from '@hall/shared';
import type { Db } from '../db/open-db';
import { notFound, refuse } from '../errors';
import { hashPassword, randomPassword } from './passwords';
import { UserStore } from './user-store';
import type { Principal, UserService } from './users';

/** The name of the `HALL_OPERATOR_TOKEN` principal: not a user, and no user may take it. */
const OPERATOR = 'operator';

/** A new user or a reset: the initial password, shown once (the hall keeps only its hash). */
export interface InitialPassword {
  username: string;
  role: ConsoleRole;
  initialPassword: string;
}

/**
 * The secretariat's management of console users (issue 12 "Accounts"): list, add, change the
 * role, disable or enable, reset the password. A role change, a disable and a reset end the
 * user's sessions at once (REST and sockets: `UserService.endSessions`). Nobody may disable or
 * demote the last enabled secretariat user (nobody could manage users any more), nor disable,
 * demote or reset their own account.
 */
export class AccountService {
  private readonly store: UserStore;

  constructor(
    private readonly db: Db,
    private readonly users: UserService,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.store = new UserStore(db);
  }

  list(): User[] {
    const counts = this.users.sessionCounts();
    return this.store.list().map((u) => ({
      username: u.username,
      role: u.role as ConsoleRole,
      disabled: u.disabled === 1,
      mustChangePassword: u.must_change === 1,
      sessions: counts.get(u.username) ?? 0,
    }));
  }

  /** Add a user on a random initial password, to be changed at first login. */
  async create(by: Principal, body: CreateUserBody): Promise<InitialPassword> {
    const taken = () =>
      refuse(
        'USERNAME_TAKEN',
        `用户名“${body.username}”已被使用 / the user name "${body.username}" is taken`,
      );
    if (body.username === OPERATOR || this.store.byName(body.username)) throw taken();
    const initialPassword = randomPassword();
    const { salt, hash } = await hashPassword(initialPassword);
    const made = this.store.create(
      body.username,
      body.role,
      salt,
      hash,
      this.now().toISOString(),
      by.username,
    );
    if (!made) throw taken();
    return { username: body.username, role: body.role, initialPassword };
  }

  /** Change the role and/or disable or enable; a real change of either ends the sessions. */
  update(by: Principal, username: string, body: UpdateUserBody): User {
    const row = this.existing(username);
    const role = body.role ?? (row.role as ConsoleRole);
    const disabled = body.disabled ?? row.disabled === 1;
    const roleChanged = role !== row.role;
    const disabling = disabled && row.disabled === 0;
    if (roleChanged || disabling) {
      this.refuseOwn(by, username);
      const wasManager = row.role === 'secretariat' && row.disabled === 0;
      if (wasManager && this.store.enabledSecretariats() <= 1) {
        throw refuse(
          'LAST_SECRETARIAT',
          '不能停用或改变最后一个启用的工作机构用户的角色：否则无人能管理用户 / refusing to disable or demote the last enabled secretariat user: nobody could manage users any more',
        );
      }
    }
    this.db.transaction(() => {
      if (roleChanged) this.store.setRole(username, role, by.username);
      if (disabled !== (row.disabled === 1)) this.store.setDisabled(username, disabled);
    })();
    if (roleChanged || disabling) this.users.endSessions(username);
    return this.list().find((u) => u.username === username)!;
  }

  /** A new initial password: the old one no longer works, the sessions end. */
  async resetPassword(by: Principal, username: string): Promise<InitialPassword> {
    const row = this.existing(username);
    this.refuseOwn(by, username);
    const initialPassword = randomPassword();
    const { salt, hash } = await hashPassword(initialPassword);
    this.store.resetPassword(username, salt, hash, by.username);
    this.users.endSessions(username);
    return { username, role: row.role as ConsoleRole, initialPassword };
  }

  /**
   * Who last issued `username`'s credentials or role (added them, reset their password, changed
   * their role), or null: the two-person rule asks that a correction's confirmer was not.
   */
  issuedBy(username: string): string | null {
    return this.store.issuedBy(username);
  }

  private existing(username: string) {
    const row = this.store.byName(username);
    if (!row) {
      throw notFound(
        'USER_NOT_FOUND',
        `没有此控制台用户：${username} / no console user "${username}"`,
      );
    }
    return row;
  }

  /** A user does not disable, demote or reset themselves (another secretariat user does). */
  private refuseOwn(by: Principal, username: string): void {
    if (by.loginSession === undefined || by.username !== username) return;
    throw refuse(
      'OWN_ACCOUNT',
      '不能停用、降级或重置自己的账户（修改自己的密码请用“修改密码”） / you cannot disable, demote or reset your own account (change your own password with POST /api/auth/password)',
    );
  }
}
