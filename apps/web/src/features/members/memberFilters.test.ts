import { MEMBER_SORTS, MemberListQuery } from '@ningxin/shared';
import { describe, expect, it } from 'vitest';
import {
  activeFilterCount,
  EMPTY_PANEL,
  filtersFromParams,
  filtersToQuery,
  type MemberFilters,
} from './memberFilters';

const parse = (query: string) => filtersFromParams(new URLSearchParams(query));

/** What the server's schema makes of one value; the page reads it by hand, the same way. */
function serverReads(key: keyof typeof MemberListQuery.shape, raw: string): unknown {
  const parsed = MemberListQuery.shape[key].safeParse(raw);
  return parsed.success ? parsed.data : 'rejected';
}

describe('the member list filters read from the URL without zod', () => {
  it('reads a full query back to the same string', () => {
    const query =
      'q=zsf&orgId=12&homeCounty=130723,130732&hostDistrict=110112&status=active,lost&memberType=full' +
      '&tags=联络员,宣传员&education=21,31&joinYearFrom=1990&joinYearTo=2005&ageFrom=30&ageTo=60' +
      '&sort=name&order=asc';
    const filters = parse(query);
    expect(filters).toEqual({
      q: 'zsf',
      orgId: 12,
      homeCounty: ['130723', '130732'],
      hostDistrict: ['110112'],
      status: ['active', 'lost'],
      memberType: 'full',
      tags: ['联络员', '宣传员'],
      education: ['21', '31'],
      joinYearFrom: 1990,
      joinYearTo: 2005,
      ageFrom: 30,
      ageTo: 60,
      sort: 'name',
      order: 'asc',
    });
    expect(new URLSearchParams(filtersToQuery(filters)).toString()).toBe(
      new URLSearchParams(query).toString(),
    );
  });

  it('drops a bad value and keeps the rest, the default sort when none or a bad one', () => {
    expect(parse('status=active,gone&orgId=0&ageTo=131&joinYearFrom=1920&sort=age&q=%20%20')).toEqual({
      homeCounty: [],
      hostDistrict: [],
      status: [],
      tags: [],
      education: [],
      sort: 'createdAt',
      order: 'desc',
    });
    expect(parse('homeCounty=130723,,13072&ageFrom=7').homeCounty).toEqual([]);
    expect(parse('homeCounty=130723,,130732').homeCounty).toEqual(['130723', '130732']);
  });

  it('reads each value as the server does', () => {
    const cases: [keyof typeof MemberListQuery.shape, string][] = [
      ['q', ' 张三 '],
      ['q', 'a'.repeat(31)],
      ['q', 'a\tb'],
      ['orgId', '2147483647'],
      ['orgId', '2147483648'],
      ['orgId', '1.5'],
      ['orgId', '-3'],
      ['memberType', 'probationary'],
      ['memberType', 'Full'],
      ['tags', '联络员, 招商员 ,'],
      ['tags', '一二三四五六七八九十一二三'],
      ['education', '2,31'],
      ['joinYearTo', '2100'],
      ['ageFrom', '0'],
      ['ageFrom', '+3'],
      ['sort', 'birthDate'],
      ['order', 'ASC'],
    ];
    for (const [key, raw] of cases) {
      const server = serverReads(key, raw);
      const page: unknown = parse(`${key}=${encodeURIComponent(raw)}`)[key as keyof MemberFilters];
      const fallback = { sort: 'createdAt', order: 'desc' }[key as string];
      const expected = server === 'rejected' ? (fallback ?? (Array.isArray(page) ? [] : undefined)) : server;
      expect({ key, raw, page }).toEqual({ key, raw, page: expected });
    }
  });

  it('knows every sort of the shared contract', () => {
    for (const sort of MEMBER_SORTS) expect(parse(`sort=${sort}`).sort).toBe(sort);
  });

  it('重置 clears every panel filter, keeps the search and the sort', () => {
    const filters = parse(
      'q=zsf&orgId=12&status=lost&memberType=full&joinYearTo=2005&ageFrom=60&sort=name&order=asc',
    );
    const reset = { ...filters, ...EMPTY_PANEL };
    expect(activeFilterCount(reset)).toBe(0);
    expect(filtersToQuery(reset)).toEqual({ q: 'zsf', sort: 'name', order: 'asc' });
  });
});
