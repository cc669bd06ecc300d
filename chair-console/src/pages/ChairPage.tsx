import { errorText } from '../lib/api';
import { useCallback, useEffect, useState } from 'react';
import { NAMESPACES } from '@hall/shared';
import { AgendaList } from '../components/AgendaList';
import { AttendancePanel } from '../components/AttendancePanel';
import { BusHealth } from '../components/BusHealth';
import { ConnectionBanner } from '../components/ConnectionBanner';
import { OpenVoteForm } from '../components/OpenVoteForm';
import { ResultView, type ResultLike } from '../components/ResultView';
import { SeatMap, type SeatView } from '../components/SeatMap';
import { TerminalConfirmations } from '../components/TerminalConfirmations';
import { VoteProgress } from '../components/VoteProgress';
import { endpoints, type Session } from '../lib/endpoints';
import { useI18n } from '../lib/i18n';
import { useLive } from '../lib/live';

/** The presiding officer's console: the sitting at a glance, and the vote from open to announce. */
export function ChairPage({ token }: { token: string }) {
  const { t } = useI18n();
  const live = useLive(NAMESPACES.chair, token);
  const [session, setSession] = useState<Session | null>(null);
  const [seats, setSeats] = useState<SeatView[]>([]);
  const [terminalSeats, setTerminalSeats] = useState<string[]>([]);
  const [closed, setClosed] = useState<ResultLike | null>(null);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    try {
      setSession(await endpoints.currentSession(token));
      setSeats((await endpoints.seats(token)).seats);
    } catch (err) {
      setError(errorText(err));
    }
  }, [token]);

  // Seats and agenda follow the pushed attendance and hardware state.
  useEffect(() => {
    void refresh();
  }, [refresh, live.attendance, live.hardware, live.connected]);

  const act = (fn: () => Promise<unknown>) => async () => {
    setError(null);
    try {
      await fn();
    } catch (err) {
      setError(errorText(err));
    }
  };

  const vote = live.vote;
  const state = vote?.state ?? null;
  const result: ResultLike | null =
    closed && closed.voteId === vote?.voteId
      ? { ...closed, announcedAt: live.result?.announcedAt ?? closed.announcedAt }
      : live.result && live.result.voteId === vote?.voteId
        ? live.result
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
                onClick={act(async () => setClosed(await endpoints.closeVote(token)))}
              >
                {t('closeVote')}
              </button>
            ) : null}
            {state === 'closed' ? (
              <button
                type="button"
                className="primary"
                onClick={act(async () => setClosed(await endpoints.announceVote(token)))}
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
