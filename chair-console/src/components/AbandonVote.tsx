import { useState, type FormEvent } from 'react';
import { errorText } from '../lib/api';
import { endpoints } from '../lib/endpoints';
import { useI18n } from '../lib/i18n';
import { Dialog } from './Dialog';

/**
 * Issue 14: 放弃本项测评, the chair's way out of a keypad vote the hardware failed during. A
 * confirmation dialog asks for the reason (required; the server records it with the abandoned
 * vote, never counted); the chair can then retake it by hand (OpenVoteForm `retake`).
 */
export function AbandonVote({
  token,
  disabled,
  onAbandoned,
}: {
  token: string;
  disabled?: boolean;
  onAbandoned?: (voteId: number, reason: string) => void;
}) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const close = () => {
    setAsking(false);
    setReason('');
    setError(null);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const text = reason.trim();
    if (!text) return;
    setBusy(true);
    setError(null);
    try {
      const r = await endpoints.abandonVote(token, text);
      close();
      onAbandoned?.(r.voteId, r.reason);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button type="button" className="danger" disabled={disabled} onClick={() => setAsking(true)}>
        {t('abandonVote')}
      </button>
      {asking ? (
        <Dialog title={t('abandonTitle')} onClose={close} testId="abandon-dialog">
          <form onSubmit={(e) => void submit(e)}>
            <p>{t('abandonHelp')}</p>
            <label>
              {t('abandonReason')}
              <textarea
                name="abandon-reason"
                required
                maxLength={500}
                placeholder={t('abandonReasonHint')}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
              />
            </label>
            {error ? (
              <p role="alert" className="error" data-testid="abandon-error">
                {error}
              </p>
            ) : null}
            <div className="actions">
              <button type="submit" className="danger" disabled={busy || !reason.trim()}>
                {t('abandonConfirm')}
              </button>
              <button type="button" onClick={close}>
                {t('cancel')}
              </button>
            </div>
          </form>
        </Dialog>
      ) : null}
    </>
  );
}
