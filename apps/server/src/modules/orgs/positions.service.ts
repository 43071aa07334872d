import type { PositionCreateBody, PositionResponse, PositionUpdateBody } from '@ningxin/shared';
import type { Db, Executor, Tx } from '../../db/client';
import { assertVersion, invalidField, notFound, versionConflict } from '../../lib/errors';
import { type Actor, assertCan } from '../../policy/policy';
import { audited } from '../audit/audit.service';
import { orgClosed } from './orgs.errors';
import { mapPosition } from './orgs.mapper';
import { orgsRepository } from './orgs.repository';
import type { OrgsService } from './orgs.service';

/** Positions (职务) of an org: who holds which office, for which term. */
export function createPositionsService(db: Db, orgs: OrgsService) {
  async function writableOrg(tx: Tx, actor: Actor, orgId: number) {
    const org = await orgs.visible(tx, actor, orgId, true);
    assertCan(actor, 'org.write', { type: 'org', path: org.path }, '组织');
    if (org.closedAt) throw orgClosed();
    return org;
  }

  return {
    async create(actor: Actor, orgId: number, body: PositionCreateBody): Promise<PositionResponse> {
      return audited(db, actor, async (tx, audit) => {
        const org = await writableOrg(tx, actor, orgId);
        const row = await orgsRepository.insertPosition(tx, {
          orgId,
          title: body.title,
          holderName: body.holderName,
          termStart: body.termStart,
          termEnd: body.termEnd ?? null,
        });
        const after = mapPosition(row);
        audit({
          action: 'position.created',
          targetType: 'org',
          targetId: orgId,
          targetLabel: org.name,
          after,
        });
        return after;
      });
    },

    async update(
      actor: Actor,
      orgId: number,
      id: number,
      body: PositionUpdateBody,
    ): Promise<PositionResponse> {
      return audited(db, actor, async (tx, audit) => {
        const org = await writableOrg(tx, actor, orgId);
        const before = await orgsRepository.findPosition(tx, orgId, id);
        if (!before) throw notFound('职务');
        assertVersion(before, body.version);
        const termStart = body.termStart ?? before.termStart;
        const termEnd = body.termEnd === undefined ? before.termEnd : body.termEnd;
        if (termEnd && termEnd < termStart) {
          throw invalidField('termEnd', '任期结束日期不能早于开始日期');
        }
        const row = await orgsRepository.updatePosition(tx, id, body.version, {
          ...(body.title !== undefined ? { title: body.title } : {}),
          ...(body.holderName !== undefined ? { holderName: body.holderName } : {}),
          termStart,
          termEnd,
        });
        if (!row) throw versionConflict();
        const after = mapPosition(row);
        audit({
          action: 'position.updated',
          targetType: 'org',
          targetId: orgId,
          targetLabel: org.name,
          before: mapPosition(before),
          after,
        });
        return after;
      });
    },

    /**
     * For other modules (a training's audience by position; no scope check, the caller has its
     * own): the titles each person holds on `day` in their own org, matched by the holder's name,
     * keyed `<orgId>:<name>`.
     */
    async titlesHeld(
      executor: Executor,
      people: readonly { orgId: number; name: string }[],
      day: string,
    ): Promise<Map<string, string[]>> {
      const rows = await orgsRepository.positionsHeld(
        executor,
        [...new Set(people.map((p) => p.orgId))],
        [...new Set(people.map((p) => p.name))],
        day,
      );
      const held = new Map<string, string[]>();
      for (const r of rows) {
        const key = `${r.orgId}:${r.holderName}`;
        held.set(key, [...(held.get(key) ?? []), r.title]);
      }
      return held;
    },

    async remove(actor: Actor, orgId: number, id: number): Promise<void> {
      await audited(db, actor, async (tx, audit) => {
        const org = await writableOrg(tx, actor, orgId);
        const before = await orgsRepository.findPosition(tx, orgId, id);
        if (!before) throw notFound('职务');
        await orgsRepository.deletePosition(tx, id);
        audit({
          action: 'position.deleted',
          targetType: 'org',
          targetId: orgId,
          targetLabel: org.name,
          before: mapPosition(before),
        });
      });
    },
  };
}

export type PositionsService = ReturnType<typeof createPositionsService>;
