import type { SeriesReply } from '@hall/shared';
import { useI18n, type StringKey } from '../../lib/i18n';
import { MethodNote } from '../MethodNote';

const STATE_KEY: Record<SeriesReply['subjects'][number]['state'], StringKey> = {
  pending: 'subjectPending',
  open: 'subjectOpen',
  closed: 'subjectClosed',
  announced: 'subjectAnnounced',
  abandoned: 'subjectAbandoned',
};

/**
 * A series' subjects in order, each with its profile, state and (once announced) outcome; the
 * chair's one action 下一项 (the server announces the closed subject if need be and opens the
 * next), and the way to the printable summary.
 */
export function SeriesSubjects({
  series,
  canAdvance,
  onNext,
  onSummary,
}: {
  series: SeriesReply;
  canAdvance: boolean;
  onNext: () => void;
  onSummary: () => void;
}) {
  const { t, pick } = useI18n();
  const open = series.subjects.some((s) => s.state === 'open');
  return (
    <section
      className="panel series-subjects"
      aria-label={series.title}
      data-testid={`series-${series.seriesId}`}
    >
      <h2>{series.title}</h2>
      <p className="muted">
        {t(series.kind === 'departments' ? 'seriesKindDepartments' : 'seriesKindSubjects')}
        {series.organ ? ` · ${series.organ}` : ''} ·{' '}
        <MethodNote method={series.method} testId="series-method" />
      </p>
      <div className="actions">
        {canAdvance && series.next !== null ? (
          <button type="button" className="primary" disabled={open} onClick={onNext}>
            {t('seriesNext')}
          </button>
        ) : null}
        {series.next === null ? <span className="muted">{t('seriesDone')}</span> : null}
        <button type="button" onClick={onSummary}>
          {t('seriesSummary')}
        </button>
      </div>
      <table className="results">
        <thead>
          <tr>
            <th scope="col">{t('seriesIndex')}</th>
            <th scope="col">{t('seriesSubject')}</th>
            <th scope="col">{t('profile')}</th>
            <th scope="col">{t('state')}</th>
            <th scope="col">{t('outcome')}</th>
          </tr>
        </thead>
        <tbody>
          {series.subjects.map((s) => (
            <tr
              key={s.index}
              data-testid={`subject-${s.index}`}
              className={s.index === series.next ? 'next' : undefined}
            >
              <td>{s.index}</td>
              <td>{s.title}</td>
              <td>{pick(s.profileName)}</td>
              <td>{t(STATE_KEY[s.state])}</td>
              <td>{s.outcome ? pick(s.outcome.label) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
