import { type InfiniteData, type QueryKey, useInfiniteQuery } from '@tanstack/react-query';

/** A page of a keyset-paged list, as the API answers it (`pageOf` in the shared contracts). */
export interface CursorPage<C> {
  items: readonly unknown[];
  nextCursor: C | null;
}

/**
 * A keyset-paged list read as one growing list (加载更多): the pages fetched so far, their items
 * flattened, and `loadMore` for the next page.
 */
export function useCursorList<P extends CursorPage<C>, C = P['nextCursor'] & {}>(
  key: QueryKey,
  fetchPage: (cursor: C | undefined, signal: AbortSignal) => Promise<P>,
  options: { enabled?: boolean } = {},
) {
  const query = useInfiniteQuery<P, Error, InfiniteData<P, C | undefined>, QueryKey, C | undefined>({
    queryKey: key,
    queryFn: ({ pageParam, signal }) => fetchPage(pageParam as C | undefined, signal),
    initialPageParam: undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: options.enabled ?? true,
  });
  return {
    ...query,
    items: (query.data?.pages.flatMap((p) => p.items) ?? []) as P['items'][number][],
    /** The first page's answer, for what a list says besides its items (a total, an unread count). */
    firstPage: query.data?.pages[0],
    loadMore: () => void query.fetchNextPage(),
  };
}
