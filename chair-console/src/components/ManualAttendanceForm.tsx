import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { formatBeijing, type Attendee, type ManualMark } from '@hall/shared';
import { errorText } from '../lib/api';
import { endpoints } from '../lib/endpoints';
import { useI18n } from '../lib/i18n';
import '../components/secretariat.css';

/**
 * Manual attendance (issue 13): the secretariat picks a member, present or absent, gives the
 * reason (required here; the API keeps it with who marked and when), checks it and confirms.
 * Below, the sitting's manual marks with their reasons. Presence only: nothing about a vote.
 */
export function ManualAttendanceForm({
  token,
  refreshKey,
}: {
  token: string;
  refreshKey?: unknown;
}) {
  const { t } = useI18n();
  const [members, setMembers] = useState<Attendee[]>([]);
  const [marks, setMarks] = useState<ManualMark[]>([]);
  const [memberId, setMemberId] = useState('');
  const [present, setPresent] = useState(true);
  const [reason, setReason] = useState('');
  const [reviewing, setReviewing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  // A failed load is shown in the panel, not announced (the page has its own alerts).
  const [loadError, setLoadError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const manual = await endpoints.manualMarks(token);
      setLoadError(null);
      setMembers(manual.attendees);
      setMarks(manual.marks);
    } catch (err) {
      setLoadError(errorText(err));
    }
  }, [token]);
  useEffect(() => {
    void load();
  }, [load, refreshKey]);

  const chosen = members.find((m) => m.memberId === memberId);
  const ready = Boolean(chosen) && reason.trim().length > 0;
  const label = (m: Attendee) => `${m.name}（${m.memberId}${m.seat ? ` · ${m.seat}` : ''}）`;

  const confirm = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const r = await endpoints.markAttendance(token, memberId, present, reason.trim());
      setMessage({
        ok: true,
        text: `${t('manualMarkDone')}：${chosen ? label(chosen) : memberId} ${t(present ? 'asPresent' : 'asAbsent')}（${t('members')} ${r.members}，${t('present')} ${r.present}）`,
      });
      setReviewing(false);
      setReason('');
      setMemberId('');
      await load();
    } catch (err) {
      setMessage({ ok: false, text: errorText(err) });
      setReviewing(false);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel manual-attendance" aria-label={t('manualAttendance')}>
      <h2>{t('manualAttendance')}</h2>
      <form
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          if (ready) setReviewing(true);
        }}
      >
        <label>
          {t('manualMember')}
          <select
            name="manualMember"
            value={memberId}
            onChange={(e) => {
              setMemberId(e.target.value);
              setReviewing(false);
            }}
          >
            <option value="">{t('chooseMember')}</option>
            {members.map((m) => (
              <option key={m.memberId} value={m.memberId}>
                {label(m)}
                {m.present ? ` · ${t('asPresent')}` : ''}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="mark-as">
          <legend>{t('markAs')}</legend>
          <label>
            <input
              type="radio"
              name="markAs"
              checked={present}
              onChange={() => {
                setPresent(true);
                setReviewing(false);
              }}
            />
            {t('asPresent')}
          </label>
          <label>
            <input
              type="radio"
              name="markAs"
              checked={!present}
              onChange={() => {
                setPresent(false);
                setReviewing(false);
              }}
            />
            {t('asAbsent')}
          </label>
        </fieldset>
        <label>
          {t('markReason')}
          <input
            name="markReason"
            value={reason}
            maxLength={200}
            required
            placeholder={t('markReasonHint')}
            onChange={(e) => {
              setReason(e.target.value);
              setReviewing(false);
            }}
          />
        </label>
        <button type="submit" disabled={!ready || reviewing}>
          {t('markReview')}
        </button>
      </form>
      {reviewing && chosen ? (
        <div className="mark-review" role="group" aria-label={t('markConfirmQuestion')}>
          <p>
            {t('markConfirmQuestion')}：<strong>{label(chosen)}</strong> →{' '}
            <strong>{t(present ? 'asPresent' : 'asAbsent')}</strong>，{t('reason')}：{reason.trim()}
          </p>
          <div className="actions">
            <button
              type="button"
              className="primary"
              disabled={busy}
              onClick={() => void confirm()}
            >
              {t('markConfirm')}
            </button>
            <button type="button" onClick={() => setReviewing(false)}>
              {t('cancel')}
            </button>
          </div>
        </div>
      ) : null}
      {message ? (
        <p
          role={message.ok ? 'status' : 'alert'}
          className={message.ok ? 'ok' : 'error'}
          data-testid="manual-attendance-message"
        >
          {message.text}
        </p>
      ) : null}
      {loadError ? <p className="error">{loadError}</p> : null}
      <h3>{t('manualMarks')}</h3>
      {marks.length === 0 ? (
        <p className="muted">{t('noManualMarks')}</p>
      ) : (
        <div className="table-scroll">
          <table className="results secretariat-table" data-testid="manual-marks">
            <thead>
              <tr>
                <th>{t('manualMember')}</th>
                <th>{t('markAs')}</th>
                <th>{t('reason')}</th>
                <th>{t('markedBy')}</th>
                <th>{t('markedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {marks.map((m) => (
                <tr key={m.memberId} data-testid={`manual-mark-${m.memberId}`}>
                  <td>
                    {m.name}（{m.memberId}）
                  </td>
                  <td>{t(m.present ? 'asPresent' : 'asAbsent')}</td>
                  <td>{m.reason || '—'}</td>
                  <td>{m.markedBy}</td>
                  <td>{formatBeijing(m.markedAt, 'time')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
