import type { ChainHead, ResultPayload, Text, VotePayload } from '@hall/shared';
import type { CSSProperties } from 'react';
import { DISPLAY_STRINGS as S } from '../../lib/display-strings';
import { optionTone, outcomeColour, outcomeTone } from '../../lib/outcome-tone';
import { BarChart, type Bar } from '../BarChart';
import { Bi } from './Bilingual';
import { handCounted, MethodLine, SeriesLine } from './FormLine';
import { resultWords } from './result-words';

/**
 * An announced result on the hall display: the outcome in words and in its own colour, 应到,
 * 实到, every option, 无效, 未按, the bar chart and the 依据 line (public once announced).
 * Issue 14: any profile, from the words the result carries (`labels`: 2–5 options in the
 * profile's order, one row and one bar each; the outcome's colour from `passed` and its place),
 * how the ballots were taken, and the series the vote is a subject of.
 */
export function DisplayResult({
  result,
  series = null,
}: {
  result: ResultPayload;
  series?: VotePayload['series'];
}) {
  const words = resultWords(result);
  const options = words.options;
  const outcome = words.outcomes.find((o) => o.id === result.outcome)?.label;
  const colour = outcomeColour(words.outcomes, result.outcome);
  // Counted by people, nobody "did not press": they did not vote (未投票).
  const notVoted = handCounted(result.method) ? S.displayNotVotedByHand : S.displayNotVoted;
  // 应到, 实到, 无效, 未按 beside the options (2–5, one row each, in the profile's order), so
  // five options fit one screen with the series and method lines.
  const base: Row[] = [
    { key: 'members', label: S.displayMembers, value: result.members },
    { key: 'present', label: S.displayPresent, value: result.present },
    { key: 'invalid', label: S.displayInvalid, value: result.invalid },
    { key: 'notVoted', label: notVoted, value: result.notVoted },
  ];
  const optionRows: Row[] = options.map((o) => ({
    key: o.key,
    label: o.label,
    value: result.counts[o.key] ?? 0,
  }));
  const bars: Bar[] = [
    ...options.map((o) => ({
      label: o.label.zh,
      value: result.counts[o.key] ?? 0,
      tone: optionTone(options, o.key),
    })),
    { label: S.displayInvalid.zh, value: result.invalid, tone: 'neutral' },
    { label: notVoted.zh, value: result.notVoted, tone: 'neutral' },
  ];
  return (
    <section
      className="hd-main hd-result"
      aria-label={S.displayOutcome.zh}
      style={{ '--options': options.length } as CSSProperties}
    >
      <div className="hd-form-line">
        <SeriesLine series={series} />
        <MethodLine method={result.method} />
      </div>
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
        data-tone={outcomeTone(words.outcomes, result.outcome)}
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
        <CountsTable rows={base} label={S.displayFigures.zh} className="hd-counts-base" />
        <CountsTable rows={optionRows} label={S.displayBallots.zh} className="hd-counts-options" />
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

interface Row {
  key: string;
  label: Text;
  value: number;
}

function CountsTable({
  rows,
  label,
  className,
}: {
  rows: Row[];
  label: string;
  className: string;
}) {
  return (
    <table className={`hd-counts ${className}`} aria-label={label}>
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
