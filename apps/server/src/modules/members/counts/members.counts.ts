import {
  divisionName,
  MEMBER_STATUS_LABELS,
  type MemberCountItem,
  type MemberCountsQuery,
  type MemberCountsResponse,
  type MemberStatus,
} from '@ningxin/shared';
import { and, gte } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { members } from '../../../db/schema';
import type { Actor } from '../../../policy/policy';
import type { OrgsService } from '../../orgs/orgs.service';
import { membersListRepository } from '../record/members.list.repository';
import { memberScopeCondition } from '../record/members.scope';
import { type CountRow, memberCountsRepository } from './members.counts.repository';
import { countSource } from './members.counts.source';

export interface MemberCountsDeps {
  db: Db;
  orgs: OrgsService;
}

const byCountThenKey = (a: MemberCountItem, b: MemberCountItem) =>
  b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

const named = (rows: CountRow[], name: (key: string) => string): MemberCountItem[] =>
  rows.map((r) => ({ key: r.key, name: name(r.key), count: r.count }));

/**
 * Member counts for dashboards, read from a rollup (`countSource` picks which): by home county,
 * by second-level committee or by status, within the actor's read scope (the list's rules).
 */
export function createMemberCounts({ db, orgs }: MemberCountsDeps) {
  return {
    async counts(actor: Actor, q: MemberCountsQuery): Promise<MemberCountsResponse> {
      const orgPath = q.orgId ? ((await orgs.lookup(db, q.orgId))?.path ?? '-') : null;
      const source = countSource(actor, { ...q, orgPath }, q.by === 'homeCounty');
      let items: MemberCountItem[];
      switch (q.by) {
        case 'homeCounty':
          items = named(await memberCountsRepository.byHomeCounty(db, source), (k) => divisionName(k) ?? k);
          break;
        case 'status':
          items = named(
            await memberCountsRepository.byStatus(db, source),
            (k) => MEMBER_STATUS_LABELS[k as MemberStatus] ?? k,
          );
          break;
        case 'committee':
          items = await memberCountsRepository.byCommittee(db, source);
          break;
      }
      items.sort(byCountThenKey);
      return { by: q.by, items, total: items.reduce((sum, i) => sum + i.count, 0) };
    },

    /** Counts by host district (Beijing district) in the actor's read scope, for the given statuses; members without one left out. */
    async byHostDistrict(actor: Actor, status: readonly MemberStatus[]): Promise<MemberCountItem[]> {
      const source = countSource(actor, { orgPath: null, homeCounty: [], hostDistrict: [], status }, true);
      const rows = await memberCountsRepository.byHostDistrict(db, source);
      const items = named(
        rows.filter((r) => r.key !== ''),
        (k) => divisionName(k) ?? k,
      );
      return items.sort(byCountThenKey);
    },

    /** How many member records in the actor's read scope were created since the instant. */
    createdSince(actor: Actor, since: Date): Promise<number> {
      return membersListRepository.count(
        db,
        and(memberScopeCondition(actor, 'member.read'), gte(members.createdAt, since)),
      );
    },
  };
}

export type MemberCounts = ReturnType<typeof createMemberCounts>;
