import {
  type CampaignListItem,
  divisionName,
  type LeadListItem,
  type LeadSource,
  type LeadState,
  type VisitMethod,
  type VisitResponse,
} from '@ningxin/shared';
import type { CampaignRow, CampaignView, LeadCounts } from './campaigns.repository';
import type { LeadRow, LeadView, VisitRow } from './leads.repository';

const name = (code: string | null) => (code ? (divisionName(code) ?? null) : null);

const NO_COUNTS: LeadCounts = { leads: 0, open: 0, found: 0, unassigned: 0 };

export function mapCampaignItem(row: CampaignView, counts: LeadCounts | undefined): CampaignListItem {
  return {
    id: row.id,
    name: row.name,
    org: { id: row.orgId, name: row.orgName },
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    targetCount: row.targetCount,
    districts: row.districts,
    counts: counts ?? NO_COUNTS,
  };
}

export function mapLeadItem(row: LeadView): LeadListItem {
  return {
    id: row.id,
    campaign: { id: row.campaignId, name: row.campaignName },
    name: row.name,
    phoneMasked: row.phoneMasked,
    idNumberMasked: row.idMasked,
    homeCounty: row.homeCounty,
    homeCountyName: name(row.homeCounty),
    hostDistrict: row.hostDistrict,
    hostDistrictName: name(row.hostDistrict),
    workplace: row.workplace,
    address: row.address,
    source: row.source as LeadSource,
    state: row.state as LeadState,
    finder: row.finderId ? { id: row.finderId, name: row.finderName ?? '' } : null,
    memberId: row.memberId,
    foundOn: row.foundOn,
    lastVisitOn: row.lastVisitOn,
  };
}

export function mapVisit(row: { visit: VisitRow; finderName: string | null }): VisitResponse {
  const v = row.visit;
  return {
    id: v.id,
    visitedOn: v.visitedOn,
    method: v.method as VisitMethod,
    note: v.note,
    stateAfter: v.stateAfter as LeadState,
    finder: v.finderId ? { id: v.finderId, name: row.finderName ?? '' } : null,
    createdAt: v.createdAt.toISOString(),
  };
}

/** The audit view of a campaign. */
export const campaignAuditView = (c: CampaignRow, finderIds?: readonly number[]) => ({
  name: c.name,
  orgId: c.orgId,
  startsOn: c.startsOn,
  endsOn: c.endsOn,
  targetCount: c.targetCount,
  districts: c.districts,
  areaNote: c.areaNote,
  ...(finderIds ? { finderIds: [...finderIds] } : {}),
});

/** The audit view of a lead: never the phone or ID number, only their masked forms. */
export const leadAuditView = (l: LeadRow) => ({
  campaignId: l.campaignId,
  name: l.name,
  phone: l.phoneMasked,
  idNumber: l.idMasked,
  homeCounty: l.homeCounty,
  hostDistrict: l.hostDistrict,
  workplace: l.workplace,
  address: l.address,
  source: l.source,
  finderId: l.finderId,
  state: l.state,
  memberId: l.memberId,
  foundOn: l.foundOn,
});
