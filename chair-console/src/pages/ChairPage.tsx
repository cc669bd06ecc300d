import { useEffect, useState } from 'react';
import { NAMESPACES, type VoteResultReply } from '@hall/shared';
import { AgendaList } from '../components/AgendaList';
import { AttendancePanel } from '../components/AttendancePanel';
import { BusHealth } from '../components/BusHealth';
import { ConnectionBanner } from '../components/ConnectionBanner';
import { OpenVoteForm } from '../components/OpenVoteForm';
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
export function ChairPage({ token }: { token: string }) {
  const { t } = useI18n();
  const live = useLive(NAMESPACES.chair, token);
  const [terminalSeats, setTerminalSeats] = useState<string[]>([]);
  const [closed, setClosed] = useState<ResultLike | null>(null);
  const { error, act } = useAction();
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
  const openForm = (
    <OpenVoteForm
      items={session?.items ?? []}
      disabled={!live.connected}
      onOpen={async (req) => {
        setClosed(null);
        await endpoints.openVote(token, req);
      }}
    />
  );

  return (
    <div className="chair">
      <ConnectionBanner connected={live.connected} />
      {shownResult ? (
        <div className="chair-result" data-testid="chair-result">
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
          <VoteProgress vote={vote} seats={seats} />
          {state === 'open' ? (
            <div className="actions">
              <button
                type="button"
                className="primary"
                onClick={act(async () => setClosed(shown(await endpoints.closeVote(token))))}
              >
                {t('closeVote')}
              </button>
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
