import { NAMESPACES } from '@hall/shared';
import { ConnectionBanner } from '../components/ConnectionBanner';
import { Bi } from '../components/display/Bilingual';
import { DisplayResult, DisplaySeal } from '../components/display/DisplayResult';
import { DisplayAbandoned, DisplayIdle, DisplayVote } from '../components/display/DisplayVote';
import { DISPLAY_STRINGS as S } from '../lib/display-strings';
import { useI18n } from '../lib/i18n';
import { useLive } from '../lib/live';
import './display.css';

/**
 * The hall display (big screen, no login, read only), laid out for the back row at 1920×1080,
 * 1280×720 and 3840×2160 (every size follows the viewport, display.css): the sitting at the top;
 * while a vote is open the item, 请按键表决, the press count and the time left; after the
 * announcement the outcome in its own colour with every figure and the 依据 line; between votes
 * the next item. Nothing of a result before it is announced: the `/display` namespace sends none.
 * Issue 14: any profile (the words come with the result), how the ballots are taken (a paper or
 * hands vote shows 人工计票中, no press count), the series line, and an abandoned vote.
 */
export function DisplayPage() {
  const { t } = useI18n();
  const live = useLive(NAMESPACES.display, null);
  const vote = live.vote;
  const result = live.result;
  const announced = result && result.announcedAt && result.voteId === vote?.voteId ? result : null;
  const sitting = vote?.sitting ?? null;
  const nextItem = vote?.nextItem ?? null;
  const head = result?.chainHead ?? null;
  const body =
    vote && (vote.state === 'open' || vote.state === 'closed') ? (
      <DisplayVote vote={vote} />
    ) : vote?.state === 'abandoned' ? (
      <DisplayAbandoned vote={vote} />
    ) : announced ? (
      <DisplayResult result={announced} series={vote?.series ?? null} />
    ) : (
      <DisplayIdle nextItem={nextItem} />
    );
  return (
    <main className="hall-display" lang="zh-CN">
      <ConnectionBanner connected={live.connected} />
      <header className="hd-header">
        <h1 className="hd-sitting" data-testid="display-sitting">
          {sitting ?? t('appTitle')}
        </h1>
        {sitting ? <p className="hd-app">{S.displayAppTitle.zh}</p> : null}
      </header>
      {body}
      <footer className="hd-footer">
        {announced && nextItem ? (
          <p className="hd-next" data-testid="display-next-item">
            <Bi text={S.displayNextItem} />：{nextItem}
          </p>
        ) : null}
        <DisplaySeal record={announced?.record ?? null} head={head} />
      </footer>
    </main>
  );
}
