import type { ReactNode } from 'react';
import './list.css';

interface ListItemProps {
  /** What stands on the right of the row (a figure, a button). */
  extra?: ReactNode;
  children: ReactNode;
  'aria-label'?: string;
  'data-testid'?: string;
}

/** A row of List, as antd's List.Item with its extra: the content left, the extra right. */
export function ListItem({ extra, children, 'aria-label': label, 'data-testid': testId }: ListItemProps) {
  return (
    <li className="nx-list-item" aria-label={label} data-testid={testId}>
      <div className="nx-list-item-main">{children}</div>
      {extra !== undefined && extra !== null && <div className="nx-list-item-extra">{extra}</div>}
    </li>
  );
}
