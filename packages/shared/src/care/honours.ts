import { z } from 'zod';
import { PastDate } from '../common/dates';
import { IdParams, QueryId, RecordId, Version } from '../common/ids';
import { PageCursor, PageLimit, pageOf } from '../common/page';
import { OptionalText, Text } from '../common/text';
import { HonourKind, HonourLevel } from './enums';
import { CareNamed, CarePolicies, CareYearQuery } from './fields';

/** Contracts of honours (表彰). */

const HonourFields = {
  kind: HonourKind,
  level: HonourLevel,
  title: Text('荣誉名称', { min: 1, max: 100 }),
  issuer: Text('授予单位', { min: 1, max: 100 }),
  awardedOn: PastDate('授予日期', '1949-10-01'),
  /** An individual honour: the member. */
  memberId: RecordId('获表彰党员').nullable().optional(),
  /** A collective honour of an org of the tree. */
  recipientOrgId: RecordId('获表彰组织').nullable().optional(),
  /** A collective honour of a group named as written (a volunteer team); orgId keeps it. */
  recipientName: OptionalText('获表彰集体', 100),
  /** The org that keeps a named group's honour (for a member or an org it follows from them). */
  orgId: RecordId('所属组织').nullable().optional(),
  note: OptionalText('备注', 2000, { multiline: true }),
};

export const HonourCreateBody = z.object(HonourFields);
export type HonourCreateBody = z.infer<typeof HonourCreateBody>;
export type HonourCreateInput = z.input<typeof HonourCreateBody>;

export const HonourUpdateBody = z.object({ ...HonourFields, version: Version });
export type HonourUpdateBody = z.infer<typeof HonourUpdateBody>;

export const HonourIdParams = IdParams;

export const HonourListQuery = z.object({
  level: HonourLevel.optional(),
  kind: HonourKind.optional(),
  year: CareYearQuery.optional(),
  orgId: QueryId('党组织').optional(),
  memberId: QueryId('党员').optional(),
  limit: PageLimit(200, 20),
  cursor: PageCursor.optional(),
});
export type HonourListQuery = z.infer<typeof HonourListQuery>;

export const HonourExportQuery = HonourListQuery.omit({ limit: true, cursor: true });
export type HonourExportQuery = z.infer<typeof HonourExportQuery>;

export const HonourResponse = z
  .object({
    id: z.number().int(),
    kind: HonourKind,
    kindLabel: z.string(),
    level: HonourLevel,
    levelLabel: z.string(),
    title: z.string(),
    issuer: z.string(),
    awardedOn: z.string(),
    /** Who received it: the member's, the org's or the group's name. */
    recipient: z.string(),
    member: CareNamed.nullable(),
    recipientOrg: CareNamed.nullable(),
    org: CareNamed,
    note: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    policies: CarePolicies,
  })
  .meta({ id: 'Honour' });
export type HonourResponse = z.infer<typeof HonourResponse>;

export const HonourListResponse = pageOf(HonourResponse, z.string()).extend({
  totals: z.object({ count: z.number().int() }),
});
export type HonourListResponse = z.infer<typeof HonourListResponse>;

export const HonourWallQuery = z.object({ year: CareYearQuery.optional() });
export type HonourWallQuery = z.infer<typeof HonourWallQuery>;

/** The honour wall (荣誉墙): collective honours first, each part by level (national first), newest first. */
export const HonourWallResponse = z.object({
  collective: z.array(HonourResponse),
  individual: z.array(HonourResponse),
});
export type HonourWallResponse = z.infer<typeof HonourWallResponse>;
