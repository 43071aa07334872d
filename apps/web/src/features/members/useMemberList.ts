import { useKeysetPages } from '../../lib/useKeysetPages';
import { filtersToQuery, type MemberFilters } from './memberFilters';
import { memberKeys, membersApi } from './members.api';

/** One page of the member list by keyset cursor, with 上一页 / 下一页; new filters start from the first page. */
export function useMemberList(filters: MemberFilters) {
  return useKeysetPages(memberKeys.list(filtersToQuery(filters)), (cursor, signal) =>
    membersApi.list(filters, cursor, signal),
  );
}
