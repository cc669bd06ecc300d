import { errorText } from '../lib/api';
import { useState, type FormEvent } from 'react';
import { useI18n, LanguageToggle } from '../lib/i18n';
import { endpoints } from '../lib/endpoints';

export interface Auth {
  token: string;
  role: string;
  /** Issue 14: who is logged in (a chair does not confirm the hand counts they entered). */
  username?: string;
}

/** Minimum length of a new password (the server checks it again: shared ChangePasswordBody). */
const MIN_PASSWORD_LENGTH = 10;

/**
 * Log in; a user on an initial password (`mustChangePassword`) changes it here before the
 * console opens: until then the server answers nothing else to that token.
 */
export function LoginPage({ onLogin }: { onLogin: (auth: Auth) => void }) {
  const { t } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<Auth | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      const reply = await endpoints.login(username, password);
      const auth = { token: reply.token, role: reply.role, username };
      if (reply.mustChangePassword) setPending(auth);
      else onLogin(auth);
    } catch (err) {
      setError(`${t('loginFailed')}：${errorText(err)}`);
    }
  }

  return (
    <main className="login">
      <header>
        <h1>{t('appTitle')}</h1>
        <LanguageToggle />
      </header>
      {pending ? (
        <ChangePasswordForm auth={pending} oldPassword={password} onDone={() => onLogin(pending)} />
      ) : (
        <form onSubmit={submit} className="panel" aria-label={t('login')}>
          <label>
            {t('username')}
            <input
              name="username"
              autoComplete="username"
              value={username}
              onChange={(e) => setUsername(e.target.value)}
              autoFocus
            />
          </label>
          <label>
            {t('password')}
            <input
              name="password"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </label>
          <button type="submit" disabled={!username || !password}>
            {t('login')}
          </button>
          {error ? (
            <p role="alert" className="error">
              {error}
            </p>
          ) : null}
        </form>
      )}
    </main>
  );
}

function ChangePasswordForm({
  auth,
  oldPassword,
  onDone,
}: {
  auth: Auth;
  oldPassword: string;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    if (next.length < MIN_PASSWORD_LENGTH) return setError(t('passwordTooShort'));
    if (next !== repeat) return setError(t('passwordsDiffer'));
    if (next === oldPassword) return setError(t('passwordSame'));
    try {
      await endpoints.changePassword(auth.token, oldPassword, next);
      onDone();
    } catch (err) {
      setError(`${t('changeFailed')}：${errorText(err)}`);
    }
  }

  return (
    <form onSubmit={submit} className="panel" aria-label={t('changePassword')}>
      <p>{t('mustChangePassword')}</p>
      <label>
        {t('newPassword')}
        <input
          name="newPassword"
          type="password"
          autoComplete="new-password"
          value={next}
          onChange={(e) => setNext(e.target.value)}
          autoFocus
        />
      </label>
      <label>
        {t('repeatPassword')}
        <input
          name="repeatPassword"
          type="password"
          autoComplete="new-password"
          value={repeat}
          onChange={(e) => setRepeat(e.target.value)}
        />
      </label>
      <button type="submit" disabled={!next || !repeat}>
        {t('changePassword')}
      </button>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
    </form>
  );
}
