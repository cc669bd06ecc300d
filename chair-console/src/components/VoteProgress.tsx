import { useEffect, useState } from 'react';
import type { VotePayload } from '@hall/shared';
import { useI18n, type StringKey } from '../lib/i18n';
import { timeLeft } from '../lib/labels';

const STATE_KEY: Record<string, StringKey> = {
  open: 'stateOpen',
  closed: 'stateClosed',
  announced: 'stateAnnounced',
};

/** While a vote is open: how many have pressed against present, and the timer. Never the split. */
export function VoteProgress({ vote }: { vote: VotePayload | null }) {
  const { t } = useI18n();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!vote?.closesAt || vote.state !== 'open') return;
    const id = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(id);
  }, [vote?.closesAt, vote?.state]);
  if (!vote || vote.voteId === null) return <p className="muted">{t('stateIdle')}</p>;
  const left = vote.state === 'open' ? timeLeft(vote.closesAt, now) : null;
  const share = vote.present > 0 ? Math.min(100, (100 * vote.pressed) / vote.present) : 0;
  return (
    <section className="panel progress" aria-label={t('pressed')}>
      <h2>{vote.title}</h2>
      <p className="state" data-testid="vote-state">
        {t(STATE_KEY[vote.state ?? ''] ?? 'stateIdle')}
      </p>
      <p className="big" data-testid="pressed">
        {t('pressed')} {vote.pressed} / {vote.present}
      </p>
      <div
        className="bar"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={vote.present}
        aria-valuenow={vote.pressed}
        aria-label={t('pressed')}
      >
        <div className="fill" style={{ width: `${share}%` }} />
      </div>
      {left ? (
        <p data-testid="timer">
          {t('remaining')} {left}
        </p>
      ) : null}
    </section>
  );
}
