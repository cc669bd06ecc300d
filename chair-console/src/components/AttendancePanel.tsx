import type { AttendancePayload } from '@hall/shared';
import { useI18n } from '../lib/i18n';

/** 应到 / 实到 / 列席 and the quorum lamp. Observers never count in 实到. */
export function AttendancePanel({ attendance }: { attendance: AttendancePayload | null }) {
  const { t, pick } = useI18n();
  const a = attendance;
  return (
    <section className="panel attendance" aria-label={t('checkin')}>
      <dl className="figures">
        <div>
          <dt>{t('members')}</dt>
          <dd data-testid="members">{a?.members ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('present')}</dt>
          <dd data-testid="present">{a?.present ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('observers')}</dt>
          <dd data-testid="observers">{a?.observersPresent ?? '—'}</dd>
        </div>
      </dl>
      <p className={`quorum ${a?.quorumMet ? 'met' : 'not-met'}`} data-testid="quorum">
        <span className="lamp" aria-hidden="true" />
        {a?.quorumMet ? t('quorumMet') : t('quorumNotMet')}
        {a ? <small>（{pick(a.quorumRule)}）</small> : null}
      </p>
      {a?.checkinOpen ? <p className="badge">{t('checkinRunning')}</p> : null}
    </section>
  );
}
