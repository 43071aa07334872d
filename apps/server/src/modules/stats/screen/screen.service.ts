import {
  type Action,
  divisionName,
  type MemberStatus,
  type ScreenResponse,
  type StatsOverviewResponse,
} from '@ningxin/shared';
import type { Db } from '../../../db/client';
import { type Actor, permissionsOf } from '../../../policy/policy';
import type { ActivityService } from '../../activity/activity.service';
import type { CampaignsService as FindingCampaigns } from '../../finding/campaigns/campaigns.service';
import type { TotalsService } from '../../hometown/totals/totals.service';
import type { MeetingsService } from '../../life/meetings/meetings.service';
import type { MemberCounts } from '../../members/counts/members.counts';
import { committeeDay } from '../../notices/anniversaries';
import type { OrgsService } from '../../orgs/orgs.service';
import type { BoardService } from '../../service/board/board.service';
import type { CampaignsService as VolunteerCampaigns } from '../../service/campaigns/campaigns.service';
import type { SettingsService } from '../../settings/settings.service';

export interface ScreenDeps {
  db: Db;
  counts: MemberCounts;
  orgs: Pick<OrgsService, 'topCommittee'>;
  finding: Pick<FindingCampaigns, 'list' | 'progress'>;
  volunteerCampaigns: Pick<VolunteerCampaigns, 'list'>;
  board: Pick<BoardService, 'summary'>;
  hometown: Pick<TotalsService, 'totals'>;
  meetings: Pick<MeetingsService, 'monthByCommittee'>;
  activity: Pick<ActivityService, 'recent'>;
  settings: Pick<SettingsService, 'get'>;
  /** How long a computed screen is served again to the same scope (ms). */
  cacheMs?: number;
}

/** Members on the rolls: 在册 and 失联. */
const ON_ROLLS: MemberStatus[] = ['active', 'lost'];
/** The 平安守望 campaign the screen shows (the latest whose title holds this). */
const WATCH_CAMPAIGN = '平安守望';
/** The deeds the feed shows: public good works, not a member's troubles or payments. */
const FEED_KINDS = new Set(['volunteer_hours', 'contribution', 'honour', 'meeting_attended', 'study_hours']);
const FEED_KIND_LABELS: Record<string, string> = {
  volunteer_hours: '志愿服务',
  contribution: '服务家乡',
  honour: '获得表彰',
  meeting_attended: '参加组织生活',
  study_hours: '学习',
};
const FEED_MAX = 20;

/**
 * The big screen (数据大屏): the headline figures and the panels of a scope, each read from the
 * owning module's service (member rollups, the ledgers' totals, the campaigns' boards). A
 * figure whose module the actor may not read is null (a district viewer has no hometown ledger).
 */
export function createScreenService(deps: ScreenDeps) {
  const { db, counts } = deps;
  const cacheMs = deps.cacheMs ?? 5000;
  /** Computed screens by scope key, for a few seconds: several screens of one scope read one answer. */
  const cache = new Map<string, { at: number; value: Promise<ScreenResponse> }>();

  const holds = (actor: Actor, action: Action) => permissionsOf(actor).includes(action);

  /** The founding drive: the visible finding campaign with the largest target. */
  async function foundingDrive(actor: Actor) {
    if (!holds(actor, 'finding.manage')) return null;
    const { items } = await deps.finding.list(actor, { limit: 100 });
    const drive = items.reduce<(typeof items)[number] | null>(
      (best, c) => (!best || c.targetCount > best.targetCount ? c : best),
      null,
    );
    return drive ? deps.finding.progress(actor, drive.id) : null;
  }

  async function watchBoard(actor: Actor) {
    if (!holds(actor, 'volunteer.read')) return null;
    const { items } = await deps.volunteerCampaigns.list(actor, { q: WATCH_CAMPAIGN, limit: 1 });
    const campaign = items[0];
    return campaign ? deps.board.summary(actor, campaign.id) : null;
  }

  async function hometownTotals(actor: Actor) {
    if (!holds(actor, 'hometown.read')) return null;
    return deps.hometown.totals(actor, {});
  }

  async function monthLife(actor: Actor, month: string) {
    if (!holds(actor, 'meeting.read')) return null;
    const rows = await deps.meetings.monthByCommittee(actor, month);
    rows.sort((a, b) => b.planned - a.planned || a.name.localeCompare(b.name, 'zh'));
    return {
      month,
      held: rows.reduce((s, r) => s + r.held, 0),
      planned: rows.reduce((s, r) => s + r.planned, 0),
      byCommittee: rows.map(({ name, held, planned }) => ({ name, held, planned })),
    };
  }

  async function compute(actor: Actor): Promise<ScreenResponse> {
    const month = committeeDay(new Date()).slice(0, 7);
    const none = { homeCounty: [], hostDistrict: [], status: ON_ROLLS };
    const [byCommittee, byCounty, byDistrict, top, drive, watch, hometown, life, recent, refreshSeconds] =
      await Promise.all([
        counts.counts(actor, { by: 'committee', ...none }),
        counts.counts(actor, { by: 'homeCounty', ...none }),
        counts.byHostDistrict(actor, ON_ROLLS),
        deps.orgs.topCommittee(db),
        foundingDrive(actor),
        watchBoard(actor),
        hometownTotals(actor),
        monthLife(actor, month),
        deps.activity.recent(actor, FEED_MAX * 4),
        deps.settings.get('screen.refreshSeconds'),
      ]);
    const covid = hometown?.byPurpose.filter((p) => p.purpose === 'covid') ?? [];
    const overview: StatsOverviewResponse = {
      members: byCommittee.total,
      committees: byCommittee.items.filter((i) => i.key !== String(top?.id)).length,
      found: drive ? drive.totals.found : null,
      volunteers: watch ? watch.totals.volunteers : null,
      servedPersonTimes: watch ? watch.totals.served : null,
      projects: hometown ? hometown.total.projects : null,
      investmentFen: hometown ? hometown.total.signedFen : null,
      donationsFen: hometown ? hometown.total.fundsFen + hometown.total.goodsFen : null,
      labourPersonTimes: hometown ? hometown.total.personTimes : null,
      covidFen: hometown ? covid.reduce((s, p) => s + p.amountFen, 0) : null,
    };
    const countyTotals = new Map<string, NonNullable<ScreenResponse['hometown']>[number]>();
    for (const r of hometown?.rows ?? []) {
      const c = countyTotals.get(r.county.code) ?? {
        code: r.county.code,
        name: r.county.name,
        projects: 0,
        investmentFen: 0,
        donationsFen: 0,
        labourPersonTimes: 0,
      };
      c.projects += r.projects;
      c.investmentFen += r.signedFen;
      c.donationsFen += r.fundsFen + r.goodsFen;
      c.labourPersonTimes += r.personTimes;
      countyTotals.set(c.code, c);
    }
    return {
      overview,
      byDistrict: byDistrict.map((i) => ({ code: i.key, name: i.name, count: i.count })),
      byCounty: byCounty.items.map((i) => ({
        code: i.key,
        name: divisionName(i.key) ?? i.name,
        count: i.count,
      })),
      finding: drive
        ? {
            name: drive.campaign.name,
            targetCount: drive.campaign.targetCount,
            found: drive.totals.found,
            daily: drive.daily.map(({ day, cumulative }) => ({ day, cumulative })),
          }
        : null,
      volunteer: watch
        ? {
            title: watch.campaign.title,
            startsOn: watch.campaign.startsOn,
            endsOn: watch.campaign.endsOn,
            days: watch.days,
            volunteers: watch.totals.volunteers,
            served: watch.totals.served,
            hours: watch.totals.hours,
            byPost: watch.byPost.map(({ name, volunteers, served }) => ({ name, volunteers, served })),
          }
        : null,
      hometown: hometown
        ? [...countyTotals.values()].sort((a, b) => b.investmentFen - a.investmentFen)
        : null,
      life,
      feed: recent
        .filter((r) => FEED_KINDS.has(r.kind))
        .slice(0, FEED_MAX)
        .map((r) => ({
          name: r.member.name,
          kind: FEED_KIND_LABELS[r.kind] ?? r.kind,
          title: r.title,
          occurredOn: r.occurredOn,
        })),
      refreshSeconds,
      generatedAt: new Date().toISOString(),
    };
  }

  /** The scope an answer may be shared within: the actor's assignments (a kiosk's is the whole committee). */
  const scopeKey = (actor: Actor) =>
    JSON.stringify(
      actor.assignments.map((a) => [a.role, a.scopeKind, a.orgPath, a.division, a.memberId ?? null]),
    );

  return {
    /** The whole screen, computed at most once every few seconds per scope. */
    screen(actor: Actor): Promise<ScreenResponse> {
      const key = scopeKey(actor);
      const now = Date.now();
      const hit = cache.get(key);
      if (hit && now - hit.at < cacheMs) return hit.value;
      const value = compute(actor);
      cache.set(key, { at: now, value });
      value.catch(() => cache.delete(key));
      for (const [k, v] of cache) if (now - v.at >= cacheMs) cache.delete(k);
      return value;
    },

    async overview(actor: Actor): Promise<StatsOverviewResponse> {
      return (await this.screen(actor)).overview;
    },

    /** Forget computed answers (a test changes a record and reads again). */
    clearCache: () => cache.clear(),
  };
}

export type ScreenService = ReturnType<typeof createScreenService>;
