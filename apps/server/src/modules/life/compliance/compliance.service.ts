import {
  type AbsenteesQuery,
  type AbsenteesResponse,
  type AttendanceRateListResponse,
  type AttendanceRateQuery,
  type BehindListResponse,
  branchCompliance,
  type ComplianceBoardResponse,
  type ComplianceBranch,
  type ComplianceQuery,
  type ComplianceRollup,
  completionRate,
  currentMonthOf,
  type ExemptionCreateBody,
  type ExemptionListResponse,
  type ExemptionResponse,
  type ExemptionUpdateBody,
  type ExemptSpan,
  REQUIRED_MEETINGS,
  type RequiredMeeting,
  type TypeResult,
} from '@ningxin/shared';
import { and, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Executor } from '../../../db/client';
import { meetingExemptions } from '../../../db/schema';
import { decodeCursor, encodeCursor } from '../../../lib/cursor';
import { notFound } from '../../../lib/errors';
import { type Actor, assertHolds, coversOrgPath, isWithinPath } from '../../../policy/policy';
import { scopeCondition } from '../../../policy/scope';
import { audited } from '../../audit/audit.service';
import { committeeDay } from '../../notices/anniversaries';
import type { OrgsService } from '../../orgs/orgs.service';
import type { SettingsService } from '../../settings/settings.service';
import { exemptionDates } from './compliance.errors';
import { type ExemptionRow, pathWithin, complianceRepository as repo } from './compliance.repository';

export interface ComplianceDeps {
  db: Db;
  orgs: Pick<OrgsService, 'lookup' | 'lookupMany'>;
  settings: Pick<SettingsService, 'get'>;
}

/** A condition over a path column (the scope, a subtree), or none for everything. */
type PathFilter = (column: SQL) => SQL | undefined;

export interface Board {
  year: number;
  currentMonth: number;
  frequencies: Record<string, string>;
  branches: (ComplianceBranch & { results: Record<RequiredMeeting, TypeResult> })[];
}

const mapExemption = (r: ExemptionRow): ExemptionResponse => ({
  id: r.id,
  orgId: r.orgId,
  orgName: r.orgName,
  type: r.type as RequiredMeeting,
  fromOn: r.fromOn,
  untilOn: r.untilOn,
  reason: r.reason,
  createdAt: r.createdAt.toISOString(),
});

const auditView = (r: ExemptionRow) => ({
  orgId: r.orgId,
  orgName: r.orgName,
  type: r.type,
  fromOn: r.fromOn,
  untilOn: r.untilOn,
  reason: r.reason,
});

/** The nearest org on the path (itself or above) that the map holds. */
function ownerOf<T>(path: string, byPath: Map<string, T>): T | undefined {
  const parts = path.split('.');
  for (let i = parts.length; i > 0; i--) {
    const hit = byPath.get(parts.slice(0, i).join('.'));
    if (hit) return hit;
  }
  return undefined;
}

function rollup(orgId: number | null, name: string, branches: Board['branches']): ComplianceRollup {
  return {
    orgId,
    name,
    branches: branches.length,
    behindBranches: branches.filter((b) => b.behind.length > 0).length,
    completionRate: completionRate(branches.flatMap((b) => Object.values(b.results))),
    types: REQUIRED_MEETINGS.map((type) => {
      const rs = branches.map((b) => b.results[type]);
      return {
        type,
        held: rs.reduce((a, r) => a + r.held, 0),
        required: rs.reduce((a, r) => a + r.required, 0),
        behind: rs.filter((r) => r.status === 'behind').length,
        done: rs.filter((r) => r.status === 'done').length,
        exempt: rs.filter((r) => r.status === 'exempt').length,
        completionRate: completionRate(rs),
      };
    }),
  };
}

const attendanceCursor = z.tuple([z.number().int().min(0).max(2_147_483_647)]);

export function createComplianceService({ db, orgs, settings }: ComplianceDeps) {
  /** The actor's meeting.read scope over a path column, narrowed to the subtree of `orgId` (404 outside). */
  async function filterOf(actor: Actor, orgId?: number): Promise<PathFilter> {
    assertHolds(actor, 'meeting.read');
    let subtree: string | null = null;
    if (orgId !== undefined) {
      const org = await orgs.lookup(db, orgId);
      if (!org || !coversOrgPath(actor, 'meeting.read', org.path)) throw notFound('组织');
      subtree = org.path;
    }
    return (column) =>
      and(
        scopeCondition(actor, 'meeting.read', {
          inOrgSubtree: (p) => pathWithin(column, p),
          homeCounty: null,
          hostDistrict: null,
          memberId: null,
        }),
        subtree ? pathWithin(column, subtree) : undefined,
      );
  }

  /** The board of the branches a filter admits: four set-based statements, whatever the number of branches. */
  async function computeBoard(filter: PathFilter, year: number, today: string): Promise<Board> {
    const [branchRows, held, full, exemptions, frequencies] = await Promise.all([
      repo.orgs(db, ['branch'], filter(sql`o.path`)),
      repo.heldByMonth(db, year, filter(sql`m.org_path`)),
      repo.fullMembersByPath(db, filter(sql`r.org_path`)),
      repo.exemptions(db, undefined, `${year}-01-01`, `${year}-12-31`),
      settings.get('life.meetingFrequencies'),
    ]);
    type Acc = {
      held: Partial<Record<RequiredMeeting, number[]>>;
      full: number;
      exemptions: Partial<Record<RequiredMeeting, ExemptSpan[]>>;
    };
    const acc = new Map<string, Acc>(branchRows.map((b) => [b.path, { held: {}, full: 0, exemptions: {} }]));
    for (const h of held) {
      const a = ownerOf(h.path, acc);
      if (!a) continue;
      const type = h.type as RequiredMeeting;
      const months = a.held[type] ?? Array.from({ length: 12 }, () => 0);
      months[h.month - 1]! += h.n;
      a.held[type] = months;
    }
    for (const f of full) {
      const a = ownerOf(f.path, acc);
      if (a) a.full += f.n;
    }
    for (const e of exemptions) {
      for (const b of branchRows) {
        if (!isWithinPath(b.path, e.orgPath)) continue;
        const spans = acc.get(b.path)!.exemptions;
        const type = e.type as RequiredMeeting;
        spans[type] = [...(spans[type] ?? []), { fromOn: e.fromOn, untilOn: e.untilOn }];
      }
    }
    const committeeIds = [
      ...new Set(
        branchRows.map((b) => b.path.split('.')).flatMap((p) => (p.length >= 3 ? [Number(p[1])] : [])),
      ),
    ];
    const committees = new Map((await orgs.lookupMany(db, committeeIds)).map((o) => [o.id, o.name]));
    const branches = branchRows.map((b) => {
      const a = acc.get(b.path)!;
      const result = branchCompliance({
        year,
        today,
        frequencies,
        held: a.held,
        exemptions: a.exemptions,
        fullMembers: a.full,
      });
      const parts = b.path.split('.');
      const committeeId = parts.length >= 3 ? Number(parts[1]) : null;
      return {
        orgId: b.id,
        name: b.name,
        path: b.path,
        committeeId,
        committeeName: committeeId === null ? null : (committees.get(committeeId) ?? null),
        fullMembers: a.full,
        types: REQUIRED_MEETINGS.map((type) => {
          const r = result.types[type];
          return {
            type,
            frequency: r.frequency,
            held: r.held,
            required: r.required,
            met: r.met,
            due: r.due,
            status: r.status,
            heldByMonth: a.held[type] ?? Array.from({ length: 12 }, () => 0),
            periods: r.periods,
          };
        }),
        behind: result.behind,
        completionRate: result.completionRate,
        results: result.types,
      };
    });
    return { year, currentMonth: currentMonthOf(year, today), frequencies, branches };
  }

  const yearOf = (q: { year?: number | undefined }, today: string) => q.year ?? Number(today.slice(0, 4));

  async function boardOf(actor: Actor, q: ComplianceQuery): Promise<Board> {
    const today = committeeDay(new Date());
    return computeBoard(await filterOf(actor, q.orgId), yearOf(q, today), today);
  }

  function respond(board: Board): ComplianceBoardResponse {
    const byCommittee = new Map<number | null, Board['branches']>();
    for (const b of board.branches) {
      const list = byCommittee.get(b.committeeId) ?? [];
      list.push(b);
      byCommittee.set(b.committeeId, list);
    }
    return {
      year: board.year,
      currentMonth: board.currentMonth,
      frequencies: board.frequencies,
      total: rollup(null, '合计', board.branches),
      committees: [...byCommittee].map(([id, list]) =>
        rollup(id, list[0]!.committeeName ?? '直属支部', list),
      ),
      branches: board.branches.map(({ results: _r, ...b }) => b),
    };
  }

  async function visibleExemption(actor: Actor, id: number, action: 'meeting.read' | 'meeting.write') {
    assertHolds(actor, action);
    const row = await repo.exemptionById(db, id);
    if (!row || !coversOrgPath(actor, action, row.orgPath)) throw notFound('免于召开的设置');
    return row;
  }

  return {
    computeBoard,

    async board(actor: Actor, q: ComplianceQuery): Promise<ComplianceBoardResponse> {
      return respond(await boardOf(actor, q));
    },

    /** The board as the export writes it. */
    boardOf,
    respond,

    async behind(actor: Actor, q: ComplianceQuery): Promise<BehindListResponse> {
      const board = await boardOf(actor, q);
      return {
        year: board.year,
        items: board.branches
          .filter((b) => b.behind.length > 0)
          .map((b) => ({
            orgId: b.orgId,
            name: b.name,
            committeeName: b.committeeName,
            behind: b.behind,
            completionRate: b.completionRate,
          })),
      };
    },

    /** How many branches in the actor's scope are behind this year (the workbench). */
    async behindCount(actor: Actor): Promise<number> {
      const today = committeeDay(new Date());
      const board = await computeBoard(await filterOf(actor), Number(today.slice(0, 4)), today);
      return board.branches.filter((b) => b.behind.length > 0).length;
    },

    async attendance(actor: Actor, q: AttendanceRateQuery): Promise<AttendanceRateListResponse> {
      const filter = await filterOf(actor, q.orgId);
      const today = committeeDay(new Date());
      const from = q.from ?? `${today.slice(0, 4)}-01-01`;
      const to = q.to ?? today;
      const [after] = q.cursor ? decodeCursor(q.cursor, attendanceCursor) : [0];
      const rows = await repo.attendance(db, from, to, filter(sql`m.org_path`), after, q.limit + 1);
      const items = rows.slice(0, q.limit).map((r) => ({
        ...r,
        rate: r.expected === 0 ? 0 : Math.round((r.attended / r.expected) * 1000) / 1000,
      }));
      return {
        items,
        nextCursor: rows.length > q.limit ? encodeCursor([items.at(-1)!.memberId]) : null,
      };
    },

    async absentees(actor: Actor, q: AbsenteesQuery): Promise<AbsenteesResponse> {
      const filter = await filterOf(actor, q.orgId);
      const rows = await repo.absentees(db, q.n, filter(sql`m.org_path`), q.limit + 1);
      return { n: q.n, items: rows.slice(0, q.limit), truncated: rows.length > q.limit };
    },

    /**
     * For other modules (the lost-contact rules; no scope check, the caller has its own): the
     * members on the rolls who missed their latest `n` held meetings in a row, in a subtree (null: all).
     */
    absenteesIn(executor: Executor, n: number, path: string | null, limit = 10_000) {
      return repo.absentees(executor, n, path ? pathWithin(sql`m.org_path`, path) : undefined, limit);
    },

    async exemptions(actor: Actor, q: { orgId?: number | undefined }): Promise<ExemptionListResponse> {
      const filter = await filterOf(actor, q.orgId);
      const rows = await repo.exemptions(db, filter(sql`${meetingExemptions.orgPath}`));
      return { items: rows.map(mapExemption) };
    },

    async createExemption(actor: Actor, body: ExemptionCreateBody): Promise<ExemptionResponse> {
      assertHolds(actor, 'meeting.write');
      const org = await orgs.lookup(db, body.orgId);
      if (!org || org.closedAt !== null || !coversOrgPath(actor, 'meeting.write', org.path))
        throw notFound('组织');
      const id = await audited(db, actor, async (tx, audit) => {
        const id = await repo.insertExemption(tx, {
          orgId: org.id,
          orgPath: org.path,
          type: body.type,
          fromOn: body.fromOn,
          untilOn: body.untilOn ?? null,
          reason: body.reason,
          createdBy: actor.userId,
        });
        const row = (await repo.exemptionById(tx, id))!;
        audit({
          action: 'meeting.exemption_created',
          targetType: 'meeting_exemption',
          targetId: id,
          targetLabel: org.name,
          after: auditView(row),
        });
        return id;
      });
      return mapExemption((await repo.exemptionById(db, id))!);
    },

    async updateExemption(actor: Actor, id: number, body: ExemptionUpdateBody): Promise<ExemptionResponse> {
      const before = await visibleExemption(actor, id, 'meeting.write');
      const fromOn = body.fromOn ?? before.fromOn;
      const untilOn = body.untilOn === undefined ? before.untilOn : body.untilOn;
      if (untilOn !== null && untilOn < fromOn) throw exemptionDates();
      await audited(db, actor, async (tx, audit) => {
        await repo.updateExemption(tx, id, { fromOn, untilOn, reason: body.reason ?? before.reason });
        const after = (await repo.exemptionById(tx, id))!;
        audit({
          action: 'meeting.exemption_updated',
          targetType: 'meeting_exemption',
          targetId: id,
          targetLabel: before.orgName,
          before: auditView(before),
          after: auditView(after),
        });
      });
      return mapExemption((await repo.exemptionById(db, id))!);
    },

    async deleteExemption(actor: Actor, id: number): Promise<void> {
      const before = await visibleExemption(actor, id, 'meeting.write');
      await audited(db, actor, async (tx, audit) => {
        await repo.deleteExemption(tx, id);
        audit({
          action: 'meeting.exemption_deleted',
          targetType: 'meeting_exemption',
          targetId: id,
          targetLabel: before.orgName,
          before: auditView(before),
        });
      });
    },
  };
}

export type ComplianceService = ReturnType<typeof createComplianceService>;
