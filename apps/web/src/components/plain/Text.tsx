import type { CSSProperties, ReactNode } from 'react';
import './plain.css';

interface TextProps {
  type?: 'secondary' | 'success' | 'warning' | 'danger';
  strong?: boolean;
  /** One line, cut with an ellipsis. */
  ellipsis?: boolean;
  style?: CSSProperties;
  children?: ReactNode;
  'data-testid'?: string;
}

/** antd's Typography.Text in plain elements, for the pages a phone loads first (no antd there). */
export function Text({ type, strong, ellipsis, style, children, 'data-testid': testId }: TextProps) {
  const classes = ['nx-text', type && `nx-text-${type}`, ellipsis && 'nx-text-ellipsis'].filter(Boolean);
  return (
    <span className={classes.join(' ')} style={style} data-testid={testId}>
      {strong ? <strong>{children}</strong> : children}
    </span>
  );
}
