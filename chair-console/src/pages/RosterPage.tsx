import { useCallback, useEffect, useState } from 'react';
import type { RosterReply } from '@hall/shared';
import { errorText } from '../lib/api';
import { endpoints } from '../lib/endpoints';
import { useI18n } from '../lib/i18n';
import { fillRoster } from '../lib/roster-strings';
import { uploadRoster, XLSX_TYPE } from '../lib/roster-upload';

type Entry = RosterReply['entries'][number];

/**
 * 名单 (issue 13): the roster as the server holds it (member id, name, 组成人员/列席, seat), its
 * counts, and the import of a roster file (CSV in UTF-8 or GBK, or XLSX) sent as it is. A refused
 * file shows the server's one-line reason naming the line or sheet row; the roster is unchanged.
 * The server checks the role again (secretariat only for the import).
 */
export function RosterPage({ token }: { token: string }) {
  const { t } = useI18n();
  const [entries, setEntries] = useState<Entry[] | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      setEntries((await endpoints.roster(token)).entries);
    } catch (err) {
      setMessage({ ok: false, text: errorText(err) });
    }
  }, [token]);
  useEffect(() => {
    void load();
  }, [load]);

  const importFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    setBusy(true);
    setMessage(null);
    try {
      const r = await uploadRoster(token, file);
      setMessage({ ok: true, text: fillRoster(t('rosterPageImported'), r) });
    } catch (err) {
      setMessage({ ok: false, text: `${t('rosterPageNotImported')}：${errorText(err)}` });
    } finally {
      setBusy(false);
      input.value = ''; // the same file may be chosen again after it is fixed
      await load();
    }
  };

  const members = entries?.filter((e) => e.role === 'member').length ?? 0;
  const unseated = entries?.filter((e) => e.seat === null).length ?? 0;
  return (
    <div className="roster-page">
      {message ? (
        <p
          role={message.ok ? 'status' : 'alert'}
          className={message.ok ? 'ok' : 'error'}
          data-testid="roster-message"
        >
          {message.text}
        </p>
      ) : null}
      <section className="panel" aria-label={t('rosterPageImport')}>
        <h2>{t('rosterPageImport')}</h2>
        <label>
          {t('rosterPageChooseFile')}
          <input
            type="file"
            name="roster-file"
            accept={`.csv,.xlsx,text/csv,${XLSX_TYPE}`}
            disabled={busy}
            onChange={(e) => void importFile(e.currentTarget)}
          />
        </label>
        <p className="muted">{busy ? t('rosterPageImporting') : t('rosterPageImportHelp')}</p>
      </section>
      <section className="panel" aria-label={t('rosterPageList')}>
        <h2>{t('rosterPageList')}</h2>
        {entries ? (
          <p data-testid="roster-counts">
            {fillRoster(t('rosterPageCounts'), {
              members,
              observers: entries.length - members,
              unseated,
            })}
          </p>
        ) : null}
        {entries && entries.length === 0 ? <p className="muted">{t('rosterPageEmpty')}</p> : null}
        {entries && entries.length > 0 ? (
          <table className="results roster-table">
            <thead>
              <tr>
                <th scope="col">{t('rosterPageMemberId')}</th>
                <th scope="col">{t('rosterPageName')}</th>
                <th scope="col">{t('rosterPageRole')}</th>
                <th scope="col">{t('rosterPageSeat')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.memberId}>
                  <td>{e.memberId}</td>
                  <td>{e.name}</td>
                  <td>{t(e.role === 'member' ? 'rosterPageMember' : 'rosterPageObserver')}</td>
                  <td>{e.seat ?? <span className="muted">{t('rosterPageNoSeat')}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>
    </div>
  );
}
