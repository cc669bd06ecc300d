import { errorText } from '../lib/api';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { endpoints, type TerminalView } from '../lib/endpoints';
import { useI18n } from '../lib/i18n';

/**
 * The technician pairs a seat terminal: a six-digit code shown here is entered on the terminal,
 * once, within ten minutes. A paired terminal can be revoked at once.
 */
export function TerminalPairing({ token, seats }: { token: string; seats: string[] }) {
  const { t } = useI18n();
  const [seat, setSeat] = useState('');
  const [code, setCode] = useState<{ code: string; seat: string; expiresAt: string } | null>(null);
  const [list, setList] = useState<TerminalView[]>([]);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    endpoints.terminals(token).then(
      (r) => setList(r.terminals),
      (e: unknown) => setError(errorText(e)),
    );
  }, [token]);
  useEffect(load, [load]);

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
          {t('validUntil')} {new Date(code.expiresAt).toLocaleTimeString('zh-CN')}
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
            {new Date(x.pairedAt).toLocaleString('zh-CN')}{' '}
            {x.revokedAt ? (
              <em>{t('revoked')}</em>
            ) : (
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
