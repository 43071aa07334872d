import {
  type AuditEntryResponse,
  localIsoDate,
  MEMBER_STATUS_LABELS,
  MEMBER_STATUS_TRANSITIONS,
  type MemberResponse,
  type MemberRevealBody,
  type MemberSelfUpdateBody,
  type MemberStatus,
  type MemberStatusChangeBody,
  MOBILE_PHONE,
  maskPhone,
  parsePhone,
} from '@ningxin/shared';
import type { Db, Executor, Tx } from '../../../db/client';
import { assertVersion, versionConflict } from '../../../lib/errors';
import type { EventBus } from '../../../lib/events';
import type { FieldCrypto } from '../../../lib/field-crypto';
import { type Actor, assertCan, assertHolds } from '../../../policy/policy';
import { type Audit, audited } from '../../audit/audit.service';
import {
  memberHasAccount,
  noMemberRecord,
  phoneUsedAsUsername,
  sameStatus,
  statusTransitionNotAllowed,
} from '../members.errors';
import { statusChangedOf } from '../members.events';
import { auditView } from './members.mapper';
import { sensitiveColumns } from './members.record';
import { membersRepository } from './members.repository';
import { memberTarget } from './members.scope';
import type { MembersService } from './members.service';

export interface MemberActionsDeps {
  db: Db;
  crypto: FieldCrypto;
  members: MembersService;
  /** Publishes `member.status_changed` and `member.contacted` in the transactions of the changes. */
  events: EventBus;
  history: (executor: Executor, targetType: string, targetId: string) => Promise<AuditEntryResponse[]>;
  accounts: {
    hasAccount(executor: Executor, memberId: number): Promise<boolean>;
    createMemberAccount(
      tx: Executor,
      values: { username: string; displayName: string; password: string; memberId: number },
    ): Promise<number | null>;
  };
}

/** Status changes, reveal of personal data, a record's history, and a member's own record. */
export function createMemberActions({ db, crypto, members, events, history, accounts }: MemberActionsDeps) {
  return {
    /** Changes the status with a date and a reason; the change joins the member's timeline. */
    async changeStatus(actor: Actor, id: number, body: MemberStatusChangeBody): Promise<MemberResponse> {
      await audited(db, actor, (tx, audit) => this.changeStatusIn(tx, actor, id, body, audit));
      return members.get(actor, id);
    },

    /**
     * The same change inside the caller's transaction, audited with the caller's entries: for
     * another module's write that changes a status (a transfer completed).
     */
    async changeStatusIn(
      tx: Tx,
      actor: Actor,
      id: number,
      body: MemberStatusChangeBody,
      audit: Audit,
    ): Promise<void> {
      const before = await members.visibleMember(tx, actor, id, 'member.write', true);
      assertVersion(before, body.version);
      const from = before.status as MemberStatus;
      if (from === body.status) throw sameStatus();
      if (!MEMBER_STATUS_TRANSITIONS[from].includes(body.status)) {
        throw statusTransitionNotAllowed(MEMBER_STATUS_LABELS[from], MEMBER_STATUS_LABELS[body.status]);
      }
      const after = await membersRepository.update(tx, id, body.version, {
        status: body.status,
        statusSince: body.effectiveDate,
      });
      if (!after) throw versionConflict();
      const written = await membersRepository.insertStatusEvents(tx, [
        {
          memberId: id,
          fromStatus: from,
          toStatus: body.status,
          effectiveDate: body.effectiveDate,
          reason: body.reason,
          actorId: actor.userId,
          actorName: actor.username,
        },
      ]);
      await events.publish(tx, 'member.status_changed', { changes: written.map(statusChangedOf(after)) });
      audit({
        action: 'member.status_changed',
        targetType: 'member',
        targetId: id,
        targetLabel: after.name,
        before: { status: from },
        after: { status: body.status, effectiveDate: body.effectiveDate, reason: body.reason },
      });
    },

    /** One member's full ID number or phone, for a stated reason; the reveal is audited, the value is not. */
    async reveal(
      actor: Actor,
      id: number,
      body: MemberRevealBody,
    ): Promise<{ field: 'idNumber' | 'phone'; value: string }> {
      return audited(db, actor, async (tx, audit) => {
        const row = await members.visibleMember(tx, actor, id, 'member.read');
        assertCan(actor, 'member.reveal', memberTarget(row), '党员');
        const value = crypto.decrypt(body.field, body.field === 'idNumber' ? row.idCipher : row.phoneCipher);
        audit({
          action: 'member.revealed',
          targetType: 'member',
          targetId: id,
          targetLabel: row.name,
          after: { field: body.field, reason: body.reason },
        });
        return { field: body.field, value };
      });
    },

    /**
     * The audit trail of one record, for whoever may read the record. A member's own account is
     * named by the mobile number: here it shows masked, like every phone in a list.
     */
    async history(actor: Actor, id: number): Promise<AuditEntryResponse[]> {
      await members.visibleMember(db, actor, id, 'member.read');
      const entries = await history(db, 'member', String(id));
      return entries.map((e) =>
        e.actorName && MOBILE_PHONE.test(e.actorName) ? { ...e, actorName: maskPhone(e.actorName) } : e,
      );
    },

    /**
     * Sets up a member's own login: the username is the member's mobile number, the first
     * password is given by the secretary and must be changed at the first sign-in.
     */
    async createAccount(actor: Actor, id: number, password: string): Promise<MemberResponse> {
      await audited(db, actor, (tx, audit) => this.createAccountIn(tx, audit, actor, id, password));
      return members.get(actor, id);
    },

    /** `createAccount` inside the caller's transaction (a registration accepted with its login). */
    async createAccountIn(tx: Tx, audit: Audit, actor: Actor, id: number, password: string): Promise<number> {
      const row = await members.visibleMember(tx, actor, id, 'member.write');
      if (await accounts.hasAccount(tx, id)) throw memberHasAccount();
      const username = crypto.decrypt('phone', row.phoneCipher);
      const userId = await accounts.createMemberAccount(tx, {
        username,
        displayName: row.name,
        password,
        memberId: id,
      });
      if (userId === null) throw phoneUsedAsUsername();
      audit({
        action: 'member.account_created',
        targetType: 'member',
        targetId: id,
        targetLabel: row.name,
        after: { userId, username: row.phoneMasked },
      });
      return userId;
    },

    async selfGet(actor: Actor): Promise<MemberResponse> {
      assertHolds(actor, 'member.self');
      if (actor.memberId === null) throw noMemberRecord();
      const row = await membersRepository.findById(db, actor.memberId);
      if (!row) throw noMemberRecord();
      return members.present(actor, row);
    },

    /** A member changes their own phone, address, employer or occupation; audited for the secretary. */
    async selfUpdate(actor: Actor, body: MemberSelfUpdateBody): Promise<MemberResponse> {
      assertHolds(actor, 'member.self');
      const memberId = actor.memberId;
      if (memberId === null) throw noMemberRecord();
      await audited(db, actor, async (tx, audit) => {
        const before = await membersRepository.lockById(tx, memberId);
        if (!before) throw noMemberRecord();
        assertVersion(before, body.version);
        const { version, phone, ...plain } = body;
        const today = localIsoDate(new Date());
        const values: Record<string, unknown> = { ...plain, lastContactAt: today };
        if (phone !== undefined) {
          const parsed = parsePhone(phone);
          if (parsed.ok) {
            const id = crypto.decrypt('idNumber', before.idCipher);
            Object.assign(values, sensitiveColumns(crypto, id, parsed.phone));
          }
        }
        const after = await membersRepository.update(tx, memberId, version, values);
        if (!after) throw versionConflict();
        // Updating one's own contact details is being in touch with the org.
        await events.publish(tx, 'member.contacted', {
          memberId,
          orgId: after.orgId,
          orgPath: after.orgPath,
          on: today,
          sourceId: `self_update:${after.version}`,
          via: 'self_update',
        });
        audit({
          action: 'member.self_updated',
          targetType: 'member',
          targetId: memberId,
          targetLabel: after.name,
          before: auditView(before),
          after: auditView(after),
        });
      });
      return this.selfGet(actor);
    },
  };
}

export type MemberActions = ReturnType<typeof createMemberActions>;
