import type { ReactNode } from 'react';
import './plain.css';

interface Item {
  key: string;
  label: ReactNode;
  children: ReactNode;
}

/** antd's small one-column Descriptions: label：value, a row each. */
export function Descriptions({ items }: { items: Item[] }) {
  return (
    <dl className="nx-descriptions">
      {items.map((item) => (
        <div key={item.key} className="nx-descriptions-row">
          <dt>{item.label}</dt>
          <dd>{item.children}</dd>
        </div>
      ))}
    </dl>
  );
}
