import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { filtersToQuery, type MemberFilters } from './memberFilters';
import { memberKeys, membersApi } from './members.api';

/**
 * One page of the member list by keyset cursor. The cursors of the pages already passed are kept
 * on a stack, so 上一页 goes back; a change of filters starts again from the first page.
 */
export function useMemberList(filters: MemberFilters) {
  const query = filtersToQuery(filters);
  const key = JSON.stringify(query);
  const [pager, setPager] = useState<{ key: string; stack: (string | undefined)[] }>({
    key,
    stack: [undefined],
  });
  const stack = pager.key === key ? pager.stack : [undefined];
  const cursor = stack[stack.length - 1];

  const result = useQuery({
    queryKey: memberKeys.list(query, cursor),
    queryFn: ({ signal }) => membersApi.list(filters, cursor, signal),
    placeholderData: keepPreviousData,
  });

  const nextCursor = result.data?.nextCursor ?? null;
  return {
    ...result,
    page: stack.length,
    hasPrev: stack.length > 1,
    hasNext: nextCursor !== null && !result.isPlaceholderData,
    next: () => {
      if (nextCursor) setPager({ key, stack: [...stack, nextCursor] });
    },
    prev: () => setPager({ key, stack: stack.slice(0, -1) }),
  };
}
