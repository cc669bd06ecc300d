import { useCallback, useEffect, useState, type FormEvent } from 'react';
import {
  USERNAME_PATTERN,
  type ConsoleRole,
  type User,
  type UserPasswordReply,
} from '@hall/shared';
import { ConfirmDialog, InitialPasswordDialog } from '../components/UserDialogs';
import { errorText } from '../lib/api';
import { endpoints } from '../lib/endpoints';
import { useI18n } from '../lib/i18n';
import { fill } from '../lib/user-strings';

const ROLES: readonly ConsoleRole[] = ['chair', 'secretariat', 'technician'];

/** What waits for the secretariat's confirmation: each of these logs the user out everywhere. */
type Pending =
  | { kind: 'role'; user: User; role: ConsoleRole }
  | { kind: 'disable'; user: User }
  | { kind: 'reset'; user: User };

/**
 * 用户管理 (issue 12): the console users, adding one, changing a role, disabling and enabling,
 * resetting a password. The initial password of a new or reset user is shown once in a dialog;
 * the server checks every call again (secretariat only).
 */
export function UsersPage({ token }: { token: string }) {
  const { t } = useI18n();
  const [users, setUsers] = useState<User[] | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState<UserPasswordReply | null>(null);
  const [username, setUsername] = useState('');
  const [role, setRole] = useState<ConsoleRole>('chair');

  const load = useCallback(async () => {
    try {
      setUsers((await endpoints.users(token)).users);
    } catch (err) {
      setMessage({ ok: false, text: errorText(err) });
    }
  }, [token]);
  useEffect(() => {
    void load();
  }, [load]);

  /** Run a call; show its refusal by the server's message, or `ok`; reload the list either way. */
  const run = async (fn: () => Promise<string>) => {
    setMessage(null);
    setBusy(true);
    try {
      setMessage({ ok: true, text: await fn() });
    } catch (err) {
      setMessage({ ok: false, text: errorText(err) });
    } finally {
      setBusy(false);
      setPending(null);
      await load();
    }
  };

  const add = (e: FormEvent) => {
    e.preventDefault();
    if (!new RegExp(USERNAME_PATTERN).test(username.trim())) {
      setMessage({ ok: false, text: `${t('username')}：${t('usernameHelp')}` });
      return;
    }
    void run(async () => {
      const reply = await endpoints.createUser(token, username.trim(), role);
      setShown(reply);
      setUsername('');
      return fill(t('userAdded'), { user: reply.username });
    });
  };

  const confirm = (p: Pending) =>
    run(async () => {
      if (p.kind === 'reset') {
        const reply = await endpoints.resetPassword(token, p.user.username);
        setShown(reply);
        return fill(t('passwordReset'), { user: reply.username });
      }
      const change = p.kind === 'role' ? { role: p.role } : { disabled: true };
      const reply = await endpoints.updateUser(token, p.user.username, change);
      return fill(t('userUpdated'), { user: reply.username });
    });

  const enable = (user: User) =>
    run(async () => {
      const reply = await endpoints.updateUser(token, user.username, { disabled: false });
      return fill(t('userUpdated'), { user: reply.username });
    });

  const question = (p: Pending) =>
    fill(
      t(
        p.kind === 'role'
          ? 'confirmRole'
          : p.kind === 'disable'
            ? 'confirmDisable'
            : 'confirmReset',
      ),
      { user: p.user.username, role: p.kind === 'role' ? t(p.role) : '' },
    );

  return (
    <div className="users">
      {message ? (
        <p
          role={message.ok ? 'status' : 'alert'}
          className={message.ok ? 'ok' : 'error'}
          data-testid="users-message"
        >
          {message.text}
        </p>
      ) : null}
      <section className="panel" aria-label={t('addUser')}>
        <h2>{t('addUser')}</h2>
        <form onSubmit={add} className="add-user">
          <label>
            {t('username')}
            <input
              name="new-username"
              value={username}
              autoComplete="off"
              onChange={(e) => setUsername(e.target.value)}
            />
            <small className="muted">{t('usernameHelp')}</small>
          </label>
          <label>
            {t('role')}
            <select
              name="new-role"
              value={role}
              onChange={(e) => setRole(e.target.value as ConsoleRole)}
            >
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(r)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" disabled={busy || !username.trim()}>
            {t('addUser')}
          </button>
        </form>
      </section>
      <section className="panel" aria-label={t('userList')}>
        <h2>{t('userList')}</h2>
        {users ? (
          <UserTable
            users={users}
            busy={busy}
            onRole={(user, r) => setPending({ kind: 'role', user, role: r })}
            onDisable={(user) => setPending({ kind: 'disable', user })}
            onEnable={(user) => void enable(user)}
            onReset={(user) => setPending({ kind: 'reset', user })}
          />
        ) : null}
      </section>
      {pending ? (
        <ConfirmDialog
          question={question(pending)}
          warning={t('logsOutEverywhere')}
          busy={busy}
          onConfirm={() => void confirm(pending)}
          onCancel={() => setPending(null)}
        />
      ) : null}
      {shown ? <InitialPasswordDialog reply={shown} onClose={() => setShown(null)} /> : null}
    </div>
  );
}

function UserTable({
  users,
  busy,
  onRole,
  onDisable,
  onEnable,
  onReset,
}: {
  users: User[];
  busy: boolean;
  onRole: (user: User, role: ConsoleRole) => void;
  onDisable: (user: User) => void;
  onEnable: (user: User) => void;
  onReset: (user: User) => void;
}) {
  const { t } = useI18n();
  if (users.length === 0) return <p className="muted">{t('none')}</p>;
  return (
    <table className="results user-table">
      <thead>
        <tr>
          <th>{t('username')}</th>
          <th>{t('role')}</th>
          <th>{t('userState')}</th>
          <th>{t('onInitialPassword')}</th>
          <th>{t('sessions')}</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {users.map((u) => (
          <tr key={u.username} data-testid={`user-${u.username}`}>
            <td>{u.username}</td>
            <td>
              <select
                aria-label={`${t('changeRole')} ${u.username}`}
                value={u.role}
                disabled={busy}
                onChange={(e) => {
                  const r = e.target.value as ConsoleRole;
                  if (r !== u.role) onRole(u, r);
                }}
              >
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {t(r)}
                  </option>
                ))}
              </select>
            </td>
            <td className={u.disabled ? 'user-disabled' : undefined}>
              {t(u.disabled ? 'userDisabled' : 'userActive')}
            </td>
            <td>{t(u.mustChangePassword ? 'initialPasswordYes' : 'initialPasswordNo')}</td>
            <td>{u.sessions}</td>
            <td>
              <div className="user-actions">
                {u.disabled ? (
                  <button type="button" disabled={busy} onClick={() => onEnable(u)}>
                    {t('enableUser')}
                  </button>
                ) : (
                  <button type="button" disabled={busy} onClick={() => onDisable(u)}>
                    {t('disableUser')}
                  </button>
                )}
                <button type="button" disabled={busy} onClick={() => onReset(u)}>
                  {t('resetPassword')}
                </button>
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
