/** The leads service: a campaign's leads listed, read, created and edited, with the finder's work composed in. */
import {
  isDivisionOf,
  isOpenLead,
  type LeadCreateBody,
  type LeadListQuery,
  type LeadListResponse,
  type LeadResponse,
  type LeadState,
  type LeadUpdateBody,
  type MyLeadsQuery,
  maskIdNumber,
  maskPhone,
  parseIdNumber,
  parsePhone,
  RecordId,
} from '@ningxin/shared';
import { and, eq, isNull, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Config } from '../../../config';
import type { Db, Executor } from '../../../db/client';
import { findingCampaigns, findingLeads } from '../../../db/schema';
import { decodeCursor, encodeCursor } from '../../../lib/cursor';
import { assertVersion, notFound, versionConflict } from '../../../lib/errors';
import type { FieldCrypto } from '../../../lib/field-crypto';
import type { Actor } from '../../../policy/policy';
import { inPathSubtree, scopeCondition } from '../../../policy/scope';
import type { ActivityService } from '../../activity/activity.service';
import { audited } from '../../audit/audit.service';
import type { MembersService } from '../../members/record/members.service';
import type { OrgsService } from '../../orgs/orgs.service';
import { campaignsRepository } from './campaigns.repository';
import { accessLead, holdsLead, type LeadAccess, visibleCampaign } from './finding.access';
import {
  finderNotInCampaign,
  leadClosed,
  memberAlreadyLead,
  memberNotLost,
  unknownLeadDivision,
} from './finding.errors';
import { leadAuditView, mapLeadItem, mapVisit } from './finding.mapper';
import { type LeadInsert, type LeadRow, leadsRepository } from './leads.repository';
import { leadsWork } from './leads.work';

export interface LeadsDeps {
  db: Db;
  config: Config;
  crypto: FieldCrypto;
  orgs: Pick<OrgsService, 'lookup' | 'lookupMany' | 'idsInSubtrees'>;
  members: Pick<MembersService, 'visibleMember' | 'createPlaced' | 'byIdNumber'>;
  activity: Pick<ActivityService, 'record'>;
}

const LeadCursor = z.tuple([RecordId()]);
const OPEN_STATES = ['new', 'contacted', 'visited'] as const;
const CLOSED_STATES = ['found', 'not_member', 'not_found'] as const;

/** The person fields of a lead as stored: phone and ID number encrypted, hashed and masked. */
export function personalColumns(
  crypto: FieldCrypto,
  l: { phone?: string | null | undefined; idNumber?: string | null | undefined },
): Partial<LeadInsert> {
  const out: Partial<LeadInsert> = {};
  if (l.phone !== undefined) {
    const p = l.phone ? parsePhone(l.phone) : null;
    const phone = p?.ok ? p.phone : null;
    Object.assign(out, {
      phoneCipher: phone ? crypto.encrypt('phone', phone) : null,
      phoneHash: phone ? crypto.hash('phone', phone) : null,
      phoneMasked: phone ? maskPhone(phone) : null,
    });
  }
  if (l.idNumber !== undefined) {
    const r = l.idNumber ? parseIdNumber(l.idNumber) : null;
    const id = r?.ok ? r.value.idNumber : null;
    Object.assign(out, {
      idCipher: id ? crypto.encrypt('idNumber', id) : null,
      idHash: id ? crypto.hash('idNumber', id) : null,
      idMasked: id ? maskIdNumber(id) : null,
    });
  }
  return out;
}

export function createLeadsService(deps: LeadsDeps) {
  const { db, config, crypto, orgs, members } = deps;
  function checkDivisions(l: {
    homeCounty?: string | null | undefined;
    hostDistrict?: string | null | undefined;
  }) {
    if (l.homeCounty && !isDivisionOf(config.homeCity, l.homeCounty)) throw unknownLeadDivision('homeCounty');
    if (l.hostDistrict && !isDivisionOf(config.hostCity, l.hostDistrict))
      throw unknownLeadDivision('hostDistrict');
  }

  async function checkFinder(executor: Executor, campaignId: number, finderId: number | null | undefined) {
    if (finderId && !(await campaignsRepository.isFinderOf(executor, campaignId, finderId)))
      throw finderNotInCampaign();
  }

  /** The open orgs of the campaign's subtree, where a member found may be placed. */
  async function placements(orgPath: string) {
    const ids = await orgs.idsInSubtrees(db, [orgPath]);
    const rows = await orgs.lookupMany(db, ids);
    return rows
      .filter((o) => o.closedAt === null)
      .sort((a, b) => a.path.split('.').length - b.path.split('.').length || a.id - b.id)
      .map((o) => ({ id: o.id, name: o.name }));
  }

  async function present(_actor: Actor, access: LeadAccess): Promise<LeadResponse> {
    const { lead, manages, mine } = access;
    const open = isOpenLead(lead.state as LeadState);
    const [visits, places] = await Promise.all([
      leadsRepository.visits(db, lead.id),
      mine && open ? placements(lead.campaignOrgPath) : [],
    ]);
    return {
      ...mapLeadItem(lead),
      clue: lead.clue,
      phone: mine && lead.phoneCipher ? crypto.decrypt('phone', lead.phoneCipher) : null,
      visits: visits.map(mapVisit),
      placements: places,
      campaignOrgId: lead.campaignOrgId,
      policies: { update: manages && open, work: mine && open },
      version: lead.version,
      createdAt: lead.createdAt.toISOString(),
      updatedAt: lead.updatedAt.toISOString(),
    };
  }

  const get = async (actor: Actor, id: number) => present(actor, await accessLead(db, actor, id));

  function pageOfLeads(
    rows: Awaited<ReturnType<typeof leadsRepository.list>>,
    limit: number,
  ): LeadListResponse {
    const last = rows.at(-1);
    return {
      items: rows.map(mapLeadItem),
      nextCursor: rows.length === limit && last ? encodeCursor([last.id]) : null,
    };
  }

  return {
    get,
    ...leadsWork(deps, get),

    async list(actor: Actor, campaignId: number, q: LeadListQuery): Promise<LeadListResponse> {
      await visibleCampaign(db, actor, campaignId);
      const before = q.cursor ? decodeCursor(q.cursor, LeadCursor)[0] : undefined;
      const rows = await leadsRepository.list(
        db,
        {
          campaignId,
          ...(q.state ? { state: q.state } : {}),
          ...(q.finder !== undefined ? { finderId: q.finder } : {}),
          ...(q.district ? { district: q.district } : {}),
          ...(q.q ? { q: q.q } : {}),
        },
        before,
        q.limit,
      );
      return pageOfLeads(rows, q.limit);
    },

    /** A finder's own leads across campaigns, newest first. */
    async mine(actor: Actor, q: MyLeadsQuery): Promise<LeadListResponse> {
      const before = q.cursor ? decodeCursor(q.cursor, LeadCursor)[0] : undefined;
      const states = q.show === 'open' ? OPEN_STATES : q.show === 'closed' ? CLOSED_STATES : undefined;
      const rows = await leadsRepository.list(
        db,
        { finderId: actor.userId, ...(states ? { states } : {}) },
        before,
        q.limit,
      );
      return pageOfLeads(rows, q.limit);
    },

    /** A new lead: a person to look for, or a 失联 member the actor may read (source lost_contact). */
    async create(actor: Actor, campaignId: number, body: LeadCreateBody): Promise<LeadResponse> {
      const id = await audited(db, actor, async (tx, audit) => {
        const campaign = await visibleCampaign(tx, actor, campaignId, true);
        await checkFinder(tx, campaignId, body.finderId);
        let values: LeadInsert;
        if (body.memberId !== undefined) {
          const m = await members.visibleMember(tx, actor, body.memberId, 'member.read');
          if (m.status !== 'lost') throw memberNotLost();
          if (await leadsRepository.hasLeadFor(tx, campaignId, m.id)) throw memberAlreadyLead();
          values = {
            campaignId,
            name: m.name,
            phoneCipher: m.phoneCipher,
            phoneHash: m.phoneHash,
            phoneMasked: m.phoneMasked,
            idCipher: m.idCipher,
            idHash: m.idHash,
            idMasked: m.idMasked,
            homeCounty: m.homeCounty,
            hostDistrict: m.hostDistrict,
            workplace: m.employer,
            address: m.hostAddress,
            clue: body.clue ?? null,
            source: 'lost_contact',
            memberId: m.id,
            finderId: body.finderId ?? null,
          };
        } else {
          checkDivisions(body);
          values = {
            campaignId,
            name: body.name!,
            ...personalColumns(crypto, body),
            homeCounty: body.homeCounty ?? null,
            hostDistrict: body.hostDistrict ?? null,
            workplace: body.workplace ?? null,
            address: body.address ?? null,
            clue: body.clue ?? null,
            source: body.source,
            finderId: body.finderId ?? null,
          };
        }
        const row = await leadsRepository.insert(tx, values);
        audit({
          action: 'finding.lead_created',
          targetType: 'finding_lead',
          targetId: row.id,
          targetLabel: `${campaign.name}：${row.name}`,
          after: leadAuditView(row),
        });
        return row.id;
      });
      return get(actor, id);
    },

    /** Edits a lead or assigns its finder (the campaign's managers). */
    async update(actor: Actor, id: number, body: LeadUpdateBody): Promise<LeadResponse> {
      await audited(db, actor, async (tx, audit) => {
        const access = await accessLead(tx, actor, id, true);
        if (!access.manages) throw notFound('线索');
        const before = access.lead;
        assertVersion(before, body.version);
        if (!isOpenLead(before.state as LeadState)) throw leadClosed();
        checkDivisions(body);
        await checkFinder(tx, before.campaignId, body.finderId);
        const { version, phone, idNumber, ...plain } = body;
        const after = await leadsRepository.update(tx, id, version, {
          ...plain,
          ...personalColumns(crypto, { phone, idNumber }),
        });
        if (!after) throw versionConflict();
        audit({
          action: 'finding.lead_updated',
          targetType: 'finding_lead',
          targetId: id,
          targetLabel: after.name,
          before: leadAuditView(before),
          after: leadAuditView(after),
        });
      });
      return get(actor, id);
    },

    /** Open leads assigned to the actor (a finder). */
    myOpenCount: (actor: Actor) =>
      leadsRepository.openCount(db, eq(findingLeads.finderId, actor.userId) as SQL),

    /** Open leads without a finder in the campaigns the actor manages. */
    unassignedCount(actor: Actor) {
      const scope = scopeCondition(actor, 'finding.manage', {
        inOrgSubtree: (path) => inPathSubtree(findingCampaigns.orgPath, path),
        homeCounty: null,
        hostDistrict: null,
        memberId: null,
      });
      return leadsRepository.openCount(db, and(isNull(findingLeads.finderId), scope));
    },

    holdsLead,
  };
}

export type LeadsService = ReturnType<typeof createLeadsService>;
export type { LeadRow };
