import { type ReactNode, Suspense } from 'react';
import { PageSpinner } from './PageSpinner';
import './deferred.css';

/**
 * What a plain page opens on demand (a form made with antd, see app/lazyAnt.tsx): nothing until
 * it is first asked for, then kept (a drawer closes with its animation); while its code comes,
 * a spinner over the page, or the fallback given.
 */
export function Deferred({
  asked,
  fallback,
  children,
}: {
  asked: boolean;
  fallback?: ReactNode;
  children: ReactNode;
}) {
  if (!asked) return null;
  return (
    <Suspense
      fallback={
        fallback ?? (
          <div className="nx-deferred-loading">
            <PageSpinner />
          </div>
        )
      }
    >
      {children}
    </Suspense>
  );
}
