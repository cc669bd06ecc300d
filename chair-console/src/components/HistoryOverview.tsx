import { formatBeijing, type HistoryEntry, type OrganHistory } from '@hall/shared';
import { useI18n } from '../lib/i18n';
import { outcomeTone } from '../lib/labels';

/**
 * The history of evaluations as a table (rows = reporting organs, columns = sittings in time
 * order: 横向 down a column, 纵向 along a row) and as an SVG chart of each organ's 满意 share of
 * valid ballots over the sittings. Shares are for display only: outcomes are decided in integers
 * under each record's profile, and the outcome label is always shown beside the share.
 */

/** A sitting (column): the session and when its first evaluation in the data was announced. */
export interface Sitting {
  sessionId: number;
  announcedAt: string;
}

/** The sittings that appear in the history, in time order. */
export function sittingsOf(organs: readonly OrganHistory[]): Sitting[] {
  const first = new Map<number, string>();
  for (const o of organs) {
    for (const e of o.entries) {
      const at = first.get(e.sessionId);
      if (at === undefined || e.announcedAt < at) first.set(e.sessionId, e.announcedAt);
    }
  }
  return [...first.entries()]
    .map(([sessionId, announcedAt]) => ({ sessionId, announcedAt }))
    .sort((a, b) =>
      a.announcedAt === b.announcedAt
        ? a.sessionId - b.sessionId
        : a.announcedAt < b.announcedAt
          ? -1
          : 1,
    );
}

/** The date of a sitting in Beijing time, `YYYY-MM-DD` (fixed UTC+8, whatever the browser's zone). */
export function sittingDate(s: Sitting): string {
  return formatBeijing(s.announcedAt, 'date');
}

/** The share as a number for drawing ('72.73%' → 72.73); null when there were no valid ballots. */
export function shareValue(e: HistoryEntry): number | null {
  const v = Number.parseFloat(e.satisfiedShare);
  return Number.isFinite(v) ? v : null;
}

/** SVG coordinates to two decimals. */
const r2 = (v: number) => Math.round(v * 100) / 100;

export function HistoryTable({ organs }: { organs: OrganHistory[] }) {
  const { t } = useI18n();
  const sittings = sittingsOf(organs);
  return (
    <div className="table-scroll">
      <table className="results history-table" aria-label={t('historyTable')}>
        <caption>{t('historyTable')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('organ')}</th>
            {sittings.map((s) => (
              <th key={s.sessionId} scope="col">
                {t('sitting')} {s.sessionId}
                <br />
                <span className="muted">{sittingDate(s)}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {organs.map((o) => (
            <tr key={o.organ} data-testid={`history-row-${o.organ}`}>
              <th scope="row">{o.organ}</th>
              {sittings.map((s) => {
                const entries = o.entries.filter((e) => e.sessionId === s.sessionId);
                return (
                  <td key={s.sessionId}>
                    {entries.map((e) => (
                      <div
                        key={e.seq}
                        className={`history-cell ${outcomeTone(e.outcome)}`}
                        title={`${e.title}（${t('record')} ${e.seq}）`}
                      >
                        <strong>{e.outcomeLabel}</strong> {e.satisfiedShare}
                        {e.correctsSeq != null ? (
                          <span className="corrected">{t('corrected')}</span>
                        ) : null}
                      </div>
                    ))}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Line colours and dash patterns: an organ stays distinguishable without colour too. */
const PALETTE = ['#7cc4ff', '#ffd166', '#2ec27e', '#ff6b6b', '#c792ea', '#f78c6c', '#89ddff'];
const DASHES = ['', '8 4', '2 4', '12 4 2 4'];

export function HistoryShareChart({ organs }: { organs: OrganHistory[] }) {
  const { t } = useI18n();
  const sittings = sittingsOf(organs);
  const slot = new Map(sittings.map((s, i) => [s.sessionId, i]));
  const width = 900;
  // Room on the left for the rotated axis title and the tick labels, on the right for the last
  // sitting's date, centred under its point.
  const left = 96;
  const right = 64;
  const top = 24;
  const plotHeight = 240;
  const axisBottom = top + plotHeight;
  const legendTop = axisBottom + 70;
  const legendRow = 28;
  const perRow = 3;
  const height = legendTop + Math.ceil(organs.length / perRow) * legendRow + 10;
  const step = sittings.length > 1 ? (width - left - right) / (sittings.length - 1) : 0;
  const xOf = (sessionId: number, k: number, m: number) =>
    (sittings.length > 1 ? left + (slot.get(sessionId) ?? 0) * step : (left + width - right) / 2) +
    (k - (m - 1) / 2) * 14;
  const yOf = (share: number) => axisBottom - (plotHeight * share) / 100;

  const label = `${t('historyChart')}（${t('satisfiedShare')}）：${organs
    .map(
      (o) =>
        `${o.organ} ${o.entries
          .map((e) => `${t('sitting')} ${e.sessionId} ${e.outcomeLabel} ${e.satisfiedShare}`)
          .join('，')}`,
    )
    .join('；')}`;

  return (
    <svg
      className="chart history-chart"
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={label}
    >
      <g className="axis" aria-hidden="true">
        {[0, 25, 50, 75, 100].map((v) => (
          <g key={v}>
            <line x1={left} x2={width - right} y1={yOf(v)} y2={yOf(v)} className="grid" />
            <text x={left - 10} y={yOf(v) + 6} textAnchor="end" className="axis-label">
              {v}%
            </text>
          </g>
        ))}
        {sittings.map((s) => (
          <text
            key={s.sessionId}
            x={xOf(s.sessionId, 0, 1)}
            y={axisBottom + 24}
            textAnchor="middle"
            className="axis-label"
          >
            {t('sitting')} {s.sessionId}
            <tspan x={xOf(s.sessionId, 0, 1)} dy="20">
              {sittingDate(s)}
            </tspan>
          </text>
        ))}
        <text
          x={22}
          y={top + plotHeight / 2}
          className="axis-title"
          transform={`rotate(-90 22 ${top + plotHeight / 2})`}
          textAnchor="middle"
        >
          {t('satisfiedShare')}
        </text>
      </g>
      {organs.map((o, i) => {
        const colour = PALETTE[i % PALETTE.length];
        const dash = DASHES[Math.floor(i / PALETTE.length) % DASHES.length] ?? '';
        const points = o.entries.flatMap((e) => {
          const share = shareValue(e);
          if (share === null) return [];
          const same = o.entries.filter((x) => x.sessionId === e.sessionId);
          return [{ e, x: r2(xOf(e.sessionId, same.indexOf(e), same.length)), y: r2(yOf(share)) }];
        });
        return (
          <g key={o.organ} data-testid={`history-line-${o.organ}`} aria-hidden="true">
            <polyline
              points={points.map((p) => `${p.x},${p.y}`).join(' ')}
              fill="none"
              stroke={colour}
              strokeWidth={3}
              strokeDasharray={dash || undefined}
            />
            {points.map((p) => (
              <circle key={p.e.seq} cx={p.x} cy={p.y} r={6} fill={colour}>
                <title>{`${o.organ} ${t('record')} ${p.e.seq}：${p.e.outcomeLabel} ${p.e.satisfiedShare}`}</title>
              </circle>
            ))}
          </g>
        );
      })}
      <g className="legend" aria-hidden="true">
        {organs.map((o, i) => {
          const x = left + (i % perRow) * ((width - left) / perRow);
          const y = legendTop + Math.floor(i / perRow) * legendRow;
          const dash = DASHES[Math.floor(i / PALETTE.length) % DASHES.length] ?? '';
          return (
            <g key={o.organ} data-testid={`legend-${o.organ}`}>
              <line
                x1={x}
                x2={x + 36}
                y1={y - 6}
                y2={y - 6}
                stroke={PALETTE[i % PALETTE.length]}
                strokeWidth={4}
                strokeDasharray={dash || undefined}
              />
              <text x={x + 46} y={y} className="chart-legend">
                {o.organ}
              </text>
            </g>
          );
        })}
      </g>
    </svg>
  );
}
