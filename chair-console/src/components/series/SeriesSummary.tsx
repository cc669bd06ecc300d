import type { SeriesSummaryReply } from '@hall/shared';
import { useI18n } from '../../lib/i18n';
import { MethodNote } from '../MethodNote';

type Share = SeriesSummaryReply['subjects'][number]['optionShares'][number]['share'];

/** 优秀 30 / 33 = 91%: the exact counts the rate was decided from, and the rounded text. */
export const shareText = (label: string, share: Share) =>
  `${label} ${share.count} / ${share.of} = ${share.text}`;

/**
 * The printable summary of a series (issue 14; 第二篇: 满意率 100%, 优秀 30 / 33 = 91%, 合格
 * 3 / 33 = 9%): its title, organ and how the ballots were taken; per subject its outcome and each
 * option's share of the ballots returned; per profile each outcome's rate over the subjects
 * announced under it. From the sealed records only (server side); the percentages are the
 * server's rounded texts, shown beside the exact counts. 打印 prints the page without the
 * console's navigation (series.css, `@media print`).
 */
export function SeriesSummary({
  summary,
  onBack,
  onPdf,
}: {
  summary: SeriesSummaryReply;
  onBack?: () => void;
  /** The server's printable PDF of the same summary (GET /api/series/:id/report.pdf). */
  onPdf?: () => void;
}) {
  const { t, pick } = useI18n();
  return (
    <article className="series-summary" data-testid="series-summary">
      <div className="actions no-print">
        <button type="button" className="primary" onClick={() => window.print()}>
          {t('seriesPrint')}
        </button>
        {onPdf ? (
          <button type="button" onClick={onPdf}>
            {t('downloadPdf')}
          </button>
        ) : null}
        {onBack ? (
          <button type="button" onClick={onBack}>
            {t('seriesBack')}
          </button>
        ) : null}
      </div>
      <header>
        <h2>
          {summary.title} {t('seriesSummaryTitle')}
        </h2>
        <p>
          {t(summary.kind === 'departments' ? 'seriesKindDepartments' : 'seriesKindSubjects')}
          {summary.organ ? ` · ${t('organ')}：${summary.organ}` : ''} ·{' '}
          <MethodNote method={summary.method} testId="summary-method" />
        </p>
      </header>
      <section aria-label={t('seriesRates')}>
        <h3>{t('seriesRates')}</h3>
        {summary.groups.map((g) => (
          <div
            key={`${g.profileId}@${g.profileVersion}`}
            className="summary-group"
            data-testid={`group-${g.profileId}`}
          >
            <h4>
              {pick(g.profileName)}{' '}
              <span className="muted">
                {t('seriesVersion').replace('{n}', String(g.profileVersion))}
              </span>{' '}
              <span className="muted">{t('seriesDecided').replace('{n}', String(g.decided))}</span>
            </h4>
            <ul>
              {g.outcomes.map((o) => (
                <li key={o.id} data-testid={`rate-${g.profileId}-${o.id}`}>
                  {shareText(pick(o.label), o.share)}
                </li>
              ))}
            </ul>
          </div>
        ))}
      </section>
      <table className="results summary-subjects">
        <thead>
          <tr>
            <th scope="col">{t('seriesIndex')}</th>
            <th scope="col">{t('seriesSubject')}</th>
            <th scope="col">{t('present')}</th>
            <th scope="col">{t('seriesReturned')}</th>
            <th scope="col">{t('seriesShares')}</th>
            <th scope="col">{t('outcome')}</th>
          </tr>
        </thead>
        <tbody>
          {summary.subjects.map((s) => (
            <tr key={s.index} data-testid={`summary-subject-${s.index}`}>
              <td>{s.index}</td>
              <td>{s.title}</td>
              <td>{s.present ?? '—'}</td>
              <td>{s.returned ?? '—'}</td>
              <td>
                {s.optionShares.map((o) => shareText(pick(o.label), o.share)).join('；') || '—'}
              </td>
              <td>{s.outcome ? pick(s.outcome.label) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">{t('seriesShareNote')}</p>
    </article>
  );
}
