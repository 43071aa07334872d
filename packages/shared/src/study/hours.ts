import { z } from 'zod';
import { QueryId, QueryInt } from '../common/ids';
import { PageCursor, PageLimit, pageOf } from '../common/page';

/**
 * Contracts of the study hours ledger (学时): a member's hours of a year by source, the hours of an
 * org subtree's members by org, and the threshold board (members below the yearly requirement).
 */

/** Where study hours come from, as the ledger's source tells. */
export const STUDY_SOURCES = ['course', 'training', 'lecture', 'offline', 'other'] as const;
export const StudySource = z.enum(STUDY_SOURCES);
export type StudySource = z.infer<typeof StudySource>;

export const STUDY_SOURCE_LABELS: Record<StudySource, string> = {
  course: '网上课程',
  training: '培训班',
  lecture: '党课',
  offline: '线下学习',
  other: '其他',
};

export const StudyYear = QueryInt('年度', 2000, 2100);

export const StudyHoursQuery = z.object({
  /** Default: this year. */
  year: StudyYear.optional(),
});
export type StudyHoursQuery = z.infer<typeof StudyHoursQuery>;

export const StudyOrgQuery = z.object({
  year: StudyYear.optional(),
  /** A subtree (an org in scope); default: the whole scope. */
  orgId: QueryId('组织').optional(),
});
export type StudyOrgQuery = z.infer<typeof StudyOrgQuery>;

/** The yearly requirement (setting learning.studyHours). */
export const StudyThresholds = z.object({ memberHours: z.number(), cadreHours: z.number() });
export type StudyThresholds = z.infer<typeof StudyThresholds>;

export const StudySourceHours = z.object({ source: StudySource, label: z.string(), hours: z.number() });
export type StudySourceHours = z.infer<typeof StudySourceHours>;

export const StudyEntry = z.object({
  occurredOn: z.string(),
  source: StudySource,
  sourceLabel: z.string(),
  title: z.string(),
  hours: z.number(),
});
export type StudyEntry = z.infer<typeof StudyEntry>;

/** One member's year: hours by source, the requirement that applies and the gap to it. */
export const MemberStudyHoursResponse = z
  .object({
    year: z.number().int(),
    member: z.object({
      id: z.number().int(),
      name: z.string(),
      orgId: z.number().int(),
      orgName: z.string(),
    }),
    /** Holds an org position (书记、委员…) this year: the cadre requirement applies. */
    cadre: z.boolean(),
    required: z.number(),
    hours: z.number(),
    /** Hours still missing (0 when met). */
    gap: z.number(),
    bySource: z.array(StudySourceHours),
    /** The year's entries, newest first (at most 200). */
    entries: z.array(StudyEntry),
  })
  .meta({ id: 'MemberStudyHours' });
export type MemberStudyHoursResponse = z.infer<typeof MemberStudyHoursResponse>;

const OrgHours = z.object({
  members: z.number().int(),
  /** Members holding an org position (the cadre requirement). */
  cadres: z.number().int(),
  hours: z.number(),
  averageHours: z.number(),
  /** Members below their requirement. */
  below: z.number().int(),
  bySource: z.array(StudySourceHours),
});

export const OrgStudyHoursItem = OrgHours.extend({
  orgId: z.number().int(),
  name: z.string(),
  committeeName: z.string().nullable(),
});
export type OrgStudyHoursItem = z.infer<typeof OrgStudyHoursItem>;

/** The hours of the members on the rolls in a subtree, by the org they are placed in. */
export const OrgStudyHoursResponse = z
  .object({
    year: z.number().int(),
    thresholds: StudyThresholds,
    total: OrgHours,
    items: z.array(OrgStudyHoursItem),
  })
  .meta({ id: 'OrgStudyHours' });
export type OrgStudyHoursResponse = z.infer<typeof OrgStudyHoursResponse>;

export const STUDY_BOARD_SORTS = ['gap', 'hours', 'name'] as const;

export const StudyBoardQuery = z.object({
  year: StudyYear.optional(),
  orgId: QueryId('组织').optional(),
  /** gap: the largest gap first (default); hours: the fewest hours first; name: by name. */
  sort: z.enum(STUDY_BOARD_SORTS, { error: '排序方式应为 gap、hours 或 name' }).default('gap'),
  order: z.enum(['asc', 'desc'], { error: '排序方向应为 asc 或 desc' }).optional(),
  limit: PageLimit(200, 50),
  cursor: PageCursor.optional(),
});
export type StudyBoardQuery = z.infer<typeof StudyBoardQuery>;
export type StudyBoardSort = StudyBoardQuery['sort'];

export const StudyBoardItem = z.object({
  memberId: z.number().int(),
  name: z.string(),
  orgId: z.number().int(),
  orgName: z.string(),
  committeeName: z.string().nullable(),
  cadre: z.boolean(),
  required: z.number(),
  hours: z.number(),
  gap: z.number(),
});
export type StudyBoardItem = z.infer<typeof StudyBoardItem>;

/** Members below their yearly requirement, with the gap; keyset-paged in the chosen order. */
export const StudyBoardResponse = pageOf(StudyBoardItem, z.string())
  .extend({
    year: z.number().int(),
    thresholds: StudyThresholds,
    /** How many are below in all (every page). */
    total: z.number().int(),
    policies: z.object({ record: z.boolean(), export: z.boolean() }),
  })
  .meta({ id: 'StudyBoard' });
export type StudyBoardResponse = z.infer<typeof StudyBoardResponse>;

export const StudyBoardExportQuery = StudyOrgQuery;
