/** Horizontal bars of whole numbers, drawn in SVG; each bar also carries its number as text. */
export interface Bar {
  label: string;
  value: number;
  tone: 'good' | 'fair' | 'bad' | 'neutral';
}

export function BarChart({ bars, title }: { bars: Bar[]; title: string }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const rowHeight = 44;
  const labelWidth = 200;
  const width = 900;
  return (
    <svg
      className="chart"
      viewBox={`0 0 ${width} ${bars.length * rowHeight}`}
      role="img"
      aria-label={`${title}: ${bars.map((b) => `${b.label} ${b.value}`).join('，')}`}
    >
      {bars.map((b, i) => {
        const w = ((width - labelWidth - 90) * b.value) / max;
        const y = i * rowHeight;
        return (
          <g key={b.label}>
            <text x={labelWidth - 12} y={y + 29} textAnchor="end" className="chart-label">
              {b.label}
            </text>
            <rect
              x={labelWidth}
              y={y + 8}
              width={w}
              height={rowHeight - 16}
              className={`tone-${b.tone}`}
            />
            <text x={labelWidth + w + 10} y={y + 29} className="chart-value">
              {b.value}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
