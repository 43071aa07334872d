import { divisionName, MEMBER_STATUS_LABELS, type MemberStatus } from '@ningxin/shared';
import type { Db } from '../../../db/client';
import type { OrgsService } from '../../orgs/orgs.service';
import { type RollupMismatch, rollupsRepository } from './members.rollups.repository';

const ROLLUP_NAMES: Record<RollupMismatch['rollup'], string> = {
  member_counts: 'member_counts（按组织、流出地、流入地、状态）',
  member_org_counts: 'member_org_counts（按组织、状态）',
  member_facet_counts: 'member_facet_counts（按组织、流出地、流入地、状态、分项）',
  member_facet_totals: 'member_facet_totals（按流出地、状态、分项）',
  member_facet_org_totals: 'member_facet_org_totals（按组织、状态、分项）',
};

/** The facets of member_facet_counts in words (migration 0022). */
const FACET_NAMES: Record<string, string> = {
  birth_year: '出生年份',
  joined_year: '入党年份',
  education: '学历',
  member_type: '党员类别',
  source: '来源',
  gender: '性别',
  tag: '标签',
};

const division = (code: string) => `${divisionName(code) ?? '未知区划'} ${code}`;

/** The group in words: its org, county, district and status; counts and names only, no person. */
function describe(m: RollupMismatch, orgName: string | undefined): string {
  const parts = m.orgId === null ? [] : [`组织「${orgName ?? '已不存在'}」（编号 ${m.orgId}）`];
  if (m.homeCounty !== null) parts.push(`流出地 ${division(m.homeCounty)}`);
  if (m.hostDistrict !== null)
    parts.push(m.hostDistrict ? `流入地 ${division(m.hostDistrict)}` : '流入地 未填');
  parts.push(`状态「${MEMBER_STATUS_LABELS[m.status as MemberStatus] ?? m.status}」`);
  if (m.facet !== null) parts.push(`${FACET_NAMES[m.facet] ?? m.facet}「${m.value || '未填'}」`);
  return `${ROLLUP_NAMES[m.rollup]}中${parts.join('、')}：汇总 ${m.stored ?? 0} 人，实有 ${m.members ?? 0} 人`;
}

/**
 * The nightly check (members.rollup_check) that the member rollups, kept by triggers, equal the
 * members they count. Returns how many groups it compared; a difference fails the run with a
 * message naming the first differing group.
 */
export function createRollupCheck({ db, orgs }: { db: Db; orgs: OrgsService }) {
  return async function checkRollups(): Promise<number> {
    const { groups, mismatches, first } = await rollupsRepository.compareWithMembers(db);
    if (!first) return groups;
    const org = first.orgId === null ? undefined : await orgs.lookup(db, first.orgId);
    throw new Error(
      `党员统计汇总与党员记录不一致，共 ${mismatches} 处；首处为 ${describe(first, org?.name)}。` +
        '统计数字可能有误，请按部署文档（docs/deployment.md）核对并重建汇总表。',
    );
  };
}
