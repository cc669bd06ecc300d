import { NAMESPACES } from '@hall/shared';
import { ConnectionBanner } from '../components/ConnectionBanner';
import { ResultView, SealMarks } from '../components/ResultView';
import { useI18n } from '../lib/i18n';
import { useLive } from '../lib/live';

/**
 * The hall display (big screen, no login, read only): the item and its state, and after the
 * announcement the result in large type. Nothing of a result before it is announced.
 */
export function DisplayPage() {
  const { t } = useI18n();
  const live = useLive(NAMESPACES.display, null);
  const vote = live.vote;
  const announced =
    live.result && live.result.announcedAt && live.result.voteId === vote?.voteId
      ? live.result
      : null;
  const state =
    vote?.state === 'open'
      ? t('stateOpen')
      : vote?.state === 'closed'
        ? t('waitingAnnouncement')
        : vote?.state === 'announced'
          ? t('stateAnnounced')
          : t('stateIdle');
  return (
    <main className="display">
      <ConnectionBanner connected={live.connected} />
      <h1>{t('appTitle')}</h1>
      {announced ? (
        <ResultView result={announced} large />
      ) : (
        <section className="panel display-state">
          <h2 data-testid="display-title">{vote?.title ?? ''}</h2>
          <p className="huge" data-testid="display-state">
            {state}
          </p>
          {vote?.state === 'open' ? (
            <p className="big">
              {t('pressed')} {vote.pressed} / {vote.present}
            </p>
          ) : null}
          <SealMarks record={null} head={live.result?.chainHead ?? null} />
        </section>
      )}
    </main>
  );
}
