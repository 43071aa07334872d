import { type MEMBER_SORTS, MemberListQuery, type MemberStatus, type MemberType } from '@ningxin/shared';

export type MemberSort = (typeof MEMBER_SORTS)[number];
export type SortOrder = 'asc' | 'desc';

/** What the member list is filtered and sorted by; it lives in the page's query string. */
export interface MemberFilters {
  q?: string;
  orgId?: number;
  homeCounty: string[];
  hostDistrict: string[];
  status: MemberStatus[];
  memberType?: MemberType;
  tags: string[];
  education: string[];
  joinYearFrom?: number;
  joinYearTo?: number;
  ageFrom?: number;
  ageTo?: number;
  sort: MemberSort;
  order: SortOrder;
}

export const DEFAULT_SORT: MemberSort = 'createdAt';
export const DEFAULT_ORDER: SortOrder = 'desc';

/** The filter keys of the panel (everything but the search box and the sort). */
export const PANEL_KEYS = [
  'orgId',
  'homeCounty',
  'hostDistrict',
  'status',
  'memberType',
  'tags',
  'education',
  'joinYearFrom',
  'joinYearTo',
  'ageFrom',
  'ageTo',
] as const;

const shape = MemberListQuery.shape;

/** One query-string value read with the server's own schema; a bad value is dropped, not fatal. */
function read<K extends keyof typeof shape>(params: URLSearchParams, key: K): MemberListQuery[K] | undefined {
  const raw = params.get(key);
  const parsed = shape[key].safeParse(raw === null || raw === '' ? undefined : raw);
  return parsed.success ? (parsed.data as MemberListQuery[K]) : undefined;
}

export function filtersFromParams(params: URLSearchParams): MemberFilters {
  return {
    q: read(params, 'q') || undefined,
    orgId: read(params, 'orgId'),
    homeCounty: read(params, 'homeCounty') ?? [],
    hostDistrict: read(params, 'hostDistrict') ?? [],
    status: read(params, 'status') ?? [],
    memberType: read(params, 'memberType'),
    tags: read(params, 'tags') ?? [],
    education: read(params, 'education') ?? [],
    joinYearFrom: read(params, 'joinYearFrom'),
    joinYearTo: read(params, 'joinYearTo'),
    ageFrom: read(params, 'ageFrom'),
    ageTo: read(params, 'ageTo'),
    sort: read(params, 'sort') ?? DEFAULT_SORT,
    order: read(params, 'order') ?? DEFAULT_ORDER,
  };
}

/**
 * The filters as query-string pairs, in a fixed order, lists comma-separated, empty values and
 * the default sort left out: the same string for the page URL, the API and the export link.
 */
export function filtersToQuery(f: MemberFilters): Record<string, string> {
  const out: Record<string, string> = {};
  const put = (key: string, value: string | number | undefined) => {
    if (value !== undefined && value !== '') out[key] = String(value);
  };
  put('q', f.q?.trim());
  put('orgId', f.orgId);
  put('homeCounty', f.homeCounty.join(','));
  put('hostDistrict', f.hostDistrict.join(','));
  put('status', f.status.join(','));
  put('memberType', f.memberType);
  put('tags', f.tags.join(','));
  put('education', f.education.join(','));
  put('joinYearFrom', f.joinYearFrom);
  put('joinYearTo', f.joinYearTo);
  put('ageFrom', f.ageFrom);
  put('ageTo', f.ageTo);
  if (f.sort !== DEFAULT_SORT || f.order !== DEFAULT_ORDER) {
    put('sort', f.sort);
    put('order', f.order);
  }
  return out;
}

export function filtersToParams(f: MemberFilters): URLSearchParams {
  return new URLSearchParams(filtersToQuery(f));
}

/** How many panel filters are set (the search box and the sort not counted). */
export function activeFilterCount(f: MemberFilters): number {
  return PANEL_KEYS.filter((k) => {
    const v = f[k];
    return Array.isArray(v) ? v.length > 0 : v !== undefined;
  }).length;
}
