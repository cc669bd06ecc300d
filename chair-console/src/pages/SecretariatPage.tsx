import { useCallback, useEffect, useState, type FormEvent } from 'react';
import {
  correctionNote,
  NAMESPACES,
  type CorrectionProposal,
  type SealedRecord,
} from '@hall/shared';
import { AgendaList } from '../components/AgendaList';
import { ConnectionBanner } from '../components/ConnectionBanner';
import { ManualAttendanceForm } from '../components/ManualAttendanceForm';
import { KeyFingerprint } from '../components/KeyFingerprint';
import { EvaluatorsPanel } from '../components/EvaluatorsPanel';
import { HandCountsPanel } from '../components/HandCountsPanel';
import { MethodNote, RetakeNote } from '../components/MethodNote';
import { fileToBase64, errorText } from '../lib/api';
import { endpoints, type Session } from '../lib/endpoints';
import { useI18n } from '../lib/i18n';
import { outcomeLabel, profileFor } from '../lib/labels';
import { useLive } from '../lib/live';

/** Roster import, the sitting and its agenda, and the evaluations with their results. */
export function SecretariatPage({ token }: { token: string }) {
  const { t, lang, pick } = useI18n();
  const live = useLive(NAMESPACES.secretariat, token);
  const [session, setSession] = useState<Session | null>(null);
  const [results, setResults] = useState<SealedRecord[]>([]);
  const [proposals, setProposals] = useState<CorrectionProposal[]>([]);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [sessionTitle, setSessionTitle] = useState('');
  const [sessionKind, setSessionKind] = useState<'committee' | 'evaluation'>('committee');
  const [itemTitle, setItemTitle] = useState('');
  const [organ, setOrgan] = useState('');

  const refresh = useCallback(async () => {
    try {
      setSession(await endpoints.currentSession(token));
      setResults((await endpoints.records(token)).records);
      setProposals((await endpoints.corrections(token)).proposals);
    } catch (err) {
      setMessage({ ok: false, text: errorText(err) });
    }
  }, [token]);
  useEffect(() => {
    void refresh();
  }, [refresh, live.result, live.vote?.state]);

  const run = async (fn: () => Promise<string>) => {
    setMessage(null);
    try {
      setMessage({ ok: true, text: await fn() });
      await refresh();
    } catch (err) {
      setMessage({ ok: false, text: errorText(err) });
    }
  };

  const importRoster = async (file: File | undefined) => {
    if (!file) return;
    await run(async () => {
      const r = await endpoints.importRoster(token, await fileToBase64(file));
      return `${t('rosterImported')}：${t('members')} ${r.members}，${t('observers')} ${r.observers}`;
    });
  };

  return (
    <div className="secretariat">
      <ConnectionBanner connected={live.connected} />
      <KeyFingerprint token={token} />
      {message ? (
        <p
          role={message.ok ? 'status' : 'alert'}
          className={message.ok ? 'ok' : 'error'}
          data-testid="secretariat-message"
        >
          {message.text}
        </p>
      ) : null}
      <section className="panel" aria-label={t('roster')}>
        <h2>{t('roster')}</h2>
        <label>
          {t('rosterImport')}
          <input
            type="file"
            accept=".csv,text/csv"
            name="roster"
            onChange={(e) => void importRoster(e.target.files?.[0])}
          />
        </label>
      </section>
      <section className="panel" aria-label={t('agenda')}>
        <h2>{t('agenda')}</h2>
        <form
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            void run(
              async () =>
                `${t('sessionStart')}：${(await endpoints.startSession(token, sessionTitle, sessionKind === 'evaluation' ? 'evaluation' : undefined)).sessionId}`,
            );
          }}
        >
          <label>
            {t('title')}
            <input
              value={sessionTitle}
              onChange={(e) => setSessionTitle(e.target.value)}
              name="sessionTitle"
            />
          </label>
          <label>
            {t('sessionKind')}
            <select
              name="sessionKind"
              value={sessionKind}
              onChange={(e) => setSessionKind(e.target.value as 'committee' | 'evaluation')}
            >
              <option value="committee">{t('sessionKindCommittee')}</option>
              <option value="evaluation">{t('sessionKindEvaluation')}</option>
            </select>
          </label>
          <button type="submit" disabled={!sessionTitle.trim()}>
            {t('sessionStart')}
          </button>
        </form>
        {session ? (
          <>
            <AgendaList session={session} />
            <form
              onSubmit={(e: FormEvent) => {
                e.preventDefault();
                void run(async () => {
                  await endpoints.addItem(token, itemTitle, organ);
                  setItemTitle('');
                  return t('addItem');
                });
              }}
            >
              <label>
                {t('organ')}
                <input value={organ} onChange={(e) => setOrgan(e.target.value)} name="organ" />
              </label>
              <label>
                {t('item')}
                <input
                  value={itemTitle}
                  onChange={(e) => setItemTitle(e.target.value)}
                  name="itemTitle"
                />
              </label>
              <button type="submit" disabled={!itemTitle.trim() || !organ.trim()}>
                {t('addItem')}
              </button>
            </form>
          </>
        ) : (
          <p className="muted">{t('noSession')}</p>
        )}
      </section>
      {session?.kind === 'evaluation' ? <EvaluatorsPanel token={token} /> : null}
      {live.vote?.state === 'open' &&
      (live.vote.method === 'paper' || live.vote.method === 'hands') ? (
        <>
          <p className="vote-method">
            {live.vote.title} <MethodNote method={live.vote.method} />
          </p>
          <HandCountsPanel token={token} vote={live.vote} mode="enter" />
        </>
      ) : null}
      <ManualAttendanceForm token={token} refreshKey={live.attendance} />
      <section className="panel" aria-label={t('corrections')}>
        <h2>{t('corrections')}</h2>
        {proposals.length === 0 ? (
          <p className="muted">{t('noPendingCorrections')}</p>
        ) : (
          <table className="results" data-testid="correction-proposals">
            <thead>
              <tr>
                <th>{t('correctsRecord')}</th>
                <th>{t('item')}</th>
                <th>{t('outcomeChange')}</th>
                <th>{t('reason')}</th>
                <th>{t('proposedBy')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {proposals.map((p) => {
                const target = results.find((r) => r.seq === p.seq);
                return (
                  <tr key={p.id} data-testid={`proposal-${p.id}`}>
                    <td>{p.seq}</td>
                    <td>{p.title}</td>
                    <td>
                      {outcomeLabel(target?.profile, p.previousOutcome, lang)} →{' '}
                      {outcomeLabel(
                        profileFor(p.input.profile ?? target?.profile.id ?? '') ?? target?.profile,
                        p.outcome,
                        lang,
                      )}
                    </td>
                    <td>{p.input.reason}</td>
                    <td>{p.proposedBy}</td>
                    <td>
                      <button
                        type="button"
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
                            await endpoints.rejectCorrection(token, p.id);
                            return t('correctionRejected');
                          })
                        }
                      >
                        {t('rejectCorrection')}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>
      <section className="panel" aria-label={t('evaluations')}>
        <h2>{t('evaluations')}</h2>
        {results.length === 0 ? (
          <p className="muted">{t('none')}</p>
        ) : (
          <table className="results">
            <thead>
              <tr>
                <th>{t('item')}</th>
                <th>{t('members')}</th>
                <th>{t('present')}</th>
                <th>{t('satisfied')}</th>
                <th>{t('basicallySatisfied')}</th>
                <th>{t('unsatisfied')}</th>
                <th>{t('invalid')}</th>
                <th>{t('notVoted')}</th>
                <th>{t('outcome')}</th>
              </tr>
            </thead>
            <tbody>
              {results.map((r) => (
                <tr key={r.seq} data-testid={`record-row-${r.seq}`}>
                  <td>
                    {r.title} <MethodNote method={r.method} testId={`record-method-${r.seq}`} />
                    <RetakeNote retakes={r.retakes} />
                    {r.corrects ? (
                      <small className="correction-note">
                        {pick(
                          correctionNote(
                            r.corrects.previousOutcome
                              ? r.corrects
                              : {
                                  ...r.corrects,
                                  previousOutcome: previousOf(results, r.corrects.seq),
                                },
                          ),
                        )}
                      </small>
                    ) : null}
                    {results.some((x) => x.corrects?.seq === r.seq) ? (
                      <small className="corrected">{t('corrected')}</small>
                    ) : null}
                  </td>
                  <td>{r.members}</td>
                  <td>{r.present}</td>
                  <td>{r.counts.satisfied ?? 0}</td>
                  <td>{r.counts['basically-satisfied'] ?? 0}</td>
                  <td>{r.counts.unsatisfied ?? 0}</td>
                  <td>{r.invalid}</td>
                  <td>{r.notVoted}</td>
                  <td>{outcomeLabel(r.profile, r.outcome, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}

/** The outcome of record `seq`, for a correction sealed before records named it. */
function previousOf(records: SealedRecord[], seq: number) {
  const old = records.find((r) => r.seq === seq);
  if (!old) return undefined;
  const label = old.profile.outcomes.find((o) => o.id === old.outcome)?.label;
  return { id: old.outcome, label: label ?? { zh: old.outcome, en: old.outcome } };
}
