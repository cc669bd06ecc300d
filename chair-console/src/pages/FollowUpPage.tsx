import { errorText } from '../lib/api';
import { useCallback, useEffect, useState } from 'react';
import { formatBeijing, type FollowUpItem } from '@hall/shared';
import { endpoints } from '../lib/endpoints';
import { useI18n, type StringKey } from '../lib/i18n';

const STATE: Record<FollowUpItem['state'], StringKey> = {
  open: 'stateOpenItem',
  overdue: 'stateOverdue',
  fulfilled: 'stateFulfilled',
  escalated: 'stateEscalated',
  done: 'stateDone',
};

/** What each result requires afterwards: re-reports, rectification, escalation on a second failure. */
export function FollowUpPage({ token }: { token: string }) {
  const { t, pick } = useI18n();
  const [items, setItems] = useState<FollowUpItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    endpoints.followUps(token).then(
      (r) => setItems(r.items),
      (e: unknown) => setError(errorText(e)),
    );
  }, [token]);
  useEffect(load, [load]);

  const due = (f: FollowUpItem) =>
    f.dueDate
      ? formatBeijing(f.dueDate, 'date')
      : f.due?.kind === 'next-session'
        ? t('dueNextSession')
        : f.due
          ? t('dueByCouncil')
          : '—';

  return (
    <section className="panel followups" aria-label={t('followUpPage')}>
      <h2>{t('followUpPage')}</h2>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
      {items && items.length === 0 ? <p className="muted">{t('none')}</p> : null}
      {items && items.length > 0 ? (
        <table className="results">
          <thead>
            <tr>
              <th>{t('record')}</th>
              <th>{t('organ')}</th>
              <th>{t('item')}</th>
              <th>{t('followUp')}</th>
              <th>{t('due')}</th>
              <th>{t('state')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {items.map((f) => (
              <tr key={f.id} className={`state-${f.state}`} data-testid={`followup-${f.id}`}>
                <td>{f.seq}</td>
                <td>{f.organ ?? '—'}</td>
                <td>{f.title}</td>
                <td>
                  {pick(f.label)}（{f.cite}）
                  {f.correction ? (
                    <p
                      className={`correction-note ${f.correction.kind}`}
                      data-testid={`followup-correction-${f.id}`}
                    >
                      {t('correctionRecord')}：{pick(f.correction.note)}
                    </p>
                  ) : null}
                  {f.escalation ? (
                    <p className="escalation">
                      {pick(f.escalation.label)}（{f.escalation.cite}）
                    </p>
                  ) : null}
                </td>
                <td>{due(f)}</td>
                <td>
                  <strong>{t(STATE[f.state])}</strong>
                  {f.reevaluatedBy ? (
                    <small>
                      {' '}
                      · {t('reevaluatedBy')} {f.reevaluatedBy}
                    </small>
                  ) : null}
                </td>
                <td>
                  {f.state === 'open' || f.state === 'overdue' ? (
                    <button
                      type="button"
                      onClick={() =>
                        void endpoints
                          .markFollowUpDone(token, f.id)
                          .then(load, (e: unknown) => setError(errorText(e)))
                      }
                    >
                      {t('markDone')}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
