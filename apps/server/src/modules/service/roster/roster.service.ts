/**
 * The roster: secretaries put members of their scope on shifts, members of the audience sign
 * themselves up; a member's overlapping places are refused (409 naming the other shift), as is a
 * full shift (roster.places.ts). Check-in and check-out are in roster.check-in.ts, what members
 * and leaders see in roster.views.ts; the service is the three together.
 */
import {
  RecordId,
  VOLUNTEER_ASSIGNMENT_STATE_LABELS,
  type VolunteerAssignBody,
  type VolunteerAssignmentResponse,
  type VolunteerAssignmentState,
  type VolunteerRosterQuery,
  type VolunteerRosterResponse,
  type VolunteerSignUpBody,
} from '@ningxin/shared';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { volunteerAssignments } from '../../../db/schema';
import { decodeCursor, encodeCursor } from '../../../lib/cursor';
import { notFound } from '../../../lib/errors';
import type { Actor } from '../../../policy/policy';
import { audited } from '../../audit/audit.service';
import { audienceHolds, mapAssignment, ON_ROLLS, type ServiceAccess } from '../campaigns/campaigns.access';
import {
  memberNotUsable,
  placeNotScheduled,
  shiftNotFound,
  signUpClosed,
} from '../campaigns/campaigns.errors';
import { campaignsRepository as repo } from '../campaigns/campaigns.repository';
import { createCheckIn } from './roster.check-in';
import { placeMember, presentPlace } from './roster.places';
import { createRosterViews } from './roster.views';

const CURSOR = z.tuple([z.string(), RecordId()]);

export function createRosterService(access: ServiceAccess) {
  const { db, members } = access;
  const { readableCampaign, managedCampaign, manages, ownMemberId } = access;
  const presentOne = (id: number) => presentPlace(db, id);

  const assignments = {
    async roster(actor: Actor, id: number, q: VolunteerRosterQuery): Promise<VolunteerRosterResponse> {
      await readableCampaign(db, actor, id);
      const after = q.cursor ? decodeCursor(q.cursor, CURSOR) : undefined;
      const rows = await repo.roster(
        db,
        and(
          eq(volunteerAssignments.campaignId, id),
          q.shiftId ? eq(volunteerAssignments.shiftId, q.shiftId) : undefined,
          q.state ? eq(volunteerAssignments.state, q.state) : undefined,
        ),
        after,
        q.limit,
      );
      const last = rows.at(-1);
      return {
        items: rows.map(mapAssignment),
        nextCursor:
          rows.length === q.limit && last ? encodeCursor([last.startsAt.toISOString(), last.id]) : null,
      };
    },

    /** A secretary puts a member of their scope on a shift. */
    async assign(actor: Actor, id: number, body: VolunteerAssignBody): Promise<VolunteerAssignmentResponse> {
      const placeId = await audited(db, actor, async (tx, audit) => {
        const campaign = await managedCampaign(tx, actor, id);
        if (campaign.state !== 'draft' && campaign.state !== 'open')
          throw signUpClosed(`活动${campaign.state === 'finished' ? '已结束' : '已取消'}，不能再排班`);
        const shift = await repo.shift(tx, id, body.shiftId);
        if (!shift) throw shiftNotFound();
        const [m] = await members.placements(tx, [body.memberId]);
        if (!m || !ON_ROLLS.includes(m.status) || !manages(actor, m.orgPath)) throw memberNotUsable();
        const placeId = await placeMember(tx, shift, m.id, 'assigned', 'memberId', actor.userId);
        audit({
          action: 'volunteer.assigned',
          targetType: 'volunteer_campaign',
          targetId: id,
          targetLabel: campaign.title,
          after: { assignmentId: placeId, shiftId: shift.id, memberId: m.id },
        });
        return placeId;
      });
      return presentOne(placeId);
    },

    /** A manager takes a scheduled place off the roster. */
    async unassign(actor: Actor, id: number, assignmentId: number): Promise<void> {
      await audited(db, actor, async (tx, audit) => {
        const campaign = await managedCampaign(tx, actor, id);
        const a = await repo.assignment(tx, assignmentId, true);
        if (!a || a.campaignId !== id) throw notFound('排班');
        if (a.state !== 'scheduled')
          throw placeNotScheduled(VOLUNTEER_ASSIGNMENT_STATE_LABELS[a.state as VolunteerAssignmentState]);
        await repo.deleteAssignment(tx, assignmentId);
        audit({
          action: 'volunteer.unassigned',
          targetType: 'volunteer_campaign',
          targetId: id,
          targetLabel: campaign.title,
          before: { assignmentId, shiftId: a.shiftId, memberId: a.memberId },
        });
      });
    },

    /** A member of the audience signs up for a shift not yet started. */
    async signUp(actor: Actor, id: number, body: VolunteerSignUpBody): Promise<VolunteerAssignmentResponse> {
      const me = ownMemberId(actor);
      const placeId = await audited(db, actor, async (tx, audit) => {
        // A campaign the member may not see (not open, not for them) is not found.
        const campaign = await repo.campaign(tx, id);
        const [m] = await members.placements(tx, [me]);
        if (campaign?.state !== 'open' || !m || !audienceHolds(campaign, m.orgPath))
          throw notFound('志愿服务活动');
        if (!campaign.selfSignup) throw signUpClosed('本活动由组织统一安排，不接受个人报名');
        const shift = await repo.shift(tx, id, body.shiftId);
        if (!shift) throw shiftNotFound();
        if (shift.startsAt.getTime() <= Date.now()) throw signUpClosed('该班次已开始，不能再报名');
        const placeId = await placeMember(tx, shift, me, 'self', 'shiftId', actor.userId);
        audit({
          action: 'volunteer.signed_up',
          targetType: 'volunteer_campaign',
          targetId: id,
          targetLabel: campaign.title,
          after: { assignmentId: placeId, shiftId: shift.id, memberId: me },
        });
        return placeId;
      });
      return presentOne(placeId);
    },

    /** A member withdraws their own place before the shift starts. */
    async withdraw(actor: Actor, id: number, assignmentId: number): Promise<void> {
      const me = ownMemberId(actor);
      await audited(db, actor, async (tx, audit) => {
        const a = await repo.assignment(tx, assignmentId, true);
        if (!a || a.campaignId !== id || a.memberId !== me) throw notFound('排班');
        if (a.state !== 'scheduled' || a.startsAt.getTime() <= Date.now())
          throw placeNotScheduled(
            a.state === 'scheduled'
              ? '的班次已开始'
              : VOLUNTEER_ASSIGNMENT_STATE_LABELS[a.state as VolunteerAssignmentState],
          );
        await repo.deleteAssignment(tx, assignmentId);
        audit({
          action: 'volunteer.unassigned',
          targetType: 'volunteer_campaign',
          targetId: id,
          targetLabel: a.campaignTitle,
          before: { assignmentId, shiftId: a.shiftId, memberId: me },
        });
      });
    },
  };
  return { ...assignments, ...createCheckIn(access), ...createRosterViews(access) };
}

export type RosterService = ReturnType<typeof createRosterService>;
