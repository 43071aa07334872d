import type { ReactNode } from 'react';
import './page.css';
import './plain.css';

interface PageProps {
  /** The page's title (antd's Typography.Title level 2 of the pages). */
  title?: ReactNode;
  /** What stands right of the title (a year's choice). */
  extra?: ReactNode;
  /** The space between the page's blocks, in pixels. */
  gap?: number;
  children: ReactNode;
  'data-testid'?: string;
}

/** A plain page: its title (and what stands beside it), then its blocks one under the other. */
export function Page({ title, extra, gap = 12, children, 'data-testid': testId }: PageProps) {
  const heading = title !== undefined && <h2 className="nx-plain-title">{title}</h2>;
  return (
    <div className="nx-page nx-plain-page" style={{ gap }} data-testid={testId}>
      {extra ? (
        <div className="nx-plain-page-head">
          {heading}
          {extra}
        </div>
      ) : (
        heading
      )}
      {children}
    </div>
  );
}
