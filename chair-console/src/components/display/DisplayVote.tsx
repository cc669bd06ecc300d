import type { VotePayload } from '@hall/shared';
import { DISPLAY_STRINGS as S } from '../../lib/display-strings';
import { timeLeft } from '../../lib/labels';
import { Bi } from './Bilingual';
import { handCounted, MethodLine, SeriesLine } from './FormLine';
import { useNow } from './use-now';

/** The item heading: the series line (issue 14) when the vote is a subject of one, the title. */
function VoteHeading({ vote }: { vote: VotePayload }) {
  return (
    <div className="hd-heading">
      <SeriesLine series={vote.series ?? null} />
      <p className="hd-kicker">
        <Bi text={S.displayItem} />
      </p>
      <h2 className="hd-title" data-testid="display-title">
        {vote.title ?? ''}
      </h2>
    </div>
  );
}

/**
 * A vote in progress or closed and not yet announced: the item, the instruction, how many have
 * pressed against 实到 and the time left, in type that reads from the back row. Never the split.
 * A paper or hands vote (issue 14) is counted by people, not the seats: it says how to vote and
 * 人工计票中 instead of a press count.
 */
export function DisplayVote({ vote }: { vote: VotePayload }) {
  const open = vote.state === 'open';
  const byHand = handCounted(vote.method);
  const now = useNow(open && vote.closesAt !== null);
  const left = open ? timeLeft(vote.closesAt, now) : null;
  const instruction =
    vote.method === 'paper'
      ? S.displayPaperNow
      : vote.method === 'hands'
        ? S.displayHandsNow
        : S.displayPressNow;
  return (
    <section className="hd-main hd-vote" aria-label={S.displayItem.zh}>
      <VoteHeading vote={vote} />
      <MethodLine method={vote.method} />
      {open ? (
        <p className="hd-instruction" data-testid="display-instruction">
          <Bi text={instruction} />
        </p>
      ) : (
        <p className="hd-waiting" data-testid="display-state">
          <Bi text={S.displayWaiting} />
        </p>
      )}
      <div className="hd-figures" aria-live="polite">
        {byHand ? (
          <p className="hd-figure">
            <span className="hd-figure-value hd-hand-counting" data-testid="display-hand-counting">
              <Bi text={S.displayHandCounting} />
            </span>
          </p>
        ) : (
          <>
            <p className="hd-figure">
              <Bi text={S.displayPressed} className="hd-figure-label" />
              <span className="hd-figure-value" data-testid="display-pressed">
                {vote.pressed}
              </span>
            </p>
            <p className="hd-figure hd-slash" aria-hidden="true">
              /
            </p>
          </>
        )}
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

/** An abandoned vote (issue 14: the equipment failed; it is retaken by hand): says so, no figure. */
export function DisplayAbandoned({ vote }: { vote: VotePayload }) {
  return (
    <section className="hd-main hd-abandoned" aria-label={S.displayAbandoned.zh}>
      <VoteHeading vote={vote} />
      <MethodLine method={vote.method} />
      <p className="hd-waiting" data-testid="display-state">
        <Bi text={S.displayAbandoned} />
      </p>
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
