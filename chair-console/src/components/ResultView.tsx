import type { ReactNode } from 'react';
import type { ChainHead, FollowUp, ResultPayload } from '@hall/shared';
import { useI18n } from '../lib/i18n';
import { optionLabel, outcomeLabel, profileFor } from '../lib/labels';
import { AnnouncementText } from './AnnouncementText';
import { BarChart, type Bar } from './BarChart';

/**
 * A decided result; the chair's copy also has the explanation, the announcement text and the
 * follow-up.
 */
export type ResultLike = Omit<ResultPayload, 'followUp'> & {
  followUp?: Pick<FollowUp, 'action' | 'label' | 'cite'>[];
};

const TONES: Record<string, Bar['tone']> = {
  satisfied: 'good',
  'basically-satisfied': 'fair',
  unsatisfied: 'bad',
};

/**
 * 应到, 实到, every option, 无效, 未按, the outcome, and a bar chart. `large` is the hall display:
 * readable across the hall. The chair reads it top down (issue 13): the outcome, how the rule
 * decided it (依据), the announcement text to read out (宣读稿) and `actions` (当场公布) come first,
 * the figures beside them; so the whole lead fits the first screen at 1280×720.
 */
export function ResultView({
  result,
  large = false,
  actions,
}: {
  result: ResultLike;
  large?: boolean;
  actions?: ReactNode;
}) {
  const { t, lang, pick } = useI18n();
  const profile = profileFor(result.profile);
  const keys = profile ? profile.optionSet.options.map((o) => o.key) : Object.keys(result.counts);
  const rows: [string, number, string][] = [
    [t('members'), result.members, 'members'],
    [t('present'), result.present, 'present'],
    ...keys.map((k): [string, number, string] => [
      optionLabel(profile, k, lang),
      result.counts[k] ?? 0,
      k,
    ]),
    [t('invalid'), result.invalid, 'invalid'],
    [t('notVoted'), result.notVoted, 'notVoted'],
  ];
  const bars: Bar[] = [
    ...keys.map((k): Bar => ({
      label: optionLabel(profile, k, lang),
      value: result.counts[k] ?? 0,
      tone: TONES[k] ?? 'neutral',
    })),
    { label: t('invalid'), value: result.invalid, tone: 'neutral' },
    { label: t('notVoted'), value: result.notVoted, tone: 'neutral' },
  ];
  return (
    <section className={`panel result ${large ? 'large' : ''}`} aria-label={t('result')}>
      <h2 className="result-title">{result.title}</h2>
      {result.correction ? (
        <p className="correction-mark" role="note" data-testid="correction-mark">
          <strong>{pick(result.correction.note)}</strong>
        </p>
      ) : null}
      <div className="result-lead">
        <div className="result-words">
          <p className="outcome" data-testid="outcome" data-outcome={result.outcome}>
            <span>{t('outcome')}：</span>
            <strong>{outcomeLabel(profile, result.outcome, lang)}</strong>
          </p>
          {result.explanation ? (
            <p className="explanation" data-testid="explanation">
              {t('explanation')}：{pick(result.explanation)}
            </p>
          ) : null}
          {result.announcementText ? <AnnouncementText text={result.announcementText} /> : null}
          {actions}
        </div>
        <div className="result-figures">
          <table className="counts">
            <tbody>
              {rows.map(([label, value, key]) => (
                <tr key={key} data-testid={`count-${key}`}>
                  <th scope="row">{label}</th>
                  <td>{value}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <BarChart bars={bars} title={t('barChart')} />
        </div>
      </div>
      {result.followUp && result.followUp.length > 0 ? (
        <ul className="follow-up" aria-label={t('followUp')}>
          {result.followUp.map((f) => (
            <li key={f.action}>
              {pick(f.label)}（{f.cite}）
            </li>
          ))}
        </ul>
      ) : null}
      <SealMarks record={result.record ?? null} head={result.chainHead ?? null} />
    </section>
  );
}

/**
 * The sealed record shown and the hall chain's latest record, by seq and the first 12 hex of the
 * hash: what the hall saw, so that an exported chain cut short afterwards can be noticed.
 */
export function SealMarks({ record, head }: { record: ChainHead | null; head: ChainHead | null }) {
  const { t } = useI18n();
  if (!record && !head) return null;
  return (
    <p className="seal-marks muted" data-testid="seal-marks">
      {record ? (
        <span data-testid="sealed-record">
          {t('sealedRecord')} {record.seq} · {t('hash')} {record.hash}
        </span>
      ) : null}
      {record && head ? ' ｜ ' : null}
      {head ? (
        <span data-testid="chain-head">
          {t('chainHead')}：{head.seq} · {t('hash')} {head.hash}
        </span>
      ) : null}
    </p>
  );
}
