import { useEffect, useState } from 'react';
import { NAMESPACES, seedProfile, type HandCountsReply, type VoteResultReply } from '@hall/shared';
import { AgendaList } from '../components/AgendaList';
import { AttendancePanel } from '../components/AttendancePanel';
import { BusHealth } from '../components/BusHealth';
import { ConnectionBanner } from '../components/ConnectionBanner';
import { StorageAlert } from '../components/StorageAlert';
import { OpenVoteForm, type OpenVoteRequest } from '../components/OpenVoteForm';
import { AbandonVote } from '../components/AbandonVote';
import { HandCountsPanel } from '../components/HandCountsPanel';
import { MethodNote } from '../components/MethodNote';
import { SeriesPosition } from '../components/series/SeriesPosition';
import { PendingCorrections } from '../components/PendingCorrections';
import { ResultView, type ResultLike } from '../components/ResultView';
import { SeatMap } from '../components/SeatMap';
import { TerminalConfirmations } from '../components/TerminalConfirmations';
import { VoteProgress } from '../components/VoteProgress';
import { endpoints } from '../lib/endpoints';
import { useI18n } from '../lib/i18n';
import { useAction } from '../lib/use-action';
import { useLive } from '../lib/live';
import './chair.css';

/**
 * The presiding officer's console: the sitting at a glance, and the vote from open to announce.
 * Everything comes from the push (a reload shows the same page): while a vote is open, the seats
 * that have not pressed; once closed, the result with its 依据 and 宣读稿 at the top.
 */
export function ChairPage({ token, username }: { token: string; username?: string }) {
  const { t } = useI18n();
  const live = useLive(NAMESPACES.chair, token);
  const [terminalSeats, setTerminalSeats] = useState<string[]>([]);
  const [closed, setClosed] = useState<ResultLike | null>(null);
  const { error, act } = useAction();
  // Issue 14: what the chair last opened (a retake by hand reuses its item and profile), and the
  // hand counts of an open paper or hands vote (close is offered once they are confirmed).
  const [lastOpened, setLastOpened] = useState<{ voteId: number; req: OpenVoteRequest } | null>(
    null,
  );
  const [handCounts, setHandCounts] = useState<HandCountsReply | null>(null);
  // The sitting, its agenda and the seat map come with the push alone: nothing is re-fetched.
  const session = live.sitting?.session ?? null;
  const seats = live.sitting?.seats ?? [];

  const vote = live.vote;
  const state = vote?.state ?? null;
  // The pushed result is the page's; the close (or announce) reply only until the push has it.
  const result: ResultLike | null =
    live.result && live.result.voteId === vote?.voteId
      ? live.result
      : closed && closed.voteId === vote?.voteId
        ? closed
        : null;

  // A closed result waits to be read out and announced: it heads the page, and the form for the
  // next evaluation folds away until then (issue 13).
  const shownResult = result && state !== 'open' ? result : null;
  const awaiting = shownResult !== null && state === 'closed';
  // When a result comes in (the chair pressed 结束测评 further down the page), go to the top of
  // the page, where it is shown: the chair reads the 宣读稿 from there.
  const shownId = shownResult?.voteId ?? null;
  useEffect(() => {
    if (shownId !== null) window.scrollTo?.({ top: 0 });
  }, [shownId]);
  const byHand = vote?.method === 'paper' || vote?.method === 'hands';
  const mayClose = !byHand || (handCounts?.voteId === vote?.voteId && !!handCounts?.confirmedBy);
  const opened = lastOpened && lastOpened.voteId === vote?.voteId ? lastOpened.req : null;
  const openedProfile = typeof opened?.profile === 'string' ? opened.profile : undefined;
  const countOptions = openedProfile
    ? seedProfile(openedProfile)?.optionSet.options.map((o) => ({ key: o.key, label: o.label }))
    : undefined;
  const openForm = (
    <OpenVoteForm
      key={state === 'abandoned' ? `retake-${vote?.voteId}` : 'open'}
      items={session?.items ?? []}
      disabled={!live.connected}
      token={token}
      initialProfile={
        typeof lastOpened?.req.profile === 'string' ? lastOpened.req.profile : undefined
      }
      retake={
        state === 'abandoned' && vote?.voteId != null
          ? {
              voteId: vote.voteId,
              title: vote.title ?? '',
              ...(opened?.itemId ? { itemId: opened.itemId } : {}),
              ...(openedProfile ? { profile: openedProfile } : {}),
            }
          : null
      }
      onOpen={async (req) => {
        setClosed(null);
        const { voteId } = await endpoints.openVote(token, req);
        setLastOpened({ voteId, req });
      }}
    />
  );

  return (
    <div className="chair">
      <ConnectionBanner connected={live.connected} />
      <StorageAlert hardware={live.hardware} />
      {shownResult ? (
        <div className="chair-result" data-testid="chair-result">
          <p className="vote-method">
            <MethodNote method={vote?.method} testId="result-method" />
          </p>
          <ResultView
            result={shownResult}
            actions={
              awaiting ? (
                <div className="actions">
                  <button
                    type="button"
                    className="primary"
                    onClick={act(async () => setClosed(shown(await endpoints.announceVote(token))))}
                  >
                    {t('announce')}
                  </button>
                </div>
              ) : null
            }
          />
        </div>
      ) : null}
      {error ? (
        <p role="alert" className="error" data-testid="chair-error">
          {error}
        </p>
      ) : null}
      <div className="columns">
        <div className="column">
          <AttendancePanel attendance={live.attendance} />
          <div className="actions">
            {live.attendance?.checkinOpen ? (
              <button type="button" onClick={act(() => endpoints.checkinClose(token))}>
                {t('checkinClose')}
              </button>
            ) : (
              <button
                type="button"
                onClick={act(() => endpoints.checkinOpen(token))}
                disabled={state === 'open'}
              >
                {t('checkinOpen')}
              </button>
            )}
          </div>
          <section className="panel agenda" aria-label={t('agenda')}>
            <h2>{t('agenda')}</h2>
            {session ? <AgendaList session={session} /> : <p className="muted">{t('noSession')}</p>}
          </section>
          <BusHealth hardware={live.hardware} />
          <TerminalConfirmations
            token={token}
            voteOpen={state === 'open'}
            refreshKey={live.attendance}
            onSeats={setTerminalSeats}
          />
          <PendingCorrections token={token} refreshKey={live.result} />
        </div>
        <div className="column wide">
          {state === 'open' ? null : awaiting ? (
            <details className="next-evaluation" data-testid="next-evaluation">
              <summary>
                {t('nextEvaluation')}
                <span className="muted">（{t('awaitingAnnouncement')}）</span>
              </summary>
              {openForm}
            </details>
          ) : (
            openForm
          )}
          {vote?.series ? (
            <SeriesPosition
              token={token}
              series={vote.series}
              state={state}
              onNext={() => setClosed(null)}
            />
          ) : null}
          {vote && vote.voteId !== null ? (
            <p className="vote-method">
              <MethodNote method={vote.method} />
            </p>
          ) : null}
          <VoteProgress vote={vote} seats={seats} />
          {state === 'open' && vote && byHand ? (
            <HandCountsPanel
              token={token}
              vote={vote}
              mode="confirm"
              username={username}
              options={countOptions}
              onCounts={setHandCounts}
            />
          ) : null}
          {state === 'open' ? (
            <div className="actions">
              {mayClose ? (
                <button
                  type="button"
                  className="primary"
                  onClick={act(async () => setClosed(shown(await endpoints.closeVote(token))))}
                >
                  {t('closeVote')}
                </button>
              ) : (
                <span className="muted" data-testid="close-waits">
                  {t('handCountsWaitConfirm')}
                </span>
              )}
              <AbandonVote token={token} />
            </div>
          ) : null}
          <SeatMap seats={seats} terminalSeats={terminalSeats} />
        </div>
      </div>
    </div>
  );
}

/** A close or announce reply as the result view shows it until the push brings the result. */
const shown = (r: VoteResultReply): ResultLike => ({ ...r, announcedAt: r.announcedAt ?? null });
