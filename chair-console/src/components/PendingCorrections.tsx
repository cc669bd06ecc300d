import { useCallback, useEffect, useState } from 'react';
import { formatBeijing, type CorrectionProposal, type SealedRecord } from '@hall/shared';
import { errorText } from '../lib/api';
import { endpoints } from '../lib/endpoints';
import { useI18n } from '../lib/i18n';
import '../components/secretariat.css';
import { outcomeLabel } from '../lib/labels';

/**
 * The chair's side of the two-person rule (issue 10, issue 13): the secretariat's pending
 * correction proposals, each with the record it corrects, the figures before and after and the
 * reason; a chair (not the proposer) confirms (a new record is sealed) or rejects with a reason.
 * The server decides who may confirm and says why when it refuses.
 */
export function PendingCorrections({ token, refreshKey }: { token: string; refreshKey?: unknown }) {
  const { t, lang } = useI18n();
  const [proposals, setProposals] = useState<CorrectionProposal[]>([]);
  const [records, setRecords] = useState<SealedRecord[]>([]);
  const [rejectReasons, setRejectReasons] = useState<Record<number, string>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const load = useCallback(async () => {
    try {
      const [c, r] = await Promise.all([endpoints.corrections(token), endpoints.records(token)]);
      setProposals(c.proposals.filter((p) => p.state === 'pending'));
      setRecords(r.records);
    } catch (err) {
      setMessage({ ok: false, text: errorText(err) });
    }
  }, [token]);
  useEffect(() => {
    void load();
  }, [load, refreshKey]);

  const run = async (fn: () => Promise<string>) => {
    setMessage(null);
    try {
      setMessage({ ok: true, text: await fn() });
    } catch (err) {
      setMessage({ ok: false, text: errorText(err) });
    }
    await load();
  };

  const figures = (counts: Record<string, number>, invalid: number, target?: SealedRecord) =>
    [
      ...(target?.profile.optionSet.options ?? []).map(
        (o) => `${o.label[lang]} ${counts[o.key] ?? 0}`,
      ),
      `${t('invalid')} ${invalid}`,
    ].join('，');

  return (
    <section className="panel pending-corrections" aria-label={t('pendingCorrections')}>
      <h2>{t('pendingCorrections')}</h2>
      <div className="actions">
        <button type="button" onClick={() => void load()}>
          {t('refresh')}
        </button>
      </div>
      {message ? (
        <p
          role={message.ok ? 'status' : 'alert'}
          className={message.ok ? 'ok' : 'error'}
          data-testid="pending-corrections-message"
        >
          {message.text}
        </p>
      ) : null}
      {proposals.length === 0 ? (
        <p className="muted">{t('noPendingCorrections')}</p>
      ) : (
        <ul className="pending-list">
          {proposals.map((p) => {
            const target = records.find((r) => r.seq === p.seq);
            return (
              <li key={p.id} data-testid={`pending-correction-${p.id}`}>
                <p>
                  <strong>
                    {t('correctsRecord')} {p.seq}
                  </strong>{' '}
                  · {p.title}
                </p>
                <p>
                  {t('outcomeChange')}：{outcomeLabel(target?.profile, p.previousOutcome, lang)} →{' '}
                  <strong>{outcomeLabel(target?.profile, p.outcome, lang)}</strong>
                </p>
                {target ? (
                  <p className="muted">
                    {t('correctionCountsWas')}：{figures(target.counts, target.invalid, target)}
                    <br />
                    {t('correctionCountsNow')}：{figures(p.input.counts, p.input.invalid, target)}
                  </p>
                ) : null}
                <p>
                  {t('reason')}：{p.input.reason}
                </p>
                <p className="muted">
                  {t('proposedBy')} {p.proposedBy} · {t('proposedAt')}{' '}
                  {formatBeijing(p.proposedAt, 'minute')}
                </p>
                <label>
                  {t('rejectReason')}
                  <input
                    name={`rejectReason-${p.id}`}
                    value={rejectReasons[p.id] ?? ''}
                    maxLength={500}
                    onChange={(e) => setRejectReasons({ ...rejectReasons, [p.id]: e.target.value })}
                  />
                </label>
                <div className="actions">
                  <button
                    type="button"
                    className="primary"
                    onClick={() =>
                      void run(async () => {
                        const r = await endpoints.confirmCorrection(token, p.id);
                        return `${t('correctionConfirmed')}：${t('record')} ${r.seq}`;
                      })
                    }
                  >
                    {t('confirmCorrection')}
                  </button>
                  <button
                    type="button"
                    onClick={() =>
                      void run(async () => {
                        await endpoints.rejectCorrectionWithReason(
                          token,
                          p.id,
                          rejectReasons[p.id]?.trim() || undefined,
                        );
                        return t('correctionRejected');
                      })
                    }
                  >
                    {t('rejectCorrection')}
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
