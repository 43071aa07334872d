/** The assigned finder's work on a lead: visits logged, and the lead marked found. */
import {
  isOpenLead,
  type LeadFoundBody,
  type LeadResponse,
  type LeadState,
  leadTransitionAllowed,
  type VisitCreateBody,
} from '@ningxin/shared';
import type { Executor } from '../../../db/client';
import { isUniqueViolation } from '../../../lib/db-errors';
import { AppError, assertVersion, notFound, versionConflict } from '../../../lib/errors';
import { type Actor, isWithinPath } from '../../../policy/policy';
import { audited } from '../../audit/audit.service';
import { accessLead } from './finding.access';
import {
  leadClosed,
  leadTransition,
  linkNeedsIdNumber,
  linkNoMember,
  memberExists,
  placementNotInCampaign,
} from './finding.errors';
import { leadsRepository } from './leads.repository';
import type { LeadsDeps } from './leads.service';

/**
 * The lead assigned to the actor, locked for a write, open, and allowed to move to `to`; 404 for
 * any other lead, as for one that does not exist.
 */
async function myOpenLead(tx: Executor, actor: Actor, id: number, version: number, to: LeadState) {
  const access = await accessLead(tx, actor, id, true);
  if (!access.mine) throw notFound('线索');
  assertVersion(access.lead, version);
  const from = access.lead.state as LeadState;
  if (!isOpenLead(from)) throw leadClosed();
  if (!leadTransitionAllowed(from, to)) throw leadTransition(from, to);
  return { lead: access.lead, from };
}

/** The finder's operations of the leads service; composed into it by `createLeadsService`. */
export function leadsWork(
  { db, orgs, members, activity }: Pick<LeadsDeps, 'db' | 'orgs' | 'members' | 'activity'>,
  get: (actor: Actor, id: number) => Promise<LeadResponse>,
) {
  return {
    /** The assigned finder logs a call, visit or WeChat contact and the state it left the lead in. */
    async logVisit(actor: Actor, id: number, body: VisitCreateBody): Promise<LeadResponse> {
      await audited(db, actor, async (tx, audit) => {
        const { lead: before, from } = await myOpenLead(tx, actor, id, body.version, body.stateAfter);
        const visit = await leadsRepository.insertVisit(tx, {
          leadId: id,
          visitedOn: body.visitedOn,
          method: body.method,
          note: body.note ?? null,
          stateAfter: body.stateAfter,
          finderId: actor.userId,
        });
        const lastVisitOn =
          before.lastVisitOn && before.lastVisitOn > body.visitedOn ? before.lastVisitOn : body.visitedOn;
        const after = await leadsRepository.update(tx, id, body.version, {
          state: body.stateAfter,
          lastVisitOn,
        });
        if (!after) throw versionConflict();
        audit({
          action: 'finding.visit_logged',
          targetType: 'finding_lead',
          targetId: id,
          targetLabel: after.name,
          before: { state: from },
          after: { visitId: visit.id, visitedOn: visit.visitedOn, method: visit.method, state: after.state },
        });
      });
      return get(actor, id);
    },

    /**
     * The assigned finder marks the lead found: creates the member record (through the members
     * service: its validation and duplicate rules; source 组织寻找; placed in the campaign's org or
     * an open org below it) or links the existing record. The finder holds no member.write: the
     * lead's assignment is what authorizes the write, and only inside the campaign's subtree.
     */
    async markFound(actor: Actor, id: number, body: LeadFoundBody): Promise<LeadResponse> {
      try {
        await audited(db, actor, async (tx, audit) => {
          const { lead: before, from } = await myOpenLead(tx, actor, id, body.version, 'found');
          let memberId: number;
          if (body.mode === 'create') {
            const org = await orgs.lookup(tx, body.member.orgId);
            if (!org || org.closedAt || !isWithinPath(org.path, before.campaignOrgPath))
              throw placementNotInCampaign();
            if (await members.byIdNumber(tx, body.member.idNumber)) throw memberExists();
            const created = await members.createPlaced(
              tx,
              audit,
              actor,
              { ...body.member, source: 'found' },
              { id: org.id, path: org.path },
            );
            memberId = created.id;
          } else if (body.idNumber) {
            const existing = await members.byIdNumber(tx, body.idNumber);
            if (!existing) throw linkNoMember();
            memberId = existing.id;
          } else {
            if (!before.memberId) throw linkNeedsIdNumber();
            memberId = before.memberId;
          }
          const after = await leadsRepository.update(tx, id, body.version, {
            state: 'found',
            memberId,
            foundOn: body.foundOn,
          });
          if (!after) throw versionConflict();
          await activity.record(tx, {
            memberId,
            kind: 'contact',
            occurredOn: body.foundOn,
            sourceModule: 'finding',
            sourceId: `lead-${id}`,
            title: `${before.campaignName}：工作组寻访找到`,
          });
          audit({
            action: 'finding.lead_found',
            targetType: 'finding_lead',
            targetId: id,
            targetLabel: after.name,
            before: { state: from },
            after: {
              state: 'found',
              memberId,
              foundOn: body.foundOn,
              mode: body.mode,
              finderId: actor.userId,
            },
          });
        });
      } catch (err) {
        if (isUniqueViolation(err, 'members_id_hash_idx')) throw memberExists();
        if (err instanceof AppError && err.code === 'MEMBER_DUPLICATE') throw memberExists();
        if (err instanceof AppError && err.code === 'MEMBER_REGISTERED_ELSEWHERE') throw memberExists();
        throw err;
      }
      return get(actor, id);
    },
  };
}
