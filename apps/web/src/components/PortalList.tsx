import type { Key, ReactNode } from 'react';
import './portalList.css';

interface PortalListProps<T> {
  items: readonly T[];
  rowKey: (item: T) => Key;
  render: (item: T) => ReactNode;
  /** Each row's accessible name (a listitem named by its title). */
  label?: (item: T) => string;
}

/**
 * The rows of a portal card, as a plain list that looks like antd's small List. antd's List brings
 * its Pagination, and that its Select (about 30 KB gzip), to the phone's first page.
 */
export function PortalList<T>({ items, rowKey, render, label }: PortalListProps<T>) {
  return (
    <ul className="nx-portal-list">
      {items.map((item) => (
        <li key={rowKey(item)} aria-label={label?.(item)}>
          {render(item)}
        </li>
      ))}
    </ul>
  );
}
