import { useState } from 'react';
import type { UserPasswordReply } from '@hall/shared';
import { useI18n } from '../lib/i18n';
import { fill } from '../lib/user-strings';
import { Dialog } from './Dialog';

/** Are you sure? The question, what follows from it, and the two buttons. */
export function ConfirmDialog({
  question,
  warning,
  busy,
  onConfirm,
  onCancel,
}: {
  question: string;
  warning?: string;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  return (
    <Dialog title={t('confirm')} onClose={onCancel} testId="confirm-dialog">
      <p>{question}</p>
      {warning ? <p className="warning">{warning}</p> : null}
      <div className="actions">
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
        <button type="button" className="primary" disabled={busy} onClick={onConfirm}>
          {t('confirm')}
        </button>
      </div>
    </Dialog>
  );
}

/**
 * The initial password of a new or reset user, shown this once (the hall keeps only its hash):
 * a copy button, and the words that it must be changed at first login.
 */
export function InitialPasswordDialog({
  reply,
  onClose,
}: {
  reply: UserPasswordReply;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(reply.initialPassword);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <Dialog title={t('initialPasswordTitle')} onClose={onClose} testId="initial-password-dialog">
      <p>{fill(t('initialPasswordFor'), { user: reply.username, role: t(reply.role) })}</p>
      <p className="initial-password">
        <code data-testid="initial-password">{reply.initialPassword}</code>
      </p>
      <p className="warning">{t('initialPasswordOnce')}</p>
      <div className="actions">
        <button type="button" onClick={() => void copy()}>
          {t('copy')}
        </button>
        <button type="button" className="primary" onClick={onClose}>
          {t('close')}
        </button>
      </div>
      {copied === 'yes' ? (
        <p role="status" className="ok">
          {t('copied')}
        </p>
      ) : null}
      {copied === 'failed' ? (
        <p role="alert" className="error">
          {t('copyFailed')}
        </p>
      ) : null}
    </Dialog>
  );
}
