import { z } from 'zod';
import { IdParams, QueryId, QueryInt } from '../common/ids';
import { PageCursor, PageLimit, pageOf } from '../common/page';
import { PointsRules } from '../settings/rules';

/** Contracts of the yearly points (积分): the rules, the runs (积分核算), the ranking, a member's own. */

/** The years a run may be made for. */
export const POINTS_MIN_YEAR = 2000;
export const POINTS_MAX_YEAR = 2199;

const Named = z.object({ id: z.number().int(), name: z.string() });

/** Points as a decimal text with two places ("87.50"): never a float. */
export const PointsValue = z.string().meta({ description: '积分（两位小数的十进制文字）' });

/** `GET /points/rules`: the rules in force and their version. */
export const PointsRulesResponse = z
  .object({
    version: z.number().int(),
    rules: PointsRules,
    /** The year's full score (base + tasks cap + bonus cap). */
    yearTotal: z.number().int(),
    /** Whether the user may run a computation (points.manage). */
    canRun: z.boolean(),
  })
  .meta({ id: 'PointsRules' });
export type PointsRulesResponse = z.infer<typeof PointsRulesResponse>;

/** `POST /points/runs`: a year's computation by the rules in force, or by a version used before. */
export const PointsRunBody = z.object({
  year: z
    .number({ error: '年份应为整数' })
    .int('年份应为整数')
    .min(POINTS_MIN_YEAR, `年份不能早于 ${POINTS_MIN_YEAR}`)
    .max(POINTS_MAX_YEAR, `年份不能晚于 ${POINTS_MAX_YEAR}`),
  /** A rules version recorded by an earlier run; absent for the rules in force. */
  ruleVersion: z
    .number({ error: '规则版本应为整数' })
    .int('规则版本应为整数')
    .min(0, '规则版本不能小于 0')
    .max(2_147_483_647, '规则版本无效')
    .optional(),
});
export type PointsRunBody = z.infer<typeof PointsRunBody>;

export const PointsRunResponse = z
  .object({
    id: z.number().int(),
    year: z.number().int(),
    ruleVersion: z.number().int(),
    /** The rules the run used, as recorded. */
    rules: PointsRules,
    memberCount: z.number().int(),
    computedAt: z.string(),
    /** The account that ran it; null for the nightly job and the demo load. */
    computedBy: Named.nullable(),
  })
  .meta({ id: 'PointsRun' });
export type PointsRunResponse = z.infer<typeof PointsRunResponse>;

export const PointsRunListQuery = z.object({
  year: QueryInt('年份', POINTS_MIN_YEAR, POINTS_MAX_YEAR).optional(),
  limit: PageLimit(100, 20),
  /** The id of the last run of the previous page (newest first). */
  cursor: QueryId('分页位置').optional(),
});
export type PointsRunListQuery = z.infer<typeof PointsRunListQuery>;

export const PointsRunListResponse = pageOf(PointsRunResponse, z.number().int());
export type PointsRunListResponse = z.infer<typeof PointsRunListResponse>;

export const PointsRunIdParams = IdParams;

/** `GET /points/runs/:id/verify`: the run worked out again by its own rules version over the ledger now. */
export const PointsVerifyResponse = z.object({
  runId: z.number().int(),
  ruleVersion: z.number().int(),
  /** Members compared (the union of the stored and the recomputed). */
  members: z.number().int(),
  matches: z.boolean(),
  mismatches: z.number().int(),
  /** The first differing members (up to 20). */
  examples: z.array(
    z.object({
      memberId: z.number().int(),
      stored: PointsValue.nullable(),
      recomputed: PointsValue.nullable(),
    }),
  ),
});
export type PointsVerifyResponse = z.infer<typeof PointsVerifyResponse>;

/** `GET /points/ranking`: the latest run of the year, the members in scope (of an org's subtree). */
export const PointsRankingQuery = z.object({
  year: QueryInt('年份', POINTS_MIN_YEAR, POINTS_MAX_YEAR),
  orgId: QueryId('组织').optional(),
  limit: PageLimit(200, 50),
  cursor: PageCursor.optional(),
});
export type PointsRankingQuery = z.infer<typeof PointsRankingQuery>;

export const PointsExportQuery = PointsRankingQuery.omit({ limit: true, cursor: true });
export type PointsExportQuery = z.infer<typeof PointsExportQuery>;

export const PointsRankingItem = z.object({
  /** 1 for the highest total; ties broken by name. */
  rank: z.number().int(),
  member: Named,
  org: Named,
  base: PointsValue,
  tasks: PointsValue,
  bonus: PointsValue,
  total: PointsValue,
});
export type PointsRankingItem = z.infer<typeof PointsRankingItem>;

export const PointsRankingResponse = pageOf(PointsRankingItem, z.string())
  .extend({
    /** The run the ranking reads; null when the year has none. */
    run: PointsRunResponse.nullable(),
  })
  .meta({ id: 'PointsRanking' });
export type PointsRankingResponse = z.infer<typeof PointsRankingResponse>;

/** `GET /points/ranking/orgs`: each second-level committee's average over its members in scope. */
export const PointsOrgRankingQuery = z.object({
  year: QueryInt('年份', POINTS_MIN_YEAR, POINTS_MAX_YEAR),
});
export type PointsOrgRankingQuery = z.infer<typeof PointsOrgRankingQuery>;

export const PointsOrgRankingResponse = z.object({
  run: PointsRunResponse.nullable(),
  items: z.array(
    z.object({
      rank: z.number().int(),
      org: Named,
      members: z.number().int(),
      average: PointsValue,
    }),
  ),
});
export type PointsOrgRankingResponse = z.infer<typeof PointsOrgRankingResponse>;

/** What each figure of the member's year gave, by the rules in force. */
export const POINTS_FIGURES = [
  'meetings',
  'studyHours',
  'volunteerHours',
  'contributions',
  'honours',
] as const;
export type PointsFigure = (typeof POINTS_FIGURES)[number];
export const POINTS_FIGURE_LABELS: Record<
  PointsFigure,
  { label: string; unit: string; part: 'tasks' | 'bonus' }
> = {
  meetings: { label: '参加组织生活', unit: '次', part: 'tasks' },
  studyHours: { label: '学习', unit: '学时', part: 'tasks' },
  volunteerHours: { label: '志愿服务', unit: '小时', part: 'tasks' },
  contributions: { label: '服务家乡贡献', unit: '项', part: 'bonus' },
  honours: { label: '获得表彰', unit: '项', part: 'bonus' },
};

export const PointsMineQuery = z.object({
  year: QueryInt('年份', POINTS_MIN_YEAR, POINTS_MAX_YEAR).optional(),
});
export type PointsMineQuery = z.infer<typeof PointsMineQuery>;

/** `GET /points/mine`: the member's year, worked out by the rules in force, and the latest run's total. */
export const PointsMineResponse = z
  .object({
    year: z.number().int(),
    member: Named,
    ruleVersion: z.number().int(),
    rules: PointsRules,
    figures: z.array(
      z.object({
        key: z.enum(POINTS_FIGURES),
        label: z.string(),
        unit: z.string(),
        part: z.enum(['tasks', 'bonus']),
        quantity: PointsValue,
        points: PointsValue,
      }),
    ),
    base: PointsValue,
    tasks: PointsValue,
    bonus: PointsValue,
    total: PointsValue,
    yearTotal: z.number().int(),
    /** The latest run of the year that counted the member, with its total and rank. */
    run: z
      .object({
        id: z.number().int(),
        computedAt: z.string(),
        total: PointsValue,
        rank: z.number().int(),
        of: z.number().int(),
      })
      .nullable(),
  })
  .meta({ id: 'PointsMine' });
export type PointsMineResponse = z.infer<typeof PointsMineResponse>;
