import type { CSSProperties, ReactNode } from 'react';
import './plain.css';

interface TagProps {
  /** antd's preset and status colours (red, blue, green, orange, gold, success, warning, processing …). */
  color?: string;
  bordered?: boolean;
  style?: CSSProperties;
  children?: ReactNode;
  'data-testid'?: string;
}

/** antd's Tag in plain elements, in its colours. */
export function Tag({
  color = 'default',
  bordered = true,
  style,
  children,
  'data-testid': testId,
}: TagProps) {
  return (
    <span
      className={`nx-tag nx-tag-${color}${bordered ? '' : ' nx-tag-borderless'}`}
      style={style}
      data-testid={testId}
    >
      {children}
    </span>
  );
}
