import { useState } from 'react';
import { ChangePasswordDialog } from '../components/ChangePasswordDialog';
import { LanguageToggle, useI18n, type StringKey } from '../lib/i18n';
import { ChairPage } from './ChairPage';
import { FollowUpPage } from './FollowUpPage';
import { HistoryPage } from './HistoryPage';
import { LoginPage, type Auth } from './LoginPage';
import { SecretariatPage } from './SecretariatPage';
import { TechnicianPage } from './TechnicianPage';
import { RosterPage } from './RosterPage';
import { SeriesPage } from './SeriesPage';
import { UsersPage } from './UsersPage';
import { ProfilesPage } from './ProfilesPage';

const STORAGE_KEY = 'hall.auth';

/** Which pages a role may open; the server checks every call again. */
const PAGES: Record<string, StringKey[]> = {
  chair: ['chair', 'seriesPage', 'secretariat', 'history', 'followUpPage'],
  secretariat: [
    'secretariat',
    'seriesPage',
    'rosterPage',
    'profilesPage',
    'history',
    'followUpPage',
    'users',
  ],
  technician: ['technician'],
  operator: [
    'chair',
    'seriesPage',
    'secretariat',
    'rosterPage',
    'profilesPage',
    'history',
    'followUpPage',
    'technician',
    'users',
  ],
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
    <Console
      auth={auth}
      pages={pages}
      current={current}
      setPage={setPage}
      onLogout={() => {
        sessionStorage.removeItem(STORAGE_KEY);
        setAuth(null);
      }}
    />
  );
}

/**
 * The logged-in console: its pages and the language. The hall's signing key fingerprint is on
 * the secretariat's and technician's pages (components/KeyFingerprint.tsx), not on every page.
 */
function Console({
  auth,
  pages,
  current,
  setPage,
  onLogout,
}: {
  auth: Auth;
  pages: StringKey[];
  current: StringKey | undefined;
  setPage: (p: StringKey) => void;
  onLogout: () => void;
}) {
  const { t } = useI18n();
  const [changing, setChanging] = useState(false);
  const [changed, setChanged] = useState(false);
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
        {auth.role !== 'operator' ? (
          <button
            type="button"
            onClick={() => {
              setChanged(false);
              setChanging(true);
            }}
          >
            {t('changePassword')}
          </button>
        ) : null}
        <button type="button" onClick={onLogout}>
          {t('logout')}
        </button>
      </header>
      {changing ? (
        <ChangePasswordDialog
          token={auth.token}
          onClose={() => setChanging(false)}
          onDone={() => {
            setChanging(false);
            setChanged(true);
          }}
        />
      ) : null}
      {changed ? (
        <p role="status" className="ok">
          {t('passwordChanged')}
        </p>
      ) : null}
      <main>
        {current === 'chair' ? <ChairPage token={auth.token} username={auth.username} /> : null}
        {current === 'seriesPage' ? <SeriesPage token={auth.token} role={auth.role} /> : null}
        {current === 'secretariat' ? <SecretariatPage token={auth.token} /> : null}
        {current === 'technician' ? <TechnicianPage token={auth.token} /> : null}
        {current === 'history' ? <HistoryPage token={auth.token} role={auth.role} /> : null}
        {current === 'followUpPage' ? <FollowUpPage token={auth.token} role={auth.role} /> : null}
        {current === 'users' ? <UsersPage token={auth.token} /> : null}
        {current === 'rosterPage' ? <RosterPage token={auth.token} /> : null}
        {current === 'profilesPage' ? <ProfilesPage token={auth.token} /> : null}
      </main>
    </div>
  );
}
