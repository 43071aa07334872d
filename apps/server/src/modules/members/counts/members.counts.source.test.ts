import type { Role, ScopeKind } from '@ningxin/shared';
import { PgDialect } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import type { Actor, Assignment } from '../../../policy/policy';
import type { GroupFilter } from '../record/members.scope';
import { countSource, GROUP_ROLLUP, ORG_ROLLUP } from './members.counts.source';

let nextId = 1;
const holding = (...scopes: [Role, ScopeKind, string?][]): Actor => ({
  userId: 1,
  username: 'u',
  displayName: 'u',
  sessionId: 1,
  ip: null,
  memberId: null,
  assignments: scopes.map(
    ([role, scopeKind, at]): Assignment => ({
      id: nextId++,
      role,
      scopeKind,
      orgId: scopeKind === 'org' ? 5 : null,
      orgPath: scopeKind === 'org' ? (at ?? '1.5') : null,
      division: scopeKind === 'home' || scopeKind === 'host' ? (at ?? null) : null,
      memberId: scopeKind === 'self' ? 7 : null,
    }),
  ),
});

const office = holding(['committee_admin', 'all']);
const secretary = holding(['secretary', 'org', '1.5']);
const kangbao = holding(['home_viewer', 'home', '130723']);
const xicheng = holding(['host_viewer', 'host', '110102']);
const noFilter: GroupFilter = { orgPath: null, homeCounty: [], hostDistrict: [], status: [] };

const dialect = new PgDialect();
const sqlOf = (s: ReturnType<typeof countSource>) => (s.where ? dialect.sqlToQuery(s.where).sql : '');

describe('countSource', () => {
  it('reads (org, status) pairs for the office and a secretary, with status and org filters', () => {
    expect(countSource(office, noFilter).rollup).toBe(ORG_ROLLUP);
    expect(countSource(office, noFilter).where).toBeUndefined();
    const narrowed = countSource(secretary, { ...noFilter, orgPath: '1.5.23', status: ['active'] });
    expect(narrowed.rollup).toBe(ORG_ROLLUP);
    expect(sqlOf(narrowed)).toContain('"member_org_counts"."org_id" = any(');
    expect(sqlOf(narrowed)).toContain('"member_org_counts"."status" in');
    expect(sqlOf(narrowed)).not.toContain('member_counts');
  });

  it('reads groups when the scope, a filter or the count names a county or district', () => {
    for (const [actor, filter, byHomeCounty] of [
      [kangbao, noFilter, false],
      [xicheng, noFilter, false],
      [holding(['secretary', 'org', '1.5'], ['home_viewer', 'home', '130723']), noFilter, false],
      [office, { ...noFilter, homeCounty: ['130723'] }, false],
      [secretary, { ...noFilter, hostDistrict: ['110102'] }, false],
      [office, noFilter, true],
    ] as const) {
      const source = countSource(actor, filter, byHomeCounty);
      expect(source.rollup).toBe(GROUP_ROLLUP);
      expect(sqlOf(source)).not.toContain('member_org_counts');
    }
    expect(sqlOf(countSource(kangbao, noFilter))).toContain('"member_counts"."home_county" in');
  });

  it('a scope over everything makes a county scope beside it no limit', () => {
    const both = holding(['committee_admin', 'all'], ['home_viewer', 'home', '130723']);
    expect(countSource(both, noFilter)).toEqual({ rollup: ORG_ROLLUP, where: undefined });
  });

  it('refuses an account whose only read is its own record, or no read at all', () => {
    const forbidden = expect.objectContaining({ status: 403, code: 'FORBIDDEN' });
    const selfOnly = holding(['secretary', 'self']);
    expect(() => countSource(selfOnly, noFilter)).toThrow(forbidden);
    expect(() => countSource(holding(['member', 'self']), noFilter)).toThrow(forbidden);
    expect(() => countSource(holding(['audit_admin', 'all']), noFilter)).toThrow(forbidden);
  });
});
