import { type SQL, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../../db/client';
import { volunteerCampaigns } from '../../../db/schema';
import { committeeOf } from '../../orgs/orgs.fragments';

/** The campaign board's figures, summed in SQL over the shifts and the roster of one campaign. */
export const boardRepository = {
  /** The campaign board: figures of each post on each day (the service sums them up). */
  board(db: Executor, campaignId: number) {
    return queryRows<{
      post_id: number;
      on_date: string;
      shifts: number;
      shifts_filled: number;
      places: number;
      checked_out: number;
      no_shows: number;
      hours: string;
      served: number;
    }>(
      db,
      sql`select s.post_id, s.on_date::text as on_date, count(*)::int as shifts,
          count(*) filter (where coalesce(a.places, 0) >= p.headcount)::int as shifts_filled,
          coalesce(sum(a.places), 0)::int as places,
          coalesce(sum(a.checked_out), 0)::int as checked_out,
          coalesce(sum(a.no_shows), 0)::int as no_shows,
          coalesce(sum(a.hours), 0)::text as hours,
          coalesce(sum(s.served_count), 0)::int as served
        from volunteer_shifts s
        join volunteer_posts p on p.id = s.post_id
        left join lateral (
          select count(*) filter (where x.state <> 'no_show') as places,
            count(*) filter (where x.state = 'checked_out') as checked_out,
            count(*) filter (where x.state = 'no_show') as no_shows,
            sum(x.hours) as hours
          from volunteer_assignments x where x.shift_id = s.id) a on true
        where s.campaign_id = ${campaignId}
        group by s.post_id, s.on_date
        order by s.on_date, s.post_id`,
    );
  },

  /** Distinct volunteers of a campaign, on the whole and by post and day (no-shows aside). */
  volunteerCounts(db: Executor, campaignId: number) {
    return queryRows<{ post_id: number | null; on_date: string | null; n: number }>(
      db,
      sql`select s.post_id, s.on_date::text as on_date, count(distinct a.member_id)::int as n
        from volunteer_assignments a join volunteer_shifts s on s.id = a.shift_id
        where a.campaign_id = ${campaignId} and a.state <> 'no_show'
        group by grouping sets ((), (s.post_id), (s.on_date))`,
    );
  },
  /**
   * The figures of the campaigns matching `where`, added up by the organizer's second-level
   * committee: campaigns, distinct volunteers (no-shows aside), shifts, hours, people served.
   */
  byCommittee(db: Executor, where: SQL | undefined) {
    const committee = committeeOf(volunteerCampaigns.orgId);
    return queryRows<{
      committee_id: number | null;
      name: string | null;
      campaigns: number;
      volunteers: number;
      shifts: number;
      hours: string;
      served: number;
    }>(
      db,
      sql`with c as (
          select ${volunteerCampaigns.id} as id, ${committee.id} as committee_id, ${committee.name} as name
          from ${volunteerCampaigns} where ${where ?? sql`true`})
        select c.committee_id, c.name, count(*)::int as campaigns,
          (select count(distinct a.member_id)::int from volunteer_assignments a
            join c x on x.id = a.campaign_id
            where x.committee_id is not distinct from c.committee_id and a.state <> 'no_show') as volunteers,
          coalesce(sum(s.shifts), 0)::int as shifts,
          coalesce(sum(h.hours), 0)::text as hours,
          coalesce(sum(s.served), 0)::int as served
        from c
        left join lateral (select count(*) as shifts, sum(served_count) as served
          from volunteer_shifts where campaign_id = c.id) s on true
        left join lateral (select sum(hours) as hours
          from volunteer_assignments where campaign_id = c.id) h on true
        group by c.committee_id, c.name
        order by served desc, c.name`,
    );
  },
};
