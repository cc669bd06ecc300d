import type { VotePayload } from '@hall/shared';
import { endpoints } from '../../lib/endpoints';
import { fillIn } from '../../lib/hand-count-strings';
import { useI18n } from '../../lib/i18n';
import { useAction } from '../../lib/use-action';

type Link = NonNullable<VotePayload['series']>;

/**
 * On the chair's page, when the vote is a subject of a series (issue 14): 第 3 / 34 项：张三, and
 * the chair's one action 下一项 once it is no longer open (the server announces the closed
 * subject if need be and opens the next).
 */
export function SeriesPosition({
  token,
  series,
  state,
  onNext,
}: {
  token: string;
  series: Link;
  state: VotePayload['state'];
  onNext?: () => void;
}) {
  const { t } = useI18n();
  const { error, act } = useAction();
  const last = series.index >= series.count;
  return (
    <section
      className="panel series-position"
      aria-label={series.title}
      data-testid="series-position"
    >
      <p>
        <span className="muted">{series.title}</span>{' '}
        <strong data-testid="series-subject">
          {fillIn(t('seriesPosition'), {
            index: series.index,
            count: series.count,
            subject: series.subject,
          })}
        </strong>
      </p>
      {state !== 'open' && !last ? (
        <div className="actions">
          <button
            type="button"
            className="primary"
            onClick={act(async () => {
              await endpoints.seriesNext(token, series.seriesId);
              onNext?.();
            })}
          >
            {t('seriesNext')}
          </button>
        </div>
      ) : null}
      {last && state !== 'open' ? <p className="muted">{t('seriesDone')}</p> : null}
      {error ? (
        <p role="alert" className="error" data-testid="series-error">
          {error}
        </p>
      ) : null}
    </section>
  );
}
