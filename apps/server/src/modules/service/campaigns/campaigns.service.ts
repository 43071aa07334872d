/** Campaigns, their posts and shifts: list, read, create, change (volunteer.read / volunteer.manage). */
import {
  addDays,
  RecordId,
  VOLUNTEER_CAMPAIGN_STATE_LABELS,
  VOLUNTEER_CAMPAIGN_TRANSITIONS,
  type VolunteerCampaignCreateBody,
  type VolunteerCampaignDetailResponse,
  type VolunteerCampaignListQuery,
  type VolunteerCampaignListResponse,
  type VolunteerCampaignResponse,
  type VolunteerCampaignState,
  type VolunteerCampaignStateBody,
  type VolunteerCampaignUpdateBody,
  type VolunteerPostBody,
  type VolunteerPostResponse,
  type VolunteerPostUpdateBody,
  type VolunteerShiftCreateBody,
  type VolunteerShiftListQuery,
  type VolunteerShiftListResponse,
  type VolunteerShiftResponse,
  type VolunteerShiftServedBody,
  type VolunteerTask,
} from '@ningxin/shared';
import { and, eq, inArray, like, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '../../../db/client';
import { volunteerCampaigns, volunteerShifts } from '../../../db/schema';
import { decodeCursor, encodeCursor } from '../../../lib/cursor';
import { assertVersion, notFound, versionConflict } from '../../../lib/errors';
import { type Actor, assertHolds } from '../../../policy/policy';
import { audited } from '../../audit/audit.service';
import { ON_ROLLS, postTask, type ServiceAccess } from './campaigns.access';
import {
  campaignNotEditable,
  customTaskMissing,
  dateOutsideCampaign,
  datesReversed,
  leaderNotUsable,
  organizerNotUsable,
  orgNotUsable,
  postNotFound,
  transitionNotAllowed,
} from './campaigns.errors';
import {
  type CampaignRow,
  type PostRow,
  campaignsRepository as repo,
  type ShiftRow,
} from './campaigns.repository';

const CURSOR = z.tuple([z.string(), RecordId()]);
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
const canChange = (state: string) => state === 'draft' || state === 'open';

const campaignAuditView = (r: Partial<CampaignRow>) => ({
  title: r.title,
  orgId: r.orgId,
  coOrgIds: r.coOrgIds,
  partnerName: r.partnerName,
  hostDistrict: r.hostDistrict,
  startsOn: r.startsOn,
  endsOn: r.endsOn,
  selfSignup: r.selfSignup,
  audienceOrgIds: r.audienceOrgIds,
  state: r.state,
});

export const mapPost = (r: PostRow): VolunteerPostResponse => ({
  id: r.id,
  campaignId: r.campaignId,
  name: r.name,
  address: r.address,
  task: r.task as VolunteerTask,
  customTask: r.customTask,
  taskLabel: postTask(r),
  headcount: r.headcount,
  leader: r.leaderMemberId ? { id: r.leaderMemberId, name: r.leaderName } : null,
});

export const mapShift = (r: ShiftRow): VolunteerShiftResponse => ({
  id: r.id,
  campaignId: r.campaignId,
  post: { id: r.postId, name: r.postName, taskLabel: postTask(r) },
  onDate: r.onDate,
  startsAt: r.startsAt.toISOString(),
  endsAt: r.endsAt.toISOString(),
  headcount: r.headcount,
  filled: r.filled,
  checkedIn: r.checkedIn,
  checkedOut: r.checkedOut,
  servedCount: r.servedCount,
  closedAt: r.closedAt?.toISOString() ?? null,
  autoClosed: r.autoClosed,
  version: r.version,
});

export function createCampaignsService(access: ServiceAccess) {
  const { db, orgs, members, readScope, readableCampaign, managedCampaign, manages, ledPost } = access;

  async function named(executor: Executor, ids: readonly number[]) {
    const rows = await orgs.lookupMany(executor, ids);
    const byId = new Map(rows.map((o) => [o.id, o.name]));
    return ids.map((id) => ({ id, name: byId.get(id) ?? '' }));
  }

  async function present(actor: Actor, r: CampaignRow): Promise<VolunteerCampaignResponse> {
    const state = r.state as VolunteerCampaignState;
    return {
      id: r.id,
      title: r.title,
      description: r.description,
      org: { id: r.orgId, name: r.orgName },
      coOrgs: await named(db, r.coOrgIds),
      partnerName: r.partnerName,
      hostDistrict: r.hostDistrict,
      startsOn: r.startsOn,
      endsOn: r.endsOn,
      selfSignup: r.selfSignup,
      audienceOrgs: await named(db, r.audienceOrgIds),
      state,
      stateLabel: VOLUNTEER_CAMPAIGN_STATE_LABELS[state],
      counts: { posts: r.posts, shifts: r.shifts, volunteers: r.volunteers, places: r.places },
      version: r.version,
      createdAt: r.createdAt.toISOString(),
      policies: { manage: manages(actor, r.orgPath) && canChange(state) },
    };
  }

  async function checkOrgs(tx: Executor, field: string, ids: readonly number[]) {
    const found = new Map((await orgs.lookupMany(tx, ids)).map((o) => [o.id, o]));
    ids.forEach((id, i) => {
      const org = found.get(id);
      if (!org || org.closedAt) throw orgNotUsable(field, i);
    });
  }

  /** A leader: a member on the rolls in the actor's scope. */
  async function checkLeader(tx: Executor, actor: Actor, memberId: number | null | undefined) {
    if (!memberId) return;
    const [m] = await members.placements(tx, [memberId]);
    if (!m || !ON_ROLLS.includes(m.status) || !manages(actor, m.orgPath)) throw leaderNotUsable();
  }

  async function editableCampaign(tx: Executor, actor: Actor, id: number, lock = false) {
    const c = await managedCampaign(tx, actor, id, lock);
    if (!canChange(c.state))
      throw campaignNotEditable(VOLUNTEER_CAMPAIGN_STATE_LABELS[c.state as VolunteerCampaignState]);
    return c;
  }

  const self = {
    async list(actor: Actor, q: VolunteerCampaignListQuery): Promise<VolunteerCampaignListResponse> {
      assertHolds(actor, 'volunteer.read');
      const words = q.q?.trim();
      const where = and(
        readScope(actor),
        q.state ? eq(volunteerCampaigns.state, q.state) : undefined,
        q.year
          ? sql`${volunteerCampaigns.startsOn} between ${`${q.year}-01-01`} and ${`${q.year}-12-31`}`
          : undefined,
        words ? like(volunteerCampaigns.title, `%${escapeLike(words)}%`) : undefined,
      );
      const after = q.cursor ? decodeCursor(q.cursor, CURSOR) : undefined;
      const rows = await repo.campaigns(db, where, after, q.limit);
      const last = rows.at(-1);
      return {
        items: await Promise.all(rows.map((r) => present(actor, r))),
        nextCursor: rows.length === q.limit && last ? encodeCursor([last.startsOn, last.id]) : null,
      };
    },

    async get(actor: Actor, id: number): Promise<VolunteerCampaignDetailResponse> {
      const row = await readableCampaign(db, actor, id);
      return { ...(await present(actor, row)), posts: (await repo.posts(db, id)).map(mapPost) };
    },

    async create(actor: Actor, body: VolunteerCampaignCreateBody): Promise<VolunteerCampaignDetailResponse> {
      const id = await audited(db, actor, async (tx, audit) => {
        assertHolds(actor, 'volunteer.manage');
        const org = await orgs.lookup(tx, body.orgId);
        if (!org || org.closedAt || !manages(actor, org.path)) throw organizerNotUsable();
        await checkOrgs(tx, 'coOrgIds', body.coOrgIds);
        await checkOrgs(tx, 'audienceOrgIds', body.audienceOrgIds);
        if (body.endsOn < body.startsOn) throw datesReversed();
        const values = {
          title: body.title,
          description: body.description ?? null,
          orgId: org.id,
          orgPath: org.path,
          coOrgIds: [...new Set(body.coOrgIds)],
          partnerName: body.partnerName ?? null,
          hostDistrict: body.hostDistrict === undefined ? org.hostDistrict : body.hostDistrict,
          startsOn: body.startsOn,
          endsOn: body.endsOn,
          selfSignup: body.selfSignup,
          audienceOrgIds: [...new Set(body.audienceOrgIds)],
          state: 'draft',
          createdBy: actor.userId,
        };
        const id = await repo.insertCampaign(tx, values);
        audit({
          action: 'volunteer.campaign_created',
          targetType: 'volunteer_campaign',
          targetId: id,
          targetLabel: values.title,
          after: campaignAuditView(values),
        });
        return id;
      });
      return self.get(actor, id);
    },

    async update(actor: Actor, id: number, body: VolunteerCampaignUpdateBody) {
      await audited(db, actor, async (tx, audit) => {
        const before = await managedCampaign(tx, actor, id, true);
        assertVersion(before, body.version);
        if (!canChange(before.state))
          throw campaignNotEditable(VOLUNTEER_CAMPAIGN_STATE_LABELS[before.state as VolunteerCampaignState]);
        if (body.coOrgIds) await checkOrgs(tx, 'coOrgIds', body.coOrgIds);
        if (body.audienceOrgIds) await checkOrgs(tx, 'audienceOrgIds', body.audienceOrgIds);
        const { version, ...rest } = body;
        const values = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)) as Partial<
          typeof volunteerCampaigns.$inferInsert
        >;
        const merged = { ...before, ...values };
        if (merged.endsOn < merged.startsOn) throw datesReversed();
        if (!(await repo.updateCampaign(tx, id, version, values))) throw versionConflict();
        audit({
          action: 'volunteer.campaign_updated',
          targetType: 'volunteer_campaign',
          targetId: id,
          targetLabel: merged.title,
          before: campaignAuditView(before),
          after: campaignAuditView(values as Partial<CampaignRow>),
        });
      });
      return self.get(actor, id);
    },

    async changeState(actor: Actor, id: number, body: VolunteerCampaignStateBody) {
      await audited(db, actor, async (tx, audit) => {
        const before = await managedCampaign(tx, actor, id, true);
        assertVersion(before, body.version);
        const from = before.state as VolunteerCampaignState;
        if (!VOLUNTEER_CAMPAIGN_TRANSITIONS[from].includes(body.to))
          throw transitionNotAllowed(
            VOLUNTEER_CAMPAIGN_STATE_LABELS[from],
            VOLUNTEER_CAMPAIGN_STATE_LABELS[body.to],
          );
        if (!(await repo.updateCampaign(tx, id, body.version, { state: body.to }))) throw versionConflict();
        audit({
          action: 'volunteer.campaign_state_changed',
          targetType: 'volunteer_campaign',
          targetId: id,
          targetLabel: before.title,
          before: { state: from },
          after: { state: body.to },
        });
      });
      return self.get(actor, id);
    },

    async addPost(actor: Actor, id: number, body: VolunteerPostBody): Promise<VolunteerPostResponse> {
      const postId = await audited(db, actor, async (tx, audit) => {
        const campaign = await editableCampaign(tx, actor, id, true);
        if (body.task === 'custom' && !body.customTask) throw customTaskMissing();
        await checkLeader(tx, actor, body.leaderMemberId);
        const values = {
          campaignId: id,
          name: body.name,
          address: body.address ?? null,
          task: body.task,
          customTask: body.task === 'custom' ? (body.customTask ?? null) : null,
          headcount: body.headcount,
          leaderMemberId: body.leaderMemberId ?? null,
        };
        const postId = await repo.insertPost(tx, values);
        audit({
          action: 'volunteer.post_saved',
          targetType: 'volunteer_campaign',
          targetId: id,
          targetLabel: campaign.title,
          after: { postId, ...values },
        });
        return postId;
      });
      return mapPost((await repo.post(db, id, postId))!);
    },

    async updatePost(actor: Actor, id: number, postId: number, body: VolunteerPostUpdateBody) {
      await audited(db, actor, async (tx, audit) => {
        const campaign = await editableCampaign(tx, actor, id, true);
        const before = await repo.post(tx, id, postId);
        if (!before) throw notFound('点位');
        const task = body.task ?? before.task;
        const customTask = body.customTask !== undefined ? body.customTask : before.customTask;
        if (task === 'custom' && !customTask) throw customTaskMissing();
        if (body.leaderMemberId !== undefined) await checkLeader(tx, actor, body.leaderMemberId);
        const values = {
          ...Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)),
          customTask: task === 'custom' ? customTask : null,
        };
        await repo.updatePost(tx, postId, values);
        audit({
          action: 'volunteer.post_saved',
          targetType: 'volunteer_campaign',
          targetId: id,
          targetLabel: campaign.title,
          before: {
            postId,
            name: before.name,
            headcount: before.headcount,
            leaderMemberId: before.leaderMemberId,
          },
          after: { postId, ...values },
        });
      });
      return mapPost((await repo.post(db, id, postId))!);
    },

    async shifts(actor: Actor, id: number, q: VolunteerShiftListQuery): Promise<VolunteerShiftListResponse> {
      await readableCampaign(db, actor, id);
      const rows = await repo.shifts(
        db,
        and(
          eq(volunteerShifts.campaignId, id),
          q.onDate ? eq(volunteerShifts.onDate, q.onDate) : undefined,
          q.postId ? eq(volunteerShifts.postId, q.postId) : undefined,
        ),
      );
      return { items: rows.map(mapShift) };
    },

    async addShifts(
      actor: Actor,
      id: number,
      body: VolunteerShiftCreateBody,
    ): Promise<VolunteerShiftListResponse> {
      const ids = await audited(db, actor, async (tx, audit) => {
        const campaign = await editableCampaign(tx, actor, id, true);
        const post = await repo.post(tx, id, body.postId);
        if (!post) throw postNotFound();
        const days = [...new Set(body.onDates)].sort();
        days.forEach((d, i) => {
          if (d < campaign.startsOn || d > campaign.endsOn)
            throw dateOutsideCampaign(
              body.onDates.indexOf(d) >= 0 ? body.onDates.indexOf(d) : i,
              campaign.startsOn,
              campaign.endsOn,
            );
        });
        const overnight = body.endTime <= body.startTime;
        const values = days.map((d) => ({
          campaignId: id,
          postId: post.id,
          onDate: d,
          startsAt: new Date(`${d}T${body.startTime}:00+08:00`),
          endsAt: new Date(`${overnight ? addDays(d, 1) : d}T${body.endTime}:00+08:00`),
        }));
        const ids = await repo.insertShifts(tx, values);
        audit({
          action: 'volunteer.shifts_created',
          targetType: 'volunteer_campaign',
          targetId: id,
          targetLabel: campaign.title,
          after: { postId: post.id, days, startTime: body.startTime, endTime: body.endTime },
        });
        return ids;
      });
      const rows = await repo.shifts(
        db,
        and(eq(volunteerShifts.campaignId, id), inArray(volunteerShifts.id, ids)),
      );
      return { items: rows.map(mapShift) };
    },

    /** The people served on a shift: the post leader or a manager. */
    async recordServed(actor: Actor, id: number, shiftId: number, body: VolunteerShiftServedBody) {
      await audited(db, actor, async (tx, audit) => {
        const shift = await repo.shift(tx, id, shiftId, true);
        if (!shift) throw notFound('班次');
        const { campaign } = await ledPost(tx, actor, id, shift.postId);
        assertVersion(shift, body.version);
        if (!(await repo.updateShift(tx, shiftId, body.version, { servedCount: body.servedCount })))
          throw versionConflict();
        audit({
          action: 'volunteer.served_recorded',
          targetType: 'volunteer_campaign',
          targetId: id,
          targetLabel: campaign.title,
          before: { shiftId, servedCount: shift.servedCount },
          after: { shiftId, servedCount: body.servedCount },
        });
      });
      return mapShift((await repo.shift(db, id, shiftId))!);
    },
  };
  return self;
}

export type CampaignsService = ReturnType<typeof createCampaignsService>;
