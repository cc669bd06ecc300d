import type { ChainHead, ResultPayload, Text } from '@hall/shared';
import { DISPLAY_STRINGS as S } from '../../lib/display-strings';
import { profileFor } from '../../lib/labels';
import { optionTone, outcomeColour, outcomeTone } from '../../lib/outcome-tone';
import { BarChart, type Bar } from '../BarChart';
import { Bi } from './Bilingual';

const asText = (zh: string, en?: string): Text => ({ zh, en: en ?? zh });

/**
 * An announced result on the hall display: the outcome in words and in its own colour, 应到,
 * 实到, every option, 无效, 未按, the bar chart and the 依据 line (public once announced).
 */
export function DisplayResult({ result }: { result: ResultPayload }) {
  const profile = profileFor(result.profile);
  const options = profile
    ? profile.optionSet.options.map((o) => ({ key: o.key, label: o.label }))
    : Object.keys(result.counts).map((k) => ({ key: k, label: asText(k) }));
  const outcome = profile?.outcomes.find((o) => o.id === result.outcome)?.label;
  const colour = outcomeColour(profile, result.outcome);
  const rows: { key: string; label: Text; value: number }[] = [
    { key: 'members', label: S.displayMembers, value: result.members },
    { key: 'present', label: S.displayPresent, value: result.present },
    ...options.map((o) => ({ key: o.key, label: o.label, value: result.counts[o.key] ?? 0 })),
    { key: 'invalid', label: S.displayInvalid, value: result.invalid },
    { key: 'notVoted', label: S.displayNotVoted, value: result.notVoted },
  ];
  const bars: Bar[] = [
    ...options.map((o) => ({
      label: o.label.zh,
      value: result.counts[o.key] ?? 0,
      tone: optionTone(profile, o.key),
    })),
    { label: S.displayInvalid.zh, value: result.invalid, tone: 'neutral' },
    { label: S.displayNotVoted.zh, value: result.notVoted, tone: 'neutral' },
  ];
  return (
    <section className="hd-main hd-result" aria-label={S.displayOutcome.zh}>
      <h2 className="hd-title hd-result-title" data-testid="display-title">
        {result.title}
      </h2>
      {result.correction ? (
        <p className="hd-correction" role="note" data-testid="correction-mark">
          <Bi text={result.correction.note} />
        </p>
      ) : null}
      <p
        className="hd-outcome"
        data-testid="outcome"
        data-outcome={result.outcome}
        data-tone={outcomeTone(profile, result.outcome)}
      >
        <Bi text={S.displayOutcome} className="hd-outcome-label" />
        <strong className="hd-outcome-word" data-testid="outcome-word" style={{ color: colour }}>
          {outcome?.zh ?? result.outcome}
        </strong>
        {outcome ? (
          <span className="hd-outcome-en" lang="en" style={{ color: colour }}>
            {outcome.en}
          </span>
        ) : null}
      </p>
      <div className="hd-result-body">
        <table className="hd-counts">
          <tbody>
            {rows.map((r) => (
              <tr key={r.key} data-testid={`count-${r.key}`}>
                <th scope="row">
                  <Bi text={r.label} />
                </th>
                <td>{r.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="hd-chart">
          <BarChart bars={bars} title={S.displayBallots.zh} />
        </div>
      </div>
      {result.explanation ? (
        <p className="hd-basis" data-testid="explanation">
          <span className="hd-basis-label">{S.displayBasis.zh}：</span>
          <span className="hd-zh">{result.explanation.zh}</span>
          <span className="hd-en hd-basis-en" lang="en">
            {result.explanation.en}
          </span>
        </p>
      ) : null}
    </section>
  );
}

/** The sealed record shown and the hall chain's latest record: seq and short hash. */
export function DisplaySeal({
  record,
  head,
}: {
  record: ChainHead | null;
  head: ChainHead | null;
}) {
  if (!record && !head) return null;
  const same = record && head && record.seq === head.seq && record.hash === head.hash;
  return (
    <p className="hd-seal" data-testid="seal-marks">
      {record ? (
        <span data-testid="sealed-record">
          {S.displayRecord.zh} 第 {record.seq} 号 · {S.displayHash.zh} {record.hash}
        </span>
      ) : null}
      {head && !same ? (
        <span data-testid="chain-head">
          {S.displayChainHead.zh} 第 {head.seq} 号 · {S.displayHash.zh} {head.hash}
        </span>
      ) : null}
    </p>
  );
}
