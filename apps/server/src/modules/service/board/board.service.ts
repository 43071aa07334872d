/** The campaign board (/:id/summary): volunteers, days, shifts filled, hours, people served; by post and day. */
import {
  daysBetween,
  type VolunteerBoardFigures,
  type VolunteerCampaignSummaryResponse,
} from '@ningxin/shared';
import { and, sql } from 'drizzle-orm';
import { volunteerCampaigns } from '../../../db/schema';
import { type Actor, assertHolds } from '../../../policy/policy';
import { postTask, type ServiceAccess } from '../campaigns/campaigns.access';
import { campaignsRepository as repo } from '../campaigns/campaigns.repository';
import { boardRepository } from './board.repository';

const empty = (): VolunteerBoardFigures => ({
  volunteers: 0,
  shifts: 0,
  shiftsFilled: 0,
  places: 0,
  checkedOut: 0,
  noShows: 0,
  hours: 0,
  served: 0,
});

/** Hours summed in SQL as numeric text, kept to two decimals. */
const round2 = (n: number) => Math.round(n * 100) / 100;

export function createBoardService(access: ServiceAccess) {
  const { db, readableCampaign, readScope } = access;
  return {
    async summary(actor: Actor, id: number): Promise<VolunteerCampaignSummaryResponse> {
      const campaign = await readableCampaign(db, actor, id);
      const [cells, counts, posts] = await Promise.all([
        boardRepository.board(db, id),
        boardRepository.volunteerCounts(db, id),
        repo.posts(db, id),
      ]);
      const totals = empty();
      const byPost = new Map(
        posts.map((p) => [p.id, { ...empty(), postId: p.id, name: p.name, taskLabel: postTask(p) }]),
      );
      const byDay = new Map<string, VolunteerBoardFigures & { onDate: string }>();
      for (const c of cells) {
        const day = byDay.get(c.on_date) ?? { ...empty(), onDate: c.on_date };
        byDay.set(c.on_date, day);
        for (const f of [totals, byPost.get(c.post_id), day]) {
          if (!f) continue;
          f.shifts += c.shifts;
          f.shiftsFilled += c.shifts_filled;
          f.places += c.places;
          f.checkedOut += c.checked_out;
          f.noShows += c.no_shows;
          f.hours = round2(f.hours + Number(c.hours));
          f.served += c.served;
        }
      }
      for (const n of counts) {
        if (n.post_id === null && n.on_date === null) totals.volunteers = n.n;
        else if (n.post_id !== null) {
          const p = byPost.get(n.post_id);
          if (p) p.volunteers = n.n;
        } else if (n.on_date !== null) {
          const d = byDay.get(n.on_date);
          if (d) d.volunteers = n.n;
        }
      }
      return {
        campaign: {
          id: campaign.id,
          title: campaign.title,
          startsOn: campaign.startsOn,
          endsOn: campaign.endsOn,
        },
        days: byDay.size || daysBetween(campaign.startsOn, campaign.endsOn) + 1,
        totals,
        byPost: [...byPost.values()],
        byDay: [...byDay.values()].sort((a, b) => a.onDate.localeCompare(b.onDate)),
      };
    },

    /**
     * The campaigns starting in the year that the actor reads, added up by the organizer's
     * second-level committee (the top committee for a campaign it organizes itself).
     */
    async byCommittee(actor: Actor, year: number) {
      assertHolds(actor, 'volunteer.read');
      const rows = await boardRepository.byCommittee(
        db,
        and(
          readScope(actor),
          sql`${volunteerCampaigns.startsOn} between ${`${year}-01-01`} and ${`${year}-12-31`}`,
        ),
      );
      return rows.map((r) => ({
        committee: { id: r.committee_id ?? 0, name: r.name ?? '' },
        campaigns: r.campaigns,
        volunteers: r.volunteers,
        shifts: r.shifts,
        hours: round2(Number(r.hours)),
        served: r.served,
      }));
    },
  };
}

export type BoardService = ReturnType<typeof createBoardService>;
