import './plain.css';

/** antd's line Progress without its figure: the bar, red (the theme) or green once done. */
export function Progress({ percent, status }: { percent: number; status?: 'active' | 'success' }) {
  const done = status === 'success' || percent >= 100;
  return (
    <div
      className="nx-progress"
      role="progressbar"
      aria-valuenow={percent}
      aria-valuemin={0}
      aria-valuemax={100}
    >
      <div
        className={`nx-progress-bar${done ? ' nx-progress-done' : ''}`}
        style={{ width: `${Math.min(100, percent)}%` }}
      />
    </div>
  );
}
