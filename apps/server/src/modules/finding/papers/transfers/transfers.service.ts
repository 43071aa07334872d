/**
 * 组织关系转接: outgoing and incoming transfers with the three-part letter. Reading follows the
 * member (member.read in scope); writing needs transfer.write over the member (and member.write,
 * since completing a transfer changes the member's record through the members service).
 */
import {
  type Action,
  defaultTransferValidUntil,
  localIsoDate,
  RecordId,
  receiptDueOn,
  stubKeepUntil,
  TRANSFER_STATE_LABELS,
  type TransferCancelBody,
  type TransferCreateBody,
  type TransferExportQuery,
  type TransferListQuery,
  type TransferListResponse,
  type TransferOverdueQuery,
  type TransferReceiptBody,
  type TransferResponse,
  type TransferState,
  transferValidityIssue,
} from '@ningxin/shared';
import { and, eq, like, or, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Executor, Tx } from '../../../../db/client';
import { transfers } from '../../../../db/schema';
import { decodeCursor, encodeCursor } from '../../../../lib/cursor';
import { assertVersion, notFound, versionConflict } from '../../../../lib/errors';
import { nextPaperNumber } from '../../../../lib/paper-numbers';
import { type Actor, assertCan, assertHolds, coversOrgPath } from '../../../../policy/policy';
import { inPathSubtree } from '../../../../policy/scope';
import { type Audit, audited } from '../../../audit/audit.service';
import { memberInScope, memberNameOf } from '../../../members/members.fragments';
import type { MemberActions } from '../../../members/record/members.actions';
import { memberTarget } from '../../../members/record/members.scope';
import type { MembersService } from '../../../members/record/members.service';
import type { OrgsService } from '../../../orgs/orgs.service';
import type { SettingsService } from '../../../settings/settings.service';
import {
  memberNotOnRolls,
  paperRule,
  receiptBeforeIssue,
  receivingOrgNotBranch,
  receivingOrgNotUsable,
  transferNotOpen,
  transferOpen,
} from '../papers.errors';
import { mapTransfer, transferAuditView } from './transfers.mapper';
import { overdueCondition, transfersRepository as repo, type TransferRow } from './transfers.repository';

export interface TransfersDeps {
  db: Db;
  members: MembersService;
  actions: Pick<MemberActions, 'changeStatusIn'>;
  orgs: OrgsService;
  settings: Pick<SettingsService, 'get'>;
}

const CURSOR = z.tuple([RecordId()]);
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function filters(q: TransferExportQuery, orgPath: string | null, today: string): SQL | undefined {
  const words = q.q?.trim();
  return and(
    q.direction ? eq(transfers.direction, q.direction) : undefined,
    q.state ? eq(transfers.state, q.state) : undefined,
    q.overdue ? overdueCondition(today) : undefined,
    orgPath ? inPathSubtree(transfers.orgPath, orgPath) : undefined,
    q.memberId ? eq(transfers.memberId, q.memberId) : undefined,
    words
      ? or(
          like(transfers.letterNumber, `%${escapeLike(words)}%`),
          sql`${memberNameOf(transfers.memberId)} like ${`${escapeLike(words)}%`}`,
        )
      : undefined,
  );
}

export function createTransfersService({ db, members, actions, orgs, settings }: TransfersDeps) {
  const today = () => localIsoDate(new Date());

  async function visibleTransfer(executor: Executor, actor: Actor, id: number, action: Action, lock = false) {
    assertHolds(actor, action);
    const row = await repo.findById(executor, id, memberInScope(transfers.memberId, actor, action), lock);
    if (!row) throw notFound('组织关系转接');
    return row;
  }

  /** The letter's dates: issued (default today), valid until (default about 10 days, at most 3 months). */
  function letterDates(body: { issuedOn?: string | undefined; validUntil?: string | undefined }) {
    const issuedOn = body.issuedOn ?? today();
    const validUntil = body.validUntil ?? defaultTransferValidUntil(issuedOn);
    const issue = transferValidityIssue(issuedOn, validUntil);
    if (issue) throw paperRule(issue);
    return {
      issuedOn,
      validUntil,
      receiptDueOn: receiptDueOn(issuedOn),
      stubKeepUntil: stubKeepUntil(issuedOn),
    };
  }

  const nextNumber = async (tx: Tx, issuedOn: string) =>
    nextPaperNumber(
      tx,
      {
        prefix: (await settings.get('members.paperNumberPrefixes', tx)).transfer,
        table: 'transfers',
        column: transfers.letterNumber,
      },
      Number(issuedOn.slice(0, 4)),
    );

  /** An org's full name on a letter: the names along its path. */
  async function fullName(executor: Executor, path: string) {
    return (await orgs.namesAlong(executor, path)).join(' ');
  }

  async function present(actor: Actor, rows: TransferRow[]) {
    const day = today();
    return rows.map((r) => mapTransfer(r, day, coversOrgPath(actor, 'transfer.write', r.orgPath)));
  }

  async function page(
    actor: Actor,
    where: SQL | undefined,
    q: { limit: number; cursor?: string | undefined },
  ) {
    const after = q.cursor ? decodeCursor(q.cursor, CURSOR)[0] : undefined;
    const rows = await repo.list(db, where, after, q.limit);
    const last = rows.at(-1);
    return {
      items: await present(actor, rows),
      nextCursor: rows.length === q.limit && last ? encodeCursor([last.id]) : null,
    };
  }

  async function orgPathOf(orgId: number | undefined) {
    if (!orgId) return null;
    return (await orgs.lookup(db, orgId))?.path ?? '-';
  }

  /** An outgoing letter: the member leaves for an org outside the committee. */
  async function createOutgoing(
    tx: Tx,
    actor: Actor,
    body: Extract<TransferCreateBody, { direction: 'outgoing' }>,
    audit: Audit,
  ) {
    const member = await members.visibleMember(tx, actor, body.memberId, 'member.read', true);
    assertCan(actor, 'transfer.write', memberTarget(member), '党员');
    if (member.status !== 'active') throw memberNotOnRolls('转出组织关系');
    const dates = letterDates(body);
    const open = await repo.openOf(tx, member.id);
    if (open) throw transferOpen(open.letterNumber);
    const values = {
      letterNumber: await nextNumber(tx, dates.issuedOn),
      direction: 'outgoing',
      memberId: member.id,
      orgId: member.orgId,
      orgPath: member.orgPath,
      fromOrgName: await fullName(tx, member.orgPath),
      toOrgName: body.toOrgName,
      toOrgId: null,
      reason: body.reason ?? null,
      duesPaidUntil: body.duesPaidUntil,
      ...dates,
      state: 'issued',
      createdBy: actor.userId,
    };
    const id = await repo.insert(tx, values);
    audit({
      action: 'transfer.issued',
      targetType: 'transfer',
      targetId: id,
      targetLabel: `${values.letterNumber} ${member.name}`,
      after: transferAuditView(values),
    });
    return id;
  }

  /**
   * An incoming letter: the member joins a branch of the committee. The person's record is
   * created there through the members service, or linked when the ID number already is a
   * member's within the actor's scope (one outside it answers as the members service does).
   */
  async function createIncoming(
    tx: Tx,
    actor: Actor,
    body: Extract<TransferCreateBody, { direction: 'incoming' }>,
    audit: Audit,
  ) {
    assertHolds(actor, 'member.write');
    const org = await orgs.lookup(tx, body.person.orgId);
    if (!org || org.closedAt || !coversOrgPath(actor, 'transfer.write', org.path))
      throw receivingOrgNotUsable();
    if (org.kind !== 'branch' && org.kind !== 'group') throw receivingOrgNotBranch();
    const dates = letterDates(body);
    const existing = await members.visibleByIdNumber(tx, actor, body.person.idNumber, 'member.write', true);
    if (existing) {
      if (existing.status === 'deceased') throw memberNotOnRolls('转入组织关系');
      const open = await repo.openOf(tx, existing.id);
      if (open) throw transferOpen(open.letterNumber);
    }
    const memberId =
      existing?.id ??
      (await members.createIn(tx, audit, actor, { ...body.person, relationship: 'transferred_in' }));
    const values = {
      letterNumber: await nextNumber(tx, dates.issuedOn),
      direction: 'incoming',
      memberId,
      orgId: org.id,
      orgPath: org.path,
      fromOrgName: body.fromOrgName,
      toOrgName: await fullName(tx, org.path),
      toOrgId: org.id,
      reason: body.reason ?? null,
      duesPaidUntil: body.duesPaidUntil,
      ...dates,
      state: 'issued',
      createdBy: actor.userId,
    };
    const id = await repo.insert(tx, values);
    audit({
      action: 'transfer.issued',
      targetType: 'transfer',
      targetId: id,
      targetLabel: `${values.letterNumber} ${existing?.name ?? body.person.name}`,
      after: { ...transferAuditView(values), linked: existing !== null },
    });
    return id;
  }

  /** The member follows a completed transfer: out of the rolls, or into the receiving branch and on them. */
  async function applyToMember(tx: Tx, actor: Actor, t: TransferRow, on: string, audit: Audit) {
    const member = await members.visibleMember(tx, actor, t.memberId, 'member.write', true);
    if (t.direction === 'outgoing') {
      await actions.changeStatusIn(
        tx,
        actor,
        member.id,
        {
          status: 'transferred_out',
          effectiveDate: on,
          reason: `组织关系转往${t.toOrgName}（介绍信 ${t.letterNumber}）`,
          version: member.version,
        },
        audit,
      );
      return;
    }
    let version = member.version;
    if (member.status !== 'active') {
      await actions.changeStatusIn(
        tx,
        actor,
        member.id,
        {
          status: 'active',
          effectiveDate: on,
          reason: `组织关系由${t.fromOrgName}转入（介绍信 ${t.letterNumber}）`,
          version,
        },
        audit,
      );
      version += 1;
    }
    const toOrgId = t.toOrgId ?? t.orgId;
    if (member.orgId !== toOrgId || member.relationship !== 'transferred_in') {
      await members.updateIn(
        tx,
        actor,
        member.id,
        { orgId: toOrgId, relationship: 'transferred_in', version },
        audit,
      );
    }
  }

  return {
    list: async (actor: Actor, q: TransferListQuery): Promise<TransferListResponse> =>
      page(
        actor,
        and(
          memberInScope(transfers.memberId, actor, 'member.read'),
          filters(q, await orgPathOf(q.orgId), today()),
        ),
        q,
      ),

    /** Open letters whose receipt has not come back within a month, in scope. */
    overdue: (actor: Actor, q: TransferOverdueQuery): Promise<TransferListResponse> =>
      page(actor, and(memberInScope(transfers.memberId, actor, 'member.read'), overdueCondition(today())), q),

    async get(actor: Actor, id: number): Promise<TransferResponse> {
      const [item] = await present(actor, [await visibleTransfer(db, actor, id, 'member.read')]);
      return item!;
    },

    async create(actor: Actor, body: TransferCreateBody): Promise<TransferResponse> {
      assertHolds(actor, 'transfer.write');
      const id = await audited(db, actor, (tx, audit) =>
        body.direction === 'outgoing'
          ? createOutgoing(tx, actor, body, audit)
          : createIncoming(tx, actor, body, audit),
      ).catch(async (err) => {
        throw body.direction === 'incoming'
          ? await members.duplicateOf(err, actor, body.person.idNumber)
          : err;
      });
      return this.get(actor, id);
    },

    /** The receipt is back (or sent back): the transfer completes and the member's record follows. */
    async receipt(actor: Actor, id: number, body: TransferReceiptBody): Promise<TransferResponse> {
      await audited(db, actor, async (tx, audit) => {
        const t = await visibleTransfer(tx, actor, id, 'transfer.write', true);
        assertVersion(t, body.version);
        if (t.state !== 'issued') throw transferNotOpen(TRANSFER_STATE_LABELS[t.state as TransferState]);
        if (body.receiptReturnedOn < t.issuedOn) throw receiptBeforeIssue();
        await applyToMember(tx, actor, t, body.receiptReturnedOn, audit);
        const values = { state: 'completed', receiptReturnedOn: body.receiptReturnedOn };
        if (!(await repo.update(tx, id, body.version, values))) throw versionConflict();
        audit({
          action: 'transfer.completed',
          targetType: 'transfer',
          targetId: id,
          targetLabel: `${t.letterNumber} ${t.memberName}`,
          before: { state: t.state },
          after: values,
        });
      });
      return this.get(actor, id);
    },

    async cancel(actor: Actor, id: number, body: TransferCancelBody): Promise<TransferResponse> {
      await audited(db, actor, async (tx, audit) => {
        const t = await visibleTransfer(tx, actor, id, 'transfer.write', true);
        assertVersion(t, body.version);
        if (t.state !== 'issued') throw transferNotOpen(TRANSFER_STATE_LABELS[t.state as TransferState]);
        const values = { state: 'cancelled', cancelReason: body.reason };
        if (!(await repo.update(tx, id, body.version, values))) throw versionConflict();
        audit({
          action: 'transfer.cancelled',
          targetType: 'transfer',
          targetId: id,
          targetLabel: `${t.letterNumber} ${t.memberName}`,
          before: { state: t.state },
          after: values,
        });
      });
      return this.get(actor, id);
    },

    /** The transfer and its member's record, for the letter (transfer.write over the member). */
    async printable(actor: Actor, id: number) {
      const row = await visibleTransfer(db, actor, id, 'transfer.write');
      const member = await members.visibleMember(db, actor, row.memberId, 'member.read');
      const org = await orgs.lookup(db, row.orgId);
      const committee = org ? ((await orgs.namesAlong(db, org.path))[0] ?? row.orgName) : row.orgName;
      return { row, member, committee };
    },

    async exportCondition(actor: Actor, q: TransferExportQuery) {
      return and(
        memberInScope(transfers.memberId, actor, 'member.export'),
        filters(q, await orgPathOf(q.orgId), today()),
      );
    },

    /** Open letters past their receipt's due day, in the actor's scope for the action. */
    overdueCount: (actor: Actor, action: Action) =>
      repo.count(db, and(memberInScope(transfers.memberId, actor, action), overdueCondition(today()))),
  };
}

export type TransfersService = ReturnType<typeof createTransfersService>;
