/** The branches' monthly ledgers (月度台账): opened once per branch and month, closed to fix the figures. */
import {
  DUES_MONTH_STATE_LABELS,
  type DuesMonthCreateBody,
  type DuesMonthDetailResponse,
  type DuesMonthListQuery,
  type DuesMonthResponse,
  type DuesMonthState,
  RecordId,
} from '@ningxin/shared';
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '../../../db/client';
import { duesMonths } from '../../../db/schema';
import { decodeCursor, encodeCursor } from '../../../lib/cursor';
import { isUniqueViolation } from '../../../lib/db-errors';
import { assertVersion, notFound, versionConflict } from '../../../lib/errors';
import { type Actor, assertHolds, coversOrgPath } from '../../../policy/policy';
import { inPathSubtree } from '../../../policy/scope';
import { audited } from '../../audit/audit.service';
import { type DuesAccess, toDay, toMonth } from '../dues.access';
import { monthAlreadyClosed, monthExists, orgNotUsable } from '../dues.errors';
import { type MonthRow, monthsRepository as repo } from './months.repository';

const CURSOR = z.tuple([z.string().max(10), RecordId()]);

export function createMonthsService(access: DuesAccess) {
  const { db } = access;
  const readScope = (actor: Actor) => access.scope(actor, 'dues.read', sql`${duesMonths.orgPath}`);
  const writeScope = (actor: Actor) => access.scope(actor, 'dues.write', sql`${duesMonths.orgPath}`);

  const present = (actor: Actor, r: MonthRow): DuesMonthResponse => {
    const write = coversOrgPath(actor, 'dues.write', r.orgPath);
    return {
      id: r.id,
      org: { id: r.orgId, name: r.orgName },
      month: toMonth(r.month),
      state: r.state as DuesMonthState,
      stateLabel: DUES_MONTH_STATE_LABELS[r.state as DuesMonthState],
      expectedFen: r.expectedFen,
      collectedFen: r.collectedFen,
      closedAt: r.closedAt?.toISOString() ?? null,
      version: r.version,
      policies: { close: write && r.state !== 'closed', pay: write && r.state !== 'closed' },
    };
  };

  /** The month's members and figures, computed from the bases, reliefs and payments. */
  async function sheet(executor: Executor, r: MonthRow) {
    const [rows, collectedFen] = await Promise.all([
      repo.members(executor, r.orgPath, r.month),
      repo.collected(executor, r.orgPath, r.month),
    ]);
    const members = rows.map((m) => {
      const waived = m.relief_kind === 'waived';
      const dueFen = m.base_fen === null || waived ? null : (m.relief_fen ?? m.base_fen);
      return {
        memberId: m.member_id,
        memberName: m.member_name,
        memberType: m.member_type,
        dueFen,
        relief: (m.relief_kind as 'waived' | 'reduced' | null) ?? null,
        paid: m.payment_id !== null,
        paymentId: m.payment_id,
        paidOn: m.paid_on,
        method: m.method,
      };
    });
    const due = members.filter((m) => m.dueFen !== null);
    const paid = due.filter((m) => m.paid);
    return {
      members,
      totals: {
        members: members.length,
        due: due.length,
        paid: paid.length,
        expectedFen: due.reduce((s, m) => s + (m.dueFen ?? 0), 0),
        paidFen: paid.reduce((s, m) => s + (m.dueFen ?? 0), 0),
        collectedFen,
      },
    };
  }

  return {
    async list(actor: Actor, q: DuesMonthListQuery) {
      const org = q.orgId ? await access.orgs.lookup(db, q.orgId) : null;
      const where = and(
        readScope(actor),
        q.orgId ? inPathSubtree(duesMonths.orgPath, org?.path ?? '-') : undefined,
        q.year ? sql`${duesMonths.month} between ${`${q.year}-01-01`} and ${`${q.year}-12-01`}` : undefined,
      );
      const after = q.cursor ? decodeCursor(q.cursor, CURSOR) : undefined;
      const rows = await repo.list(db, where, after, q.limit);
      const last = rows.at(-1);
      return {
        items: rows.map((r) => present(actor, r)),
        nextCursor: rows.length === q.limit && last ? encodeCursor([last.month, last.id]) : null,
      };
    },

    async get(actor: Actor, id: number): Promise<DuesMonthDetailResponse> {
      const row = await repo.findById(db, id, readScope(actor));
      if (!row) throw notFound('党费月度台账');
      return { ...present(actor, row), ...(await sheet(db, row)) };
    },

    async open(actor: Actor, body: DuesMonthCreateBody): Promise<DuesMonthDetailResponse> {
      const id = await audited(db, actor, async (tx, audit) => {
        assertHolds(actor, 'dues.write');
        const org = await access.orgs.lookup(tx, body.orgId);
        if (!org || org.closedAt || org.kind !== 'branch' || !coversOrgPath(actor, 'dues.write', org.path))
          throw orgNotUsable();
        const id = await repo
          .insert(tx, { orgId: org.id, orgPath: org.path, month: toDay(body.month), openedBy: actor.userId })
          .catch((err) => {
            throw isUniqueViolation(err, 'dues_months_org_month_idx') ? monthExists(body.month) : err;
          });
        audit({
          action: 'dues.month_opened',
          targetType: 'dues_month',
          targetId: id,
          targetLabel: `${org.name} ${body.month}`,
        });
        return id;
      });
      return this.get(actor, id);
    },

    async close(actor: Actor, id: number, version: number): Promise<DuesMonthDetailResponse> {
      await audited(db, actor, async (tx, audit) => {
        assertHolds(actor, 'dues.write');
        const row = await repo.findById(tx, id, writeScope(actor), true);
        if (!row) throw notFound('党费月度台账');
        assertVersion(row, version);
        if (row.state === 'closed') throw monthAlreadyClosed();
        const { totals } = await sheet(tx, row);
        const fixed = { expectedFen: totals.expectedFen, collectedFen: totals.collectedFen };
        if (!(await repo.close(tx, id, version, { ...fixed, closedBy: actor.userId, closedAt: new Date() })))
          throw versionConflict();
        audit({
          action: 'dues.month_closed',
          targetType: 'dues_month',
          targetId: id,
          targetLabel: `${row.orgName} ${toMonth(row.month)}`,
          after: fixed,
        });
      });
      return this.get(actor, id);
    },

    /** For the seed and tests: a month by branch and `YYYY-MM`, unscoped. */
    byOrg: async (orgId: number, month: string) =>
      (
        await db
          .select({ id: duesMonths.id })
          .from(duesMonths)
          .where(and(eq(duesMonths.orgId, orgId), eq(duesMonths.month, toDay(month))))
      )[0] ?? null,
  };
}

export type MonthsService = ReturnType<typeof createMonthsService>;
