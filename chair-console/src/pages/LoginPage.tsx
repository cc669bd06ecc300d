import { errorText } from '../lib/api';
import { useState, type FormEvent } from 'react';
import { useI18n, LanguageToggle } from '../lib/i18n';
import { endpoints } from '../lib/endpoints';

export interface Auth {
  token: string;
  role: string;
}

export function LoginPage({ onLogin }: { onLogin: (auth: Auth) => void }) {
  const { t } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      onLogin(await endpoints.login(username, password));
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
    </main>
  );
}
