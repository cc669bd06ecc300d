import { useI18n } from '../lib/i18n';

/** One seat as the chair may see it: online, checked in. Never what anyone pressed. */
export interface SeatView {
  seat: string;
  name: string | null;
  role: 'member' | 'observer' | null;
  online: boolean;
  checkedIn: boolean;
}

export function SeatMap({ seats }: { seats: SeatView[] }) {
  const { t } = useI18n();
  return (
    <section className="panel seats" aria-label={t('seats')}>
      <h2>{t('seats')}</h2>
      <ul className="seat-grid">
        {seats.map((s) => {
          const state = [
            s.online ? t('seatOnline') : t('seatOffline'),
            s.checkedIn ? t('seatCheckedIn') : '',
          ]
            .filter(Boolean)
            .join('，');
          return (
            <li
              key={s.seat}
              className={`seat ${s.online ? 'online' : 'offline'} ${s.checkedIn ? 'in' : ''} ${s.role ?? 'empty'}`}
              title={`${s.seat} ${s.name ?? ''} ${state}`}
              aria-label={`${s.seat} ${s.name ?? ''} ${state}`}
            >
              <span className="seat-id">{s.seat}</span>
              <span className="seat-name">{s.name ?? ''}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
