import { useEffect, useState, type FormEvent } from 'react';
import type { CorrectionProposal, SealedRecord } from '@hall/shared';
import { errorText } from '../lib/api';
import { endpoints } from '../lib/endpoints';
import { useI18n } from '../lib/i18n';
import '../components/secretariat.css';
import { outcomeLabel } from '../lib/labels';
import { fill } from '../lib/secretariat-strings';

/**
 * A correction proposal of a sealed record (issue 10's bounds, issue 13's console): 应到 and
 * 实到 are the facts the hall stored and are sent unchanged; the counts per option and 无效 are
 * editable; a reason is required. The server checks the figures against what it stored for the
 * vote and refuses with its reason, shown as it is. A proposal waits for a chair (待主持人确认).
 */
export function CorrectionForm({
  token,
  seq,
  onProposed,
}: {
  token: string;
  seq: number;
  onProposed?: (p: CorrectionProposal) => void;
}) {
  const { t, lang } = useI18n();
  const [record, setRecord] = useState<SealedRecord | null>(null);
  const [counts, setCounts] = useState<Record<string, string>>({});
  const [invalid, setInvalid] = useState('0');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [proposal, setProposal] = useState<CorrectionProposal | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    endpoints.record(token, seq).then(
      (r) => {
        setRecord(r);
        setCounts(
          Object.fromEntries(
            r.profile.optionSet.options.map((o) => [o.key, String(r.counts[o.key] ?? 0)]),
          ),
        );
        setInvalid(String(r.invalid));
      },
      (e: unknown) => setError(errorText(e)),
    );
  }, [token, seq]);

  const number = (s: string) => (/^\d+$/.test(s.trim()) ? Number(s.trim()) : NaN);
  const figures = record
    ? [...record.profile.optionSet.options.map((o) => number(counts[o.key] ?? '')), number(invalid)]
    : [];
  const ready =
    record !== null && reason.trim().length > 0 && figures.every((n) => Number.isInteger(n));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!record || !ready) return;
    setBusy(true);
    setError(null);
    try {
      const p = await endpoints.proposeCorrection(token, seq, {
        members: record.members,
        present: record.present,
        counts: Object.fromEntries(
          record.profile.optionSet.options.map((o) => [o.key, number(counts[o.key] ?? '')]),
        ),
        invalid: number(invalid),
        reason: reason.trim(),
      });
      setProposal(p);
      onProposed?.(p);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="correction-form"
      aria-label={fill(t('correctionFormTitle'), { seq })}
      data-testid={`correction-form-${seq}`}
      onSubmit={(e) => void submit(e)}
    >
      <h3>{fill(t('correctionFormTitle'), { seq })}</h3>
      {record ? (
        <>
          <p className="muted">
            {record.title} · {outcomeLabel(record.profile, record.outcome, lang)}
          </p>
          <div className="correction-fields">
            <label>
              {t('members')}
              <input name="members" value={record.members} readOnly aria-readonly="true" />
            </label>
            <label>
              {t('present')}
              <input name="present" value={record.present} readOnly aria-readonly="true" />
            </label>
          </div>
          <p className="muted">{t('correctionFixed')}</p>
          <div className="correction-fields">
            {record.profile.optionSet.options.map((o) => (
              <label key={o.key}>
                {o.label[lang]}
                <input
                  name={`count-${o.key}`}
                  inputMode="numeric"
                  value={counts[o.key] ?? ''}
                  disabled={proposal !== null}
                  onChange={(e) => setCounts({ ...counts, [o.key]: e.target.value })}
                />
                <small className="muted">
                  {t('correctionCountsWas')} {record.counts[o.key] ?? 0}
                </small>
              </label>
            ))}
            <label>
              {t('invalid')}
              <input
                name="invalid"
                inputMode="numeric"
                value={invalid}
                disabled={proposal !== null}
                onChange={(e) => setInvalid(e.target.value)}
              />
              <small className="muted">
                {t('correctionCountsWas')} {record.invalid}
              </small>
            </label>
          </div>
          <label className="correction-reason">
            {t('correctionReason')}
            <textarea
              name="correctionReason"
              value={reason}
              maxLength={500}
              rows={2}
              required
              disabled={proposal !== null}
              onChange={(e) => setReason(e.target.value)}
            />
          </label>
          {proposal ? null : (
            <button type="submit" className="primary" disabled={!ready || busy}>
              {t('submitCorrection')}
            </button>
          )}
        </>
      ) : null}
      {error ? (
        <p role="alert" className="error" data-testid="correction-error">
          {error}
        </p>
      ) : null}
      {proposal ? (
        <p role="status" className="ok pending" data-testid="correction-pending">
          <strong>{t('correctionPending')}</strong> ·{' '}
          {fill(t('correctionProposed'), {
            id: proposal.id,
            outcome: record
              ? outcomeLabel(record.profile, proposal.outcome, lang)
              : proposal.outcome,
          })}
        </p>
      ) : null}
    </form>
  );
}
