import {
  MemberCreateBody,
  RecordId,
  type RegistrationAcceptBody,
  type RegistrationDuplicateBody,
  type RegistrationListQuery,
  type RegistrationListResponse,
  type RegistrationResponse,
  type RegistrationReturnBody,
} from '@ningxin/shared';
import { z } from 'zod';
import type { Db, Executor } from '../../../db/client';
import { decodeCursor, encodeCursor } from '../../../lib/cursor';
import { isUniqueViolation } from '../../../lib/db-errors';
import { assertVersion, notFound, validationFailed, versionConflict } from '../../../lib/errors';
import type { FieldCrypto } from '../../../lib/field-crypto';
import {
  type Actor,
  assertCan,
  assertHolds,
  can,
  coversOrgPath,
  permissionsOf,
} from '../../../policy/policy';
import { scopeCondition } from '../../../policy/scope';
import { audited } from '../../audit/audit.service';
import type { MemberActions } from '../../members/record/members.actions';
import { memberTarget } from '../../members/record/members.scope';
import type { MembersService } from '../../members/record/members.service';
import type { OrgsService } from '../../orgs/orgs.service';
import {
  alreadyMember,
  branchNotUsable,
  joinedAtRequired,
  noExistingMember,
  notWaiting,
} from './registrations.errors';
import { auditView, mapListItem, mapRegistration, stateLabel } from './registrations.mapper';
import { type RegistrationRow, registrationsRepository, reviewedInSubtree } from './registrations.repository';

export interface RegistrationReviewDeps {
  db: Db;
  crypto: FieldCrypto;
  orgs: OrgsService;
  members: MembersService;
  memberActions: MemberActions;
}

const ACTION = 'registration.review' as const;

/** The list's cursor: the last row's submission time (ISO) and id. */
const Cursor = z.tuple([z.iso.datetime(), RecordId()]);

const target = (row: Pick<RegistrationRow, 'reviewOrgPath'>) => ({
  type: 'org' as const,
  path: row.reviewOrgPath,
});

/** Registrations the actor may review: those whose reviewing org lies in the actor's subtrees. */
export const reviewScope = (actor: Actor) =>
  scopeCondition(actor, ACTION, {
    inOrgSubtree: reviewedInSubtree,
    homeCounty: null,
    hostDistrict: null,
    memberId: null,
  });

/**
 * The review queue of self-registrations (党员找组织): the committee or second-level committee
 * a registration was routed to (and those above it) accept it — a member record and the
 * member's login, in one transaction — return it with a reason, or mark it as a duplicate of
 * an existing record. Every decision is audited and checked against the version it was based on.
 */
export function createRegistrationReview({
  db,
  crypto,
  orgs,
  members,
  memberActions,
}: RegistrationReviewDeps) {
  /** The registration if the actor may review it (404 outside the scope, like a missing one). */
  async function visible(executor: Executor, actor: Actor, id: number, lock = false) {
    const row = await registrationsRepository.findById(executor, id, lock);
    if (!row) {
      assertHolds(actor, ACTION);
      throw notFound('登记');
    }
    assertCan(actor, ACTION, target(row), '登记');
    return row;
  }

  /** Locks a waiting registration for a decision: scope, then version, then state. */
  async function waiting(executor: Executor, actor: Actor, id: number, version: number) {
    const row = await visible(executor, actor, id, true);
    assertVersion(row, version);
    if (row.state !== 'submitted') throw notWaiting(stateLabel(row.state));
    return row;
  }

  async function decided(
    tx: Executor,
    row: RegistrationRow,
    version: number,
    values: Parameters<typeof registrationsRepository.decide>[3],
  ) {
    const after = await registrationsRepository.decide(tx, row.id, version, values);
    if (!after) throw versionConflict();
    return after;
  }

  return {
    async list(actor: Actor, q: RegistrationListQuery): Promise<RegistrationListResponse> {
      const where = reviewScope(actor);
      const after = q.cursor ? (([at, id]) => ({ at, id }))(decodeCursor(q.cursor, Cursor)) : undefined;
      const rows = await registrationsRepository.list(db, where, q.state, after, q.limit);
      const last = rows.at(-1);
      const now = new Date();
      return {
        items: rows.map((r) => mapListItem(r, now)),
        nextCursor:
          rows.length === q.limit && last ? encodeCursor([last.submittedAt.toISOString(), last.id]) : null,
      };
    },

    async get(actor: Actor, id: number): Promise<RegistrationResponse> {
      await visible(db, actor, id);
      const row = (await registrationsRepository.findNamed(db, id))!;
      const existing = row.state === 'submitted' ? await members.findByIdHash(db, row.idHash) : null;
      let member: RegistrationResponse['member'] = null;
      if (row.memberId) {
        const [placed] = await members.placements(db, [row.memberId]);
        const full = await members.findByIdHash(db, row.idHash);
        if (placed && full && can(actor, 'member.read', memberTarget(full)))
          member = { id: placed.id, name: placed.name, orgName: placed.orgName };
      }
      return mapRegistration(
        row,
        {
          member,
          existingMember: existing !== null,
          policies: { decide: row.state === 'submitted' && can(actor, ACTION, target(row)) },
        },
        new Date(),
      );
    },

    /** Accepts: the member's record in the chosen branch (source 自主报到) and the member's login. */
    async accept(actor: Actor, id: number, body: RegistrationAcceptBody): Promise<RegistrationResponse> {
      try {
        await audited(db, actor, async (tx, audit) => {
          const row = await waiting(tx, actor, id, body.version);
          const org = await orgs.lookup(tx, body.orgId);
          if (!org || org.closedAt || !coversOrgPath(actor, ACTION, org.path)) throw branchNotUsable();
          if (await members.findByIdHash(tx, row.idHash)) throw alreadyMember();
          const joinedAt = body.joinedAt ?? row.joinedAt;
          if (!joinedAt) throw joinedAtRequired();
          const parsed = MemberCreateBody.safeParse({
            name: row.name,
            idNumber: crypto.decrypt('idNumber', row.idCipher),
            phone: crypto.decrypt('phone', row.phoneCipher),
            joinedAt,
            homeCounty: row.homeCounty,
            homeOrg: row.homeOrg,
            hostDistrict: row.hostDistrict,
            hostAddress: row.hostAddress,
            employer: row.employer,
            orgId: org.id,
            source: 'self_registered',
            lastContactAt: row.submittedAt.toISOString().slice(0, 10),
          });
          if (!parsed.success)
            throw validationFailed(
              parsed.error.issues.map((i) => ({ path: i.path.join('.') || 'joinedAt', message: i.message })),
            );
          const memberId = await members.createIn(tx, audit, actor, parsed.data);
          await memberActions.createAccountIn(tx, audit, actor, memberId, body.password);
          const after = await decided(tx, row, body.version, {
            state: 'accepted',
            memberId,
            decidedBy: actor.userId,
            decidedAt: new Date(),
          });
          audit({
            action: 'registration.accepted',
            targetType: 'registration',
            targetId: id,
            targetLabel: row.name,
            before: auditView(row),
            after: { ...auditView(after), orgId: org.id },
          });
        });
      } catch (err) {
        // Another transaction created the same ID number's record between our check and our write.
        if (isUniqueViolation(err, 'members_id_hash_idx')) throw alreadyMember();
        throw err;
      }
      return this.get(actor, id);
    },

    async returnIt(actor: Actor, id: number, body: RegistrationReturnBody): Promise<RegistrationResponse> {
      await audited(db, actor, async (tx, audit) => {
        const row = await waiting(tx, actor, id, body.version);
        const after = await decided(tx, row, body.version, {
          state: 'returned',
          reason: body.reason,
          decidedBy: actor.userId,
          decidedAt: new Date(),
        });
        audit({
          action: 'registration.returned',
          targetType: 'registration',
          targetId: id,
          targetLabel: row.name,
          before: auditView(row),
          after: auditView(after),
        });
      });
      return this.get(actor, id);
    },

    /** Marks it a duplicate of the record with the same ID number (wherever that record is placed). */
    async duplicate(
      actor: Actor,
      id: number,
      body: RegistrationDuplicateBody,
    ): Promise<RegistrationResponse> {
      await audited(db, actor, async (tx, audit) => {
        const row = await waiting(tx, actor, id, body.version);
        const existing = await members.findByIdHash(tx, row.idHash);
        if (!existing) throw noExistingMember();
        const after = await decided(tx, row, body.version, {
          state: 'duplicate',
          memberId: existing.id,
          decidedBy: actor.userId,
          decidedAt: new Date(),
        });
        audit({
          action: 'registration.duplicate',
          targetType: 'registration',
          targetId: id,
          targetLabel: row.name,
          before: auditView(row),
          after: auditView(after),
        });
      });
      return this.get(actor, id);
    },

    /** Registrations waiting in the actor's scope (the workbench's to-do). */
    async waitingCount(actor: Actor): Promise<number> {
      if (!permissionsOf(actor).includes(ACTION)) return 0;
      return registrationsRepository.countWaiting(db, reviewScope(actor));
    },
  };
}

export type RegistrationReview = ReturnType<typeof createRegistrationReview>;
