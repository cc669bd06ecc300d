import type { SeatView } from '@hall/shared';
import { useI18n } from '../lib/i18n';

/** One seat as the chair may see it: online, checked in. Never what anyone pressed. */
export type { SeatView } from '@hall/shared';

/** `terminalSeats`: the seats that vote by a confirmed seat terminal (marked on the map). */
export function SeatMap({
  seats,
  terminalSeats = [],
}: {
  seats: SeatView[];
  terminalSeats?: readonly string[];
}) {
  const { t } = useI18n();
  const byTerminal = new Set(terminalSeats);
  return (
    <section className="panel seats" aria-label={t('seats')}>
      <h2>{t('seats')}</h2>
      <ul className="seat-grid">
        {seats.map((s) => {
          const terminal = byTerminal.has(s.seat);
          const state = [
            s.online ? t('seatOnline') : t('seatOffline'),
            s.checkedIn ? t('seatCheckedIn') : '',
            terminal ? t('seatTerminal') : '',
          ]
            .filter(Boolean)
            .join('，');
          return (
            <li
              key={s.seat}
              className={`seat ${s.online ? 'online' : 'offline'} ${s.checkedIn ? 'in' : ''} ${s.role ?? 'empty'}${terminal ? ' terminal' : ''}`}
              title={`${s.seat} ${s.name ?? ''} ${state}`}
              aria-label={`${s.seat} ${s.name ?? ''} ${state}`}
            >
              <span className="seat-id">{s.seat}</span>
              <span className="seat-name">{s.name ?? ''}</span>
              {terminal ? (
                <span className="seat-terminal" data-testid={`seat-terminal-${s.seat}`}>
                  {t('seatTerminal')}
                </span>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
