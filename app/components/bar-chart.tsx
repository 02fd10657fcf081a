import { useId } from 'react';

// A plain SVG bar chart, rendered on the server: no chart library, no script
// (docs/decisions/020-streaming-exports.md says why not ECharts or Recharts).
// It is decoration for sighted readers (aria-hidden); the data table beside it
// is what assistive technology reads. Colours are attributes as well as CSS so
// that the SVG still looks right when it is saved as a PNG (chart-png.tsx).

type Bar = { label: string; value: number };

const ROW = 22;
const LABEL_WIDTH = 150;
const BAR_WIDTH = 260;

export function BarChart({ bars, id }: { bars: Bar[]; id?: string }) {
  const fallbackId = useId();
  if (bars.length === 0) return null;
  const max = Math.max(...bars.map((b) => b.value), 1);
  const height = bars.length * ROW + 4;
  return (
    <svg
      id={id ?? fallbackId}
      className="bar-chart"
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${LABEL_WIDTH + BAR_WIDTH + 50} ${height}`}
      width="100%"
      fontFamily="'PingFang SC','Microsoft YaHei','Noto Sans CJK SC',sans-serif"
      aria-hidden="true"
      focusable="false"
    >
      {bars.map((bar, i) => {
        const width = Math.max((bar.value / max) * BAR_WIDTH, bar.value > 0 ? 2 : 0);
        const y = i * ROW + 2;
        return (
          <g key={`${bar.label}-${i}`}>
            <text x={LABEL_WIDTH - 6} y={y + 14} textAnchor="end" fontSize="12" fill="#1f2328">
              {bar.label.length > 12 ? `${bar.label.slice(0, 11)}…` : bar.label}
            </text>
            <rect x={LABEL_WIDTH} y={y + 3} width={width} height={ROW - 8} className="bar-chart__bar" fill="#1a4d8f" />
            <text x={LABEL_WIDTH + width + 4} y={y + 14} fontSize="12" fill="#1f2328">
              {bar.value}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
