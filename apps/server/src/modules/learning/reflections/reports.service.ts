/**
 * A member's yearly reports to the home org (思想汇报 thought, 情况报告 situation): text, a file
 * (owner 'member_report') or both; one of each kind a year. On submission the secretaries
 * nearest above the member's org get an inbox message; a secretary (reflection.review over the
 * member's org) acknowledges it with a comment. Readers (report.read) see the reports of the
 * members in their scope, by the member's record: a secretary their subtree's, a home viewer
 * their county's. A member sees their own (member.self).
 */
import {
  MEMBER_REPORT_KIND_LABELS,
  MEMBER_REPORT_STATE_LABELS,
  type MemberReportAckBody,
  type MemberReportCreateBody,
  type MemberReportKind,
  type MemberReportListQuery,
  type MemberReportListResponse,
  type MemberReportResponse,
  type MemberReportState,
  type MemberReportUpdateBody,
  type MyReportsResponse,
  RecordId,
} from '@ningxin/shared';
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '../../../db/client';
import { memberReports } from '../../../db/schema';
import { decodeCursor, encodeCursor } from '../../../lib/cursor';
import { assertVersion, notFound, versionConflict } from '../../../lib/errors';
import { type Actor, assertHolds, can, isWithinPath, selfMemberId } from '../../../policy/policy';
import { inPathSubtree } from '../../../policy/scope';
import { audited } from '../../audit/audit.service';
import { memberInScope } from '../../members/members.fragments';
import { memberTarget } from '../../members/record/members.scope';
import { iso, ownMemberId, type ReflectionsDeps, thisYear } from './reflections.access';
import { notAMember, reportAcknowledged, reportExists, reportYearAhead } from './reflections.errors';
import { type ReportRow, reportsRepository as repo } from './reports.repository';

const ID_CURSOR = z.tuple([RecordId()]);

export function createReportsService(deps: ReflectionsDeps) {
  const { db, orgs, members, users, inbox } = deps;

  /** Who the actor is to the report: its author, a reader (report.read), a secretary who acknowledges. */
  async function standing(executor: Executor, actor: Actor, r: ReportRow) {
    const author = selfMemberId(actor) === r.memberId;
    const [p] = await members.placements(executor, [r.memberId]);
    const target = p ? memberTarget(p) : null;
    const reader = target !== null && can(actor, 'report.read', target);
    const acknowledger = target !== null && can(actor, 'reflection.review', target);
    return { author, reader, acknowledger };
  }

  function present(r: ReportRow, s: { author: boolean; acknowledger: boolean }): MemberReportResponse {
    const state = r.state as MemberReportState;
    const kind = r.kind as MemberReportKind;
    return {
      id: r.id,
      member: { id: r.memberId, name: r.memberName },
      org: { id: r.orgId, name: r.orgName },
      year: r.year,
      kind,
      kindLabel: MEMBER_REPORT_KIND_LABELS[kind],
      title: r.title,
      body: r.body,
      state,
      stateLabel: MEMBER_REPORT_STATE_LABELS[state],
      ackComment: r.ackComment,
      ackByName: r.ackByName,
      ackAt: iso(r.ackAt),
      submittedAt: r.submittedAt.toISOString(),
      version: r.version,
      policies: {
        edit: s.author && state === 'submitted',
        acknowledge: s.acknowledger && state === 'submitted',
      },
    };
  }

  /** The report if the actor may read it (404 otherwise), with their standing. */
  async function readableRow(executor: Executor, actor: Actor, id: number, lock = false) {
    const row = await repo.findById(executor, id, lock);
    if (!row) throw notFound('报告');
    const s = await standing(executor, actor, row);
    if (!s.author && !s.reader) throw notFound('报告');
    return { row, s };
  }

  async function presentOne(actor: Actor, id: number) {
    const { row, s } = await readableRow(db, actor, id);
    return present(row, s);
  }

  /** The secretaries nearest above the org at `path` (the deepest org scopes covering it). */
  async function secretariesOf(executor: Executor, path: string) {
    const holders = (await users.roleHolders(executor, 'secretary')).filter(
      (h) => h.scopeKind === 'org' && h.orgPath !== null && isWithinPath(path, h.orgPath),
    );
    const deepest = Math.max(0, ...holders.map((h) => (h.orgPath as string).length));
    return [...new Set(holders.filter((h) => (h.orgPath as string).length === deepest).map((h) => h.userId))];
  }

  return {
    async list(actor: Actor, q: MemberReportListQuery): Promise<MemberReportListResponse> {
      assertHolds(actor, 'report.read');
      const orgPath = q.orgId ? ((await orgs.lookup(db, q.orgId))?.path ?? '-') : null;
      const where = and(
        memberInScope(memberReports.memberId, actor, 'report.read'),
        q.year ? eq(memberReports.year, q.year) : undefined,
        q.kind ? eq(memberReports.kind, q.kind) : undefined,
        q.state ? eq(memberReports.state, q.state) : undefined,
        orgPath ? inPathSubtree(memberReports.orgPath, orgPath) : undefined,
      );
      const after = q.cursor ? decodeCursor(q.cursor, ID_CURSOR)[0] : undefined;
      const rows = await repo.list(db, where, after, q.limit);
      const items: MemberReportResponse[] = [];
      for (const r of rows) items.push(present(r, await standing(db, actor, r)));
      const last = rows.at(-1);
      return { items, nextCursor: rows.length === q.limit && last ? encodeCursor([last.id]) : null };
    },

    async mine(actor: Actor): Promise<MyReportsResponse> {
      const memberId = ownMemberId(actor);
      const year = thisYear();
      const rows = await repo.list(db, eq(memberReports.memberId, memberId), undefined, 100);
      return {
        year,
        owed: !rows.some((r) => r.year === year),
        items: rows.map((r) => present(r, { author: true, acknowledger: false })),
      };
    },

    get: (actor: Actor, id: number) => presentOne(actor, id),

    async create(actor: Actor, body: MemberReportCreateBody): Promise<MemberReportResponse> {
      const memberId = ownMemberId(actor);
      if (body.year > thisYear()) throw reportYearAhead();
      const id = await audited(db, actor, async (tx, audit) => {
        const [p] = await members.placements(tx, [memberId]);
        if (!p) throw notAMember();
        // One of each kind a year: the member's row is the queue (concurrent submissions of one member).
        await tx.execute(sql`select pg_advisory_xact_lock(hashtext('member_report'), ${memberId})`);
        if (await repo.existing(tx, memberId, body.year, body.kind)) throw reportExists();
        const id = await repo.insert(tx, {
          memberId,
          orgId: p.orgId,
          orgPath: p.orgPath,
          year: body.year,
          kind: body.kind,
          title: body.title,
          body: body.body ?? null,
          state: 'submitted',
        });
        const to = await secretariesOf(tx, p.orgPath);
        if (to.length)
          await inbox.post(tx, {
            userIds: to,
            kind: 'member_report',
            title: `${p.name}提交了 ${body.year} 年度${MEMBER_REPORT_KIND_LABELS[body.kind]}：${body.title}`,
            link: `/reports/${id}`,
            dedupeKey: `member_report:${id}`,
          });
        audit({
          action: 'report.submitted',
          targetType: 'member_report',
          targetId: id,
          targetLabel: body.title,
          after: { memberId, year: body.year, kind: body.kind, title: body.title },
        });
        return id;
      });
      return presentOne(actor, id);
    },

    async update(actor: Actor, id: number, body: MemberReportUpdateBody): Promise<MemberReportResponse> {
      ownMemberId(actor);
      await audited(db, actor, async (tx, audit) => {
        const before = await repo.findById(tx, id, true);
        if (!before || before.memberId !== selfMemberId(actor)) throw notFound('报告');
        assertVersion(before, body.version);
        if (before.state !== 'submitted') throw reportAcknowledged();
        const values = {
          ...(body.title !== undefined ? { title: body.title } : {}),
          ...(body.body !== undefined ? { body: body.body } : {}),
        };
        if (!(await repo.update(tx, id, body.version, values))) throw versionConflict();
        audit({
          action: 'report.updated',
          targetType: 'member_report',
          targetId: id,
          targetLabel: body.title ?? before.title,
          before: { title: before.title },
          after: { title: body.title ?? before.title },
        });
      });
      return presentOne(actor, id);
    },

    async acknowledge(actor: Actor, id: number, body: MemberReportAckBody): Promise<MemberReportResponse> {
      assertHolds(actor, 'reflection.review');
      await audited(db, actor, async (tx, audit) => {
        const before = await repo.findById(tx, id, true);
        if (!before) throw notFound('报告');
        const s = await standing(tx, actor, before);
        if (!s.acknowledger) throw notFound('报告');
        assertVersion(before, body.version);
        if (before.state !== 'submitted') throw reportAcknowledged();
        const comment = body.comment?.trim() || null;
        const values = { state: 'acknowledged', ackComment: comment, ackBy: actor.userId, ackAt: new Date() };
        if (!(await repo.update(tx, id, body.version, values))) throw versionConflict();
        const accounts = await users.memberAccounts(tx, [before.memberId]);
        if (accounts.length)
          await inbox.post(tx, {
            userIds: accounts.map((a) => a.userId),
            kind: 'member_report',
            title: `您的${before.year} 年度${MEMBER_REPORT_KIND_LABELS[before.kind as MemberReportKind]}已阅${comment ? `：${comment.slice(0, 60)}` : ''}`,
            link: '/my-reports',
            dedupeKey: `member_report_ack:${id}`,
          });
        audit({
          action: 'report.acknowledged',
          targetType: 'member_report',
          targetId: id,
          targetLabel: before.title,
          before: { state: before.state },
          after: { state: 'acknowledged', comment },
        });
      });
      return presentOne(actor, id);
    },

    async authorizeFiles(executor: Executor, actor: Actor, id: number, access: 'read' | 'write') {
      const { row, s } = await readableRow(executor, actor, id);
      if (access === 'write') {
        if (!s.author) throw notFound('报告');
        if (row.state !== 'submitted') throw reportAcknowledged();
      }
      return { label: row.title };
    },
  };
}

export type ReportsService = ReturnType<typeof createReportsService>;
