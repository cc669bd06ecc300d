import { useState, type FormEvent } from 'react';
import { MIN_PASSWORD_LENGTH } from '@hall/shared';
import { errorText } from '../lib/api';
import { endpoints } from '../lib/endpoints';
import { useI18n } from '../lib/i18n';
import { Dialog } from './Dialog';

/**
 * A logged-in user changes their own password (POST /api/auth/password): the current one, the
 * new one twice. The server checks the old password and the length again.
 */
export function ChangePasswordDialog({
  token,
  onDone,
  onClose,
}: {
  token: string;
  onDone: () => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [old, setOld] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    if (next.length < MIN_PASSWORD_LENGTH) return setError(t('passwordTooShort'));
    if (next !== repeat) return setError(t('passwordsDiffer'));
    if (next === old) return setError(t('passwordSame'));
    setBusy(true);
    try {
      await endpoints.changePassword(token, old, next);
      onDone();
    } catch (err) {
      setError(`${t('changeFailed')}：${errorText(err)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog title={t('changePassword')} onClose={onClose} testId="change-password-dialog">
      <form onSubmit={submit} aria-label={t('changePassword')}>
        <label>
          {t('oldPassword')}
          <input
            name="oldPassword"
            type="password"
            autoComplete="current-password"
            value={old}
            onChange={(e) => setOld(e.target.value)}
          />
        </label>
        <label>
          {t('newPassword')}
          <input
            name="newPassword"
            type="password"
            autoComplete="new-password"
            value={next}
            onChange={(e) => setNext(e.target.value)}
          />
        </label>
        <label>
          {t('repeatPassword')}
          <input
            name="repeatPassword"
            type="password"
            autoComplete="new-password"
            value={repeat}
            onChange={(e) => setRepeat(e.target.value)}
          />
        </label>
        <div className="actions">
          <button type="button" onClick={onClose}>
            {t('cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy || !old || !next || !repeat}>
            {t('changePassword')}
          </button>
        </div>
        {error ? (
          <p role="alert" className="error">
            {error}
          </p>
        ) : null}
      </form>
    </Dialog>
  );
}
