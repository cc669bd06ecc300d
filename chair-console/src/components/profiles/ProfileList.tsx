import type { ProfileLibraryEntry } from '@hall/shared';
import { useI18n } from '../../lib/i18n';
import { fill } from '../../lib/user-strings';

/** Built-in profiles first, then the hall's own by id, each id's newest version first. */
export function libraryOrder(entries: readonly ProfileLibraryEntry[]): ProfileLibraryEntry[] {
  return [...entries].sort(
    (a, b) =>
      Number(b.builtIn) - Number(a.builtIn) || a.id.localeCompare(b.id) || b.version - a.version,
  );
}

/**
 * The profile library (GET /api/profiles/library): every built-in profile (内置: copy it, never
 * edit it) and every saved version of the hall's own, with 最新 / 使用中 and the rule read back.
 * 编辑 is offered on the newest version of a hall profile only: it saves the next version.
 */
export function ProfileList({
  entries,
  onCopy,
  onEdit,
  onExport,
}: {
  entries: readonly ProfileLibraryEntry[];
  onCopy: (e: ProfileLibraryEntry) => void;
  onEdit: (e: ProfileLibraryEntry) => void;
  onExport: (e: ProfileLibraryEntry) => void;
}) {
  const { t, pick } = useI18n();
  if (entries.length === 0) return <p className="muted">{t('none')}</p>;
  return (
    <table className="results prof-table">
      <thead>
        <tr>
          <th scope="col">{t('profName')}</th>
          <th scope="col">{t('profVersion')}</th>
          <th scope="col">{t('profState')}</th>
          <th scope="col">{t('profRules')}</th>
          <th scope="col">{t('profActions')}</th>
        </tr>
      </thead>
      <tbody>
        {libraryOrder(entries).map((e) => {
          const name = `${pick(e.profile.name)} ${t('profVersion')} ${e.version}`;
          return (
            <tr key={`${e.id}-${e.version}`} data-testid={`profile-${e.id}-v${e.version}`}>
              <td>
                {pick(e.profile.name)}
                <br />
                <code>{e.id}</code>
              </td>
              <td className="num">
                {fill(t('profVersionN'), { n: String(e.version) })}
                {e.latest ? <span className="badge prof-badge">{t('profLatest')}</span> : null}
              </td>
              <td>
                {e.builtIn ? <span className="badge prof-badge">{t('profBuiltIn')}</span> : null}
                {e.inUse ? <span className="badge prof-badge in-use">{t('profInUse')}</span> : null}
              </td>
              <td>
                <ol className="prof-rules">
                  {e.rules.map((r, i) => (
                    <li key={i}>{pick(r)}</li>
                  ))}
                </ol>
              </td>
              <td>
                <div className="prof-buttons">
                  <button
                    type="button"
                    aria-label={`${t('profCopy')} ${name}`}
                    onClick={() => onCopy(e)}
                  >
                    {t('profCopy')}
                  </button>
                  {!e.builtIn && e.latest ? (
                    <button
                      type="button"
                      aria-label={`${t('profEdit')} ${name}`}
                      onClick={() => onEdit(e)}
                    >
                      {t('profEdit')}
                    </button>
                  ) : null}
                  <button
                    type="button"
                    aria-label={`${t('profExport')} ${name}`}
                    onClick={() => onExport(e)}
                  >
                    {t('profExport')}
                  </button>
                </div>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
