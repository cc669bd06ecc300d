import {
  USERNAME_PATTERN,
  type ConsoleRole,
  type User,
  type UserListReply,
  type UserPasswordReply,
  type UserReply,
} from '@hall/shared';
import type { ParsedArgs } from '../args';
import type { Command } from '../command';
import { callServer, noPositionals, SERVER_OPTIONS } from '../client';
import { RefusedError, UsageError } from '../errors';
import { printResult, type CliIo } from '../io';

/**
 * `user list|add|role|disable|enable|reset-password` (issue 12 "Accounts"): the console users,
 * through the secretariat's routes (shared/src/api/user-schemas.ts). A change of role, a
 * disable or a reset ends that user's logins at once; an initial password is printed once.
 */

const ROLE_ZH: Record<ConsoleRole, string> = {
  chair: '主持人',
  secretariat: '工作机构',
  technician: '技术人员',
};
const ROLES = Object.keys(ROLE_ZH) as ConsoleRole[];
const USERNAME = new RegExp(USERNAME_PATTERN);

/** The one `<username>` of a command: missing or extra words are usage errors, a bad name is refused. */
function username(args: ParsedArgs): string {
  const [name, extra] = args.positionals;
  if (name === undefined) throw new UsageError('缺少用户名 <username> / <username> is required');
  if (extra !== undefined)
    throw new UsageError(`多余的参数“${extra}” / unexpected argument "${extra}"`);
  if (!USERNAME.test(name)) {
    throw new RefusedError(
      `用户名“${name}”不合规：须为小写字母、数字、. _ -，2–32 个字符 / user name "${name}" is not valid: lower-case letters, digits, . _ -; 2–32 characters`,
    );
  }
  return name;
}

function role(args: ParsedArgs): ConsoleRole {
  const r = args.values.get('role')!;
  if (!(ROLES as string[]).includes(r)) {
    throw new RefusedError(
      `角色“${r}”不存在（可选 ${ROLES.join('、')}） / no role "${r}" (one of ${ROLES.join(', ')})`,
    );
  }
  return r as ConsoleRole;
}

const userPath = (name: string) => `/api/users/${encodeURIComponent(name)}`;

/** The fields of a user as the CLI prints them (never more than the reply schema has). */
const userOut = (u: User): User => ({
  username: u.username,
  role: u.role,
  disabled: u.disabled,
  mustChangePassword: u.mustChangePassword,
  sessions: u.sessions,
});

const userLine = (u: User) =>
  [
    u.username,
    ROLE_ZH[u.role] ?? u.role,
    u.disabled ? '已停用' : '启用',
    u.mustChangePassword ? '初始密码未修改' : '密码已修改',
    `会话 ${u.sessions}`,
  ].join('  ');

const ROLE_OPTIONS = { flags: ['json'], values: ['server', 'role'], required: ['role'] } as const;

/** An initial password, printed this once: the hall keeps only its hash. */
function printPassword(
  io: CliIo,
  args: ParsedArgs,
  r: UserPasswordReply,
  done: { zh: string; en: string },
): void {
  const out = { username: r.username, role: r.role, initialPassword: r.initialPassword };
  printResult(io, args.flags.has('json'), out, () =>
    [
      `${done.zh}：${out.username}（${ROLE_ZH[out.role] ?? out.role}） / ${done.en}: ${out.username} (${out.role})`,
      `初始密码 / initial password: ${out.initialPassword}`,
      '此密码只显示这一次，首次登录时必须修改 / shown this once; it must be changed at first login',
    ].join('\n'),
  );
}

export const userListCommand: Command = {
  words: ['user', 'list'],
  summary:
    '列出控制台用户：角色、是否停用、是否仍用初始密码、登录会话数 / List the console users: role, disabled, on an initial password, sessions.',
  usage: 'user list [--server <url>] [--json]',
  options: SERVER_OPTIONS,
  async run(args, io) {
    noPositionals(args);
    const r = await callServer<UserListReply>(args, io, 'GET', '/api/users');
    const out = { users: r.users.map(userOut) };
    printResult(io, args.flags.has('json'), out, () =>
      out.users.length ? out.users.map(userLine).join('\n') : '没有控制台用户 / no console users',
    );
  },
};

export const userAddCommand: Command = {
  words: ['user', 'add'],
  summary:
    '添加控制台用户，初始密码只显示这一次（首次登录时必须修改） / Add a console user; prints the initial password once (changed at first login).',
  usage: 'user add <username> --role <chair|secretariat|technician> [--server <url>] [--json]',
  options: ROLE_OPTIONS,
  async run(args, io) {
    const body = { username: username(args), role: role(args) };
    const r = await callServer<UserPasswordReply>(args, io, 'POST', '/api/users', body);
    printPassword(io, args, r, { zh: '已添加用户', en: 'user added' });
  },
};

export const userRoleCommand: Command = {
  words: ['user', 'role'],
  summary:
    "更改控制台用户的角色（其登录全部结束） / Change a console user's role (ends their logins).",
  usage: 'user role <username> --role <chair|secretariat|technician> [--server <url>] [--json]',
  options: ROLE_OPTIONS,
  async run(args, io) {
    const name = username(args);
    const body = { role: role(args) };
    const r = await callServer<UserReply>(args, io, 'PATCH', userPath(name), body);
    const out = userOut(r);
    printResult(
      io,
      args.flags.has('json'),
      out,
      () =>
        `用户 ${out.username} 的角色已改为 ${ROLE_ZH[out.role] ?? out.role}，其登录已全部结束 / ${out.username} is now ${out.role}; their logins ended`,
    );
  },
};

function disableCommand(disabled: boolean): Command {
  const word = disabled ? 'disable' : 'enable';
  return {
    words: ['user', word],
    summary: disabled
      ? '停用控制台用户（其登录全部结束，不能再登录） / Disable a console user (ends their logins; they cannot log in).'
      : '重新启用已停用的控制台用户 / Enable a disabled console user again.',
    usage: `user ${word} <username> [--server <url>] [--json]`,
    options: SERVER_OPTIONS,
    async run(args, io) {
      const name = username(args);
      const r = await callServer<UserReply>(args, io, 'PATCH', userPath(name), { disabled });
      const out = userOut(r);
      printResult(io, args.flags.has('json'), out, () =>
        disabled
          ? `用户 ${out.username} 已停用，其登录已全部结束 / ${out.username} disabled; their logins ended`
          : `用户 ${out.username} 已启用 / ${out.username} enabled`,
      );
    },
  };
}

export const userDisableCommand = disableCommand(true);
export const userEnableCommand = disableCommand(false);

export const userResetPasswordCommand: Command = {
  words: ['user', 'reset-password'],
  summary:
    "重置控制台用户的密码（其登录全部结束），新初始密码只显示这一次 / Reset a console user's password (ends their logins); prints the new one once.",
  usage: 'user reset-password <username> [--server <url>] [--json]',
  options: SERVER_OPTIONS,
  async run(args, io) {
    const name = username(args);
    const r = await callServer<UserPasswordReply>(
      args,
      io,
      'POST',
      `${userPath(name)}/reset-password`,
      {},
    );
    printPassword(io, args, r, { zh: '已重置密码', en: 'password reset' });
  },
};

/** Every `user …` command, for the registry. */
export const USER_COMMANDS: readonly Command[] = [
  userListCommand,
  userAddCommand,
  userRoleCommand,
  userDisableCommand,
  userEnableCommand,
  userResetPasswordCommand,
];
