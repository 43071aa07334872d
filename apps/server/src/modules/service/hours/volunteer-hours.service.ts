/**
 * Self-reported volunteer hours (自主志愿服务): a member reports service done outside the campaigns;
 * the secretaries over the member's org (volunteer.manage over the report's org) approve it or
 * reject it with a reason; the member may withdraw one still awaiting review. The secretaries
 * nearest above the member's org are told of a new report, the member of the decision. An approved
 * report is written to the activity ledger as volunteer hours (source `service` / `hours:<id>`) in
 * the same transaction. A report outside the actor's sight answers 404 like a missing one.
 */
import {
  localIsoDate,
  RecordId,
  VOLUNTEER_HOURS_SOURCE_LABELS,
  VOLUNTEER_HOURS_SOURCES,
  VOLUNTEER_HOURS_STATE_LABELS,
  type VolunteerHoursCreateBody,
  type VolunteerHoursDecideBody,
  type VolunteerHoursListQuery,
  type VolunteerHoursListResponse,
  type VolunteerHoursResponse,
  type VolunteerHoursState,
  type VolunteerHoursSummaryQuery,
  type VolunteerHoursSummaryResponse,
  type VolunteerHoursWithdrawBody,
} from '@ningxin/shared';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Executor } from '../../../db/client';
import { volunteerHours } from '../../../db/schema';
import { decodeCursor, encodeCursor } from '../../../lib/cursor';
import { assertVersion, notFound, versionConflict } from '../../../lib/errors';
import { type Actor, assertHolds, coversOrgPath, isWithinPath, selfMemberId } from '../../../policy/policy';
import { inPathSubtree, scopeCondition } from '../../../policy/scope';
import type { ActivityService } from '../../activity/activity.service';
import { audited } from '../../audit/audit.service';
import type { MembersService } from '../../members/record/members.service';
import type { InboxService } from '../../notices/inbox.service';
import type { OrgsService } from '../../orgs/orgs.service';
import type { UsersService } from '../../users/users.service';
import {
  notAMember,
  notDecidable,
  notOnRolls,
  notWithdrawable,
  rejectNeedsReason,
} from './volunteer-hours.errors';
import {
  hoursSourceId,
  LEDGER_MODULE,
  volunteerHoursRepository as repo,
  type VolunteerHoursRow,
} from './volunteer-hours.repository';

export interface VolunteerHoursDeps {
  db: Db;
  members: Pick<MembersService, 'placements'>;
  orgs: Pick<OrgsService, 'lookup'>;
  users: Pick<UsersService, 'memberAccounts' | 'roleHolders'>;
  inbox: Pick<InboxService, 'post'>;
  activity: Pick<ActivityService, 'record'>;
}

const LIST_CURSOR = z.tuple([z.union([z.literal(0), z.literal(1)]), RecordId()]);
const round1 = (n: number) => Math.round(n * 10) / 10;
const iso = (d: Date | null) => (d ? d.toISOString() : null);
const label = (state: string) => VOLUNTEER_HOURS_STATE_LABELS[state as VolunteerHoursState] ?? state;

function ownMemberId(actor: Actor): number {
  const id = selfMemberId(actor);
  if (id === null) throw notAMember();
  return id;
}

/** The title of an approved report in the ledger and the member's timeline. */
export const LEDGER_TITLE_PREFIX = '自主志愿服务：';
export const ledgerTitle = (description: string) =>
  `${LEDGER_TITLE_PREFIX}${description.length > 60 ? `${description.slice(0, 60)}…` : description}`;

export function createVolunteerHoursService({
  db,
  members,
  orgs,
  users,
  inbox,
  activity,
}: VolunteerHoursDeps) {
  const reviewScope = (actor: Actor) =>
    scopeCondition(actor, 'volunteer.manage', {
      inOrgSubtree: (path) => inPathSubtree(volunteerHours.orgPath, path),
      homeCounty: null,
      hostDistrict: null,
      memberId: null,
    });

  const reviews = (actor: Actor, r: VolunteerHoursRow) => coversOrgPath(actor, 'volunteer.manage', r.orgPath);
  const isOwn = (actor: Actor, r: VolunteerHoursRow) => selfMemberId(actor) === r.memberId;

  function present(actor: Actor, r: VolunteerHoursRow): VolunteerHoursResponse {
    const state = r.state as VolunteerHoursState;
    return {
      id: r.id,
      member: { id: r.memberId, name: r.memberName },
      org: { id: r.orgId, name: r.orgName },
      servedOn: r.servedOn,
      hours: Number(r.hours),
      description: r.description,
      place: r.place,
      state,
      stateLabel: VOLUNTEER_HOURS_STATE_LABELS[state],
      decidedBy: r.decidedByName,
      decidedAt: iso(r.decidedAt),
      decisionNote: r.decisionNote,
      createdAt: r.createdAt.toISOString(),
      version: r.version,
      policies: {
        decide: state === 'submitted' && reviews(actor, r),
        withdraw: state === 'submitted' && isOwn(actor, r),
      },
    };
  }

  async function presentOne(actor: Actor, id: number) {
    const row = await repo.findById(db, id);
    if (!row) throw notFound('志愿服务填报');
    return present(actor, row);
  }

  /** The secretaries nearest above the org at `path` (the deepest org scopes covering it). */
  async function secretariesOf(executor: Executor, path: string) {
    const holders = (await users.roleHolders(executor, 'secretary')).filter(
      (h) => h.scopeKind === 'org' && h.orgPath !== null && isWithinPath(path, h.orgPath),
    );
    const deepest = Math.max(0, ...holders.map((h) => (h.orgPath as string).length));
    return [...new Set(holders.filter((h) => (h.orgPath as string).length === deepest).map((h) => h.userId))];
  }

  /** Tells the member (their own logins) what became of their report. */
  async function tellMember(tx: Executor, r: VolunteerHoursRow, title: string) {
    const accounts = await users.memberAccounts(tx, [r.memberId]);
    if (accounts.length === 0) return;
    await inbox.post(tx, {
      userIds: accounts.map((a) => a.userId),
      kind: 'volunteer_hours',
      title,
      link: '/my-volunteer-hours',
      dedupeKey: `volunteer_hours:${r.id}:${r.version + 1}`,
    });
  }

  return {
    /** Reports of the members the actor reviews: those awaiting review first, then newest first. */
    async list(actor: Actor, q: VolunteerHoursListQuery): Promise<VolunteerHoursListResponse> {
      assertHolds(actor, 'volunteer.manage');
      let subtree: string | null = null;
      if (q.orgId !== undefined) {
        const org = await orgs.lookup(db, q.orgId);
        if (!org || !coversOrgPath(actor, 'volunteer.manage', org.path)) throw notFound('组织');
        subtree = org.path;
      }
      const where = and(
        reviewScope(actor),
        q.state ? eq(volunteerHours.state, q.state) : undefined,
        subtree ? inPathSubtree(volunteerHours.orgPath, subtree) : undefined,
      );
      const after = q.cursor ? decodeCursor(q.cursor, LIST_CURSOR) : undefined;
      const rows = await repo.list(db, where, after, q.limit);
      const last = rows.at(-1);
      return {
        items: rows.map((r) => present(actor, r)),
        nextCursor:
          rows.length === q.limit && last
            ? encodeCursor([last.state === 'submitted' ? 0 : 1, last.id])
            : null,
      };
    },

    /** The member's own reports, most recent first (the latest 100). */
    async mine(actor: Actor): Promise<VolunteerHoursListResponse> {
      const memberId = ownMemberId(actor);
      const rows = await repo.mine(db, memberId, 100);
      return { items: rows.map((r) => present(actor, r)), nextCursor: null };
    },

    /** The member's volunteer hours of a year from the ledger, by source, and those awaiting review. */
    async summary(actor: Actor, q: VolunteerHoursSummaryQuery): Promise<VolunteerHoursSummaryResponse> {
      const memberId = ownMemberId(actor);
      const year = q.year ?? Number(localIsoDate(new Date()).slice(0, 4));
      const [rows, pendingHours] = await Promise.all([
        repo.yearBySource(db, memberId, year),
        repo.pendingHours(db, memberId, year),
      ]);
      const bySource = VOLUNTEER_HOURS_SOURCES.map((source) => {
        const r = rows.find((x) => x.source === source);
        return {
          source,
          label: VOLUNTEER_HOURS_SOURCE_LABELS[source],
          hours: round1(Number(r?.hours ?? 0)),
          entries: r?.entries ?? 0,
        };
      });
      return {
        year,
        hours: round1(bySource.reduce((s, x) => s + x.hours, 0)),
        bySource,
        pendingHours: round1(Number(pendingHours)),
      };
    },

    /** A member reports hours of service; the secretaries over their org are told. */
    async create(actor: Actor, body: VolunteerHoursCreateBody): Promise<VolunteerHoursResponse> {
      const memberId = ownMemberId(actor);
      const id = await audited(db, actor, async (tx, audit) => {
        const [p] = await members.placements(tx, [memberId]);
        if (!p) throw notAMember();
        if (p.status !== 'active' && p.status !== 'lost') throw notOnRolls();
        const id = await repo.insert(tx, {
          memberId,
          orgId: p.orgId,
          orgPath: p.orgPath,
          servedOn: body.servedOn,
          hours: String(body.hours),
          description: body.description,
          place: body.place ?? null,
          state: 'submitted',
        });
        const to = await secretariesOf(tx, p.orgPath);
        if (to.length)
          await inbox.post(tx, {
            userIds: to,
            kind: 'volunteer_hours',
            title: `${p.name}填报了 ${body.servedOn} 的志愿服务 ${body.hours} 小时，待审核`,
            link: '/volunteer-hours',
            dedupeKey: `volunteer_hours:${id}:submitted`,
          });
        audit({
          action: 'volunteer.hours_reported',
          targetType: 'volunteer_hours',
          targetId: id,
          targetLabel: `${p.name} ${body.servedOn}`,
          after: {
            servedOn: body.servedOn,
            hours: body.hours,
            description: body.description,
            place: body.place,
          },
        });
        return id;
      });
      return presentOne(actor, id);
    },

    /** A reviewer approves (written to the ledger) or rejects with a reason; the member is told. */
    async decide(actor: Actor, id: number, body: VolunteerHoursDecideBody): Promise<VolunteerHoursResponse> {
      assertHolds(actor, 'volunteer.manage');
      await audited(db, actor, async (tx, audit) => {
        const before = await repo.findById(tx, id, true);
        if (!before || !reviews(actor, before)) throw notFound('志愿服务填报');
        assertVersion(before, body.version);
        if (before.state !== 'submitted') throw notDecidable(label(before.state));
        const reason = body.reason?.trim() || null;
        if (body.decision === 'reject' && !reason) throw rejectNeedsReason();
        const to = body.decision === 'approve' ? 'approved' : 'rejected';
        const values = { state: to, decidedBy: actor.userId, decidedAt: new Date(), decisionNote: reason };
        if (!(await repo.update(tx, id, body.version, values))) throw versionConflict();
        const hours = Number(before.hours);
        if (to === 'approved')
          await activity.record(tx, {
            memberId: before.memberId,
            kind: 'volunteer_hours',
            occurredOn: before.servedOn,
            quantity: hours,
            sourceModule: LEDGER_MODULE,
            sourceId: hoursSourceId(id),
            title: ledgerTitle(before.description),
            org: { id: before.orgId, path: before.orgPath },
          });
        await tellMember(
          tx,
          before,
          to === 'approved'
            ? `您填报的 ${before.servedOn} 志愿服务 ${hours} 小时已审核通过`
            : `您填报的 ${before.servedOn} 志愿服务 ${hours} 小时未通过审核：${reason}`,
        );
        audit({
          action: to === 'approved' ? 'volunteer.hours_approved' : 'volunteer.hours_rejected',
          targetType: 'volunteer_hours',
          targetId: id,
          targetLabel: `${before.memberName} ${before.servedOn}`,
          before: { state: before.state },
          after: { state: to, reason },
        });
      });
      return presentOne(actor, id);
    },

    /** The member withdraws a report still awaiting review. */
    async withdraw(
      actor: Actor,
      id: number,
      body: VolunteerHoursWithdrawBody,
    ): Promise<VolunteerHoursResponse> {
      ownMemberId(actor);
      await audited(db, actor, async (tx, audit) => {
        const before = await repo.findById(tx, id, true);
        if (!before || !isOwn(actor, before)) throw notFound('志愿服务填报');
        assertVersion(before, body.version);
        if (before.state !== 'submitted') throw notWithdrawable(label(before.state));
        if (!(await repo.update(tx, id, body.version, { state: 'withdrawn' }))) throw versionConflict();
        audit({
          action: 'volunteer.hours_withdrawn',
          targetType: 'volunteer_hours',
          targetId: id,
          targetLabel: `${before.memberName} ${before.servedOn}`,
          before: { state: before.state },
          after: { state: 'withdrawn' },
        });
      });
      return presentOne(actor, id);
    },
  };
}

export type VolunteerHoursService = ReturnType<typeof createVolunteerHoursService>;
