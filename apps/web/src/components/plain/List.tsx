import type { ReactNode } from 'react';
import './list.css';

/** antd's small List as a plain list: rows split by a thin line (ListItem for each row). */
export function List({ children, 'aria-label': label }: { children: ReactNode; 'aria-label'?: string }) {
  return (
    <ul className="nx-list" aria-label={label}>
      {children}
    </ul>
  );
}
