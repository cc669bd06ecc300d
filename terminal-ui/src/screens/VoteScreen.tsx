import { useEffect, useState, type CSSProperties } from 'react';
import {
  PRESS_REASONS,
  type TerminalOption,
  type TerminalPressReply,
  type TerminalVote,
} from '@hall/shared';
import { useWords } from '../strings';

/**
 * An open vote at this seat: the options as equal, neutral buttons in the profile's order, all on
 * screen at once (issue 13: a grid of equal tracks that fits every seat screen), a confirmation
 * step with the chosen option marked, and "registered" only once the server has stored the
 * ballot. The choice lives only in this component's state: never sent anywhere but the press,
 * never stored, not shown once registered (a screen at a seat can be seen by others), and gone
 * when the vote closes (the component unmounts; SeatScreen keys it by vote).
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

  // Counted by people (issue 14): never a button (SeatScreen shows how to vote instead).
  if (vote.method !== 'keypads') return null;

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
      <div
        className="options"
        role="group"
        aria-label={t('choose')}
        style={{ '--count': vote.options.length } as CSSProperties}
      >
        {vote.options.map((o) => (
          <button
            key={o.key}
            type="button"
            className="option"
            aria-pressed={chosen?.key === o.key}
            onClick={() => setChosen(o)}
            disabled={sending}
          >
            {pick(o.label)}
          </button>
        ))}
      </div>
      {chosen ? (
        <div className="confirm" role="group" aria-label={t('confirmTitle')}>
          <p>
            {t('confirmTitle')}：
            <span className="chosen" data-testid="chosen">
              {pick(chosen.label)}
            </span>
          </p>
          <div className="row">
            <button type="button" onClick={() => setChosen(null)} disabled={sending}>
              {t('back')}
            </button>
            <button
              type="button"
              className="primary"
              onClick={() => void send(chosen)}
              disabled={sending}
              autoFocus
            >
              {sending ? t('sending') : t('confirm')}
            </button>
          </div>
        </div>
      ) : (
        <p className="confirm prompt">{t('choose')}</p>
      )}
    </section>
  );
}
