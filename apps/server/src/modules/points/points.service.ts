/** The yearly points (积分): runs over the activity ledger, the ranking, a member's own year. */
import {
  fromHundredths,
  localIsoDate,
  POINTS_FIGURE_LABELS,
  POINTS_FIGURES,
  type PointsMineQuery,
  type PointsMineResponse,
  type PointsOrgRankingQuery,
  type PointsOrgRankingResponse,
  type PointsRankingQuery,
  type PointsRankingResponse,
  PointsRules,
  type PointsRulesResponse,
  type PointsRunBody,
  type PointsRunListQuery,
  type PointsRunListResponse,
  type PointsRunResponse,
  type PointsVerifyResponse,
  pointsOf,
  pointsYearTotal,
} from '@ningxin/shared';
import { and, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Executor } from '../../db/client';
import { pointsTotals } from '../../db/schema';
import { decodeCursor, encodeCursor } from '../../lib/cursor';
import { notFound } from '../../lib/errors';
import { type Actor, assertCan, assertHolds, can, selfMemberId } from '../../policy/policy';
import { inPathSubtree } from '../../policy/scope';
import type { ActivityService } from '../activity/activity.service';
import { audited } from '../audit/audit.service';
import { memberInScope } from '../members/members.fragments';
import type { MembersService } from '../members/record/members.service';
import type { OrgsService } from '../orgs/orgs.service';
import type { SettingsService } from '../settings/settings.service';
import { notAMember, unknownRuleVersion } from './points.errors';
import { type PointsRunRow, pointsRepository as repo } from './points.repository';

export interface PointsDeps {
  db: Db;
  settings: Pick<SettingsService, 'versioned'>;
  activity: Pick<ActivityService, 'yearTotals'>;
  members: Pick<MembersService, 'placements'>;
  orgs: Pick<OrgsService, 'lookup'>;
}

const RankCursor = z.tuple([z.number().int().min(0).max(10_000_000)]);

/** The current year in the committee's calendar (Asia/Shanghai). */
export const currentYear = (now = new Date()) => Number(localIsoDate(now).slice(0, 4));

const mapRun = (r: PointsRunRow): PointsRunResponse => ({
  id: r.id,
  year: r.year,
  ruleVersion: r.ruleVersion,
  rules: PointsRules.parse(r.rules),
  memberCount: r.memberCount,
  computedAt: r.computedAt.toISOString(),
  computedBy: r.computedBy === null ? null : { id: r.computedBy, name: r.computedByName ?? '' },
});

export function createPointsService({ db, settings, activity, members, orgs }: PointsDeps) {
  /** The members of the run the actor may read points of. */
  const readScope = (actor: Actor) => memberInScope(pointsTotals.memberId, actor, 'points.read');

  /** The rules of a version: the current ones (recorded now), or one a run recorded before. */
  async function rulesFor(tx: Executor, version: number | undefined) {
    const current = await settings.versioned('points.rules', tx);
    if (version === undefined || version === current.version) {
      await repo.recordVersion(tx, current.version, current.value);
      return { version: current.version, rules: current.value };
    }
    const stored = await repo.rulesOf(tx, version);
    if (stored === null) throw unknownRuleVersion(version);
    return { version, rules: PointsRules.parse(stored) };
  }

  /** A run of the year in the caller's transaction: its rules version recorded, its totals in one statement. */
  async function compute(tx: Executor, year: number, version: number | undefined, userId: number | null) {
    const r = await rulesFor(tx, version);
    const id = await repo.insertRun(tx, year, r.version, userId);
    const count = await repo.fillRun(tx, id, year, r.rules);
    return { id, count, ...r };
  }

  async function orgFilter(orgId: number | undefined): Promise<SQL | undefined> {
    if (!orgId) return undefined;
    const org = await orgs.lookup(db, orgId);
    return inPathSubtree(pointsTotals.orgPath, org?.path ?? '-');
  }

  return {
    async rules(actor: Actor): Promise<PointsRulesResponse> {
      assertHolds(actor, 'points.read');
      const { value, version } = await settings.versioned('points.rules');
      return {
        version,
        rules: value,
        yearTotal: pointsYearTotal(value),
        canRun: can(actor, 'points.manage'),
      };
    },

    /** 积分核算: committee-wide, so only a holder of points.manage over everything runs it. */
    async run(actor: Actor, body: PointsRunBody): Promise<PointsRunResponse> {
      assertCan(actor, 'points.manage');
      const id = await audited(db, actor, async (tx, audit) => {
        const run = await compute(tx, body.year, body.ruleVersion, actor.userId);
        audit({
          action: 'points.computed',
          targetType: 'points_run',
          targetId: run.id,
          targetLabel: `${body.year} 年度`,
          after: { year: body.year, ruleVersion: run.version, members: run.count },
        });
        return run.id;
      });
      return mapRun((await repo.findRun(db, id))!);
    },

    /**
     * The nightly work (and the demo's): the year by the rules in force, made by no account;
     * the year's earlier unattended runs give way to it. Returns how many members it counted.
     */
    async recompute(year = currentYear()): Promise<number> {
      return db.transaction(async (tx) => {
        const run = await compute(tx, year, undefined, null);
        await repo.dropUnattendedRuns(tx, year, run.id);
        return run.count;
      });
    },

    async runs(actor: Actor, q: PointsRunListQuery): Promise<PointsRunListResponse> {
      assertHolds(actor, 'points.read');
      const rows = await repo.listRuns(db, q.year, q.cursor, q.limit + 1);
      const page = rows.slice(0, q.limit);
      return {
        items: page.map(mapRun),
        nextCursor: rows.length > q.limit ? (page.at(-1)?.id ?? null) : null,
      };
    },

    /** The run worked out again by the rules version it names, compared row by row. */
    async verify(actor: Actor, id: number): Promise<PointsVerifyResponse> {
      assertCan(actor, 'points.manage');
      const run = await repo.findRun(db, id);
      if (!run) throw notFound('积分核算');
      const result = await repo.compare(db, run.id, run.year, PointsRules.parse(run.rules));
      return {
        runId: run.id,
        ruleVersion: run.ruleVersion,
        members: result.members,
        matches: result.mismatches === 0,
        mismatches: result.mismatches,
        examples: result.examples.map((e) => ({
          memberId: e.member_id,
          stored: e.stored,
          recomputed: e.recomputed,
        })),
      };
    },

    async ranking(actor: Actor, q: PointsRankingQuery): Promise<PointsRankingResponse> {
      const scope = readScope(actor);
      const run = await repo.latestRun(db, q.year);
      if (!run) return { run: null, items: [], nextCursor: null };
      const [after] = q.cursor ? decodeCursor(q.cursor, RankCursor) : [0];
      const where = and(scope, await orgFilter(q.orgId));
      const rows = await repo.ranking(db, run.id, where, after, q.limit + 1);
      const page = rows.slice(0, q.limit);
      const last = page.at(-1);
      return {
        run: mapRun(run),
        items: page.map((r) => ({
          rank: r.rank,
          member: { id: r.member_id, name: r.name },
          org: { id: r.org_id, name: r.org_name },
          base: r.base,
          tasks: r.tasks,
          bonus: r.bonus,
          total: r.total,
        })),
        nextCursor: rows.length > q.limit && last ? encodeCursor([last.rank]) : null,
      };
    },

    async orgRanking(actor: Actor, q: PointsOrgRankingQuery): Promise<PointsOrgRankingResponse> {
      const scope = readScope(actor);
      const run = await repo.latestRun(db, q.year);
      if (!run) return { run: null, items: [] };
      const rows = await repo.byCommittee(db, run.id, scope);
      return {
        run: mapRun(run),
        items: rows.map((r, i) => ({
          rank: i + 1,
          org: { id: r.id, name: r.name },
          members: r.members,
          average: r.average,
        })),
      };
    },

    /** The member's own year: the ledger's figures, each one's points by the rules in force. */
    async mine(actor: Actor, q: PointsMineQuery): Promise<PointsMineResponse> {
      const memberId = selfMemberId(actor);
      if (memberId === null) throw notAMember();
      const year = q.year ?? currentYear();
      const [[member], totals, { value: rules, version }, run] = await Promise.all([
        members.placements(db, [memberId]),
        activity.yearTotals(db, [memberId], year),
        settings.versioned('points.rules'),
        repo.memberInLatestRun(db, memberId, year),
      ]);
      if (!member) throw notAMember();
      const kinds = totals.get(memberId);
      const quantity = (kind: 'meeting_attended' | 'study_hours' | 'volunteer_hours') =>
        (kinds?.get(kind)?.quantity ?? 0).toFixed(2);
      const entries = (kind: 'contribution' | 'honour') => kinds?.get(kind)?.entries ?? 0;
      const figures = {
        meetings: quantity('meeting_attended'),
        studyHours: quantity('study_hours'),
        volunteerHours: quantity('volunteer_hours'),
        contributions: entries('contribution'),
        honours: entries('honour'),
      };
      // Only members in good standing get the base (as in a run).
      const points = pointsOf(member.status === 'active' ? rules : { ...rules, base: 0 }, figures);
      return {
        year,
        member: { id: member.id, name: member.name },
        ruleVersion: version,
        rules,
        figures: POINTS_FIGURES.map((key) => ({
          key,
          ...POINTS_FIGURE_LABELS[key],
          quantity: typeof figures[key] === 'number' ? `${figures[key]}` : figures[key],
          points: fromHundredths(points[key]),
        })),
        base: fromHundredths(points.base),
        tasks: fromHundredths(points.tasks),
        bonus: fromHundredths(points.bonus),
        total: fromHundredths(points.total),
        yearTotal: pointsYearTotal(rules),
        run: run
          ? {
              id: run.id,
              computedAt: new Date(run.computed_at).toISOString(),
              total: run.total,
              rank: run.rank,
              of: run.of,
            }
          : null,
      };
    },

    /** For the export: every page of the ranking. */
    readScope,
  };
}

export type PointsService = ReturnType<typeof createPointsService>;
