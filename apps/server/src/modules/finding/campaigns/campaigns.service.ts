import {
  type CampaignCreateBody,
  type CampaignListQuery,
  type CampaignListResponse,
  type CampaignResponse,
  type CampaignUpdateBody,
  cumulativeFound,
  divisionName,
  type FinderListResponse,
  isDivisionOf,
  isIsoDate,
  type ProgressResponse,
  RecordId,
} from '@ningxin/shared';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Config } from '../../../config';
import type { Db, Executor } from '../../../db/client';
import { findingCampaigns, findingLeads } from '../../../db/schema';
import { decodeCursor, encodeCursor } from '../../../lib/cursor';
import { assertVersion, versionConflict } from '../../../lib/errors';
import { type Actor, coversOrgPath, orgScope } from '../../../policy/policy';
import { inPathSubtree, scopeCondition } from '../../../policy/scope';
import { audited } from '../../audit/audit.service';
import type { OrgsService } from '../../orgs/orgs.service';
import type { UsersService } from '../../users/users.service';
import { campaignsRepository } from './campaigns.repository';
import { finderReaches, visibleCampaign } from './finding.access';
import {
  campaignOrgNotUsable,
  finderStillAssigned,
  notAFinder,
  periodInvalid,
  unknownDistricts,
} from './finding.errors';
import { campaignAuditView, mapCampaignItem } from './finding.mapper';
import { leadsRepository } from './leads.repository';

export interface CampaignsDeps {
  db: Db;
  config: Config;
  orgs: Pick<OrgsService, 'lookup'>;
  users: Pick<UsersService, 'roleHolders' | 'displayNames'>;
}

const CampaignCursor = z.tuple([z.string().refine(isIsoDate), RecordId()]);

export function createCampaignsService({ db, config, orgs, users }: CampaignsDeps) {
  /** The finder accounts a campaign at `orgPath` may name. */
  async function eligibleFinders(executor: Executor, orgPath: string): Promise<Set<number>> {
    const holders = await users.roleHolders(executor, 'finder');
    return new Set(holders.filter((h) => finderReaches(h, orgPath)).map((h) => h.userId));
  }

  async function checkFinders(executor: Executor, orgPath: string, ids: readonly number[]) {
    if (ids.length === 0) return;
    const eligible = await eligibleFinders(executor, orgPath);
    if (ids.some((id) => !eligible.has(id))) throw notAFinder();
  }

  function checkDistricts(districts: readonly string[] | undefined) {
    if (districts?.some((d) => !isDivisionOf(config.hostCity, d))) throw unknownDistricts();
  }

  async function present(id: number, actor: Actor): Promise<CampaignResponse> {
    const row = await visibleCampaign(db, actor, id);
    const [counts, finders] = await Promise.all([
      campaignsRepository.counts(db, [id]),
      campaignsRepository.finders(db, id),
    ]);
    return {
      ...mapCampaignItem(row, counts.get(id)),
      districtNames: row.districts.map((d) => divisionName(d) ?? d),
      areaNote: row.areaNote,
      notes: row.notes,
      finders,
      version: row.version,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    };
  }

  return {
    async list(actor: Actor, q: CampaignListQuery): Promise<CampaignListResponse> {
      const scope = scopeCondition(actor, 'finding.manage', {
        inOrgSubtree: (path) => inPathSubtree(findingCampaigns.orgPath, path),
        homeCounty: null,
        hostDistrict: null,
        memberId: null,
      });
      const after = q.cursor
        ? (([startsOn, id]) => ({ startsOn, id }))(decodeCursor(q.cursor, CampaignCursor))
        : undefined;
      const rows = await campaignsRepository.list(db, scope, after, q.limit);
      const counts = await campaignsRepository.counts(
        db,
        rows.map((r) => r.id),
      );
      const last = rows.at(-1);
      return {
        items: rows.map((r) => mapCampaignItem(r, counts.get(r.id))),
        nextCursor: rows.length === q.limit && last ? encodeCursor([last.startsOn, last.id]) : null,
      };
    },

    get: (actor: Actor, id: number) => present(id, actor),

    async create(actor: Actor, body: CampaignCreateBody): Promise<CampaignResponse> {
      checkDistricts(body.districts);
      const id = await audited(db, actor, async (tx, audit) => {
        const org = await orgs.lookup(tx, body.orgId);
        if (!org || org.closedAt || !coversOrgPath(actor, 'finding.manage', org.path))
          throw campaignOrgNotUsable();
        await checkFinders(tx, org.path, body.finderIds);
        const row = await campaignsRepository.insert(tx, {
          name: body.name,
          orgId: org.id,
          orgPath: org.path,
          startsOn: body.startsOn,
          endsOn: body.endsOn,
          targetCount: body.targetCount,
          districts: body.districts,
          areaNote: body.areaNote ?? null,
          notes: body.notes ?? null,
          createdBy: actor.userId,
        });
        await campaignsRepository.setFinders(tx, row.id, body.finderIds);
        audit({
          action: 'finding.campaign_created',
          targetType: 'finding_campaign',
          targetId: row.id,
          targetLabel: row.name,
          after: campaignAuditView(row, body.finderIds),
        });
        return row.id;
      });
      return present(id, actor);
    },

    async update(actor: Actor, id: number, body: CampaignUpdateBody): Promise<CampaignResponse> {
      await audited(db, actor, async (tx, audit) => {
        const before = await visibleCampaign(tx, actor, id, true);
        assertVersion(before, body.version);
        checkDistricts(body.districts);
        const startsOn = body.startsOn ?? before.startsOn;
        const endsOn = body.endsOn ?? before.endsOn;
        if (startsOn > endsOn) throw periodInvalid();
        const finderIdsBefore = (await campaignsRepository.finders(tx, id)).map((f) => f.id);
        if (body.finderIds) {
          await checkFinders(tx, before.orgPath, body.finderIds);
          const removed = finderIdsBefore.filter((f) => !body.finderIds!.includes(f));
          const busy: number[] = [];
          for (const f of removed) if ((await leadsRepository.openCount(tx, openOf(id, f))) > 0) busy.push(f);
          if (busy.length) {
            const names = await users.displayNames(tx, busy);
            throw finderStillAssigned(busy.map((b) => names.get(b) ?? `#${b}`));
          }
        }
        const { version, finderIds, ...fields } = body;
        const after = await campaignsRepository.update(tx, id, version, fields);
        if (!after) throw versionConflict();
        if (finderIds) await campaignsRepository.setFinders(tx, id, finderIds);
        audit({
          action: 'finding.campaign_updated',
          targetType: 'finding_campaign',
          targetId: id,
          targetLabel: after.name,
          before: campaignAuditView(before, finderIdsBefore),
          after: campaignAuditView(after, finderIds ?? finderIdsBefore),
        });
      });
      return present(id, actor);
    },

    /** The finder accounts the actor's campaigns may name: the committee-wide ones and those of the actor's subtrees. */
    async finders(actor: Actor): Promise<FinderListResponse> {
      const scope = orgScope(actor, 'finding.manage');
      const holders = await users.roleHolders(db, 'finder');
      const ids = [
        ...new Set(
          holders
            .filter((h) => scope.all || scope.paths.some((p) => finderReaches(h, p)))
            .map((h) => h.userId),
        ),
      ].sort((a, b) => a - b);
      const names = await users.displayNames(db, ids);
      return { items: ids.map((id) => ({ id, name: names.get(id) ?? `#${id}` })) };
    },

    /** The evening figures: found per day as a cumulative curve against the target, by district, by finder. */
    async progress(actor: Actor, id: number): Promise<ProgressResponse> {
      const c = await visibleCampaign(db, actor, id);
      const [perDay, totals, districts, finders] = await Promise.all([
        leadsRepository.foundPerDay(db, id),
        leadsRepository.totals(db, id),
        leadsRepository.byDistrict(db, id),
        leadsRepository.byFinder(db, id),
      ]);
      return {
        campaign: {
          id: c.id,
          name: c.name,
          startsOn: c.startsOn,
          endsOn: c.endsOn,
          targetCount: c.targetCount,
        },
        totals,
        daily: cumulativeFound(
          c.startsOn,
          c.endsOn,
          perDay.flatMap((d) => (d.day ? [{ day: d.day, found: d.found }] : [])),
        ),
        byDistrict: districts
          .map((d) => ({
            district: d.district,
            name: d.district ? (divisionName(d.district) ?? d.district) : '未填区县',
            leads: d.leads,
            found: d.found,
          }))
          .sort((a, b) => b.found - a.found || b.leads - a.leads || a.name.localeCompare(b.name)),
        byFinder: finders
          .map((f) => ({
            finder: f.finderId ? { id: f.finderId, name: f.finderName ?? '' } : null,
            leads: f.leads,
            open: f.open,
            found: f.found,
            visits: f.visits,
          }))
          .sort((a, b) => b.found - a.found || b.leads - a.leads),
      };
    },
  };
}

const openOf = (campaignId: number, finderId: number) =>
  and(eq(findingLeads.campaignId, campaignId), eq(findingLeads.finderId, finderId));

export type CampaignsService = ReturnType<typeof createCampaignsService>;
