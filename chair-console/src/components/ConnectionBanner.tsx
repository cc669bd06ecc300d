import { useI18n } from '../lib/i18n';

/** Shown while the socket is down; the page recovers the state by itself on reconnect. */
export function ConnectionBanner({ connected }: { connected: boolean }) {
  const { t } = useI18n();
  if (connected) return null;
  return (
    <div role="alert" className="banner">
      {t('disconnected')}
    </div>
  );
}
