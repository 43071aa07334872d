/**
 * 流动党员活动证: issue, renew, revoke, and the ledger. Who reads the ledger: whoever may read
 * the holder (member.read, in scope); who writes: certificate.write over the holder. A holder
 * outside the actor's scope answers 404 like a missing one.
 */

import type { Action } from '@ningxin/shared';
import {
  addDays,
  CERTIFICATE_STATUS_LABELS,
  type CertificateCreateBody,
  type CertificateExportQuery,
  type CertificateListQuery,
  type CertificateListResponse,
  type CertificateRenewBody,
  type CertificateResponse,
  type CertificateRevokeBody,
  certificateStatus,
  certificateValidityIssue,
  localIsoDate,
  RecordId,
} from '@ningxin/shared';
import { and, eq, like, lt, or, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Executor, Tx } from '../../../../db/client';
import { certificates } from '../../../../db/schema';
import { decodeCursor, encodeCursor } from '../../../../lib/cursor';
import { assertVersion, notFound, versionConflict } from '../../../../lib/errors';
import { nextPaperNumber } from '../../../../lib/paper-numbers';
import { type Actor, assertCan, assertHolds, coversOrgPath, isWithinPath } from '../../../../policy/policy';
import { inPathSubtree } from '../../../../policy/scope';
import { audited } from '../../../audit/audit.service';
import { memberInScope, memberNameOf } from '../../../members/members.fragments';
import { memberTarget } from '../../../members/record/members.scope';
import type { MembersService } from '../../../members/record/members.service';
import type { OrgsService } from '../../../orgs/orgs.service';
import type { SettingsService } from '../../../settings/settings.service';
import {
  certificateCurrent,
  certificateNotCurrent,
  issuingOrgNotUsable,
  memberNotOnRolls,
  paperRule,
} from '../papers.errors';
import { certificateAuditView, mapCertificate } from './certificates.mapper';
import { type CertificateRow, certificatesRepository as repo } from './certificates.repository';

export interface CertificatesDeps {
  db: Db;
  members: MembersService;
  orgs: OrgsService;
  settings: Pick<SettingsService, 'get'>;
}

const CURSOR = z.tuple([RecordId()]);

/** The ledger's filters as SQL (the scope is added by the caller). */
function filters(q: CertificateExportQuery, orgPath: string | null, today: string): SQL | undefined {
  const inForce = and(eq(certificates.state, 'valid'), sql`${certificates.validUntil} >= ${today}`);
  const byStatus: Record<NonNullable<CertificateExportQuery['status']>, SQL | undefined> = {
    valid: inForce,
    expiring: and(inForce, sql`${certificates.validUntil} <= ${addDays(today, q.days)}`),
    expired: and(eq(certificates.state, 'valid'), lt(certificates.validUntil, today)),
    revoked: eq(certificates.state, 'revoked'),
    superseded: eq(certificates.state, 'superseded'),
  };
  const words = q.q?.trim();
  return and(
    q.status ? byStatus[q.status] : undefined,
    orgPath ? inPathSubtree(certificates.issuingOrgPath, orgPath) : undefined,
    q.memberId ? eq(certificates.memberId, q.memberId) : undefined,
    words
      ? or(
          like(certificates.number, `%${escapeLike(words)}%`),
          sql`${memberNameOf(certificates.memberId)} like ${`${escapeLike(words)}%`}`,
        )
      : undefined,
  );
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export function createCertificatesService({ db, members, orgs, settings }: CertificatesDeps) {
  const today = () => localIsoDate(new Date());

  /** The certificate if its holder lies in the actor's scope for the action (404 otherwise). */
  async function visibleCertificate(
    executor: Executor,
    actor: Actor,
    id: number,
    action: Action,
    lock = false,
  ) {
    assertHolds(actor, action);
    const row = await repo.findById(executor, id, memberInScope(certificates.memberId, actor, action), lock);
    if (!row) throw notFound('活动证');
    return row;
  }

  /** The holder, if the actor may issue a certificate to them (404 otherwise); locked for the write. */
  async function writableHolder(tx: Tx, actor: Actor, memberId: number) {
    assertHolds(actor, 'certificate.write');
    const member = await members.visibleMember(tx, actor, memberId, 'member.read', true);
    assertCan(actor, 'certificate.write', memberTarget(member), '党员');
    return member;
  }

  /** The issuing org: the holder's org or one above it, open, within the actor's scope. */
  async function issuingOrg(
    tx: Tx,
    actor: Actor,
    memberOrg: { orgId: number; orgPath: string },
    id?: number,
  ) {
    const org = await orgs.lookup(tx, id ?? memberOrg.orgId);
    if (!org || org.closedAt || !isWithinPath(memberOrg.orgPath, org.path)) throw issuingOrgNotUsable();
    if (!coversOrgPath(actor, 'certificate.write', org.path)) throw issuingOrgNotUsable();
    return org;
  }

  async function checkValidity(tx: Tx, issuedOn: string, validUntil: string) {
    const maxMonths = await settings.get('members.certificateMaxMonths', tx);
    const issue = certificateValidityIssue(issuedOn, validUntil, maxMonths);
    if (issue) throw paperRule(issue);
  }

  const nextNumber = async (tx: Tx, issuedOn: string) =>
    nextPaperNumber(
      tx,
      {
        prefix: (await settings.get('members.paperNumberPrefixes', tx)).certificate,
        table: 'certificates',
        column: certificates.number,
      },
      Number(issuedOn.slice(0, 4)),
    );

  /** Rows as responses; whether the actor may write each follows where its holder is placed. */
  async function present(actor: Actor, rows: CertificateRow[], expiringDays?: number) {
    const placed = new Map(
      (await members.placements(db, [...new Set(rows.map((r) => r.memberId))])).map((p) => [p.id, p.orgPath]),
    );
    const day = today();
    return rows.map((r) => {
      const path = placed.get(r.memberId);
      const canWrite = path !== undefined && coversOrgPath(actor, 'certificate.write', path);
      return mapCertificate(r, day, canWrite, expiringDays);
    });
  }

  async function orgPathOf(orgId: number | undefined) {
    if (!orgId) return null;
    return (await orgs.lookup(db, orgId))?.path ?? '-';
  }

  return {
    async list(actor: Actor, q: CertificateListQuery): Promise<CertificateListResponse> {
      const where = and(
        memberInScope(certificates.memberId, actor, 'member.read'),
        filters(q, await orgPathOf(q.orgId), today()),
      );
      const after = q.cursor ? decodeCursor(q.cursor, CURSOR)[0] : undefined;
      const rows = await repo.list(db, where, after, q.limit);
      const last = rows.at(-1);
      return {
        items: await present(actor, rows, q.days),
        nextCursor: rows.length === q.limit && last ? encodeCursor([last.id]) : null,
      };
    },

    async get(actor: Actor, id: number): Promise<CertificateResponse> {
      const [item] = await present(actor, [await visibleCertificate(db, actor, id, 'member.read')]);
      return item!;
    },

    async create(actor: Actor, body: CertificateCreateBody): Promise<CertificateResponse> {
      const id = await audited(db, actor, async (tx, audit) => {
        const member = await writableHolder(tx, actor, body.memberId);
        const org = await issuingOrg(tx, actor, member, body.issuingOrgId);
        if (member.status !== 'active') throw memberNotOnRolls('签发活动证');
        const issuedOn = body.issuedOn ?? today();
        await checkValidity(tx, issuedOn, body.validUntil);
        const current = await repo.currentOf(tx, member.id, today());
        if (current) throw certificateCurrent(current.number);
        const values = {
          number: await nextNumber(tx, issuedOn),
          memberId: member.id,
          issuingOrgId: org.id,
          issuingOrgPath: org.path,
          destination: body.destination,
          reason: body.reason,
          issuedOn,
          validUntil: body.validUntil,
          state: 'valid',
        };
        const id = await repo.insert(tx, values);
        audit({
          action: 'certificate.issued',
          targetType: 'certificate',
          targetId: id,
          targetLabel: `${values.number} ${member.name}`,
          after: certificateAuditView(values),
        });
        return id;
      });
      return this.get(actor, id);
    },

    /** A new certificate in place of a current or expired one, numbered anew; the old one is superseded. */
    async renew(actor: Actor, id: number, body: CertificateRenewBody): Promise<CertificateResponse> {
      const newId = await audited(db, actor, async (tx, audit) => {
        const old = await visibleCertificate(tx, actor, id, 'certificate.write', true);
        assertVersion(old, body.version);
        if (old.state !== 'valid')
          throw certificateNotCurrent(CERTIFICATE_STATUS_LABELS[certificateStatus(old, today())]);
        const member = await writableHolder(tx, actor, old.memberId);
        if (member.status !== 'active') throw memberNotOnRolls('换发活动证');
        const issuedOn = today();
        await checkValidity(tx, issuedOn, body.validUntil);
        if (!(await repo.update(tx, id, body.version, { state: 'superseded' }))) throw versionConflict();
        const values = {
          number: await nextNumber(tx, issuedOn),
          memberId: old.memberId,
          issuingOrgId: old.issuingOrgId,
          issuingOrgPath: old.issuingOrgPath,
          destination: body.destination ?? old.destination,
          reason: body.reason ?? old.reason,
          issuedOn,
          validUntil: body.validUntil,
          state: 'valid',
          renewsId: old.id,
        };
        const newId = await repo.insert(tx, values);
        audit({
          action: 'certificate.renewed',
          targetType: 'certificate',
          targetId: newId,
          targetLabel: `${values.number} ${member.name}`,
          before: { id: old.id, ...certificateAuditView(old) },
          after: certificateAuditView(values),
        });
        return newId;
      });
      return this.get(actor, newId);
    },

    async revoke(actor: Actor, id: number, body: CertificateRevokeBody): Promise<CertificateResponse> {
      await audited(db, actor, async (tx, audit) => {
        const row = await visibleCertificate(tx, actor, id, 'certificate.write', true);
        assertVersion(row, body.version);
        if (row.state !== 'valid')
          throw certificateNotCurrent(CERTIFICATE_STATUS_LABELS[certificateStatus(row, today())]);
        const values = { state: 'revoked', revokedOn: today(), revokeReason: body.reason };
        if (!(await repo.update(tx, id, body.version, values))) throw versionConflict();
        audit({
          action: 'certificate.revoked',
          targetType: 'certificate',
          targetId: id,
          targetLabel: `${row.number} ${row.memberName}`,
          before: { state: row.state },
          after: values,
        });
      });
      return this.get(actor, id);
    },

    /** The certificate and its holder's record, for printing (certificate.write over the holder). */
    async printable(actor: Actor, id: number) {
      const row = await visibleCertificate(db, actor, id, 'certificate.write');
      const member = await members.visibleMember(db, actor, row.memberId, 'member.read');
      const org = await orgs.lookup(db, row.issuingOrgId);
      const names = org ? await orgs.namesAlong(db, org.path) : [row.issuingOrgName];
      return { row, member, orgNames: names, status: certificateStatus(row, today()) };
    },

    /** The export's condition: the ledger's filters within what the actor may export. */
    async exportCondition(actor: Actor, q: CertificateExportQuery) {
      return and(
        memberInScope(certificates.memberId, actor, 'member.export'),
        filters(q, await orgPathOf(q.orgId), today()),
      );
    },

    /** For other modules (no scope check): whether the member holds a certificate in force today. */
    holdsCurrent: async (executor: Executor, memberId: number) =>
      (await repo.currentOf(executor, memberId, today())) !== null,

    /** Certificates in force that expire within `days` of today, in the actor's scope for the action. */
    expiringCount: (actor: Actor, action: Action, days: number) =>
      repo.count(
        db,
        and(
          memberInScope(certificates.memberId, actor, action),
          filters({ status: 'expiring', days }, null, today()),
        ),
      ),
  };
}

export type CertificatesService = ReturnType<typeof createCertificatesService>;
