import { useEffect, useState } from 'react';
import { endpoints } from '../lib/endpoints';
import { useI18n } from '../lib/i18n';

/**
 * The hall's signing key fingerprint (hex), for whoever compares it with a verifier's: the
 * secretariat (records, exports) and the technician (the hall's set-up). Issue 13: it is no longer
 * at the head of every page, where it only crowded the chair's console.
 */
export function KeyFingerprint({ token }: { token: string }) {
  const { t } = useI18n();
  const [fingerprint, setFingerprint] = useState<string | null>(null);
  useEffect(() => {
    endpoints.key(token).then(
      (k) => setFingerprint(k.fingerprint),
      () => setFingerprint(null),
    );
  }, [token]);
  if (!fingerprint) return null;
  return (
    <p className="fingerprint" data-testid="key-fingerprint">
      {t('keyFingerprint')} {fingerprint}
    </p>
  );
}
