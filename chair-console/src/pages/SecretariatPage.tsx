import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { NAMESPACES, type SealedRecord } from '@hall/shared';
import { AgendaList } from '../components/AgendaList';
import { ConnectionBanner } from '../components/ConnectionBanner';
import { fileToBase64, errorText } from '../lib/api';
import { endpoints, type Session } from '../lib/endpoints';
import { useI18n } from '../lib/i18n';
import { outcomeLabel } from '../lib/labels';
import { useLive } from '../lib/live';

/** Roster import, the sitting and its agenda, and the evaluations with their results. */
export function SecretariatPage({ token }: { token: string }) {
  const { t, lang } = useI18n();
  const live = useLive(NAMESPACES.secretariat, token);
  const [session, setSession] = useState<Session | null>(null);
  const [results, setResults] = useState<SealedRecord[]>([]);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [sessionTitle, setSessionTitle] = useState('');
  const [itemTitle, setItemTitle] = useState('');
  const [organ, setOrgan] = useState('');

  const refresh = useCallback(async () => {
    try {
      setSession(await endpoints.currentSession(token));
      setResults((await endpoints.records(token)).records);
    } catch (err) {
      setMessage({ ok: false, text: errorText(err) });
    }
  }, [token]);
  useEffect(() => {
    void refresh();
  }, [refresh, live.result, live.vote?.state]);

  const run = async (fn: () => Promise<string>) => {
    setMessage(null);
    try {
      setMessage({ ok: true, text: await fn() });
      await refresh();
    } catch (err) {
      setMessage({ ok: false, text: errorText(err) });
    }
  };

  const importRoster = async (file: File | undefined) => {
    if (!file) return;
    await run(async () => {
      const r = await endpoints.importRoster(token, await fileToBase64(file));
      return `${t('rosterImported')}：${t('members')} ${r.members}，${t('observers')} ${r.observers}`;
    });
  };

  return (
    <div className="secretariat">
      <ConnectionBanner connected={live.connected} />
      {message ? (
        <p
          role={message.ok ? 'status' : 'alert'}
          className={message.ok ? 'ok' : 'error'}
          data-testid="secretariat-message"
        >
          {message.text}
        </p>
      ) : null}
      <section className="panel" aria-label={t('roster')}>
        <h2>{t('roster')}</h2>
        <label>
          {t('rosterImport')}
          <input
            type="file"
            accept=".csv,text/csv"
            name="roster"
            onChange={(e) => void importRoster(e.target.files?.[0])}
          />
        </label>
      </section>
      <section className="panel" aria-label={t('agenda')}>
        <h2>{t('agenda')}</h2>
        <form
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            void run(
              async () =>
                `${t('sessionStart')}：${(await endpoints.startSession(token, sessionTitle)).sessionId}`,
            );
          }}
        >
          <label>
            {t('title')}
            <input
              value={sessionTitle}
              onChange={(e) => setSessionTitle(e.target.value)}
              name="sessionTitle"
            />
          </label>
          <button type="submit" disabled={!sessionTitle.trim()}>
            {t('sessionStart')}
          </button>
        </form>
        {session ? (
          <>
            <AgendaList session={session} />
            <form
              onSubmit={(e: FormEvent) => {
                e.preventDefault();
                void run(async () => {
                  await endpoints.addItem(token, itemTitle, organ);
                  setItemTitle('');
                  return t('addItem');
                });
              }}
            >
              <label>
                {t('organ')}
                <input value={organ} onChange={(e) => setOrgan(e.target.value)} name="organ" />
              </label>
              <label>
                {t('item')}
                <input
                  value={itemTitle}
                  onChange={(e) => setItemTitle(e.target.value)}
                  name="itemTitle"
                />
              </label>
              <button type="submit" disabled={!itemTitle.trim() || !organ.trim()}>
                {t('addItem')}
              </button>
            </form>
          </>
        ) : (
          <p className="muted">{t('noSession')}</p>
        )}
      </section>
      <section className="panel" aria-label={t('evaluations')}>
        <h2>{t('evaluations')}</h2>
        {results.length === 0 ? (
          <p className="muted">{t('none')}</p>
        ) : (
          <table className="results">
            <thead>
              <tr>
                <th>{t('item')}</th>
                <th>{t('members')}</th>
                <th>{t('present')}</th>
                <th>{t('satisfied')}</th>
                <th>{t('basicallySatisfied')}</th>
                <th>{t('unsatisfied')}</th>
                <th>{t('invalid')}</th>
                <th>{t('notVoted')}</th>
                <th>{t('outcome')}</th>
              </tr>
            </thead>
            <tbody>
              {results.map((r) => (
                <tr key={r.seq}>
                  <td>{r.title}</td>
                  <td>{r.members}</td>
                  <td>{r.present}</td>
                  <td>{r.counts.satisfied ?? 0}</td>
                  <td>{r.counts['basically-satisfied'] ?? 0}</td>
                  <td>{r.counts.unsatisfied ?? 0}</td>
                  <td>{r.invalid}</td>
                  <td>{r.notVoted}</td>
                  <td>{outcomeLabel(r.profile, r.outcome, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
