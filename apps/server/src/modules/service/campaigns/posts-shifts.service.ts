/** A campaign's posts (点位) and their shifts: add, change, list; the people served on a shift. */
import {
  addDays,
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
import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../../db/client';
import { volunteerShifts } from '../../../db/schema';
import { assertVersion, notFound, versionConflict } from '../../../lib/errors';
import type { Actor } from '../../../policy/policy';
import { audited } from '../../audit/audit.service';
import { ON_ROLLS, postTask, type ServiceAccess } from './campaigns.access';
import { customTaskMissing, dateOutsideCampaign, leaderNotUsable, postNotFound } from './campaigns.errors';
import { type PostRow, campaignsRepository as repo, type ShiftRow } from './campaigns.repository';

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

export function createPostsAndShifts(access: ServiceAccess) {
  const { db, members, readableCampaign, editableCampaign, manages, ledPost } = access;

  /** A leader: a member on the rolls in the actor's scope. */
  async function checkLeader(tx: Executor, actor: Actor, memberId: number | null | undefined) {
    if (!memberId) return;
    const [m] = await members.placements(tx, [memberId]);
    if (!m || !ON_ROLLS.includes(m.status) || !manages(actor, m.orgPath)) throw leaderNotUsable();
  }

  return {
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
}
