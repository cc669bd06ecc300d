import { useState } from 'react';
import { NAMESPACES, type VoteResultReply } from '@hall/shared';
import { AgendaList } from '../components/AgendaList';
import { AttendancePanel } from '../components/AttendancePanel';
import { BusHealth } from '../components/BusHealth';
import { ConnectionBanner } from '../components/ConnectionBanner';
import { OpenVoteForm } from '../components/OpenVoteForm';
import { ResultView, type ResultLike } from '../components/ResultView';
import { SeatMap } from '../components/SeatMap';
import { TerminalConfirmations } from '../components/TerminalConfirmations';
import { VoteProgress } from '../components/VoteProgress';
import { endpoints } from '../lib/endpoints';
import { useI18n } from '../lib/i18n';
import { useAction } from '../lib/use-action';
import { useLive } from '../lib/live';

/** The presiding officer's console: the sitting at a glance, and the vote from open to announce. */
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

  return (
    <div className="chair">
      <ConnectionBanner connected={live.connected} />
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
        </div>
        <div className="column wide">
          {state !== 'open' ? (
            <OpenVoteForm
              items={session?.items ?? []}
              disabled={!live.connected}
              onOpen={async (req) => {
                setClosed(null);
                await endpoints.openVote(token, req);
              }}
            />
          ) : null}
          <VoteProgress vote={vote} />
          <div className="actions">
            {state === 'open' ? (
              <button
                type="button"
                className="primary"
                onClick={act(async () => setClosed(shown(await endpoints.closeVote(token))))}
              >
                {t('closeVote')}
              </button>
            ) : null}
            {state === 'closed' ? (
              <button
                type="button"
                className="primary"
                onClick={act(async () => setClosed(shown(await endpoints.announceVote(token))))}
              >
                {t('announce')}
              </button>
            ) : null}
          </div>
          {error ? (
            <p role="alert" className="error" data-testid="chair-error">
              {error}
            </p>
          ) : null}
          {result && state !== 'open' ? <ResultView result={result} /> : null}
          <SeatMap seats={seats} terminalSeats={terminalSeats} />
        </div>
      </div>
    </div>
  );
}

/** A close or announce reply as the result view shows it until the push brings the result. */
const shown = (r: VoteResultReply): ResultLike => ({ ...r, announcedAt: r.announcedAt ?? null });
