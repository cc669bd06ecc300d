import { errorText } from '../lib/api';
import { Fragment, useCallback, useEffect, useState } from 'react';
import { formatBeijing, type FollowUpItem, type SealedRecord } from '@hall/shared';
import { CorrectionForm } from '../components/CorrectionForm';
import { ReReportForm } from '../components/ReReportForm';
import { endpoints } from '../lib/endpoints';
import { useI18n, type StringKey } from '../lib/i18n';
import '../components/secretariat.css';

const STATE: Record<FollowUpItem['state'], StringKey> = {
  open: 'stateOpenItem',
  overdue: 'stateOverdue',
  fulfilled: 'stateFulfilled',
  escalated: 'stateEscalated',
  done: 'stateDone',
};

/** Roles that may propose corrections and schedule re-reports (the server checks again). */
const SECRETARIAT_ROLES = ['secretariat', 'operator'];

/**
 * What each result requires afterwards: re-reports, rectification, escalation on a second failure.
 * The secretariat schedules a re-made report from an item that requires a re-evaluation, and
 * proposes a correction of the record an item comes from (issue 13).
 */
export function FollowUpPage({ token, role }: { token: string; role?: string }) {
  const { t, pick } = useI18n();
  const [items, setItems] = useState<FollowUpItem[] | null>(null);
  const [records, setRecords] = useState<SealedRecord[]>([]);
  const [open, setOpen] = useState<{ id: string; form: 'correction' | 'rereport' } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const canAct = role === undefined || SECRETARIAT_ROLES.includes(role);
  const load = useCallback(() => {
    endpoints.followUps(token).then(
      (r) => setItems(r.items),
      (e: unknown) => setError(errorText(e)),
    );
    endpoints.records(token).then(
      (r) => setRecords(r.records),
      () => setRecords([]),
    );
  }, [token]);
  /** Whether item `f`'s follow-up requires a re-evaluation (the record's own follow-up list). */
  const needsRereport = (f: FollowUpItem) =>
    (f.state === 'open' || f.state === 'overdue') &&
    f.reevaluatedBy === null &&
    (records
      .find((r) => r.seq === f.seq)
      ?.followUp.some((a) => a.action === f.action && a.reevaluate) ??
      false);
  const toggle = (id: string, form: 'correction' | 'rereport') =>
    setOpen(open?.id === id && open.form === form ? null : { id, form });
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
        <div className="table-scroll">
          <table className="results followup-table" data-testid="followup-table">
            <colgroup>
              <col className="col-seq" />
              <col className="col-organ" />
              <col className="col-item" />
              <col className="col-followup" />
              <col className="col-due" />
              <col className="col-state" />
              <col className="col-actions" />
            </colgroup>
            <thead>
              <tr>
                <th scope="col">{t('record')}</th>
                <th scope="col">{t('organ')}</th>
                <th scope="col">{t('item')}</th>
                <th scope="col">{t('followUp')}</th>
                <th scope="col">{t('due')}</th>
                <th scope="col">{t('state')}</th>
                <th scope="col">{t('actions')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((f) => (
                <Fragment key={f.id}>
                  <tr className={`state-${f.state}`} data-testid={`followup-${f.id}`}>
                    <td className="num">{f.seq}</td>
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
                      <div className="followup-actions">
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
                        {canAct && needsRereport(f) ? (
                          <button
                            type="button"
                            aria-expanded={open?.id === f.id && open.form === 'rereport'}
                            onClick={() => toggle(f.id, 'rereport')}
                          >
                            {t('scheduleRereport')}
                          </button>
                        ) : null}
                        {canAct && (f.state === 'open' || f.state === 'overdue') ? (
                          <button
                            type="button"
                            aria-expanded={open?.id === f.id && open.form === 'correction'}
                            onClick={() => toggle(f.id, 'correction')}
                          >
                            {t('proposeCorrection')}
                          </button>
                        ) : null}
                      </div>
                    </td>
                  </tr>
                  {open?.id === f.id ? (
                    <tr className="followup-form-row">
                      <td colSpan={7}>
                        {open.form === 'rereport' ? (
                          <ReReportForm
                            token={token}
                            seq={f.seq}
                            title={f.title}
                            onScheduled={load}
                          />
                        ) : (
                          <CorrectionForm token={token} seq={f.seq} />
                        )}
                      </td>
                    </tr>
                  ) : null}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
