/**
 * Reduced or waived dues (减免): requested for a member and months, reviewed by the branch (a
 * dues.write holder whose scope covers the member's org), approved by the next level (a holder
 * whose org scope lies strictly above the member's org, or the committee office), never by the
 * user who reviewed; rejected at either step. The next step's people get an inbox notice.
 */
import {
  DUES_RELIEF_KIND_LABELS,
  DUES_RELIEF_STATE_LABELS,
  type DuesReliefCreateBody,
  type DuesReliefKind,
  type DuesReliefListQuery,
  type DuesReliefResponse,
  type DuesReliefState,
  type DuesReliefStepBody,
  monthLabel,
  monthsBetween,
  RecordId,
  ROLE_ACTIONS,
} from '@ningxin/shared';
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '../../../db/client';
import { duesReliefs } from '../../../db/schema';
import { decodeCursor, encodeCursor } from '../../../lib/cursor';
import { assertVersion, notFound, versionConflict } from '../../../lib/errors';
import { type Actor, assertHolds, coversOrgPath, isWithinPath } from '../../../policy/policy';
import { inPathSubtree } from '../../../policy/scope';
import { audited } from '../../audit/audit.service';
import { type DuesAccess, toDay, toMonth } from '../dues.access';
import {
  notNextLevel,
  rangeReversed,
  rangeTooLong,
  reliefAmountNotAllowed,
  reliefAmountRequired,
  reliefState,
  sameReviewer,
} from '../dues.errors';
import { type ReliefRow, reliefsRepository as repo } from './reliefs.repository';

const CURSOR = z.tuple([RecordId()]);

/** Whether the actor may approve at the next level for records of the org at `path`. */
export function approvesAbove(actor: Actor, path: string): boolean {
  return actor.assignments.some(
    (a) =>
      ROLE_ACTIONS[a.role].includes('dues.write') &&
      (a.scopeKind === 'all' ||
        (a.scopeKind === 'org' && a.orgPath !== null && a.orgPath !== path && isWithinPath(path, a.orgPath))),
  );
}

export function createReliefsService(access: DuesAccess) {
  const { db } = access;
  const readScope = (actor: Actor) => access.scope(actor, 'dues.read', sql`${duesReliefs.orgPath}`);
  const writeScope = (actor: Actor) => access.scope(actor, 'dues.write', sql`${duesReliefs.orgPath}`);

  async function present(actor: Actor, rows: readonly ReliefRow[]): Promise<DuesReliefResponse[]> {
    const name = await access.names(
      db,
      rows.flatMap((r) => [r.reviewedBy, r.decidedBy]),
    );
    return rows.map((r) => ({
      id: r.id,
      memberId: r.memberId,
      memberName: r.memberName,
      org: { id: r.orgId, name: r.orgName },
      kind: r.kind as DuesReliefKind,
      kindLabel: DUES_RELIEF_KIND_LABELS[r.kind as DuesReliefKind],
      fromMonth: toMonth(r.fromMonth),
      toMonth: toMonth(r.toMonth),
      monthlyFen: r.monthlyFen,
      reason: r.reason,
      state: r.state as DuesReliefState,
      stateLabel: DUES_RELIEF_STATE_LABELS[r.state as DuesReliefState],
      reviewedBy: name(r.reviewedBy),
      reviewNote: r.reviewNote,
      decidedBy: name(r.decidedBy),
      decisionNote: r.decisionNote,
      version: r.version,
      policies: {
        review: r.state === 'submitted' && coversOrgPath(actor, 'dues.write', r.orgPath),
        decide: r.state === 'reviewed' && r.reviewedBy !== actor.userId && approvesAbove(actor, r.orgPath),
      },
    }));
  }

  /** The accounts of the next step: the branch's reviewers, or the approvers above it. */
  async function notify(
    tx: Executor,
    r: { id: number; orgPath: string; memberName: string },
    step: 'review' | 'decide',
  ) {
    const [secretaries, office] = await Promise.all([
      access.users.roleHolders(tx, 'secretary'),
      step === 'decide' ? access.users.roleHolders(tx, 'committee_admin') : Promise.resolve([]),
    ]);
    const to = [
      ...secretaries
        .filter((s) => s.scopeKind === 'org' && s.orgPath !== null && isWithinPath(r.orgPath, s.orgPath))
        .filter((s) => step === 'review' || s.orgPath !== r.orgPath)
        .map((s) => s.userId),
      ...office.filter((o) => o.scopeKind === 'all').map((o) => o.userId),
    ];
    if (to.length === 0) return;
    await access.inbox.post(tx, {
      userIds: [...new Set(to)],
      kind: 'dues_relief',
      title: step === 'review' ? `党费减免待支部审议：${r.memberName}` : `党费减免待审批：${r.memberName}`,
      link: '/dues/reliefs',
      dedupeKey: `dues-relief:${r.id}:${step}`,
    });
  }

  async function step(actor: Actor, id: number, body: DuesReliefStepBody, which: 'review' | 'decide') {
    await audited(db, actor, async (tx, audit) => {
      assertHolds(actor, 'dues.write');
      const row = await repo.findById(tx, id, writeScope(actor), true);
      if (!row) throw notFound('党费减免申请');
      assertVersion(row, body.version);
      const expected = which === 'review' ? 'submitted' : 'reviewed';
      if (row.state !== expected) throw reliefState(DUES_RELIEF_STATE_LABELS[row.state as DuesReliefState]);
      if (which === 'decide') {
        if (!approvesAbove(actor, row.orgPath)) throw notNextLevel();
        if (row.reviewedBy === actor.userId) throw sameReviewer();
      }
      const state = body.approve ? (which === 'review' ? 'reviewed' : 'approved') : 'rejected';
      const values =
        which === 'review'
          ? { state, reviewedBy: actor.userId, reviewedAt: new Date(), reviewNote: body.note ?? null }
          : { state, decidedBy: actor.userId, decidedAt: new Date(), decisionNote: body.note ?? null };
      if (!(await repo.update(tx, id, body.version, values))) throw versionConflict();
      if (which === 'review' && body.approve) await notify(tx, row, 'decide');
      audit({
        action: which === 'review' ? 'dues.relief_reviewed' : 'dues.relief_decided',
        targetType: 'dues_relief',
        targetId: id,
        targetLabel: row.memberName,
        before: { state: row.state },
        after: { state, note: body.note ?? null },
      });
    });
  }

  return {
    async list(actor: Actor, q: DuesReliefListQuery) {
      const org = q.orgId ? await access.orgs.lookup(db, q.orgId) : null;
      const where = and(
        readScope(actor),
        q.state ? eq(duesReliefs.state, q.state) : undefined,
        q.orgId ? inPathSubtree(duesReliefs.orgPath, org?.path ?? '-') : undefined,
      );
      const after = q.cursor ? decodeCursor(q.cursor, CURSOR)[0] : undefined;
      const rows = await repo.list(db, where, after, q.limit);
      const last = rows.at(-1);
      return {
        items: await present(actor, rows),
        nextCursor: rows.length === q.limit && last ? encodeCursor([last.id]) : null,
      };
    },

    async get(actor: Actor, id: number): Promise<DuesReliefResponse> {
      const row = await repo.findById(db, id, readScope(actor));
      if (!row) throw notFound('党费减免申请');
      return (await present(actor, [row]))[0]!;
    },

    async create(actor: Actor, body: DuesReliefCreateBody): Promise<DuesReliefResponse> {
      const id = await audited(db, actor, async (tx, audit) => {
        assertHolds(actor, 'dues.write');
        const m = await access.member(tx, actor, body.memberId, 'dues.write');
        const months = monthsBetween(body.fromMonth, body.toMonth);
        if (months.length === 0) throw rangeReversed();
        if (months.length > 36) throw rangeTooLong(36);
        if (body.kind === 'reduced' && body.monthlyYuan === undefined) throw reliefAmountRequired();
        if (body.kind === 'waived' && body.monthlyYuan !== undefined) throw reliefAmountNotAllowed();
        const values = {
          memberId: m.id,
          orgId: m.orgId,
          orgPath: m.orgPath,
          kind: body.kind,
          fromMonth: toDay(body.fromMonth),
          toMonth: toDay(body.toMonth),
          monthlyFen: body.kind === 'reduced' ? (body.monthlyYuan as number) : 0,
          reason: body.reason,
          createdBy: actor.userId,
        };
        const id = await repo.insert(tx, values);
        await notify(tx, { id, orgPath: m.orgPath, memberName: m.name }, 'review');
        audit({
          action: 'dues.relief_requested',
          targetType: 'dues_relief',
          targetId: id,
          targetLabel: `${m.name} ${monthLabel(body.fromMonth)}—${monthLabel(body.toMonth)}`,
          after: {
            kind: body.kind,
            fromMonth: body.fromMonth,
            toMonth: body.toMonth,
            monthlyFen: values.monthlyFen,
          },
        });
        return id;
      });
      return this.get(actor, id);
    },

    async review(actor: Actor, id: number, body: DuesReliefStepBody) {
      await step(actor, id, body, 'review');
      return this.get(actor, id);
    },

    async decide(actor: Actor, id: number, body: DuesReliefStepBody) {
      await step(actor, id, body, 'decide');
      return this.get(actor, id);
    },
  };
}

export type ReliefsService = ReturnType<typeof createReliefsService>;
