import './plain.css';

/** antd's standalone Badge: a red count, 99+ past 99. */
export function Badge({ count, title }: { count: number; title?: string }) {
  if (count <= 0) return null;
  return (
    <sup className="nx-badge" title={title}>
      {count > 99 ? '99+' : count}
    </sup>
  );
}
