import { useState, type FormEvent } from 'react';
import { errorText } from '../lib/api';
import { endpoints } from '../lib/endpoints';
import { useI18n } from '../lib/i18n';
import '../components/secretariat.css';
import { fill } from '../lib/secretariat-strings';

/**
 * Schedule the re-made report a record's follow-up requires (issue 13): an agenda item of the
 * current sitting linked to record `seq` (POST /api/records/:seq/rereport). The server refuses
 * the same sitting, a record that needs no re-evaluation, or no sitting, and says why.
 */
export function ReReportForm({
  token,
  seq,
  title,
  onScheduled,
}: {
  token: string;
  seq: number;
  title: string;
  onScheduled?: () => void;
}) {
  const { t } = useI18n();
  const [agendaTitle, setAgendaTitle] = useState(`${title}（重作报告）`);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const r = await endpoints.scheduleRereport(token, seq, agendaTitle.trim() || undefined);
      setDone(fill(t('rereportDone'), { session: r.sessionId, item: r.itemId }));
      onScheduled?.();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="rereport-form"
      aria-label={t('scheduleRereport')}
      data-testid={`rereport-form-${seq}`}
      onSubmit={(e) => void submit(e)}
    >
      <label>
        {t('rereportTitle')}
        <input
          name="rereportTitle"
          value={agendaTitle}
          maxLength={200}
          disabled={done !== null}
          onChange={(e) => setAgendaTitle(e.target.value)}
        />
      </label>
      {done ? null : (
        <button type="submit" className="primary" disabled={busy || !agendaTitle.trim()}>
          {t('rereportSubmit')}
        </button>
      )}
      <p className="muted">{t('rereportHint')}</p>
      {error ? (
        <p role="alert" className="error" data-testid="rereport-error">
          {error}
        </p>
      ) : null}
      {done ? (
        <p role="status" className="ok" data-testid="rereport-done">
          {done}
        </p>
      ) : null}
    </form>
  );
}
