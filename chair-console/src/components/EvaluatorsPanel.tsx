import { useCallback, useEffect, useState } from 'react';
import type { Evaluator } from '@hall/shared';
import { errorText } from '../lib/api';
import { endpoints } from '../lib/endpoints';
import { uploadEvaluators } from '../lib/evaluator-upload';
import { fillIn } from '../lib/hand-count-strings';
import { useI18n } from '../lib/i18n';
import { XLSX_TYPE } from '../lib/roster-upload';

/**
 * Issue 14, an evaluation meeting (评议会议, 群众评议 of seed 第二篇): its own roster of invited
 * evaluators (not committee members), uploaded as a file `evaluator_id,name,group,seat` like
 * the roster, and listed by group (两代表一委员, 服务对象代表 …). The server refuses a new file
 * once a vote of the meeting has opened, and says why.
 */
export function EvaluatorsPanel({ token }: { token: string }) {
  const { t } = useI18n();
  const [entries, setEntries] = useState<Evaluator[] | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      setEntries((await endpoints.evaluators(token)).entries);
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
      const r = await uploadEvaluators(token, file);
      const groups = r.groups
        .map((g) => fillIn(t('evaluatorsGroupCount'), { group: g.group, n: g.count }))
        .join('，');
      setMessage({
        ok: true,
        text: `${fillIn(t('evaluatorsImported'), { n: r.evaluators })}${groups ? `（${groups}）` : ''}`,
      });
    } catch (err) {
      setMessage({ ok: false, text: `${t('evaluatorsNotImported')}：${errorText(err)}` });
    } finally {
      setBusy(false);
      input.value = '';
      await load();
    }
  };

  const groups = new Map<string, Evaluator[]>();
  for (const e of entries ?? []) groups.set(e.group, [...(groups.get(e.group) ?? []), e]);
  return (
    <section className="panel evaluators" aria-label={t('evaluators')}>
      <h2>{t('evaluators')}</h2>
      {message ? (
        <p
          role={message.ok ? 'status' : 'alert'}
          className={message.ok ? 'ok' : 'error'}
          data-testid="evaluators-message"
        >
          {message.text}
        </p>
      ) : null}
      <label>
        {t('evaluatorsImport')}
        <input
          type="file"
          name="evaluators-file"
          accept={`.csv,.xlsx,text/csv,${XLSX_TYPE}`}
          disabled={busy}
          onChange={(e) => void importFile(e.currentTarget)}
        />
      </label>
      {entries && entries.length === 0 ? <p className="muted">{t('evaluatorsNone')}</p> : null}
      {[...groups].map(([group, list]) => (
        <details key={group} className="evaluator-group" data-testid={`evaluator-group-${group}`}>
          <summary>{fillIn(t('evaluatorsGroupCount'), { group, n: list.length })}</summary>
          <table className="results">
            <thead>
              <tr>
                <th scope="col">{t('evaluatorId')}</th>
                <th scope="col">{t('evaluatorName')}</th>
                <th scope="col">{t('seat')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((e) => (
                <tr key={e.evaluatorId}>
                  <td>{e.evaluatorId}</td>
                  <td>{e.name}</td>
                  <td>{e.seat ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ))}
    </section>
  );
}
