import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { PortalCard } from './PortalCard';

interface QueryPortalCardProps<T> {
  /** The card's one query: its placeholder while pending; the card is left out if it failed. */
  query: UseQueryResult<T>;
  title: ReactNode;
  to: string;
  more?: ReactNode;
  testId?: string;
  /** Loaded data with nothing to show (no evaluation round yet): the card is left out. */
  hidden?: (data: T) => boolean;
  /** The card's content, from the loaded data. */
  children: (data: T) => ReactNode;
}

/**
 * A portal card showing one query: a placeholder while it loads, the content once it has, and no
 * card at all if it failed or holds nothing to show (the portal keeps to the cards that have
 * something to say).
 */
export function QueryPortalCard<T>({ query, hidden, children, ...card }: QueryPortalCardProps<T>) {
  if (query.isError || (query.isSuccess && hidden?.(query.data))) return null;
  return (
    <PortalCard {...card} loading={query.isPending}>
      {query.isSuccess ? children(query.data) : null}
    </PortalCard>
  );
}
