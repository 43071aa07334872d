/**
 * The compliance board's service: the board (compliance.board.ts) within the actor's scope, the
 * branches behind, attendance rates, absentees, and the exemptions (exemptions.service.ts) joined in.
 */
import type {
  AbsenteesQuery,
  AbsenteesResponse,
  AttendanceRateListResponse,
  AttendanceRateQuery,
  BehindListResponse,
  ComplianceBoardResponse,
  ComplianceQuery,
} from '@ningxin/shared';
import { and, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Executor } from '../../../db/client';
import { decodeCursor, encodeCursor } from '../../../lib/cursor';
import { notFound } from '../../../lib/errors';
import { type Actor, assertHolds, coversOrgPath } from '../../../policy/policy';
import { scopeCondition } from '../../../policy/scope';
import { committeeDay } from '../../notices/anniversaries';
import type { OrgsService } from '../../orgs/orgs.service';
import type { SettingsService } from '../../settings/settings.service';
import { type Board, boardResponse, createBoardBuilder, type PathFilter } from './compliance.board';
import { pathWithin, complianceRepository as repo } from './compliance.repository';
import { createExemptions } from './exemptions.service';

export interface ComplianceDeps {
  db: Db;
  orgs: Pick<OrgsService, 'lookup' | 'lookupMany'>;
  settings: Pick<SettingsService, 'get'>;
}

const attendanceCursor = z.tuple([z.number().int().min(0).max(2_147_483_647)]);

export function createComplianceService({ db, orgs, settings }: ComplianceDeps) {
  const computeBoard = createBoardBuilder({ db, orgs, settings });

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

  const yearOf = (q: { year?: number | undefined }, today: string) => q.year ?? Number(today.slice(0, 4));

  async function boardOf(actor: Actor, q: ComplianceQuery): Promise<Board> {
    const today = committeeDay(new Date());
    return computeBoard(await filterOf(actor, q.orgId), yearOf(q, today), today);
  }

  return {
    ...createExemptions({ db, orgs, filterOf }),

    computeBoard,

    async board(actor: Actor, q: ComplianceQuery): Promise<ComplianceBoardResponse> {
      return boardResponse(await boardOf(actor, q));
    },

    /** The board as the export writes it. */
    boardOf,
    respond: boardResponse,

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
  };
}

export type ComplianceService = ReturnType<typeof createComplianceService>;
