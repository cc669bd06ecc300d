import { useCallback, useEffect, useState } from 'react';
import {
  NAMESPACES,
  type SeriesCreateBody,
  type SeriesReply,
  type SeriesSummaryReply,
} from '@hall/shared';
import { SeriesCreateForm } from '../components/series/SeriesCreateForm';
import { SeriesSubjects } from '../components/series/SeriesSubjects';
import { SeriesSummary } from '../components/series/SeriesSummary';
import { errorText } from '../lib/api';
import { endpoints, type ProfileChoice, type Session } from '../lib/endpoints';
import { fillIn } from '../lib/hand-count-strings';
import { useI18n } from '../lib/i18n';
import { useLive } from '../lib/live';
import '../components/series/series.css';

const ADVANCING = ['chair', 'operator'];

/**
 * 连续测评 (issue 14): the series of the sitting (many subjects in a row, or the departments of one
 * report), a new one, its subjects with their state and outcome, the chair's 下一项, and the
 * printable summary. Follows the push: a subject opened, closed or announced anywhere shows here.
 */
export function SeriesPage({ token, role }: { token: string; role: string }) {
  const { t } = useI18n();
  const live = useLive(role === 'secretariat' ? NAMESPACES.secretariat : NAMESPACES.chair, token);
  const [list, setList] = useState<SeriesReply[] | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  const [summary, setSummary] = useState<SeriesSummaryReply | null>(null);
  const [session, setSession] = useState<Session | null>(null);
  const [choices, setChoices] = useState<ProfileChoice[]>([]);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const load = useCallback(async () => {
    try {
      setList(await endpoints.seriesList(token));
    } catch (err) {
      setMessage({ ok: false, text: errorText(err) });
    }
  }, [token]);
  useEffect(() => {
    void load();
  }, [load, live.vote?.voteId, live.vote?.state]);
  useEffect(() => {
    endpoints.currentSession(token).then(setSession, () => undefined);
    endpoints.profileChoices(token).then(setChoices, () => undefined);
  }, [token]);

  const run = async (fn: () => Promise<string | null>) => {
    setMessage(null);
    try {
      const text = await fn();
      if (text) setMessage({ ok: true, text });
    } catch (err) {
      setMessage({ ok: false, text: errorText(err) });
    }
    await load();
  };

  const create = async (body: SeriesCreateBody) => {
    // Refusals stay in the form (it shows the server's reason beside the fields).
    const { seriesId } = await endpoints.createSeries(token, body);
    setSelected(seriesId);
    setMessage({ ok: true, text: fillIn(t('seriesCreated'), { title: body.title }) });
    await load();
  };

  if (summary) {
    return (
      <div className="series-page">
        {message && !message.ok ? (
          <p role="alert" className="error" data-testid="series-message">
            {message.text}
          </p>
        ) : null}
        <SeriesSummary
          summary={summary}
          onBack={() => setSummary(null)}
          onPdf={() =>
            void endpoints
              .seriesPdf(token, summary.seriesId)
              .catch((e: unknown) => setMessage({ ok: false, text: errorText(e) }))
          }
        />
      </div>
    );
  }
  const current = list?.find((s) => s.seriesId === selected) ?? list?.[list.length - 1] ?? null;
  return (
    <div className="series-page">
      {message ? (
        <p
          role={message.ok ? 'status' : 'alert'}
          className={message.ok ? 'ok' : 'error'}
          data-testid="series-message"
        >
          {message.text}
        </p>
      ) : null}
      <section className="panel" aria-label={t('seriesList')}>
        <h2>{t('seriesList')}</h2>
        {list && list.length === 0 ? <p className="muted">{t('seriesNone')}</p> : null}
        {list && list.length > 1 ? (
          <div className="actions">
            {list.map((s) => (
              <button
                key={s.seriesId}
                type="button"
                aria-pressed={s.seriesId === current?.seriesId}
                onClick={() => setSelected(s.seriesId)}
              >
                {s.title}
              </button>
            ))}
          </div>
        ) : null}
      </section>
      {current ? (
        <SeriesSubjects
          series={current}
          canAdvance={ADVANCING.includes(role)}
          onNext={() =>
            void run(async () => {
              await endpoints.seriesNext(token, current.seriesId);
              return null;
            })
          }
          onSummary={() =>
            void run(async () => {
              setSummary(await endpoints.seriesSummary(token, current.seriesId));
              return null;
            })
          }
        />
      ) : null}
      <SeriesCreateForm items={session?.items ?? []} choices={choices} onCreate={create} />
    </div>
  );
}
