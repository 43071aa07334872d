import { z } from 'zod';
import { IsoDate } from './common/dates';
import { DivisionCode, IdParams, PathId, RecordId, Version } from './common/ids';
import { Text } from './common/text';
import { ORG_KINDS, POSITION_TITLES } from './org-names';

export const OrgKind = z.enum(ORG_KINDS);
export type OrgKind = z.infer<typeof OrgKind>;

export const PositionTitle = z.enum(POSITION_TITLES);
export type PositionTitle = z.infer<typeof PositionTitle>;

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
