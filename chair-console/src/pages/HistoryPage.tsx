import { errorText } from '../lib/api';
import { useEffect, useState } from 'react';
import type { OrganHistory, SealedRecord } from '@hall/shared';
import { HistoryShareChart, HistoryTable } from '../components/HistoryOverview';
import { endpoints } from '../lib/endpoints';
import { useI18n } from '../lib/i18n';
import { outcomeTone } from '../lib/labels';
import { ProfileOptions } from '../components/ProfileOptions';
import { CorrectionForm } from '../components/CorrectionForm';
import { Dialog } from '../components/Dialog';
import { fill } from '../lib/secretariat-strings';
import { MethodNote, RetakeNote } from '../components/MethodNote';

/**
 * Evaluations per reporting organ: 纵向 (one organ over time, a row of results) and 横向 (the
 * organs side by side), as a table, a chart of the 满意 share and a row of cells per organ,
 * filterable by year and profile. Figures from the sealed records (the latest of each vote).
 */
export function HistoryPage({ token, role }: { token: string; role?: string }) {
  const { t, pick } = useI18n();
  const [year, setYear] = useState<number | undefined>();
  const [profile, setProfile] = useState<string | undefined>();
  const [data, setData] = useState<{ organs: OrganHistory[]; years: number[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Issue 13: the secretariat proposes a correction of a record from its entry.
  const [correcting, setCorrecting] = useState<number | null>(null);
  const canPropose = role === undefined || role === 'secretariat' || role === 'operator';
  // Issue 14: how each record's ballots were taken, and the vote it retakes (from the records).
  const [sealed, setSealed] = useState<Map<number, SealedRecord>>(new Map());
  useEffect(() => {
    endpoints.records(token).then(
      (r) => setSealed(new Map(r.records.map((x) => [x.seq, x]))),
      () => undefined,
    );
  }, [token]);

  useEffect(() => {
    endpoints
      .history(token, { year, profile })
      .then(setData, (e: unknown) => setError(errorText(e)));
  }, [token, year, profile]);

  return (
    <section className="panel history" aria-label={t('history')}>
      <h2>{t('history')}</h2>
      <div className="actions">
        <label>
          {t('year')}
          <select
            value={year ?? ''}
            onChange={(e) => setYear(e.target.value ? Number(e.target.value) : undefined)}
          >
            <option value="">{t('allYears')}</option>
            {(data?.years ?? []).map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('profile')}
          <select value={profile ?? ''} onChange={(e) => setProfile(e.target.value || undefined)}>
            <option value="">{t('allProfiles')}</option>
            <ProfileOptions />
          </select>
        </label>
        <button
          type="button"
          onClick={() =>
            void endpoints.recordsCsv(token).catch((e: unknown) => setError(errorText(e)))
          }
        >
          {t('downloadCsv')}
        </button>
        <button
          type="button"
          onClick={() =>
            void endpoints.recordsXlsx(token).catch((e: unknown) => setError(errorText(e)))
          }
        >
          {t('downloadXlsx')}
        </button>
      </div>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
      {data && data.organs.length === 0 ? <p className="muted">{t('none')}</p> : null}
      {data && data.organs.length > 0 ? (
        <>
          <HistoryTable organs={data.organs} />
          <HistoryShareChart organs={data.organs} />
          <p className="muted">{t('shareIsDisplayOnly')}</p>
        </>
      ) : null}
      {data?.organs.map((o) => (
        <article key={o.organ} className="organ" data-testid={`organ-${o.organ}`}>
          <h3>{o.organ}</h3>
          <ol className="timeline" aria-label={`${o.organ} ${t('history')}`}>
            {o.entries.map((e) => (
              <li
                key={e.seq}
                className={`tone-cell ${outcomeTone(e.outcome)}`}
                title={`${e.title} ${e.satisfiedShare}`}
              >
                <span className="when">
                  {e.year} · {t('record')} {e.seq}
                </span>
                <span className="what">{e.title}</span>
                {sealed.has(e.seq) ? (
                  <MethodNote
                    method={sealed.get(e.seq)!.method}
                    testId={`history-method-${e.seq}`}
                  />
                ) : null}
                <RetakeNote retakes={sealed.get(e.seq)?.retakes} />
                <strong>
                  {e.outcomeLabel}
                  {e.correctsSeq != null ? t('corrected') : ''}
                </strong>
                {e.correctionNote ? (
                  <small className="correction-note" data-testid={`correction-${e.seq}`}>
                    {pick(e.correctionNote)}
                  </small>
                ) : null}
                <span className="share">
                  {t('satisfiedShare')} {e.satisfiedShare}
                </span>
                <button
                  type="button"
                  className="link"
                  onClick={() =>
                    void endpoints
                      .recordPdf(token, e.seq)
                      .catch((x: unknown) => setError(errorText(x)))
                  }
                >
                  {t('downloadPdf')}
                </button>
                {canPropose ? (
                  <button type="button" className="link" onClick={() => setCorrecting(e.seq)}>
                    {t('proposeCorrection')}
                  </button>
                ) : null}
              </li>
            ))}
          </ol>
        </article>
      ))}
      {correcting !== null ? (
        <Dialog
          title={fill(t('correctionFormTitle'), { seq: correcting })}
          onClose={() => setCorrecting(null)}
          testId="correction-dialog"
        >
          <CorrectionForm token={token} seq={correcting} />
          <div className="actions">
            <button type="button" onClick={() => setCorrecting(null)}>
              {t('close')}
            </button>
          </div>
        </Dialog>
      ) : null}
    </section>
  );
}
