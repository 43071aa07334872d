/**
 * Honours (表彰): individual (a member: a ledger entry) or collective (an org of the tree, or a
 * group named as written), with level, title, issuer and day; the wall shows collective ones first.
 */
import {
  HONOUR_KIND_LABELS,
  HONOUR_LEVEL_LABELS,
  type HonourCreateBody,
  type HonourKind,
  type HonourLevel,
  type HonourListQuery,
  type HonourListResponse,
  type HonourResponse,
  type HonourUpdateBody,
  type HonourWallQuery,
  type HonourWallResponse,
  RecordId,
} from '@ningxin/shared';
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor, Tx } from '../../../db/client';
import { honours } from '../../../db/schema';
import { decodeCursor, encodeCursor } from '../../../lib/cursor';
import { assertVersion, notFound, versionConflict } from '../../../lib/errors';
import { type Actor, assertHolds, coversOrgPath } from '../../../policy/policy';
import { inPathSubtree } from '../../../policy/scope';
import { audited } from '../../audit/audit.service';
import { type CareAccess, SOURCE, yearBounds } from '../care.access';
import { honourFieldNotAllowed, honourRecipientMissing, orgNotUsable } from '../care.errors';
import { type HonourRow, honoursRepository as repo } from './honours.repository';

const CURSOR = z.tuple([z.string().max(10), RecordId()]);
const WALL_LIMIT = 300;

const auditView = (r: Partial<HonourRow>) => ({
  kind: r.kind,
  level: r.level,
  title: r.title,
  issuer: r.issuer,
  awardedOn: r.awardedOn,
  memberId: r.memberId,
  recipientOrgId: r.recipientOrgId,
  recipientName: r.recipientName,
  orgId: r.orgId,
});

/** The ledger title of an individual honour: 全国优秀共产党员（中共中央）. */
export const honourTitle = (title: string, issuer: string) => `${title}（${issuer}）`;

export function createHonoursService(access: CareAccess) {
  const { db, activity } = access;
  const readScope = (actor: Actor) => access.scope(actor, 'care.read', honours.orgPath, honours.memberId);
  const writeScope = (actor: Actor) => access.scope(actor, 'care.write', honours.orgPath, honours.memberId);

  const present = (actor: Actor, r: HonourRow): HonourResponse => ({
    id: r.id,
    kind: r.kind as HonourKind,
    kindLabel: HONOUR_KIND_LABELS[r.kind as HonourKind],
    level: r.level as HonourLevel,
    levelLabel: HONOUR_LEVEL_LABELS[r.level as HonourLevel],
    title: r.title,
    issuer: r.issuer,
    awardedOn: r.awardedOn,
    recipient: r.memberName ?? r.recipientOrgName ?? r.recipientName ?? '',
    member: r.memberId ? { id: r.memberId, name: r.memberName ?? '' } : null,
    recipientOrg: r.recipientOrgId ? { id: r.recipientOrgId, name: r.recipientOrgName ?? '' } : null,
    org: { id: r.orgId, name: r.orgName },
    note: r.note,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    policies: access.policies(actor, r.orgPath),
  });

  /** An org of the tree, open and in the actor's write scope (400 naming the field otherwise). */
  async function writableOrg(tx: Tx, actor: Actor, id: number, path: string) {
    const org = await access.orgs.lookup(tx, id);
    if (!org || org.closedAt || !coversOrgPath(actor, 'care.write', org.path)) throw orgNotUsable(path);
    return org;
  }

  /** The honour as entered, checked: its recipient agrees with its kind and is in the write scope. */
  async function content(tx: Tx, actor: Actor, body: HonourCreateBody) {
    const common = {
      kind: body.kind,
      level: body.level,
      title: body.title,
      issuer: body.issuer,
      awardedOn: body.awardedOn,
      note: body.note ?? null,
    };
    if (body.kind === 'individual') {
      for (const f of ['recipientOrgId', 'recipientName', 'orgId'] as const)
        if (body[f] != null) throw honourFieldNotAllowed(f);
      if (body.memberId == null) throw honourRecipientMissing('memberId', '个人表彰请选择获表彰党员');
      const m = await access.writableMember(tx, actor, body.memberId);
      return {
        label: m.name,
        values: {
          ...common,
          memberId: m.id,
          recipientOrgId: null,
          recipientName: null,
          orgId: m.orgId,
          orgPath: m.orgPath,
        },
      };
    }
    if (body.memberId != null) throw honourFieldNotAllowed('memberId');
    if (body.recipientOrgId != null) {
      if (body.recipientName) throw honourFieldNotAllowed('recipientName');
      if (body.orgId != null) throw honourFieldNotAllowed('orgId');
      const org = await writableOrg(tx, actor, body.recipientOrgId, 'recipientOrgId');
      return {
        label: org.name,
        values: {
          ...common,
          memberId: null,
          recipientOrgId: org.id,
          recipientName: null,
          orgId: org.id,
          orgPath: org.path,
        },
      };
    }
    if (!body.recipientName)
      throw honourRecipientMissing('recipientOrgId', '集体表彰请选择获表彰组织或填写集体名称');
    if (body.orgId == null) throw honourRecipientMissing('orgId', '请选择该集体所属的组织');
    const org = await writableOrg(tx, actor, body.orgId, 'orgId');
    return {
      label: body.recipientName,
      values: {
        ...common,
        memberId: null,
        recipientOrgId: null,
        recipientName: body.recipientName,
        orgId: org.id,
        orgPath: org.path,
      },
    };
  }

  async function syncLedger(tx: Tx, id: number, v: Awaited<ReturnType<typeof content>>['values'] | null) {
    await activity.reverse(tx, SOURCE, `honour:${id}`, 'honour');
    if (!v?.memberId) return;
    await activity.record(tx, {
      memberId: v.memberId,
      kind: 'honour',
      occurredOn: v.awardedOn,
      quantity: 1,
      sourceModule: SOURCE,
      sourceId: `honour:${id}`,
      title: honourTitle(v.title, v.issuer),
      org: { id: v.orgId, path: v.orgPath },
    });
  }

  async function writable(tx: Tx, actor: Actor, id: number) {
    assertHolds(actor, 'care.write');
    const row = await repo.findById(tx, id, writeScope(actor), true);
    if (!row) throw notFound('表彰记录');
    return row;
  }

  const yearFilter = (year: number | undefined) =>
    year ? sql`${honours.awardedOn} between ${yearBounds(year)[0]} and ${yearBounds(year)[1]}` : undefined;

  return {
    async list(actor: Actor, q: HonourListQuery): Promise<HonourListResponse> {
      const scope = readScope(actor);
      const orgPath = await access.orgFilter(db, q.orgId);
      const where = and(
        scope,
        q.level ? eq(honours.level, q.level) : undefined,
        q.kind ? eq(honours.kind, q.kind) : undefined,
        yearFilter(q.year),
        q.memberId ? eq(honours.memberId, q.memberId) : undefined,
        orgPath ? inPathSubtree(honours.orgPath, orgPath) : undefined,
      );
      const after = q.cursor ? decodeCursor(q.cursor, CURSOR) : undefined;
      const [rows, count] = await Promise.all([repo.list(db, where, after, q.limit), repo.count(db, where)]);
      const last = rows.at(-1);
      return {
        items: rows.map((r) => present(actor, r)),
        nextCursor: rows.length === q.limit && last ? encodeCursor([last.awardedOn, last.id]) : null,
        totals: { count },
      };
    },

    /**
     * Honours awarded in the year that the actor reads, by the second-level committee of the org
     * keeping them (the top committee for its own) and by level: one row a committee and level.
     */
    async byCommittee(actor: Actor, year: number) {
      const rows = await repo.byCommitteeAndLevel(db, and(readScope(actor), yearFilter(year)));
      return rows.map((r) => ({
        committee: { id: r.committee_id ?? 0, name: r.name ?? '' },
        level: r.level as HonourLevel,
        count: r.n,
      }));
    },

    /** The honour wall (荣誉墙): collective honours first, each part by level, latest first. */
    async wall(actor: Actor, q: HonourWallQuery): Promise<HonourWallResponse> {
      const where = and(readScope(actor), yearFilter(q.year));
      const [collective, individual] = await Promise.all([
        repo.wall(db, and(where, eq(honours.kind, 'collective')), WALL_LIMIT),
        repo.wall(db, and(where, eq(honours.kind, 'individual')), WALL_LIMIT),
      ]);
      return {
        collective: collective.map((r) => present(actor, r)),
        individual: individual.map((r) => present(actor, r)),
      };
    },

    async get(actor: Actor, id: number): Promise<HonourResponse> {
      const row = await repo.findById(db, id, readScope(actor));
      if (!row) throw notFound('表彰记录');
      return present(actor, row);
    },

    async create(actor: Actor, body: HonourCreateBody): Promise<HonourResponse> {
      const id = await audited(db, actor, async (tx, audit) => {
        assertHolds(actor, 'care.write');
        const { label, values } = await content(tx, actor, body);
        const id = await repo.insert(tx, { ...values, createdBy: actor.userId });
        await syncLedger(tx, id, values);
        audit({
          action: 'care.honour_created',
          targetType: 'honour',
          targetId: id,
          targetLabel: `${label} ${values.title}`,
          after: auditView(values),
        });
        return id;
      });
      return this.get(actor, id);
    },

    async update(actor: Actor, id: number, body: HonourUpdateBody): Promise<HonourResponse> {
      await audited(db, actor, async (tx, audit) => {
        const before = await writable(tx, actor, id);
        assertVersion(before, body.version);
        const { version, ...rest } = body;
        const { label, values } = await content(tx, actor, rest);
        if (!(await repo.update(tx, id, version, values))) throw versionConflict();
        await syncLedger(tx, id, values);
        audit({
          action: 'care.honour_updated',
          targetType: 'honour',
          targetId: id,
          targetLabel: `${label} ${values.title}`,
          before: auditView(before),
          after: auditView(values),
        });
      });
      return this.get(actor, id);
    },

    async remove(actor: Actor, id: number): Promise<void> {
      await audited(db, actor, async (tx, audit) => {
        const before = await writable(tx, actor, id);
        await syncLedger(tx, id, null);
        await repo.remove(tx, id);
        audit({
          action: 'care.honour_deleted',
          targetType: 'honour',
          targetId: id,
          targetLabel: before.title,
          before: auditView(before),
        });
      });
    },

    /** Certificate scans of an honour: read in the read scope, uploaded and deleted in the write scope. */
    async authorizeFiles(executor: Executor, actor: Actor, id: number, mode: 'read' | 'write') {
      assertHolds(actor, mode === 'write' ? 'care.write' : 'care.read');
      const row = await repo.findById(executor, id, mode === 'write' ? writeScope(actor) : readScope(actor));
      if (!row) throw notFound('表彰记录');
      return { label: row.title };
    },

    /** A member's own honours (no scope check: the caller passes the member's own id). */
    ofMember: (memberId: number, limit = 50) => repo.ofMember(db, memberId, limit),
  };
}

export type HonoursService = ReturnType<typeof createHonoursService>;
