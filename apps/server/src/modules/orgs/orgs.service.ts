import {
  isDivisionOf,
  ORG_CHILD_KINDS,
  ORG_KIND_LABELS,
  type OrgCloseBody,
  type OrgCreateBody,
  type OrgKind,
  type OrgMoveBody,
  type OrgResponse,
  type OrgTreeResponse,
  type OrgUpdateBody,
} from '@ningxin/shared';
import type { Config } from '../../config';
import type { Db, Executor, Tx } from '../../db/client';
import { isUniqueViolation } from '../../lib/db-errors';
import { assertVersion, notFound, versionConflict } from '../../lib/errors';
import type { EventBus } from '../../lib/events';
import type { Extensions } from '../../lib/modules';
import { type Actor, assertCan, assertHolds, can, isWithinPath, orgScope } from '../../policy/policy';
import { type Audit, audited } from '../audit/audit.service';
import {
  cannotRestructure,
  hasActiveChildren,
  hasAssignments,
  kindNotAllowed,
  moveIntoOwnSubtree,
  orgClosed,
  orgNameTaken,
  parentClosed,
  parentNotFound,
  rootImmovable,
  unknownHostDistrict,
} from './orgs.errors';
import { ancestorIds, buildTree, mapOrg, mapPosition } from './orgs.mapper';
import { type OrgRow, orgsRepository } from './orgs.repository';
import { orgWarnings } from './orgs.rules';

const orgTarget = (org: Pick<OrgRow, 'path'>) => ({ type: 'org' as const, path: org.path });
const auditView = (o: OrgRow) => ({
  name: o.name,
  kind: o.kind,
  parentId: o.parentId,
  path: o.path,
  hostDistrict: o.hostDistrict,
  closedReason: o.closedReason,
});

declare module '../../lib/events' {
  interface DomainEvents {
    /** An org moved under another parent; every path below it was rewritten in this transaction. */
    'org.subtree_moved': { oldPath: string; newPath: string };
  }
}

declare module '../../lib/modules' {
  interface ExtensionPoints {
    /** Active members placed directly in an org, for the branch-size warning (the members module). */
    'orgs.memberCount': (executor: Executor, orgId: number) => Promise<number>;
  }
}

export interface OrgsDeps {
  db: Db;
  config: Config;
  events: EventBus;
  extensions: Extensions;
}

export function createOrgsService({ db, config, events, extensions }: OrgsDeps) {
  const memberCount = (executor: Executor, orgId: number) => {
    const [count] = extensions.all('orgs.memberCount');
    return count ? count(executor, orgId) : Promise.resolve(null);
  };

  /** The org if the actor may read it; 404 otherwise, whether it is missing or out of scope. */
  async function visible(executor: Executor, actor: Actor, id: number, lock = false): Promise<OrgRow> {
    const org = lock
      ? await orgsRepository.lockById(executor, id)
      : await orgsRepository.findById(executor, id);
    if (!org) {
      assertHolds(actor, 'org.read'); // one who may not read orgs at all gets 403, not 404
      throw notFound('组织');
    }
    assertCan(actor, 'org.read', orgTarget(org), '组织');
    return org;
  }

  /** Write on an org's place in the tree (move, close) needs write on its parent. */
  function canRestructure(actor: Actor, org: OrgRow): boolean {
    const parentPath = org.path.split('.').slice(0, -1).join('.');
    return parentPath !== '' && can(actor, 'org.write', { type: 'org', path: parentPath });
  }

  function checkHostDistrict(code: string | null | undefined) {
    if (code && !isDivisionOf(config.hostCity, code)) throw unknownHostDistrict(code);
  }

  async function present(actor: Actor, org: OrgRow): Promise<OrgResponse> {
    const [positions, childCount, ancestors] = await Promise.all([
      orgsRepository.positionsOf(db, org.id),
      orgsRepository.countActiveChildren(db, org.id),
      orgsRepository.findMany(db, ancestorIds(org.path)),
    ]);
    const active = org.closedAt === null;
    const writable = active && can(actor, 'org.write', orgTarget(org));
    return mapOrg(org, {
      ancestors: ancestorIds(org.path)
        .map((id) => ancestors.find((a) => a.id === id))
        .filter((a): a is OrgRow => a !== undefined && can(actor, 'org.read', orgTarget(a)))
        .map((a) => ({ id: a.id, name: a.name })),
      childCount,
      positions: positions.map(mapPosition),
      warnings: orgWarnings(org, positions, await memberCount(db, org.id)),
      policies: {
        update: writable,
        createChild: writable && ORG_CHILD_KINDS[org.kind as OrgKind].length > 0,
        move: active && canRestructure(actor, org),
        close: active && canRestructure(actor, org),
      },
    });
  }

  /** Runs an audited write, turning a duplicate sibling name into its own error. */
  async function write<T>(actor: Actor, fn: (tx: Tx, audit: Audit) => Promise<T>): Promise<T> {
    try {
      return await audited(db, actor, fn);
    } catch (err) {
      if (isUniqueViolation(err, 'orgs_sibling_name_idx')) throw orgNameTaken();
      throw err;
    }
  }

  return {
    async tree(actor: Actor, includeClosed: boolean): Promise<OrgTreeResponse> {
      const rows = await orgsRepository.listForTree(db, orgScope(actor, 'org.read'), includeClosed);
      return { roots: buildTree(rows), total: rows.length };
    },

    async get(actor: Actor, id: number): Promise<OrgResponse> {
      return present(actor, await visible(db, actor, id));
    },

    async create(actor: Actor, body: OrgCreateBody): Promise<OrgResponse> {
      const org = await write(actor, async (tx, audit) => {
        const parent = await orgsRepository.lockById(tx, body.parentId);
        if (!parent || !can(actor, 'org.read', orgTarget(parent))) {
          assertHolds(actor, 'org.write');
          throw parentNotFound();
        }
        assertCan(actor, 'org.write', orgTarget(parent), '组织');
        checkHostDistrict(body.hostDistrict);
        if (parent.closedAt) throw parentClosed();
        const parentKind = parent.kind as OrgKind;
        if (!ORG_CHILD_KINDS[parentKind].includes(body.kind)) {
          throw kindNotAllowed(ORG_KIND_LABELS[parentKind], ORG_KIND_LABELS[body.kind]);
        }
        const id = await orgsRepository.nextId(tx);
        const created = await orgsRepository.insert(tx, {
          id,
          parentId: parent.id,
          path: `${parent.path}.${id}`,
          name: body.name,
          kind: body.kind,
          hostDistrict: body.hostDistrict ?? (body.kind === 'sub_committee' ? null : parent.hostDistrict),
        });
        audit({
          action: 'org.created',
          targetType: 'org',
          targetId: created.id,
          targetLabel: created.name,
          after: auditView(created),
        });
        return created;
      });
      return present(actor, org);
    },

    async update(actor: Actor, id: number, body: OrgUpdateBody): Promise<OrgResponse> {
      const org = await write(actor, async (tx, audit) => {
        const before = await visible(tx, actor, id, true);
        assertCan(actor, 'org.write', orgTarget(before), '组织');
        assertVersion(before, body.version);
        if (before.closedAt) throw orgClosed();
        checkHostDistrict(body.hostDistrict);
        const after = await orgsRepository.update(tx, id, body.version, {
          ...(body.name !== undefined ? { name: body.name } : {}),
          ...(body.hostDistrict !== undefined ? { hostDistrict: body.hostDistrict } : {}),
        });
        if (!after) throw versionConflict();
        audit({
          action: 'org.updated',
          targetType: 'org',
          targetId: id,
          targetLabel: after.name,
          before: auditView(before),
          after: auditView(after),
        });
        return after;
      });
      return present(actor, org);
    },

    /** Moves a subtree under another parent; every path below is rewritten in the same transaction. */
    async move(actor: Actor, id: number, body: OrgMoveBody): Promise<OrgResponse> {
      const org = await write(actor, async (tx, audit) => {
        const before = await visible(tx, actor, id, true);
        assertCan(actor, 'org.write', orgTarget(before), '组织');
        if (before.parentId === null) throw rootImmovable();
        if (!canRestructure(actor, before)) throw cannotRestructure();
        assertVersion(before, body.version);
        if (before.closedAt) throw orgClosed();
        const parent = await orgsRepository.lockById(tx, body.parentId);
        if (!parent || !can(actor, 'org.write', orgTarget(parent))) throw parentNotFound();
        if (isWithinPath(parent.path, before.path)) throw moveIntoOwnSubtree();
        if (parent.closedAt) throw parentClosed();
        const parentKind = parent.kind as OrgKind;
        if (!ORG_CHILD_KINDS[parentKind].includes(before.kind as OrgKind)) {
          throw kindNotAllowed(ORG_KIND_LABELS[parentKind], ORG_KIND_LABELS[before.kind as OrgKind]);
        }
        const moved = await orgsRepository.update(tx, id, body.version, { parentId: parent.id });
        if (!moved) throw versionConflict();
        const newPath = `${parent.path}.${id}`;
        await orgsRepository.rewritePaths(tx, before.path, newPath);
        await events.publish(tx, 'org.subtree_moved', { oldPath: before.path, newPath });
        const after = { ...moved, path: newPath };
        audit({
          action: 'org.moved',
          targetType: 'org',
          targetId: id,
          targetLabel: after.name,
          before: auditView(before),
          after: auditView(after),
        });
        return after;
      });
      return present(actor, org);
    },

    /** Closes (撤销) an org. Orgs are never deleted: members, meetings and the audit log refer to them. */
    async close(actor: Actor, id: number, body: OrgCloseBody): Promise<OrgResponse> {
      const org = await write(actor, async (tx, audit) => {
        const before = await visible(tx, actor, id, true);
        assertCan(actor, 'org.write', orgTarget(before), '组织');
        if (before.parentId === null) throw rootImmovable();
        if (!canRestructure(actor, before)) throw cannotRestructure();
        assertVersion(before, body.version);
        if (before.closedAt) throw orgClosed();
        const children = await orgsRepository.countActiveChildren(tx, id);
        if (children > 0) throw hasActiveChildren(children);
        const assignments = await orgsRepository.countAssignments(tx, id);
        if (assignments > 0) throw hasAssignments(assignments);
        const after = await orgsRepository.update(tx, id, body.version, {
          closedAt: new Date(),
          closedReason: body.reason,
        });
        if (!after) throw versionConflict();
        audit({
          action: 'org.closed',
          targetType: 'org',
          targetId: id,
          targetLabel: after.name,
          before: auditView(before),
          after: auditView(after),
        });
        return after;
      });
      return present(actor, org);
    },

    /** For other modules: the org row, or null (no scope check; the caller has its own). */
    lookup: (executor: Executor, id: number) => orgsRepository.findById(executor, id),

    /** For other modules: the org rows of these ids that exist (no scope check). */
    lookupMany: (executor: Executor, ids: readonly number[]) => orgsRepository.findMany(executor, [...ids]),

    /** For other modules: the ids of every org in the subtrees at these paths, closed ones too. */
    async idsInSubtrees(executor: Executor, paths: readonly string[]): Promise<number[]> {
      if (paths.length === 0) return [];
      const rows = await orgsRepository.listForTree(executor, { all: false, paths: [...paths] }, true);
      return rows.map((r) => r.id);
    },

    /** Names from the root down to the org of the path. */
    async namesAlong(executor: Executor, path: string): Promise<string[]> {
      const ids = path.split('.').map(Number);
      const rows = await orgsRepository.findMany(executor, ids);
      return ids.map((id) => rows.find((r) => r.id === id)?.name ?? '');
    },

    /** For other modules: whether an org exists and is open (no scope check; the caller has its own). */
    async isOpen(executor: Executor, id: number): Promise<boolean> {
      const org = await orgsRepository.findById(executor, id);
      return org !== null && org.closedAt === null;
    },

    /**
     * For other modules: the org that looks after people living in a host district — the open
     * second-level committee (二级流动党委) of that district (the first by sort order when two
     * share it), else the top committee. Null only on an empty tree.
     */
    async committeeForDistrict(executor: Executor, hostDistrict: string): Promise<OrgRow | null> {
      return (
        (await orgsRepository.openCommitteeOfDistrict(executor, hostDistrict)) ??
        (await orgsRepository.topCommittee(executor))
      );
    },

    /** For other modules: the top committee (the open root of the tree). */
    topCommittee: (executor: Executor) => orgsRepository.topCommittee(executor),

    visible,
  };
}

export type OrgsService = ReturnType<typeof createOrgsService>;
