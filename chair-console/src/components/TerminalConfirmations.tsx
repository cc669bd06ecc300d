import { errorText } from '../lib/api';
import { useCallback, useEffect, useState } from 'react';
import { endpoints, type ChairTerminalView } from '../lib/endpoints';
import { useAction } from '../lib/use-action';
import { useI18n } from '../lib/i18n';

/** How often the chair's list asks the server (a terminal redeeming a code pushes nothing). */
export const TERMINALS_POLL_MS = 3000;

/**
 * The chair confirms seat terminals (issue 10): a terminal the technician paired waits here,
 * with its seat, the seat's member and whether they are present; the chair confirms it (only
 * for a member who is present, never while a vote is open) or rejects it. Below: the seats that
 * vote by terminal now. `onSeats` hands those seats to the seat map.
 */
export function TerminalConfirmations({
  token,
  voteOpen,
  refreshKey,
  onSeats,
}: {
  token: string;
  voteOpen: boolean;
  /** Anything that changes when presence may have changed (the pushed attendance). */
  refreshKey?: unknown;
  onSeats?: (seats: string[]) => void;
}) {
  const { t } = useI18n();
  const [list, setList] = useState<ChairTerminalView[]>([]);
  const { error, setError, act: attempt } = useAction();

  const load = useCallback(async () => {
    try {
      const r = await endpoints.chairTerminals(token);
      setList(r.terminals);
      onSeats?.(r.terminals.filter((x) => x.state === 'confirmed').map((x) => x.seat));
    } catch (err) {
      setError(errorText(err));
    }
  }, [token, onSeats]);

  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), TERMINALS_POLL_MS);
    return () => clearInterval(timer);
  }, [load, refreshKey]);

  // Reload the list after every action, refused or not.
  const act = (fn: () => Promise<unknown>) =>
    attempt(async () => {
      try {
        await fn();
      } finally {
        await load();
      }
    });

  const pending = list.filter((x) => x.state === 'pending');
  const confirmed = list.filter((x) => x.state === 'confirmed');
  return (
    <section className="panel terminal-confirmations" aria-label={t('terminalConfirmations')}>
      <h2>{t('terminalConfirmations')}</h2>
      <p className="muted">{t('terminalConfirmHelp')}</p>
      {pending.length === 0 ? <p className="muted">{t('noPendingTerminals')}</p> : null}
      <ul>
        {pending.map((x) => (
          <li key={x.terminalId} data-testid={`pending-terminal-${x.terminalId}`}>
            {t('terminalNo')} #{x.terminalId} · {t('seat')} {x.seat} · {x.name ?? '—'} ·{' '}
            <span className={x.present ? 'present' : 'absent'}>
              {x.present ? t('seatCheckedIn') : t('notCheckedIn')}
            </span>{' '}
            <button
              type="button"
              disabled={!x.present || voteOpen || x.role !== 'member'}
              onClick={act(() => endpoints.confirmTerminal(token, x.terminalId))}
            >
              {t('confirmTerminal')}
            </button>{' '}
            <button
              type="button"
              onClick={act(() => endpoints.rejectTerminal(token, x.terminalId))}
            >
              {t('rejectTerminal')}
            </button>
          </li>
        ))}
      </ul>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
      <h3>{t('terminalSeats')}</h3>
      {confirmed.length === 0 ? (
        <p className="muted">{t('noTerminalSeats')}</p>
      ) : (
        <ul data-testid="terminal-seats">
          {confirmed.map((x) => (
            <li key={x.terminalId}>
              {t('seat')} {x.seat} · {x.name ?? '—'} · {t('terminalNo')} #{x.terminalId}
              {x.present ? '' : ` · ${t('notCheckedIn')}`}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
