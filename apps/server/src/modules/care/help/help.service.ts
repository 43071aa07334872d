/** Hardship help (困难帮扶): money, goods or a service given to a member; each one a ledger entry. */
import {
  CARE_HELP_KIND_LABELS,
  type CareHelpCreateBody,
  type CareHelpKind,
  type CareHelpListQuery,
  type CareHelpListResponse,
  type CareHelpResponse,
  type CareHelpUpdateBody,
  RecordId,
} from '@ningxin/shared';
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '../../../db/client';
import { careHelp as help } from '../../../db/schema';
import { decodeCursor, encodeCursor } from '../../../lib/cursor';
import { assertVersion, notFound, versionConflict } from '../../../lib/errors';
import { type Actor, assertHolds } from '../../../policy/policy';
import { inPathSubtree } from '../../../policy/scope';
import { audited } from '../../audit/audit.service';
import { type CareAccess, SOURCE, yearBounds } from '../care.access';
import { helpAmountRequired, serviceHasNoAmount } from '../care.errors';
import { type HelpRow, helpRepository as repo } from './help.repository';

const CURSOR = z.tuple([z.string().max(10), RecordId()]);

const auditView = (r: Partial<HelpRow>) => ({
  memberId: r.memberId,
  kind: r.kind,
  amountFen: r.amountFen,
  givenOn: r.givenOn,
  reason: r.reason,
  orgId: r.orgId,
});

/** The ledger title of a help record: 困难帮扶（资金）：<reason>. */
export const helpTitle = (kind: CareHelpKind, reason: string) =>
  `困难帮扶（${CARE_HELP_KIND_LABELS[kind]}）：${reason.length > 60 ? `${reason.slice(0, 60)}…` : reason}`;

export function createHelpService(access: CareAccess) {
  const { db, activity } = access;
  const readScope = (actor: Actor) => access.scope(actor, 'care.read', help.orgPath, help.memberId);
  const writeScope = (actor: Actor) => access.scope(actor, 'care.write', help.orgPath, help.memberId);

  const present = (actor: Actor, r: HelpRow): CareHelpResponse => ({
    id: r.id,
    member: { id: r.memberId, name: r.memberName },
    org: { id: r.orgId, name: r.orgName },
    kind: r.kind as CareHelpKind,
    kindLabel: CARE_HELP_KIND_LABELS[r.kind as CareHelpKind],
    amountFen: r.amountFen,
    givenOn: r.givenOn,
    reason: r.reason,
    note: r.note,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    policies: access.policies(actor, r.orgPath),
  });

  async function content(tx: Tx, actor: Actor, body: CareHelpCreateBody) {
    const member = await access.writableMember(tx, actor, body.memberId);
    const amountFen = body.amountYuan ?? 0;
    if (body.kind === 'service' && amountFen > 0) throw serviceHasNoAmount();
    if (body.kind !== 'service' && amountFen === 0) throw helpAmountRequired();
    return {
      member,
      values: {
        memberId: member.id,
        orgId: member.orgId,
        orgPath: member.orgPath,
        kind: body.kind,
        amountFen,
        givenOn: body.givenOn,
        reason: body.reason,
        note: body.note ?? null,
      },
    };
  }

  async function syncLedger(
    tx: Tx,
    id: number,
    v: {
      memberId: number;
      orgId: number;
      orgPath: string;
      kind: string;
      givenOn: string;
      reason: string;
    } | null,
  ) {
    await activity.reverse(tx, SOURCE, `help:${id}`, 'care');
    if (!v) return;
    await activity.record(tx, {
      memberId: v.memberId,
      kind: 'care',
      occurredOn: v.givenOn,
      quantity: 1,
      sourceModule: SOURCE,
      sourceId: `help:${id}`,
      title: helpTitle(v.kind as CareHelpKind, v.reason),
      org: { id: v.orgId, path: v.orgPath },
    });
  }

  async function writable(tx: Tx, actor: Actor, id: number) {
    assertHolds(actor, 'care.write');
    const row = await repo.findById(tx, id, writeScope(actor), true);
    if (!row) throw notFound('困难帮扶记录');
    return row;
  }

  return {
    async list(actor: Actor, q: CareHelpListQuery): Promise<CareHelpListResponse> {
      const scope = readScope(actor);
      const orgPath = await access.orgFilter(db, q.orgId);
      const where = and(
        scope,
        q.kind ? eq(help.kind, q.kind) : undefined,
        q.year
          ? sql`${help.givenOn} between ${yearBounds(q.year)[0]} and ${yearBounds(q.year)[1]}`
          : undefined,
        q.memberId ? eq(help.memberId, q.memberId) : undefined,
        orgPath ? inPathSubtree(help.orgPath, orgPath) : undefined,
      );
      const after = q.cursor ? decodeCursor(q.cursor, CURSOR) : undefined;
      const [rows, totals] = await Promise.all([
        repo.list(db, where, after, q.limit),
        repo.totals(db, where),
      ]);
      const last = rows.at(-1);
      return {
        items: rows.map((r) => present(actor, r)),
        nextCursor: rows.length === q.limit && last ? encodeCursor([last.givenOn, last.id]) : null,
        totals,
      };
    },

    async get(actor: Actor, id: number): Promise<CareHelpResponse> {
      const row = await repo.findById(db, id, readScope(actor));
      if (!row) throw notFound('困难帮扶记录');
      return present(actor, row);
    },

    async create(actor: Actor, body: CareHelpCreateBody): Promise<CareHelpResponse> {
      const id = await audited(db, actor, async (tx, audit) => {
        assertHolds(actor, 'care.write');
        const { member, values } = await content(tx, actor, body);
        const id = await repo.insert(tx, { ...values, createdBy: actor.userId });
        await syncLedger(tx, id, values);
        audit({
          action: 'care.help_created',
          targetType: 'care_help',
          targetId: id,
          targetLabel: member.name,
          after: auditView(values),
        });
        return id;
      });
      return this.get(actor, id);
    },

    async update(actor: Actor, id: number, body: CareHelpUpdateBody): Promise<CareHelpResponse> {
      await audited(db, actor, async (tx, audit) => {
        const before = await writable(tx, actor, id);
        assertVersion(before, body.version);
        const { version, ...rest } = body;
        const { member, values } = await content(tx, actor, rest);
        if (!(await repo.update(tx, id, version, values))) throw versionConflict();
        await syncLedger(tx, id, values);
        audit({
          action: 'care.help_updated',
          targetType: 'care_help',
          targetId: id,
          targetLabel: member.name,
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
          action: 'care.help_deleted',
          targetType: 'care_help',
          targetId: id,
          targetLabel: before.memberName,
          before: auditView(before),
        });
      });
    },

    /** A member's own help records (no scope check: the caller passes the member's own id). */
    ofMember: (memberId: number, limit = 50) => repo.ofMember(db, memberId, limit),
  };
}

export type HelpService = ReturnType<typeof createHelpService>;
