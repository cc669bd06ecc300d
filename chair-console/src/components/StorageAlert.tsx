import type { HardwarePayload } from '@hall/shared';
import { useI18n } from '../lib/i18n';

/**
 * The hall's store refuses writes (disk full, a read-only data directory; issue 15): presses are
 * not acknowledged, so the seats keep them and deliver them again once the store takes writes.
 * Shown to the chair and the technician until the first commit succeeds again.
 */
export function StorageAlert({ hardware }: { hardware: HardwarePayload | null }) {
  const { t, lang } = useI18n();
  const fault = hardware?.storage;
  if (!fault) return null;
  const since = new Date(fault.since).toLocaleTimeString(lang === 'zh' ? 'zh-CN' : 'en', {
    timeZone: 'Asia/Shanghai',
    hour12: false,
  });
  return (
    <div role="alert" className="banner storage-alert" data-testid="storage-alert">
      <strong>{t('storageFault')}</strong> {t('storageFaultHelp')}{' '}
      <span className="muted">
        （{fault.code} · {t('storageFaultSince')} {since} · {t('storageFaultRefused')}{' '}
        {fault.unsettled}）
      </span>
    </div>
  );
}
