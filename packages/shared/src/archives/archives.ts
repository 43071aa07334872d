import { z } from 'zod';
import { IdParams, QueryBool, QueryId, QueryInt, RecordId, Version } from '../common/ids';
import { PageCursor, PageLimit, pageOf } from '../common/page';
import { OptionalText, Text } from '../common/text';

/** Contracts of the archive room (档案室): items, their places, the registry's export. */

export const ARCHIVE_CATEGORIES = ['member', 'org', 'meeting', 'dues', 'honour', 'photo', 'other'] as const;
export const ArchiveCategory = z.enum(ARCHIVE_CATEGORIES, {
  error: '档案类别应为党员档案、组织文书、会议记录、党费账册、荣誉资料、照片音像或其他',
});
export type ArchiveCategory = z.infer<typeof ArchiveCategory>;
export const ARCHIVE_CATEGORY_LABELS: Record<ArchiveCategory, string> = {
  member: '党员档案',
  org: '组织文书',
  meeting: '会议记录',
  dues: '党费账册',
  honour: '荣誉资料',
  photo: '照片音像',
  other: '其他',
};

export const ARCHIVE_RETENTIONS = ['permanent', 'long', 'short'] as const;
export const ArchiveRetention = z.enum(ARCHIVE_RETENTIONS, { error: '保管期限应为永久、长期或短期' });
export type ArchiveRetention = z.infer<typeof ArchiveRetention>;
export const ARCHIVE_RETENTION_LABELS: Record<ArchiveRetention, string> = {
  permanent: '永久',
  long: '长期（30 年）',
  short: '短期（10 年）',
};

export const ARCHIVE_MIN_YEAR = 1949;
export const ARCHIVE_MAX_YEAR = 2199;

const Named = z.object({ id: z.number().int(), name: z.string() });

/** Where an item lies: room 室, cabinet 柜, shelf 层, box 盒. */
export const ArchivePlace = z.object({
  room: Text('档案室', { min: 1, max: 30 }),
  cabinet: Text('柜', { min: 1, max: 20 }),
  shelf: Text('层', { min: 1, max: 20 }),
  box: Text('盒', { min: 1, max: 20 }),
});
export type ArchivePlace = z.infer<typeof ArchivePlace>;

const ArchiveFields = {
  /** The archive number (档号), unique in the room. */
  code: Text('档号', { min: 1, max: 40 }),
  title: Text('题名', { min: 1, max: 200 }),
  category: ArchiveCategory,
  orgId: RecordId('所属组织'),
  /** The member the item is about (a member's file), in the user's scope. */
  memberId: RecordId('党员').nullable().optional(),
  year: z
    .number({ error: '年度应为整数' })
    .int('年度应为整数')
    .min(ARCHIVE_MIN_YEAR, `年度不能早于 ${ARCHIVE_MIN_YEAR}`)
    .max(ARCHIVE_MAX_YEAR, `年度不能晚于 ${ARCHIVE_MAX_YEAR}`),
  retention: ArchiveRetention,
  ...ArchivePlace.shape,
  pages: z
    .number({ error: '页数应为整数' })
    .int('页数应为整数')
    .min(1, '页数至少为 1')
    .max(100_000, '页数不能超过 100000')
    .nullable()
    .optional(),
  note: OptionalText('备注', 2000, { multiline: true }),
};

export const ArchiveItemCreateBody = z.object(ArchiveFields);
export type ArchiveItemCreateBody = z.infer<typeof ArchiveItemCreateBody>;
export type ArchiveItemCreateInput = z.input<typeof ArchiveItemCreateBody>;

/** A change replaces the item's content (the editor sends it whole). */
export const ArchiveItemUpdateBody = z.object({ ...ArchiveFields, version: Version });
export type ArchiveItemUpdateBody = z.infer<typeof ArchiveItemUpdateBody>;

export const ArchiveIdParams = IdParams;

export const ArchiveListQuery = z.object({
  category: ArchiveCategory.optional(),
  year: QueryInt('年度', ARCHIVE_MIN_YEAR, ARCHIVE_MAX_YEAR).optional(),
  orgId: QueryId('所属组织').optional(),
  room: Text('档案室', { max: 30 }).optional(),
  cabinet: Text('柜', { max: 20 }).optional(),
  shelf: Text('层', { max: 20 }).optional(),
  box: Text('盒', { max: 20 }).optional(),
  /** Only items lent out now. */
  onLoan: QueryBool('只看借出', false),
  /** Only items whose loan is past its due day. */
  overdue: QueryBool('只看逾期', false),
  /** Words of the title or the archive number. */
  q: Text('关键词', { max: 40 }).optional(),
  limit: PageLimit(200, 20),
  cursor: PageCursor.optional(),
});
export type ArchiveListQuery = z.infer<typeof ArchiveListQuery>;
export type ArchiveListInput = z.input<typeof ArchiveListQuery>;

export const ArchiveExportQuery = ArchiveListQuery.omit({ limit: true, cursor: true });
export type ArchiveExportQuery = z.infer<typeof ArchiveExportQuery>;

/** The item's open loan, in short. */
export const ArchiveOpenLoan = z.object({
  id: z.number().int(),
  borrowerName: z.string(),
  borrowerUnit: z.string().nullable(),
  lentOn: z.string(),
  dueOn: z.string(),
  overdue: z.boolean(),
});

export const ArchiveItemResponse = z
  .object({
    id: z.number().int(),
    code: z.string(),
    title: z.string(),
    category: ArchiveCategory,
    categoryLabel: z.string(),
    org: Named,
    member: Named.nullable(),
    year: z.number().int(),
    retention: ArchiveRetention,
    retentionLabel: z.string(),
    room: z.string(),
    cabinet: z.string(),
    shelf: z.string(),
    box: z.string(),
    pages: z.number().int().nullable(),
    note: z.string().nullable(),
    /** The loan out now; null when the item is in the room. */
    loan: ArchiveOpenLoan.nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    policies: z.object({ edit: z.boolean(), delete: z.boolean(), lend: z.boolean() }),
  })
  .meta({ id: 'ArchiveItem' });
export type ArchiveItemResponse = z.infer<typeof ArchiveItemResponse>;

export const ArchiveListResponse = pageOf(ArchiveItemResponse, z.string()).extend({
  totals: z.object({ count: z.number().int(), onLoan: z.number().int(), overdue: z.number().int() }),
});
export type ArchiveListResponse = z.infer<typeof ArchiveListResponse>;

/** `GET /archives/places`: rooms → cabinets → shelves → boxes, with item and on-loan counts. */
const Counts = { name: z.string(), items: z.number().int(), onLoan: z.number().int() };
const BoxNode = z.object(Counts);
const ShelfNode = z.object({ ...Counts, boxes: z.array(BoxNode) });
const CabinetNode = z.object({ ...Counts, shelves: z.array(ShelfNode) });
const RoomNode = z.object({ ...Counts, cabinets: z.array(CabinetNode) });
export const ArchivePlacesResponse = z.object({ rooms: z.array(RoomNode) }).meta({ id: 'ArchivePlaces' });
export type ArchivePlacesResponse = z.infer<typeof ArchivePlacesResponse>;
