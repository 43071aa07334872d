import type { ProgressResponse } from '@ningxin/shared';
import { useTranslation } from 'react-i18next';

const W = 760;
const H = 300;
const PAD = { left: 56, right: 16, top: 16, bottom: 36 };

/**
 * The cumulative found curve against the target line, day by day: the picture the working group
 * looks at every evening. Drawn as SVG (scales to its container, readable on a phone).
 */
export function CumulativeChart({ daily, target }: { daily: ProgressResponse['daily']; target: number }) {
  const { t } = useTranslation();
  const max = Math.max(target, daily.at(-1)?.cumulative ?? 0, 1);
  const n = Math.max(daily.length - 1, 1);
  const x = (i: number) => PAD.left + (i / n) * (W - PAD.left - PAD.right);
  const y = (v: number) => H - PAD.bottom - (v / max) * (H - PAD.top - PAD.bottom);
  const path = daily
    .map((d, i) => `${i ? 'L' : 'M'}${x(i).toFixed(1)},${y(d.cumulative).toFixed(1)}`)
    .join(' ');
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => Math.round(max * f));
  const labelEvery = Math.max(1, Math.ceil(daily.length / 7));
  return (
    <svg
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-label={`${t('finding.cumulative')} / ${t('finding.targetLine')}`}
      style={{ width: '100%', height: 'auto', display: 'block' }}
    >
      {ticks.map((v) => (
        <g key={v}>
          <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} stroke="#f0f0f0" />
          <text x={PAD.left - 6} y={y(v) + 4} textAnchor="end" fontSize={11} fill="#8c8c8c">
            {v.toLocaleString()}
          </text>
        </g>
      ))}
      {daily.map((d, i) =>
        i % labelEvery === 0 || i === daily.length - 1 ? (
          <text key={d.day} x={x(i)} y={H - 14} textAnchor="middle" fontSize={11} fill="#8c8c8c">
            {d.day.slice(5)}
          </text>
        ) : null,
      )}
      <line
        x1={PAD.left}
        x2={W - PAD.right}
        y1={y(target)}
        y2={y(target)}
        stroke="#faad14"
        strokeDasharray="6 4"
        strokeWidth={2}
      />
      <text x={W - PAD.right} y={y(target) - 6} textAnchor="end" fontSize={12} fill="#d48806">
        {t('finding.targetLine')} {target.toLocaleString()}
      </text>
      <path d={path} fill="none" stroke="#c41d2f" strokeWidth={3} />
      {daily.length > 0 && (
        <text
          x={x(daily.length - 1)}
          // Below the curve's end when it is close to the target line, so the two labels do not meet.
          y={y(daily.at(-1)!.cumulative) + (daily.at(-1)!.cumulative > max * 0.85 ? 20 : -8)}
          textAnchor="end"
          fontSize={12}
          fill="#c41d2f"
        >
          {t('finding.cumulative')} {daily.at(-1)!.cumulative.toLocaleString()}
        </text>
      )}
    </svg>
  );
}
