/**
 * What members and post leaders see of the roster on a phone: the campaigns open to a member with
 * their shifts, the member's own places, and a leader's shifts of a day at their posts.
 */
import {
  localIsoDate,
  type OpenVolunteerCampaignsResponse,
  type VolunteerLeaderDayResponse,
  type VolunteerMyShiftsResponse,
} from '@ningxin/shared';
import { and, eq, gte, inArray, lt } from 'drizzle-orm';
import { volunteerAssignments, volunteerCampaigns, volunteerShifts } from '../../../db/schema';
import type { Actor } from '../../../policy/policy';
import { audienceHolds, mapAssignment, postTask, type ServiceAccess } from '../campaigns/campaigns.access';
import { campaignsRepository as repo } from '../campaigns/campaigns.repository';

export function createRosterViews(access: ServiceAccess) {
  const { db, members, ownMemberId } = access;
  return {
    /** Campaigns open to the member (audience, self sign-up) with their shifts from today on. */
    async open(actor: Actor): Promise<OpenVolunteerCampaignsResponse> {
      const me = ownMemberId(actor);
      const [m] = await members.placements(db, [me]);
      if (!m) return { items: [] };
      const today = localIsoDate(new Date());
      const rows = await repo.allCampaigns(
        db,
        and(
          eq(volunteerCampaigns.state, 'open'),
          eq(volunteerCampaigns.selfSignup, true),
          gte(volunteerCampaigns.endsOn, today),
        ),
      );
      const items = [];
      for (const c of rows) {
        if (!audienceHolds(c, m.orgPath)) continue;
        const shifts = await repo.shifts(
          db,
          and(eq(volunteerShifts.campaignId, c.id), gte(volunteerShifts.onDate, today)),
        );
        const mine = await repo.places(
          db,
          and(eq(volunteerAssignments.campaignId, c.id), eq(volunteerAssignments.memberId, me)),
        );
        const mineBy = new Map(mine.map((a) => [a.shiftId, a.id]));
        items.push({
          id: c.id,
          title: c.title,
          description: c.description,
          orgName: c.orgName,
          partnerName: c.partnerName,
          startsOn: c.startsOn,
          endsOn: c.endsOn,
          shifts: shifts.map((s) => ({
            id: s.id,
            post: { id: s.postId, name: s.postName, address: s.postAddress, taskLabel: postTask(s) },
            onDate: s.onDate,
            startsAt: s.startsAt.toISOString(),
            endsAt: s.endsAt.toISOString(),
            headcount: s.headcount,
            filled: s.filled,
            mine: mineBy.get(s.id) ?? null,
          })),
        });
      }
      return { items };
    },

    /** The member's own places: from today on, and the latest before. */
    async mine(actor: Actor): Promise<VolunteerMyShiftsResponse> {
      const me = ownMemberId(actor);
      const today = localIsoDate(new Date());
      const [upcoming, past] = await Promise.all([
        repo.places(db, and(eq(volunteerAssignments.memberId, me), gte(volunteerShifts.onDate, today))),
        repo.places(
          db,
          and(eq(volunteerAssignments.memberId, me), lt(volunteerShifts.onDate, today)),
          true,
          50,
        ),
      ]);
      return { upcoming: upcoming.map(mapAssignment), past: past.map(mapAssignment) };
    },

    /** The post leader's day: the shifts at the posts they lead (open campaigns), with rosters. */
    async leading(actor: Actor, onDate?: string): Promise<VolunteerLeaderDayResponse> {
      const me = ownMemberId(actor);
      const day = onDate ?? localIsoDate(new Date());
      const led = await repo.ledPosts(db, me);
      const shifts = await repo.shiftsOfPosts(
        db,
        led.map((p) => p.id),
        day,
      );
      const places = shifts.length
        ? await repo.places(
            db,
            inArray(
              volunteerAssignments.shiftId,
              shifts.map((s) => s.id),
            ),
            false,
            2000,
          )
        : [];
      const campaigns = new Map<number, string>();
      for (const p of places) campaigns.set(p.campaignId, p.campaignTitle);
      for (const s of shifts)
        if (!campaigns.has(s.campaignId))
          campaigns.set(s.campaignId, (await repo.campaign(db, s.campaignId))?.title ?? '');
      return {
        onDate: day,
        shifts: shifts.map((s) => ({
          id: s.id,
          campaignId: s.campaignId,
          campaignTitle: campaigns.get(s.campaignId) ?? '',
          post: { id: s.postId, name: s.postName, address: s.postAddress, taskLabel: postTask(s) },
          onDate: s.onDate,
          startsAt: s.startsAt.toISOString(),
          endsAt: s.endsAt.toISOString(),
          headcount: s.headcount,
          servedCount: s.servedCount,
          closedAt: s.closedAt?.toISOString() ?? null,
          version: s.version,
          roster: places.filter((p) => p.shiftId === s.id).map(mapAssignment),
        })),
      };
    },
  };
}
