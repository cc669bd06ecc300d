import { useState } from 'react';
import { LanguageToggle, useI18n, type StringKey } from '../lib/i18n';
import { ChairPage } from './ChairPage';
import { FollowUpPage } from './FollowUpPage';
import { HistoryPage } from './HistoryPage';
import { LoginPage, type Auth } from './LoginPage';
import { SecretariatPage } from './SecretariatPage';
import { TechnicianPage } from './TechnicianPage';

const STORAGE_KEY = 'hall.auth';

/** Which pages a role may open; the server checks every call again. */
const PAGES: Record<string, StringKey[]> = {
  chair: ['chair', 'secretariat', 'history', 'followUpPage'],
  secretariat: ['secretariat', 'history', 'followUpPage'],
  technician: ['technician'],
  operator: ['chair', 'secretariat', 'history', 'followUpPage', 'technician'],
};

function savedAuth(): Auth | null {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    return raw ? (JSON.parse(raw) as Auth) : null;
  } catch {
    return null;
  }
}

export function ConsoleApp() {
  const { t } = useI18n();
  const [auth, setAuth] = useState<Auth | null>(savedAuth);
  const pages = auth ? (PAGES[auth.role] ?? []) : [];
  const [page, setPage] = useState<StringKey | null>(null);
  if (!auth) {
    return (
      <LoginPage
        onLogin={(a) => {
          sessionStorage.setItem(STORAGE_KEY, JSON.stringify(a));
          setAuth(a);
          setPage(null);
        }}
      />
    );
  }
  const current = page && pages.includes(page) ? page : pages[0];
  return (
    <div className="console">
      <header>
        <h1>{t('appTitle')}</h1>
        <nav aria-label="pages">
          {pages.map((p) => (
            <button
              key={p}
              type="button"
              aria-current={p === current ? 'page' : undefined}
              onClick={() => setPage(p)}
            >
              {t(p)}
            </button>
          ))}
        </nav>
        <LanguageToggle />
        <button
          type="button"
          onClick={() => {
            sessionStorage.removeItem(STORAGE_KEY);
            setAuth(null);
          }}
        >
          {t('logout')}
        </button>
      </header>
      <main>
        {current === 'chair' ? <ChairPage token={auth.token} /> : null}
        {current === 'secretariat' ? <SecretariatPage token={auth.token} /> : null}
        {current === 'technician' ? <TechnicianPage token={auth.token} /> : null}
        {current === 'history' ? <HistoryPage token={auth.token} /> : null}
        {current === 'followUpPage' ? <FollowUpPage token={auth.token} /> : null}
      </main>
    </div>
  );
}
