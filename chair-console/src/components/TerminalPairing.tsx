import { errorText } from '../lib/api';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { endpoints, type TerminalView } from '../lib/endpoints';
import { useI18n, type StringKey } from '../lib/i18n';
import { formatBeijing, type TerminalEndReason } from '@hall/shared';

const END_REASON: Record<TerminalEndReason, StringKey> = {
  revoked: 'endRevoked',
  rejected: 'endRejected',
  replaced: 'endReplaced',
  'sitting-ended': 'endSittingEnded',
  'seat-changed': 'endSeatChanged',
};

/** Polling: the chair's confirmation and a terminal's redeeming push nothing to this page. */
const POLL_MS = 3000;

/**
 * The technician pairs a seat terminal: a six-digit code shown here is entered on the terminal,
 * once, within ten minutes; the terminal then waits for the chair's confirmation on the chair
 * console (issue 10). A paired terminal can be revoked at once. Codes are refused while a vote
 * is open. `onSeats` gets the seats with a confirmed terminal (for the seat map).
 */
export function TerminalPairing({
  token,
  seats,
  onSeats,
}: {
  token: string;
  seats: string[];
  onSeats?: (seats: string[]) => void;
}) {
  const { t } = useI18n();
  const [seat, setSeat] = useState('');
  const [code, setCode] = useState<{ code: string; seat: string; expiresAt: string } | null>(null);
  const [list, setList] = useState<TerminalView[]>([]);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    endpoints.terminals(token).then(
      (r) => {
        setList(r.terminals);
        onSeats?.(r.terminals.filter((x) => x.state === 'confirmed').map((x) => x.seat));
      },
      (e: unknown) => setError(errorText(e)),
    );
  }, [token, onSeats]);
  useEffect(() => {
    load();
    const timer = setInterval(load, POLL_MS);
    return () => clearInterval(timer);
  }, [load]);

  async function pair(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      setCode(await endpoints.pairTerminal(token, seat));
    } catch (err) {
      setError(errorText(err));
    }
  }

  return (
    <section className="panel terminals" aria-label={t('terminals')}>
      <h2>{t('terminals')}</h2>
      <form onSubmit={pair} className="actions">
        <label>
          {t('seat')}
          <select value={seat} onChange={(e) => setSeat(e.target.value)} name="seat">
            <option value="">—</option>
            {seats.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={!seat}>
          {t('makePairingCode')}
        </button>
      </form>
      {code ? (
        <p className="pairing-code" data-testid="pairing-code">
          {t('seat')} {code.seat} · {t('pairingCode')} <strong>{code.code}</strong> ·{' '}
          {t('validUntil')} {formatBeijing(code.expiresAt, 'time')}
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
      <ul>
        {list.map((x) => (
          <li key={x.terminalId} data-testid={`terminal-${x.terminalId}`}>
            #{x.terminalId} {t('seat')} {x.seat} · {t('pairedAt')}{' '}
            {formatBeijing(x.pairedAt, 'minute')} ·{' '}
            <span data-testid={`terminal-state-${x.terminalId}`}>
              {x.state === 'pending'
                ? t('terminalPending')
                : x.state === 'confirmed'
                  ? t('terminalConfirmed')
                  : `${t('terminalEnded')}（${t(END_REASON[x.endReason ?? 'revoked'])}）`}
            </span>{' '}
            {x.revokedAt ? null : (
              <button
                type="button"
                onClick={() =>
                  void endpoints
                    .revokeTerminal(token, x.terminalId)
                    .then(load, (e: unknown) => setError(errorText(e)))
                }
              >
                {t('revoke')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
