/** Exemptions (免于召开): the list in the actor's scope, and their creation, change and removal, audited. */
import type {
  ExemptionCreateBody,
  ExemptionListResponse,
  ExemptionResponse,
  ExemptionUpdateBody,
  RequiredMeeting,
} from '@ningxin/shared';
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { meetingExemptions } from '../../../db/schema';
import { notFound } from '../../../lib/errors';
import { type Actor, assertHolds, coversOrgPath } from '../../../policy/policy';
import { audited } from '../../audit/audit.service';
import type { OrgsService } from '../../orgs/orgs.service';
import type { PathFilter } from './compliance.board';
import { exemptionDates } from './compliance.errors';
import { type ExemptionRow, complianceRepository as repo } from './compliance.repository';

const mapExemption = (r: ExemptionRow): ExemptionResponse => ({
  id: r.id,
  orgId: r.orgId,
  orgName: r.orgName,
  type: r.type as RequiredMeeting,
  fromOn: r.fromOn,
  untilOn: r.untilOn,
  reason: r.reason,
  createdAt: r.createdAt.toISOString(),
});

const auditView = (r: ExemptionRow) => ({
  orgId: r.orgId,
  orgName: r.orgName,
  type: r.type,
  fromOn: r.fromOn,
  untilOn: r.untilOn,
  reason: r.reason,
});

export function createExemptions({
  db,
  orgs,
  filterOf,
}: {
  db: Db;
  orgs: Pick<OrgsService, 'lookup'>;
  /** The actor's meeting.read scope, narrowed to an org's subtree. */
  filterOf: (actor: Actor, orgId?: number) => Promise<PathFilter>;
}) {
  async function visibleExemption(actor: Actor, id: number, action: 'meeting.read' | 'meeting.write') {
    assertHolds(actor, action);
    const row = await repo.exemptionById(db, id);
    if (!row || !coversOrgPath(actor, action, row.orgPath)) throw notFound('免于召开的设置');
    return row;
  }

  return {
    async exemptions(actor: Actor, q: { orgId?: number | undefined }): Promise<ExemptionListResponse> {
      const filter = await filterOf(actor, q.orgId);
      const rows = await repo.exemptions(db, filter(sql`${meetingExemptions.orgPath}`));
      return { items: rows.map(mapExemption) };
    },

    async createExemption(actor: Actor, body: ExemptionCreateBody): Promise<ExemptionResponse> {
      assertHolds(actor, 'meeting.write');
      const org = await orgs.lookup(db, body.orgId);
      if (!org || org.closedAt !== null || !coversOrgPath(actor, 'meeting.write', org.path))
        throw notFound('组织');
      const id = await audited(db, actor, async (tx, audit) => {
        const id = await repo.insertExemption(tx, {
          orgId: org.id,
          orgPath: org.path,
          type: body.type,
          fromOn: body.fromOn,
          untilOn: body.untilOn ?? null,
          reason: body.reason,
          createdBy: actor.userId,
        });
        const row = (await repo.exemptionById(tx, id))!;
        audit({
          action: 'meeting.exemption_created',
          targetType: 'meeting_exemption',
          targetId: id,
          targetLabel: org.name,
          after: auditView(row),
        });
        return id;
      });
      return mapExemption((await repo.exemptionById(db, id))!);
    },

    async updateExemption(actor: Actor, id: number, body: ExemptionUpdateBody): Promise<ExemptionResponse> {
      const before = await visibleExemption(actor, id, 'meeting.write');
      const fromOn = body.fromOn ?? before.fromOn;
      const untilOn = body.untilOn === undefined ? before.untilOn : body.untilOn;
      if (untilOn !== null && untilOn < fromOn) throw exemptionDates();
      await audited(db, actor, async (tx, audit) => {
        await repo.updateExemption(tx, id, { fromOn, untilOn, reason: body.reason ?? before.reason });
        const after = (await repo.exemptionById(tx, id))!;
        audit({
          action: 'meeting.exemption_updated',
          targetType: 'meeting_exemption',
          targetId: id,
          targetLabel: before.orgName,
          before: auditView(before),
          after: auditView(after),
        });
      });
      return mapExemption((await repo.exemptionById(db, id))!);
    },

    async deleteExemption(actor: Actor, id: number): Promise<void> {
      const before = await visibleExemption(actor, id, 'meeting.write');
      await audited(db, actor, async (tx, audit) => {
        await repo.deleteExemption(tx, id);
        audit({
          action: 'meeting.exemption_deleted',
          targetType: 'meeting_exemption',
          targetId: id,
          targetLabel: before.orgName,
          before: auditView(before),
        });
      });
    },
  };
}
