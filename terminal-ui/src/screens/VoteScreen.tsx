import { useEffect, useState } from 'react';
import {
  PRESS_REASONS,
  type TerminalOption,
  type TerminalPressReply,
  type TerminalVote,
} from '@hall/shared';
import { useWords } from '../strings';

/**
 * An open vote at this seat: the options as large buttons, a confirmation step, and
 * "registered" only once the server has stored the ballot. The choice is not shown afterwards:
 * a screen at a seat can be seen by others.
 */
export function VoteScreen({
  vote,
  onPress,
}: {
  vote: TerminalVote;
  onPress: (keys: number[]) => Promise<TerminalPressReply>;
}) {
  const { t, pick } = useWords();
  const [chosen, setChosen] = useState<TerminalOption | null>(null);
  const [sending, setSending] = useState(false);
  const [reply, setReply] = useState<TerminalPressReply | null>(null);
  const [error, setError] = useState<string | null>(null);

  // A new vote starts clean.
  useEffect(() => {
    setChosen(null);
    setReply(null);
    setError(null);
  }, [vote.voteId]);

  if (vote.registered || reply?.lamp === 'registered') {
    return (
      <section className="screen registered" aria-live="polite">
        <h1 className="vote-title">{vote.title}</h1>
        <p className="lamp green" data-testid="registered">
          {t('registered')}
        </p>
        <p>{t('registeredHelp')}</p>
      </section>
    );
  }

  async function send(option: TerminalOption) {
    setSending(true);
    setError(null);
    try {
      const r = await onPress([option.seatKey]);
      setReply(r);
      if (r.lamp !== 'registered') setChosen(null);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setSending(false);
    }
  }

  const refused = reply
    ? reply.reason
      ? pick(PRESS_REASONS[reply.reason])
      : t('notAccepted')
    : null;

  return (
    <section className="screen vote" aria-label={vote.title}>
      <h1 className="vote-title">{vote.title}</h1>
      {refused ? (
        <p role="alert" className="lamp red" data-testid="not-accepted">
          {t('notAccepted')}：{refused}
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
      {chosen ? (
        <div className="confirm" role="group" aria-label={t('confirmTitle')}>
          <p>{t('confirmTitle')}</p>
          <p className="chosen" data-testid="chosen">
            {pick(chosen.label)}
          </p>
          <div className="row">
            <button
              type="button"
              className="big-button"
              onClick={() => setChosen(null)}
              disabled={sending}
            >
              {t('back')}
            </button>
            <button
              type="button"
              className="big-button primary"
              onClick={() => void send(chosen)}
              disabled={sending}
              autoFocus
            >
              {sending ? t('sending') : t('confirm')}
            </button>
          </div>
        </div>
      ) : (
        <div className="options" role="group" aria-label={t('choose')}>
          <p>{t('choose')}</p>
          {vote.options.map((o) => (
            <button
              key={o.key}
              type="button"
              className={`big-button option option-${o.key}`}
              onClick={() => setChosen(o)}
            >
              {pick(o.label)}
            </button>
          ))}
        </div>
      )}
    </section>
  );
}
