import { useState } from 'react';
import { PRESS_REASONS, type TerminalPressReply, type TerminalState } from '@hall/shared';
import { useWords } from '../strings';
import { VoteScreen } from './VoteScreen';

/** What the seat shows in each mode of the hall. */
export function SeatScreen({
  state,
  onPress,
}: {
  state: TerminalState;
  onPress: (keys: number[]) => Promise<TerminalPressReply>;
}) {
  const { t, pick } = useWords();
  const [checkinError, setCheckinError] = useState<string | null>(null);
  const vote = state.vote;
  // A seat that may not vote says why: no roster entry at all, or an observer's (列席) seat.
  const notVoting = state.mayVote ? null : (
    <p className="screen notice" data-testid="not-voting">
      {t(state.occupant === null ? 'unassigned' : 'observer')}
    </p>
  );

  if (state.mode === 'checkin' && notVoting) return notVoting;
  if (state.mode === 'checkin') {
    return (
      <section className="screen checkin">
        {state.checkedIn ? (
          <p className="lamp green" data-testid="checked-in">
            {t('checkedIn')}
          </p>
        ) : (
          <>
            <p>{t('checkinHelp')}</p>
            <button
              type="button"
              className="big-button primary"
              onClick={() =>
                onPress([1]).then(
                  (r) =>
                    setCheckinError(
                      r.lamp === 'registered'
                        ? null
                        : r.reason
                          ? pick(PRESS_REASONS[r.reason])
                          : t('notAccepted'),
                    ),
                  (e: Error) => setCheckinError(e.message),
                )
              }
            >
              {t('checkin')}
            </button>
            {checkinError ? (
              <p role="alert" className="error">
                {checkinError}
              </p>
            ) : null}
          </>
        )}
      </section>
    );
  }

  // Issue 14: a paper or hands vote is counted by people; the seats stay idle (the hall mode is
  // not `open`) and the terminal offers nothing to press, only how to vote.
  if (vote?.state === 'open' && (vote.method === 'paper' || vote.method === 'hands')) {
    if (notVoting) return notVoting;
    return (
      <section className="screen hand-counted" aria-live="polite">
        <h1 className="vote-title">{vote.title}</h1>
        <p className="lamp info" data-testid="hand-counted" data-method={vote.method}>
          {t(vote.method === 'paper' ? 'paperVote' : 'handsVote')}
        </p>
        <p>{t('handCounted')}</p>
      </section>
    );
  }

  if (state.mode === 'open' && vote?.state === 'open') {
    if (notVoting) return notVoting;
    // Keyed by vote: a choice never carries over into another vote.
    return <VoteScreen key={vote.voteId} vote={vote} onPress={onPress} />;
  }

  if (vote?.state === 'abandoned') {
    return (
      <section className="screen abandoned">
        <h1 className="vote-title">{vote.title}</h1>
        <p className="lamp info" data-testid="abandoned">
          {t('abandoned')}
        </p>
      </section>
    );
  }

  if (vote?.state === 'closed') {
    return (
      <section className="screen closed">
        <h1 className="vote-title">{vote.title}</h1>
        <p data-testid="closed">{t('closed')}</p>
      </section>
    );
  }

  const r = state.result;
  if (vote?.state === 'announced' && r && r.voteId === vote.voteId) {
    return (
      <section className="screen result" aria-label={t('result')} tabIndex={0}>
        <h1 className="vote-title">{r.title}</h1>
        <p className="outcome" data-testid="outcome">
          {t('result')}：{pick(r.outcome)}
        </p>
        <table>
          <tbody>
            <tr>
              <th scope="row">{t('members')}</th>
              <td>{r.members}</td>
            </tr>
            <tr>
              <th scope="row">{t('present')}</th>
              <td>{r.present}</td>
            </tr>
            {r.counts.map((c) => (
              <tr key={c.label.zh}>
                <th scope="row">{pick(c.label)}</th>
                <td>{c.value}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">{t('invalid')}</th>
              <td>{r.invalid}</td>
            </tr>
            <tr>
              <th scope="row">{t('notVoted')}</th>
              <td>{r.notVoted}</td>
            </tr>
          </tbody>
        </table>
      </section>
    );
  }

  return (
    <p className="screen idle" data-testid="idle">
      {t('idle')}
    </p>
  );
}
