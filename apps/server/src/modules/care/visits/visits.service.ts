/** Visits (走访慰问): whom, who went, why, the day, what was brought; each one a ledger entry. */
import {
  CARE_VISIT_REASON_LABELS,
  type CareVisitCreateBody,
  type CareVisitListQuery,
  type CareVisitListResponse,
  type CareVisitReason,
  type CareVisitResponse,
  type CareVisitUpdateBody,
  careVisitTitle,
  RecordId,
} from '@ningxin/shared';
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor, Tx } from '../../../db/client';
import { careVisits as visits } from '../../../db/schema';
import { decodeCursor, encodeCursor } from '../../../lib/cursor';
import { assertVersion, notFound, versionConflict } from '../../../lib/errors';
import { type Actor, assertHolds } from '../../../policy/policy';
import { inPathSubtree } from '../../../policy/scope';
import { audited } from '../../audit/audit.service';
import { type CareAccess, SOURCE, yearBounds } from '../care.access';
import { holidayNotAllowed, holidayRequired } from '../care.errors';
import { visitsRepository as repo, type VisitRow } from './visits.repository';

const CURSOR = z.tuple([z.string().max(10), RecordId()]);

const auditView = (r: Partial<VisitRow>) => ({
  memberId: r.memberId,
  reason: r.reason,
  holiday: r.holiday,
  visitedOn: r.visitedOn,
  visitors: r.visitors,
  giftFen: r.giftFen,
  orgId: r.orgId,
});

export function createVisitsService(access: CareAccess) {
  const { db, activity } = access;
  const readScope = (actor: Actor) => access.scope(actor, 'care.read', visits.orgPath, visits.memberId);
  const writeScope = (actor: Actor) => access.scope(actor, 'care.write', visits.orgPath, visits.memberId);

  const present = (actor: Actor, r: VisitRow): CareVisitResponse => ({
    id: r.id,
    member: { id: r.memberId, name: r.memberName },
    org: { id: r.orgId, name: r.orgName },
    reason: r.reason as CareVisitReason,
    reasonLabel: CARE_VISIT_REASON_LABELS[r.reason as CareVisitReason],
    holiday: r.holiday,
    visitedOn: r.visitedOn,
    visitors: r.visitors,
    giftFen: r.giftFen,
    note: r.note,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    policies: access.policies(actor, r.orgPath),
  });

  /** The visit as entered, checked: the member in the actor's write scope, the holiday with its reason. */
  async function content(tx: Tx, actor: Actor, body: Omit<CareVisitCreateBody, never>) {
    const member = await access.writableMember(tx, actor, body.memberId);
    const holiday = body.holiday ?? null;
    if (body.reason === 'holiday' && !holiday) throw holidayRequired();
    if (body.reason !== 'holiday' && holiday) throw holidayNotAllowed();
    return {
      member,
      values: {
        memberId: member.id,
        orgId: member.orgId,
        orgPath: member.orgPath,
        reason: body.reason,
        holiday,
        visitedOn: body.visitedOn,
        visitors: body.visitors,
        giftFen: body.giftYuan ?? 0,
        note: body.note ?? null,
      },
    };
  }

  /** The member's ledger entry (关爱帮扶, 1 time) of the visit. */
  async function syncLedger(
    tx: Tx,
    id: number,
    v: {
      memberId: number;
      orgId: number;
      orgPath: string;
      reason: string;
      holiday: string | null;
      visitedOn: string;
    } | null,
  ) {
    await activity.reverse(tx, SOURCE, `visit:${id}`, 'care');
    if (!v) return;
    await activity.record(tx, {
      memberId: v.memberId,
      kind: 'care',
      occurredOn: v.visitedOn,
      quantity: 1,
      sourceModule: SOURCE,
      sourceId: `visit:${id}`,
      title: careVisitTitle(v.reason as CareVisitReason, v.holiday),
      org: { id: v.orgId, path: v.orgPath },
    });
  }

  async function writable(tx: Tx, actor: Actor, id: number) {
    assertHolds(actor, 'care.write');
    const row = await repo.findById(tx, id, writeScope(actor), true);
    if (!row) throw notFound('走访慰问记录');
    return row;
  }

  return {
    async list(actor: Actor, q: CareVisitListQuery): Promise<CareVisitListResponse> {
      const scope = readScope(actor);
      const orgPath = await access.orgFilter(db, q.orgId);
      const where = and(
        scope,
        q.reason ? eq(visits.reason, q.reason) : undefined,
        q.year
          ? sql`${visits.visitedOn} between ${yearBounds(q.year)[0]} and ${yearBounds(q.year)[1]}`
          : undefined,
        q.memberId ? eq(visits.memberId, q.memberId) : undefined,
        orgPath ? inPathSubtree(visits.orgPath, orgPath) : undefined,
      );
      const after = q.cursor ? decodeCursor(q.cursor, CURSOR) : undefined;
      const [rows, totals] = await Promise.all([
        repo.list(db, where, after, q.limit),
        repo.totals(db, where),
      ]);
      const last = rows.at(-1);
      return {
        items: rows.map((r) => present(actor, r)),
        nextCursor: rows.length === q.limit && last ? encodeCursor([last.visitedOn, last.id]) : null,
        totals,
      };
    },

    async get(actor: Actor, id: number): Promise<CareVisitResponse> {
      const row = await repo.findById(db, id, readScope(actor));
      if (!row) throw notFound('走访慰问记录');
      return present(actor, row);
    },

    async create(actor: Actor, body: CareVisitCreateBody): Promise<CareVisitResponse> {
      const id = await audited(db, actor, async (tx, audit) => {
        assertHolds(actor, 'care.write');
        const { member, values } = await content(tx, actor, body);
        const id = await repo.insert(tx, { ...values, createdBy: actor.userId });
        await syncLedger(tx, id, values);
        audit({
          action: 'care.visit_created',
          targetType: 'care_visit',
          targetId: id,
          targetLabel: member.name,
          after: auditView(values),
        });
        return id;
      });
      return this.get(actor, id);
    },

    async update(actor: Actor, id: number, body: CareVisitUpdateBody): Promise<CareVisitResponse> {
      await audited(db, actor, async (tx, audit) => {
        const before = await writable(tx, actor, id);
        assertVersion(before, body.version);
        const { version, ...rest } = body;
        const { member, values } = await content(tx, actor, rest);
        if (!(await repo.update(tx, id, version, values))) throw versionConflict();
        await syncLedger(tx, id, values);
        audit({
          action: 'care.visit_updated',
          targetType: 'care_visit',
          targetId: id,
          targetLabel: member.name,
          before: auditView(before),
          after: auditView(values),
        });
      });
      return this.get(actor, id);
    },

    async remove(actor: Actor, id: number): Promise<void> {
      await audited(db, actor, async (tx, audit) => {
        const before = await writable(tx, actor, id);
        await syncLedger(tx, id, null);
        await repo.remove(tx, id);
        audit({
          action: 'care.visit_deleted',
          targetType: 'care_visit',
          targetId: id,
          targetLabel: before.memberName,
          before: auditView(before),
        });
      });
    },

    /** Photos of a visit: read in the read scope, uploaded and deleted in the write scope. */
    async authorizeFiles(executor: Executor, actor: Actor, id: number, mode: 'read' | 'write') {
      assertHolds(actor, mode === 'write' ? 'care.write' : 'care.read');
      const row = await repo.findById(executor, id, mode === 'write' ? writeScope(actor) : readScope(actor));
      if (!row) throw notFound('走访慰问记录');
      return { label: `${row.memberName} ${row.visitedOn}` };
    },

    /** A member's own visits (no scope check: the caller passes the member's own id). */
    ofMember: (memberId: number, limit = 50) => repo.ofMember(db, memberId, limit),
  };
}

export type VisitsService = ReturnType<typeof createVisitsService>;
