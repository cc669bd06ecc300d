import type { VotePayload } from '@hall/shared';
import { DISPLAY_STRINGS as S } from '../../lib/display-strings';
import { timeLeft } from '../../lib/labels';
import { Bi } from './Bilingual';
import { useNow } from './use-now';

/**
 * A vote in progress or closed and not yet announced: the item, the instruction, how many have
 * pressed against 实到 and the time left, in type that reads from the back row. Never the split.
 */
export function DisplayVote({ vote }: { vote: VotePayload }) {
  const open = vote.state === 'open';
  const now = useNow(open && vote.closesAt !== null);
  const left = open ? timeLeft(vote.closesAt, now) : null;
  return (
    <section className="hd-main hd-vote" aria-label={S.displayItem.zh}>
      <div className="hd-heading">
        <p className="hd-kicker">
          <Bi text={S.displayItem} />
        </p>
        <h2 className="hd-title" data-testid="display-title">
          {vote.title ?? ''}
        </h2>
      </div>
      {open ? (
        <p className="hd-instruction" data-testid="display-instruction">
          <Bi text={S.displayPressNow} />
        </p>
      ) : (
        <p className="hd-waiting" data-testid="display-state">
          <Bi text={S.displayWaiting} />
        </p>
      )}
      <div className="hd-figures" aria-live="polite">
        <p className="hd-figure">
          <Bi text={S.displayPressed} className="hd-figure-label" />
          <span className="hd-figure-value" data-testid="display-pressed">
            {vote.pressed}
          </span>
        </p>
        <p className="hd-figure hd-slash" aria-hidden="true">
          /
        </p>
        <p className="hd-figure">
          <Bi text={S.displayPresent} className="hd-figure-label" />
          <span className="hd-figure-value" data-testid="display-present">
            {vote.present}
          </span>
        </p>
        {left !== null ? (
          <p className="hd-figure hd-countdown">
            <Bi text={S.displayTimeLeft} className="hd-figure-label" />
            <span className="hd-figure-value" data-testid="display-countdown">
              {left}
            </span>
          </p>
        ) : null}
      </div>
      {open ? (
        <p className="hd-state" data-testid="display-state">
          <Bi text={S.displayVoting} />
        </p>
      ) : null}
    </section>
  );
}

/** Between votes: the next item of the sitting, if the agenda has one. */
export function DisplayIdle({ nextItem }: { nextItem: string | null }) {
  return (
    <section className="hd-main hd-idle" aria-label={S.displayNextItem.zh}>
      {nextItem ? (
        <div className="hd-heading">
          <p className="hd-kicker">
            <Bi text={S.displayNextItem} />
          </p>
          <h2 className="hd-title" data-testid="display-next-item">
            {nextItem}
          </h2>
        </div>
      ) : null}
      <p className="hd-state" data-testid="display-state">
        <Bi text={S.displayIdle} />
      </p>
    </section>
  );
}
