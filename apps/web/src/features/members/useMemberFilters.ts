import { useSearchParams } from 'react-router-dom';
import { activeFilterCount, filtersFromParams, filtersToParams, type MemberFilters } from './memberFilters';

/** The member list's filters, read from the page URL, and the setter that writes changes back there. */
export function useMemberFilters() {
  const [params, setParams] = useSearchParams();
  const filters = filtersFromParams(params);
  return {
    /** The query string as it is (a key for what is built from the filters). */
    params,
    filters,
    filterCount: activeFilterCount(filters),
    setFilters: (changes: Partial<MemberFilters>) => setParams(filtersToParams({ ...filters, ...changes })),
  };
}
