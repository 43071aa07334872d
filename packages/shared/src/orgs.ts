import { z } from 'zod';
import { IsoDate } from './common/dates';
import { DivisionCode, IdParams, PathId, RecordId, Version } from './common/ids';
import { Text } from './common/text';

/** Kinds of org in the committee tree. */
export const ORG_KINDS = [
  'committee', // 流动党委
  'sub_committee', // 二级流动党委
  'branch', // 流动党支部
  'group', // 党小组
] as const;
export const OrgKind = z.enum(ORG_KINDS);
export type OrgKind = z.infer<typeof OrgKind>;

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
export const PositionTitle = z.enum(POSITION_TITLES);
export type PositionTitle = z.infer<typeof PositionTitle>;

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

const OrgName = Text('名称', { min: 2, max: 60 });
const HolderName = Text('任职人姓名', { min: 1, max: 40 });
const TermDate = (label: string) => IsoDate(label, { min: '1921-07-01' });

export const OrgIdParams = IdParams;
export const PositionIdParams = z.object({ id: PathId(), positionId: PathId() });

export const OrgTreeQuery = z.object({
  includeClosed: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

export const OrgCreateBody = z.object({
  parentId: RecordId('上级组织'),
  name: OrgName,
  kind: OrgKind,
  hostDistrict: DivisionCode.nullable().optional(),
});
export type OrgCreateBody = z.infer<typeof OrgCreateBody>;

export const OrgUpdateBody = z.object({
  name: OrgName.optional(),
  hostDistrict: DivisionCode.nullable().optional(),
  version: Version,
});
export type OrgUpdateBody = z.infer<typeof OrgUpdateBody>;

export const OrgMoveBody = z.object({ parentId: RecordId('上级组织'), version: Version });
export type OrgMoveBody = z.infer<typeof OrgMoveBody>;

export const OrgCloseBody = z.object({
  reason: Text('撤销原因', { min: 2, max: 200, minMessage: '请填写撤销原因' }),
  version: Version,
});
export type OrgCloseBody = z.infer<typeof OrgCloseBody>;

export const PositionCreateBody = z
  .object({
    title: PositionTitle,
    holderName: HolderName,
    termStart: TermDate('任期开始日期'),
    termEnd: TermDate('任期结束日期').nullable().optional(),
  })
  .refine((p) => !p.termEnd || p.termEnd >= p.termStart, {
    message: '任期结束日期不能早于开始日期',
    path: ['termEnd'],
  });
export type PositionCreateBody = z.infer<typeof PositionCreateBody>;

export const PositionUpdateBody = z
  .object({
    title: PositionTitle.optional(),
    holderName: HolderName.optional(),
    termStart: TermDate('任期开始日期').optional(),
    termEnd: TermDate('任期结束日期').nullable().optional(),
    version: Version,
  })
  .refine((p) => !p.termEnd || !p.termStart || p.termEnd >= p.termStart, {
    message: '任期结束日期不能早于开始日期',
    path: ['termEnd'],
  });
export type PositionUpdateBody = z.infer<typeof PositionUpdateBody>;

export const PositionResponse = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  title: PositionTitle,
  titleLabel: z.string(),
  holderName: z.string(),
  termStart: z.string(),
  termEnd: z.string().nullable(),
  version: z.number().int(),
});
export type PositionResponse = z.infer<typeof PositionResponse>;

/** What the actor may do with an org, so the UI hides what is not allowed. */
export const OrgPolicies = z.object({
  update: z.boolean(),
  createChild: z.boolean(),
  move: z.boolean(),
  close: z.boolean(),
});

export const OrgResponse = z
  .object({
    id: z.number().int(),
    parentId: z.number().int().nullable(),
    name: z.string(),
    kind: OrgKind,
    kindLabel: z.string(),
    hostDistrict: z.string().nullable(),
    hostDistrictName: z.string().nullable(),
    status: z.enum(['active', 'closed']),
    closedAt: z.string().nullable(),
    closedReason: z.string().nullable(),
    /** From the root down to the parent, for breadcrumbs. */
    ancestors: z.array(z.object({ id: z.number().int(), name: z.string() })),
    childCount: z.number().int(),
    positions: z.array(PositionResponse),
    /** Rules of DOMAIN.md that this org does not meet: shown, not enforced. */
    warnings: z.array(z.string()),
    policies: OrgPolicies,
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Org' });
export type OrgResponse = z.infer<typeof OrgResponse>;

export interface OrgTreeNode {
  id: number;
  name: string;
  kind: OrgKind;
  closed: boolean;
  children: OrgTreeNode[];
}
export const OrgTreeNode: z.ZodType<OrgTreeNode> = z
  .object({
    id: z.number().int(),
    name: z.string(),
    kind: OrgKind,
    closed: z.boolean(),
    get children() {
      return z.array(OrgTreeNode);
    },
  })
  .meta({ id: 'OrgTreeNode' });

export const OrgTreeResponse = z.object({ roots: z.array(OrgTreeNode), total: z.number().int() });
export type OrgTreeResponse = z.infer<typeof OrgTreeResponse>;
