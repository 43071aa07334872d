/** What the campaign services share: dependencies, scope, the campaign or post an actor may touch. */
import {
  taskLabelOf,
  VOLUNTEER_ASSIGNMENT_SOURCE_LABELS,
  VOLUNTEER_ASSIGNMENT_STATE_LABELS,
  VOLUNTEER_CAMPAIGN_STATE_LABELS,
  type VolunteerAssignmentResponse,
  type VolunteerAssignmentSource,
  type VolunteerAssignmentState,
  type VolunteerCampaignState,
  type VolunteerCheckChannel,
  type VolunteerTask,
} from '@ningxin/shared';
import { or } from 'drizzle-orm';
import type { Db, Executor } from '../../../db/client';
import { volunteerCampaigns } from '../../../db/schema';
import { notFound } from '../../../lib/errors';
import type { TokenSigner } from '../../../lib/qr-token';
import { type Actor, assertHolds, coversOrgPath, selfMemberId } from '../../../policy/policy';
import { inPathSubtree, scopeCondition } from '../../../policy/scope';
import type { ActivityService } from '../../activity/activity.service';
import type { MembersService } from '../../members/record/members.service';
import type { InboxService } from '../../notices/inbox.service';
import { someOrgIdInSubtree } from '../../orgs/orgs.fragments';
import type { OrgsService } from '../../orgs/orgs.service';
import type { SettingsService } from '../../settings/settings.service';
import type { UsersService } from '../../users/users.service';
import { campaignNotEditable, notAMember } from './campaigns.errors';
import { type AssignmentRow, type CampaignRow, campaignsRepository as repo } from './campaigns.repository';

export interface ServiceDeps {
  db: Db;
  orgs: Pick<OrgsService, 'lookup' | 'lookupMany' | 'namesAlong'>;
  members: Pick<MembersService, 'placements'>;
  users: Pick<UsersService, 'memberAccounts'>;
  activity: Pick<ActivityService, 'record' | 'recordSelected'>;
  inbox: Pick<InboxService, 'post'>;
  settings: Pick<SettingsService, 'get'>;
  /** Signs and checks the posts' QR codes. */
  codes: TokenSigner;
}

export const LEDGER_SOURCE = 'service';
export const ledgerSourceId = (assignmentId: number) => `assignment:${assignmentId}`;
/** Members who may be put on a shift: on the rolls (在册, 失联). */
export const ON_ROLLS = ['active', 'lost'];

const HOUR = 3_600_000;
/** A Beijing clock time `HH:MM` of an instant. */
export const clockOf = (d: Date) => new Date(d.getTime() + 8 * HOUR).toISOString().slice(11, 16);
/** The Beijing calendar day of an instant. */
export const dayOf = (d: Date) => new Date(d.getTime() + 8 * HOUR).toISOString().slice(0, 10);
/** An instant from a Beijing day and clock time. */
export const instantOf = (day: string, time: string) => new Date(`${day}T${time}:00+08:00`);

/** A place as a shift names it in a conflict message: “活动 · 点位 10月16日 08:00–12:00”. */
export const placeText = (
  r: Pick<AssignmentRow, 'campaignTitle' | 'postName' | 'onDate' | 'startsAt' | 'endsAt'>,
) => `“${r.campaignTitle} · ${r.postName}” ${r.onDate} ${clockOf(r.startsAt)}–${clockOf(r.endsAt)} 的班次`;

export function mapAssignment(r: AssignmentRow): VolunteerAssignmentResponse {
  return {
    id: r.id,
    campaignId: r.campaignId,
    campaignTitle: r.campaignTitle,
    shiftId: r.shiftId,
    post: { id: r.postId, name: r.postName, address: r.postAddress },
    onDate: r.onDate,
    startsAt: r.startsAt.toISOString(),
    endsAt: r.endsAt.toISOString(),
    member: { id: r.memberId, name: r.memberName },
    state: r.state as VolunteerAssignmentState,
    stateLabel: VOLUNTEER_ASSIGNMENT_STATE_LABELS[r.state as VolunteerAssignmentState],
    source: r.source as VolunteerAssignmentSource,
    sourceLabel: VOLUNTEER_ASSIGNMENT_SOURCE_LABELS[r.source as VolunteerAssignmentSource],
    checkedInAt: r.checkedInAt?.toISOString() ?? null,
    checkInChannel: (r.checkInChannel as VolunteerCheckChannel | null) ?? null,
    checkedOutAt: r.checkedOutAt?.toISOString() ?? null,
    checkOutChannel: (r.checkOutChannel as VolunteerCheckChannel | null) ?? null,
    autoClosed: r.autoClosed,
    hours: r.hours === null ? null : Number(r.hours),
    version: r.version,
  };
}

/** Who may sign up: members in one of the audience's subtrees (none: the organizer's subtree). */
export function audienceHolds(campaign: CampaignRow, memberPath: string) {
  if (campaign.audienceOrgIds.length === 0)
    return memberPath === campaign.orgPath || memberPath.startsWith(`${campaign.orgPath}.`);
  const ancestors = memberPath.split('.').map(Number);
  return campaign.audienceOrgIds.some((id) => ancestors.includes(id));
}

/** A campaign's posts, shifts and details change while it is a draft or open. */
export const canChange = (state: string) => state === 'draft' || state === 'open';

export const postTask = (r: { task: string; customTask: string | null }) =>
  taskLabelOf(r.task as VolunteerTask, r.customTask);

export function createServiceAccess(deps: ServiceDeps) {
  // Co-organizers' secretaries read the campaign; only the organizer's subtree manages it.
  const readScope = (actor: Actor) =>
    scopeCondition(actor, 'volunteer.read', {
      inOrgSubtree: (path) =>
        or(
          inPathSubtree(volunteerCampaigns.orgPath, path),
          someOrgIdInSubtree(volunteerCampaigns.coOrgIds, path),
        )!,
      homeCounty: null,
      hostDistrict: volunteerCampaigns.hostDistrict,
      memberId: null,
    });

  const manageScope = (actor: Actor) =>
    scopeCondition(actor, 'volunteer.manage', {
      inOrgSubtree: (path) => inPathSubtree(volunteerCampaigns.orgPath, path),
      homeCounty: null,
      hostDistrict: null,
      memberId: null,
    });

  /** The campaign, if the actor may read it (404 otherwise). */
  async function readableCampaign(executor: Executor, actor: Actor, id: number): Promise<CampaignRow> {
    assertHolds(actor, 'volunteer.read');
    const row = await repo.campaign(executor, id, readScope(actor));
    if (!row) throw notFound('志愿服务活动');
    return row;
  }

  /** The campaign, if the actor manages it (404 otherwise). */
  async function managedCampaign(executor: Executor, actor: Actor, id: number, lock = false) {
    assertHolds(actor, 'volunteer.manage');
    const row = await repo.campaign(executor, id, manageScope(actor), lock);
    if (!row) throw notFound('志愿服务活动');
    return row;
  }

  /** The campaign, if the actor manages it and it may still change (draft or open). */
  /** The campaign, if the actor manages it and it may still change: a draft or open (409 otherwise). */
  async function editableCampaign(tx: Executor, actor: Actor, id: number, lock = false) {
    const c = await managedCampaign(tx, actor, id, lock);
    if (!canChange(c.state))
      throw campaignNotEditable(VOLUNTEER_CAMPAIGN_STATE_LABELS[c.state as VolunteerCampaignState]);
    return c;
  }

  const manages = (actor: Actor, orgPath: string) => coversOrgPath(actor, 'volunteer.manage', orgPath);

  /** The member record of the actor's account, or null. */
  const memberOf = (actor: Actor): number | null => actor.memberId ?? selfMemberId(actor);

  /** The member record of a member's own account (member.self). */
  function ownMemberId(actor: Actor): number {
    assertHolds(actor, 'member.self');
    const id = memberOf(actor);
    if (!id) throw notAMember();
    return id;
  }

  /**
   * The campaign and post, if the actor leads the post or manages the campaign (404 otherwise):
   * who may check volunteers in and out by hand and show the post's QR code.
   */
  async function ledPost(executor: Executor, actor: Actor, campaignId: number, postId: number) {
    const campaign = await repo.campaign(executor, campaignId);
    const post = campaign ? await repo.post(executor, campaignId, postId) : null;
    if (!campaign || !post) throw notFound('点位');
    const me = memberOf(actor);
    if (!(me !== null && post.leaderMemberId === me) && !manages(actor, campaign.orgPath))
      throw notFound('点位');
    return { campaign, post };
  }

  return {
    ...deps,
    readScope,
    manageScope,
    readableCampaign,
    managedCampaign,
    editableCampaign,
    manages,
    memberOf,
    ownMemberId,
    ledPost,
  };
}

export type ServiceAccess = ReturnType<typeof createServiceAccess>;
