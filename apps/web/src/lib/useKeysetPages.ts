import { keepPreviousData, type QueryKey, useQuery } from '@tanstack/react-query';
import { useState } from 'react';

/**
 * One page of a keyset-paged list at a time (上一页 / 下一页): the cursors of the pages already
 * passed are kept on a stack, so 上一页 goes back; a change of `key` (the filters) starts again
 * from the first page.
 */
export function useKeysetPages<P extends { nextCursor: string | null }>(
  key: QueryKey,
  fetchPage: (cursor: string | undefined, signal: AbortSignal) => Promise<P>,
) {
  const id = JSON.stringify(key);
  const [pager, setPager] = useState<{ id: string; stack: (string | undefined)[] }>({
    id,
    stack: [undefined],
  });
  const stack = pager.id === id ? pager.stack : [undefined];
  const cursor = stack[stack.length - 1];
  const result = useQuery({
    queryKey: [...key, cursor],
    queryFn: ({ signal }) => fetchPage(cursor, signal),
    placeholderData: keepPreviousData,
  });
  const nextCursor = result.data?.nextCursor ?? null;
  return {
    ...result,
    page: stack.length,
    hasPrev: stack.length > 1,
    hasNext: nextCursor !== null && !result.isPlaceholderData,
    next: () => {
      if (nextCursor) setPager({ id, stack: [...stack, nextCursor] });
    },
    prev: () => setPager({ id, stack: stack.slice(0, -1) }),
  };
}
