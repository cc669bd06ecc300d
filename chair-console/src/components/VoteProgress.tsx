import { useEffect, useState } from 'react';
import type { SeatView, VotePayload } from '@hall/shared';
import { useI18n, type StringKey } from '../lib/i18n';
import { timeLeft } from '../lib/labels';

const STATE_KEY: Record<string, StringKey> = {
  open: 'stateOpen',
  closed: 'stateClosed',
  announced: 'stateAnnounced',
  abandoned: 'stateAbandoned',
};

/**
 * While a vote is open: how many have pressed against present, the timer, and (chair and
 * secretariat, whose push carries `notPressed`) the seats that have not pressed yet, in seat
 * order, with the member's name from the seat map. Never the split.
 */
export function VoteProgress({
  vote,
  seats = [],
}: {
  vote: VotePayload | null;
  seats?: readonly SeatView[];
}) {
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
  // Issue 14: a paper or hands vote is counted by people (the hand-count panel beside it).
  const byHand = vote.method === 'paper' || vote.method === 'hands';
  return (
    <section className="panel progress" aria-label={t('pressed')}>
      <h2>{vote.title}</h2>
      <p className="state" data-testid="vote-state">
        {t(STATE_KEY[vote.state ?? ''] ?? 'stateIdle')}
      </p>
      {byHand || vote.state === 'abandoned' ? (
        <p className="big" data-testid="pressed">
          {vote.state === 'abandoned' ? t('progressAbandoned') : t('progressByHand')}
        </p>
      ) : (
        <KeypadProgress vote={vote} share={share} />
      )}
      {left ? (
        <p data-testid="timer">
          {t('remaining')} {left}
        </p>
      ) : null}
      {vote.state === 'open' && vote.notPressed ? (
        <NotPressed seats={vote.notPressed} map={seats} />
      ) : null}
    </section>
  );
}

/** How many seats have pressed against present, as a number and a bar (keypad votes). */
function KeypadProgress({ vote, share }: { vote: VotePayload; share: number }) {
  const { t } = useI18n();
  return (
    <>
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
    </>
  );
}

/** At most this many seats are listed; the rest are counted (a hall of 3,000 stays responsive). */
export const NOT_PRESSED_SHOWN = 400;

/** The member seats without a ballot yet, so the chair can call on them (who pressed is not secret). */
function NotPressed({ seats, map }: { seats: readonly string[]; map: readonly SeatView[] }) {
  const { t, lang } = useI18n();
  const bySeat = new Map(map.map((s) => [s.seat, s]));
  const shown = seats.slice(0, NOT_PRESSED_SHOWN);
  return (
    <section className="not-pressed" aria-label={t('notPressedSeats')} data-testid="not-pressed">
      <h3>
        {t('notPressedSeats')}
        <span className="badge" data-testid="not-pressed-count">
          {seats.length}
        </span>
      </h3>
      {seats.length === 0 ? (
        <p className="muted">{t('notPressedNone')}</p>
      ) : (
        <ul className="not-pressed-list" tabIndex={0}>
          {shown.map((seat) => {
            const s = bySeat.get(seat);
            const absent = s ? !s.checkedIn : false;
            return (
              <li key={seat} data-seat={seat} className={absent ? 'absent' : undefined}>
                <span className="np-seat">{seat}</span>
                {s?.name ? <span className="np-name"> {s.name}</span> : null}
                {absent ? (
                  <span className="muted">
                    {lang === 'zh' ? `（${t('notCheckedIn')}）` : ` (${t('notCheckedIn')})`}
                  </span>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      {seats.length > shown.length ? (
        <p className="muted">
          {t('notPressedMore').replace('{n}', String(seats.length - shown.length))}
        </p>
      ) : null}
    </section>
  );
}
