import type { ReactNode } from 'react';
import './alert.css';

const MARK = { info: 'i', success: '✓', warning: '!' } as const;

/** antd's Alert with its icon (info, success, warning), one message, in plain elements. */
export function Alert({ type, children }: { type: keyof typeof MARK; children: ReactNode }) {
  return (
    <div className={`nx-alert nx-alert-${type}`} role={type === 'warning' ? 'alert' : 'status'}>
      <span className="nx-alert-icon" aria-hidden>
        {MARK[type]}
      </span>
      <span>{children}</span>
    </div>
  );
}
