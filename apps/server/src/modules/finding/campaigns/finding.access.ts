/**
 * Who may reach a campaign or a lead. Campaigns: `finding.manage` over the campaign's org (the
 * office everywhere, a secretary in the subtree). Leads: the campaign's managers, and the finder
 * the lead is assigned to (`finding.lead`), who reaches nothing else. Anyone else gets 404, as for
 * a lead that does not exist.
 */
import { ROLE_ACTIONS } from '@ningxin/shared';
import type { Executor } from '../../../db/client';
import { notFound } from '../../../lib/errors';
import { type Actor, assertCan, assertHolds, can, isWithinPath } from '../../../policy/policy';
import { type CampaignView, campaignsRepository } from './campaigns.repository';
import { type LeadView, leadsRepository } from './leads.repository';

export const campaignTarget = (orgPath: string) => ({ type: 'org' as const, path: orgPath });

export const managesOrgPath = (actor: Actor, orgPath: string) =>
  can(actor, 'finding.manage', campaignTarget(orgPath));

export const holdsLead = (actor: Actor) =>
  actor.assignments.some((a) => ROLE_ACTIONS[a.role].includes('finding.lead'));

/** The campaign if the actor manages it; 404 otherwise (403 for one who manages none). */
export async function visibleCampaign(
  executor: Executor,
  actor: Actor,
  id: number,
  lock = false,
): Promise<CampaignView> {
  const row = await campaignsRepository.findById(executor, id, lock);
  if (!row) {
    assertHolds(actor, 'finding.manage');
    throw notFound('寻找行动');
  }
  assertCan(actor, 'finding.manage', campaignTarget(row.orgPath), '寻找行动');
  return row;
}

export interface LeadAccess {
  lead: LeadView;
  /** The actor manages the lead's campaign. */
  manages: boolean;
  /** The lead is assigned to the actor, a finder. */
  mine: boolean;
}

/** The lead if the actor manages its campaign or it is assigned to the actor; 404 otherwise. */
export async function accessLead(
  executor: Executor,
  actor: Actor,
  id: number,
  lock = false,
): Promise<LeadAccess> {
  const lead = await leadsRepository.findById(executor, id, lock);
  if (!lead) throw notFound('线索');
  const manages = managesOrgPath(actor, lead.campaignOrgPath);
  const mine = holdsLead(actor) && lead.finderId === actor.userId;
  if (!manages && !mine) throw notFound('线索');
  return { lead, manages, mine };
}

/** Whether a finder's role assignment reaches a campaign at `orgPath`: everywhere, or a subtree above or below it. */
export const finderReaches = (holder: { scopeKind: string; orgPath: string | null }, orgPath: string) =>
  holder.scopeKind === 'all' ||
  (holder.orgPath !== null &&
    (isWithinPath(orgPath, holder.orgPath) || isWithinPath(holder.orgPath, orgPath)));
