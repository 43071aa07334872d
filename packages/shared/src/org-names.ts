/**
 * Kinds of org and positions (职务), with their Chinese names, and the tree's rules of thumb, without
 * zod (the schemas in ./orgs.ts build on these lists).
 */

type OrgKind = (typeof ORG_KINDS)[number];
type PositionTitle = (typeof POSITION_TITLES)[number];

/** Kinds of org in the committee tree. */
export const ORG_KINDS = [
  'committee', // 流动党委
  'sub_committee', // 二级流动党委
  'branch', // 流动党支部
  'group', // 党小组
] as const;

export const ORG_KIND_LABELS: Record<OrgKind, string> = {
  committee: '流动党委',
  sub_committee: '二级流动党委',
  branch: '流动党支部',
  group: '党小组',
};

/** The kinds an org of each kind may hold directly. */
export const ORG_CHILD_KINDS: Record<OrgKind, readonly OrgKind[]> = {
  committee: ['sub_committee', 'branch'],
  sub_committee: ['branch'],
  branch: ['group'],
  group: [],
};

/** A branch normally has at most 50 members (a warning, not a block). */
export const BRANCH_MEMBER_SOFT_LIMIT = 50;

/** Term of an org's committee in years (5 for village and community branches). */
export const DEFAULT_TERM_YEARS = 3;

/** Positions in an org (职务). */
export const POSITION_TITLES = [
  'secretary', // 书记
  'deputy_secretary', // 副书记
  'organization', // 组织委员
  'publicity', // 宣传委员
  'discipline', // 纪检委员
  'safety', // 安全委员
  'committee_member', // 委员
  'group_leader', // 党小组组长
] as const;

export const POSITION_TITLE_LABELS: Record<PositionTitle, string> = {
  secretary: '书记',
  deputy_secretary: '副书记',
  organization: '组织委员',
  publicity: '宣传委员',
  discipline: '纪检委员',
  safety: '安全委员',
  committee_member: '委员',
  group_leader: '党小组组长',
};
