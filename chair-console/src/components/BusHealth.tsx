import type { HardwarePayload } from '@hall/shared';
import { useI18n } from '../lib/i18n';

export function BusHealth({ hardware }: { hardware: HardwarePayload | null }) {
  const { t } = useI18n();
  if (!hardware) return null;
  return (
    <section className="panel buses" aria-label={t('buses')}>
      <h2>
        {t('buses')} · {t('seatsOnline')} {hardware.seatsOnline}/{hardware.seatsTotal}
      </h2>
      <ul>
        {hardware.buses.map((b) => (
          <li key={b.bus} className={b.up ? 'up' : 'down'} data-testid={`bus-${b.bus}`}>
            <strong>{b.bus}</strong> {b.kind} ·{' '}
            {b.up ? t('busUp') : `${t('busDown')}${b.reason ? `：${b.reason}` : ''}`} ·{' '}
            {b.seatsOnline}/{b.seatsTotal}
          </li>
        ))}
      </ul>
    </section>
  );
}
