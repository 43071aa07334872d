/**
 * Supervision rounds (巡查督导) and incidents (受伤, 发现隐患, 其他情况) of a campaign, and who may
 * see and add the photos of a campaign or an incident. Rounds: read with the campaign, added by its
 * managers. Incidents: read with the campaign, added by its managers or the leader of the post.
 */
import {
  VOLUNTEER_INCIDENT_KIND_LABELS,
  type VolunteerIncidentBody,
  type VolunteerIncidentKind,
  type VolunteerIncidentListResponse,
  type VolunteerIncidentResponse,
  type VolunteerRoundBody,
  type VolunteerRoundListResponse,
  type VolunteerRoundResponse,
} from '@ningxin/shared';
import { and, asc, desc, eq } from 'drizzle-orm';
import type { Executor } from '../../../db/client';
import {
  volunteerAssignments,
  volunteerIncidents,
  volunteerPosts,
  volunteerRounds,
} from '../../../db/schema';
import { AppError, notFound } from '../../../lib/errors';
import type { Actor } from '../../../policy/policy';
import { audited } from '../../audit/audit.service';
import { memberNameOf } from '../../members/members.fragments';
import type { ServiceAccess } from '../campaigns/campaigns.access';
import { postNotFound } from '../campaigns/campaigns.errors';
import { campaignsRepository as repo } from '../campaigns/campaigns.repository';

const notOnRoster = () =>
  new AppError(400, 'MEMBER_NOT_ON_ROSTER', '该党员不在本活动的排班中', [
    { path: 'memberId', message: '不在排班中' },
  ]);

const roundColumns = {
  id: volunteerRounds.id,
  campaignId: volunteerRounds.campaignId,
  postId: volunteerRounds.postId,
  postName: volunteerPosts.name,
  inspector: volunteerRounds.inspector,
  at: volunteerRounds.at,
  findings: volunteerRounds.findings,
};
const incidentColumns = {
  id: volunteerIncidents.id,
  campaignId: volunteerIncidents.campaignId,
  kind: volunteerIncidents.kind,
  postId: volunteerIncidents.postId,
  postName: volunteerPosts.name,
  memberId: volunteerIncidents.memberId,
  memberName: memberNameOf(volunteerIncidents.memberId),
  description: volunteerIncidents.description,
  occurredAt: volunteerIncidents.occurredAt,
};

const rounds = (db: Executor, where: ReturnType<typeof eq>) =>
  db
    .select(roundColumns)
    .from(volunteerRounds)
    .leftJoin(volunteerPosts, eq(volunteerPosts.id, volunteerRounds.postId))
    .where(where)
    .orderBy(desc(volunteerRounds.at), desc(volunteerRounds.id))
    .limit(500);
const incidents = (db: Executor, where: ReturnType<typeof eq>) =>
  db
    .select(incidentColumns)
    .from(volunteerIncidents)
    .leftJoin(volunteerPosts, eq(volunteerPosts.id, volunteerIncidents.postId))
    .where(where)
    .orderBy(asc(volunteerIncidents.occurredAt), asc(volunteerIncidents.id))
    .limit(500);

type RoundRow = Awaited<ReturnType<typeof rounds>>[number];
type IncidentRow = Awaited<ReturnType<typeof incidents>>[number];

const mapRound = (r: RoundRow): VolunteerRoundResponse => ({
  id: r.id,
  campaignId: r.campaignId,
  post: r.postId ? { id: r.postId, name: r.postName ?? '' } : null,
  inspector: r.inspector,
  at: r.at.toISOString(),
  findings: r.findings,
});
const mapIncident = (r: IncidentRow): VolunteerIncidentResponse => ({
  id: r.id,
  campaignId: r.campaignId,
  kind: r.kind as VolunteerIncidentKind,
  kindLabel: VOLUNTEER_INCIDENT_KIND_LABELS[r.kind as VolunteerIncidentKind],
  post: r.postId ? { id: r.postId, name: r.postName ?? '' } : null,
  member: r.memberId ? { id: r.memberId, name: r.memberName } : null,
  description: r.description,
  occurredAt: r.occurredAt.toISOString(),
});

export function createRoundsService(access: ServiceAccess) {
  const { db, readableCampaign, managedCampaign, manages, ledPost } = access;

  async function checkPost(tx: Executor, campaignId: number, postId: number | null | undefined) {
    if (postId && !(await repo.post(tx, campaignId, postId))) throw postNotFound();
  }

  return {
    async rounds(actor: Actor, id: number): Promise<VolunteerRoundListResponse> {
      await readableCampaign(db, actor, id);
      return { items: (await rounds(db, eq(volunteerRounds.campaignId, id))).map(mapRound) };
    },

    async addRound(actor: Actor, id: number, body: VolunteerRoundBody): Promise<VolunteerRoundResponse> {
      const roundId = await audited(db, actor, async (tx, audit) => {
        const campaign = await managedCampaign(tx, actor, id);
        await checkPost(tx, id, body.postId);
        const [row] = await tx
          .insert(volunteerRounds)
          .values({
            campaignId: id,
            postId: body.postId ?? null,
            inspector: body.inspector,
            at: new Date(body.at),
            findings: body.findings,
            createdBy: actor.userId,
          })
          .returning({ id: volunteerRounds.id });
        audit({
          action: 'volunteer.round_recorded',
          targetType: 'volunteer_campaign',
          targetId: id,
          targetLabel: campaign.title,
          after: { roundId: row!.id, postId: body.postId ?? null, inspector: body.inspector, at: body.at },
        });
        return row!.id;
      });
      return mapRound((await rounds(db, eq(volunteerRounds.id, roundId)))[0]!);
    },

    async incidents(actor: Actor, id: number): Promise<VolunteerIncidentListResponse> {
      await readableCampaign(db, actor, id);
      return { items: (await incidents(db, eq(volunteerIncidents.campaignId, id))).map(mapIncident) };
    },

    /** An incident: the campaign's managers, or the leader of the post it happened at. */
    async addIncident(
      actor: Actor,
      id: number,
      body: VolunteerIncidentBody,
    ): Promise<VolunteerIncidentResponse> {
      const incidentId = await audited(db, actor, async (tx, audit) => {
        const campaign = await repo.campaign(tx, id);
        if (!campaign) throw notFound('志愿服务活动');
        if (body.postId) await ledPost(tx, actor, id, body.postId);
        else if (!manages(actor, campaign.orgPath)) await managedCampaign(tx, actor, id);
        if (body.memberId) {
          const [place] = await tx
            .select({ id: volunteerAssignments.id })
            .from(volunteerAssignments)
            .where(
              and(eq(volunteerAssignments.campaignId, id), eq(volunteerAssignments.memberId, body.memberId)),
            )
            .limit(1);
          if (!place) throw notOnRoster();
        }
        const [row] = await tx
          .insert(volunteerIncidents)
          .values({
            campaignId: id,
            postId: body.postId ?? null,
            memberId: body.memberId ?? null,
            kind: body.kind,
            description: body.description,
            occurredAt: new Date(body.occurredAt),
            createdBy: actor.userId,
          })
          .returning({ id: volunteerIncidents.id });
        audit({
          action: 'volunteer.incident_recorded',
          targetType: 'volunteer_campaign',
          targetId: id,
          targetLabel: campaign.title,
          after: {
            incidentId: row!.id,
            kind: body.kind,
            postId: body.postId ?? null,
            memberId: body.memberId ?? null,
          },
        });
        return row!.id;
      });
      return mapIncident((await incidents(db, eq(volunteerIncidents.id, incidentId)))[0]!);
    },

    /** Photos of a campaign: read with it, added by its managers. */
    async authorizeCampaignFiles(executor: Executor, actor: Actor, id: number, access: 'read' | 'write') {
      const c =
        access === 'write'
          ? await managedCampaign(executor, actor, id)
          : await readableCampaign(executor, actor, id);
      return { label: c.title };
    },

    /** Photos of an incident: read with its campaign, added by those who may record it. */
    async authorizeIncidentFiles(executor: Executor, actor: Actor, id: number, access: 'read' | 'write') {
      const [row] = await incidents(executor, eq(volunteerIncidents.id, id));
      if (!row) throw notFound('情况记录');
      if (access === 'read') await readableCampaign(executor, actor, row.campaignId);
      else if (row.postId) await ledPost(executor, actor, row.campaignId, row.postId);
      else await managedCampaign(executor, actor, row.campaignId);
      return {
        label: `${VOLUNTEER_INCIDENT_KIND_LABELS[row.kind as VolunteerIncidentKind]} ${row.occurredAt.toISOString().slice(0, 10)}`,
      };
    },
  };
}

export type RoundsService = ReturnType<typeof createRoundsService>;
