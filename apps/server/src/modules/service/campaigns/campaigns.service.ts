/**
 * Campaigns: list, read, create, change, move through their states (volunteer.read /
 * volunteer.manage); with their posts and shifts (posts-shifts.service.ts) one service.
 */
import {
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
} from '@ningxin/shared';
import { and, eq, like, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '../../../db/client';
import { volunteerCampaigns } from '../../../db/schema';
import { decodeCursor, encodeCursor } from '../../../lib/cursor';
import { assertVersion, versionConflict } from '../../../lib/errors';
import { type Actor, assertHolds } from '../../../policy/policy';
import { audited } from '../../audit/audit.service';
import { canChange, type ServiceAccess } from './campaigns.access';
import {
  campaignNotEditable,
  datesReversed,
  organizerNotUsable,
  orgNotUsable,
  transitionNotAllowed,
} from './campaigns.errors';
import { type CampaignRow, campaignsRepository as repo } from './campaigns.repository';
import { createPostsAndShifts, mapPost } from './posts-shifts.service';

const CURSOR = z.tuple([z.string(), RecordId()]);
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

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

export function createCampaignsService(access: ServiceAccess) {
  const { db, orgs, readScope, readableCampaign, managedCampaign, manages } = access;

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
  };
  return { ...self, ...createPostsAndShifts(access) };
}

export type CampaignsService = ReturnType<typeof createCampaignsService>;
