import {
  type MEMBER_SORTS,
  MEMBER_STATUSES,
  MEMBER_TYPES,
  type MemberStatus,
  type MemberType,
} from '@ningxin/shared';

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

/** The panel's filters (what the filter form or sheet sets). */
export type PanelFilters = Pick<MemberFilters, (typeof PANEL_KEYS)[number]>;

/** No panel filter set: 重置 (every key named, so that merged over the URL's filters it clears them all). */
export const EMPTY_PANEL: PanelFilters = {
  orgId: undefined,
  homeCounty: [],
  hostDistrict: [],
  status: [],
  memberType: undefined,
  tags: [],
  education: [],
  joinYearFrom: undefined,
  joinYearTo: undefined,
  ageFrom: undefined,
  ageTo: undefined,
};

/** The list's sorts (MEMBER_SORTS of the shared contract, which a test holds this to). */
const SORTS: readonly MemberSort[] = ['name', 'joinedAt', 'birthDate', 'createdAt'];
const INT4_MAX = 2_147_483_647;

/*
 * The query string read by hand, by the server's rules (MemberListQuery): the page loads no zod
 * for it. A bad value is dropped, not fatal; the server checks every request again.
 */
const oneOf =
  <T extends string>(allowed: readonly T[]) =>
  (v: string): T | undefined =>
    (allowed as readonly string[]).includes(v) ? (v as T) : undefined;

const int =
  (min: number, max: number) =>
  (v: string): number | undefined => {
    const n = /^-?\d{1,20}$/.test(v) ? Number(v) : Number.NaN;
    return Number.isInteger(n) && n >= min && n <= max ? n : undefined;
  };

/** A comma-separated list, blank items dropped; one bad item (or more than 50) drops the list. */
const list =
  <T>(item: (v: string) => T | undefined) =>
  (v: string): T[] | undefined => {
    const items = v.split(',').filter((s) => s.trim() !== '');
    const out = items.map(item);
    return out.length <= 50 && out.every((x) => x !== undefined) ? (out as T[]) : undefined;
  };

const pattern = (re: RegExp) => (v: string) => (re.test(v) ? v : undefined);
/** Text of min to max characters, trimmed; control characters (a tab, a line break …) drop it. */
const text = (min: number, max: number) => (v: string) => {
  const s = v.trim();
  const control = [...s].some((c) => c < ' ' || (c >= '\u007f' && c <= '\u009f'));
  return !control && s.length >= min && s.length <= max ? s : undefined;
};

export function filtersFromParams(params: URLSearchParams): MemberFilters {
  const read = <T>(key: string, parse: (v: string) => T | undefined): T | undefined => {
    const raw = params.get(key);
    return raw === null || raw === '' ? undefined : parse(raw);
  };
  const division = list(pattern(/^\d{6}$/));
  return {
    q: read('q', text(1, 30)),
    orgId: read('orgId', int(1, INT4_MAX)),
    homeCounty: read('homeCounty', division) ?? [],
    hostDistrict: read('hostDistrict', division) ?? [],
    status: read('status', list(oneOf(MEMBER_STATUSES))) ?? [],
    memberType: read('memberType', oneOf(MEMBER_TYPES)),
    tags: read('tags', list(text(1, 12))) ?? [],
    education: read('education', list(pattern(/^\d{2}$/))) ?? [],
    joinYearFrom: read('joinYearFrom', int(1921, 2100)),
    joinYearTo: read('joinYearTo', int(1921, 2100)),
    ageFrom: read('ageFrom', int(0, 130)),
    ageTo: read('ageTo', int(0, 130)),
    sort: read('sort', oneOf(SORTS)) ?? DEFAULT_SORT,
    order: read('order', oneOf<SortOrder>(['asc', 'desc'])) ?? DEFAULT_ORDER,
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
