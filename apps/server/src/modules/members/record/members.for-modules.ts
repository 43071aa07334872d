/** The record's operations other modules call, in their own transactions or for their own checks. */
import {
  type Action,
  isIsoDate,
  localIsoDate,
  type MemberCreateBody,
  type MemberUpdateBody,
  parseIdNumber,
  parsePhone,
} from '@ningxin/shared';
import { and } from 'drizzle-orm';
import type { Executor, Tx } from '../../../db/client';
import { assertVersion, versionConflict } from '../../../lib/errors';
import { namePinyin } from '../../../lib/pinyin';
import { type Actor, assertHolds, can } from '../../../policy/policy';
import type { Audit } from '../../audit/audit.service';
import { registeredElsewhere } from '../members.errors';
import { statusChangedOf } from '../members.events';
import type { MemberChecks } from './members.checks';
import { auditView } from './members.mapper';
import { buildMemberRow, sensitiveColumns } from './members.record';
import { type MemberRow, membersRepository } from './members.repository';
import { inOrgSubtree, memberScopeCondition, memberTarget } from './members.scope';
import type { MembersDeps } from './members.service';

/** The statuses of members still on the committee's rolls: who a notice reaches. */
const ON_ROLLS = ['active', 'lost'] as const;

/** The methods of the members service that other modules call; composed into it by `createMembersService`. */
export function membersForModules(
  { db, crypto, events }: Pick<MembersDeps, 'db' | 'crypto' | 'events'>,
  checks: MemberChecks,
) {
  const forModules = {
    /**
     * A new record inside the caller's transaction, with every rule of `create` (scope of the org,
     * codes, duplicate ID number); returns its id. For another module's decision that creates a
     * member (an accepted registration); a concurrent duplicate surfaces as the unique violation.
     */
    async createIn(tx: Tx, audit: Audit, actor: Actor, body: MemberCreateBody): Promise<number> {
      assertHolds(actor, 'member.write');
      const org = await checks.usableOrg(tx, actor, body.orgId);
      return (await forModules.createPlaced(tx, audit, actor, body, org)).id;
    },

    /**
     * For other modules: whole records with their org's name, in the order of `ids` (no scope
     * check: the caller passes ids it listed within the actor's scope, e.g. a page of `list`).
     */
    rowsWithOrg: (executor: Executor, ids: readonly number[]) =>
      membersRepository.findManyWithOrg(executor, [...ids]),

    /** For other modules: the member record with this ID number's keyed hash, if any (no scope check). */
    findByIdHash: (executor: Executor, idHash: string) => membersRepository.findByIdHash(executor, idHash),

    /** A unique violation of the ID number, as the duplicate answer; any other error as it is. */
    duplicateOf: (err: unknown, actor: Actor, idNumber: string) =>
      checks.concurrentDuplicate(err, actor, idNumber),

    /**
     * The member with this ID number, for another module that links to an existing record: the
     * row (locked with `lock`) when the actor may take the action on it, null when there is none,
     * and the duplicate answer (which says nothing more) when it lies outside the actor's scope.
     */
    async visibleByIdNumber(
      executor: Executor,
      actor: Actor,
      idNumber: string,
      action: 'member.read' | 'member.write',
      lock = false,
    ) {
      const parsed = parseIdNumber(idNumber);
      if (!parsed.ok) return null;
      const found = await membersRepository.findByIdHash(
        executor,
        checks.hashes.idNumber(parsed.value.idNumber),
      );
      if (!found) return null;
      if (!can(actor, action, memberTarget(found))) throw registeredElsewhere();
      return membersRepository.findById(executor, found.id, lock);
    },

    /** Changes a record inside the caller's transaction (another module's write: a transfer places a member). */
    async updateIn(tx: Tx, actor: Actor, id: number, body: MemberUpdateBody, audit: Audit): Promise<void> {
      const before = await checks.visibleMember(tx, actor, id, 'member.write', true);
      assertVersion(before, body.version);
      checks.checkCodes(body);
      checks.checkAgainstStored(before, body);
      const { version, idNumber, phone, orgId, ...plain } = body;
      const values: Partial<MemberRow> = { ...plain };
      if (orgId !== undefined && orgId !== before.orgId) {
        const org = await checks.usableOrg(tx, actor, orgId);
        Object.assign(values, { orgId: org.id, orgPath: org.path });
      }
      if (plain.name !== undefined) {
        const p = namePinyin(plain.name);
        Object.assign(values, { namePinyin: p.full, nameInitials: p.initials });
      }
      if (idNumber !== undefined || phone !== undefined) {
        const idInfo = idNumber !== undefined ? parseIdNumber(idNumber) : null;
        const newId = idInfo?.ok ? idInfo.value.idNumber : crypto.decrypt('idNumber', before.idCipher);
        const parsedPhone = phone !== undefined ? parsePhone(phone) : null;
        const newPhone = parsedPhone?.ok ? parsedPhone.phone : crypto.decrypt('phone', before.phoneCipher);
        Object.assign(values, sensitiveColumns(crypto, newId, newPhone));
        if (idInfo?.ok)
          Object.assign(values, { birthDate: idInfo.value.birthDate, gender: idInfo.value.gender });
        const dup = await membersRepository.findByIdHash(tx, checks.hashes.idNumber(newId));
        if (dup && dup.id !== id) throw await checks.duplicateError(tx, actor, checks.hashes.idNumber(newId));
      }
      const after = await membersRepository.update(tx, id, version, values);
      if (!after) throw versionConflict();
      audit({
        action: 'member.updated',
        targetType: 'member',
        targetId: id,
        targetLabel: after.name,
        before: auditView(before),
        after: auditView(after),
      });
    },

    /**
     * For other modules, without a scope check (the caller has its own): where these members are
     * placed and their status.
     */
    placements: (executor: Executor, ids: readonly number[]) => membersRepository.placements(executor, ids),

    /** Of these members, those on the rolls (在册, 失联) placed in one of the subtrees (null: anywhere). */
    onRollsIn: (executor: Executor, ids: readonly number[], paths: readonly string[] | null) =>
      membersRepository.placedIn(executor, ids, paths, ON_ROLLS),

    /** For other modules (no scope check): the members on the rolls (在册, 失联) placed in the subtree of `path`. */
    onRollsUnder: (executor: Executor, path: string) => membersRepository.idsUnder(executor, path, ON_ROLLS),

    /**
     * Members 在册 whose Party anniversary (入党纪念日) falls on the given day, joined in an
     * earlier year; a member who joined on 29 February is remembered on 28 February in other years.
     */
    anniversariesOn(executor: Executor, day: string) {
      const monthDay = day.slice(5);
      const leap = isIsoDate(`${day.slice(0, 4)}-02-29`);
      const days = monthDay === '02-28' && !leap ? ['02-28', '02-29'] : [monthDay];
      return membersRepository.joinedOn(executor, days, `${day.slice(0, 4)}-01-01`, ['active']);
    },

    /**
     * Members 在册 in the actor's scope for the action (and in the subtree of `orgPath`, if given)
     * whose Party anniversary falls on one of the days (`YYYY-MM-DD`, a window of at most a year),
     * each with the day it falls on and the years; a member who joined on 29 February is
     * remembered on 28 February in other years. Sorted by day, then name.
     */
    async anniversariesWithin(
      executor: Executor,
      actor: Actor,
      action: Action,
      days: readonly string[],
      orgPath: string | null = null,
    ) {
      const onDay = new Map<string, string>();
      for (const day of days) {
        onDay.set(day.slice(5), day);
        if (day.slice(5) === '02-28' && !isIsoDate(`${day.slice(0, 4)}-02-29`)) onDay.set('02-29', day);
      }
      const last = [...days].sort().at(-1);
      if (!last) return [];
      const rows = await membersRepository.joinedOnWhere(
        executor,
        [...onDay.keys()],
        last,
        ['active'],
        and(memberScopeCondition(actor, action), orgPath ? inOrgSubtree(orgPath) : undefined),
      );
      return rows
        .map((r) => {
          const on = onDay.get(r.joinedAt.slice(5))!;
          return { ...r, on, years: Number(on.slice(0, 4)) - Number(r.joinedAt.slice(0, 4)) };
        })
        .filter((r) => r.years >= 1)
        .sort((a, b) => a.on.localeCompare(b.on) || a.name.localeCompare(b.name, 'zh-CN') || a.id - b.id);
    },

    /**
     * For another module that authorizes the write by its own rules (a finder marking a lead
     * found places the member in the campaign's subtree without member.write): creates the record
     * in the caller's transaction with the same validation and duplicate rules as `create`, in an
     * open org the caller has checked. Throws the duplicate errors as `create` does; a concurrent
     * duplicate surfaces as the unique violation of members_id_hash_idx.
     */
    async createPlaced(
      tx: Executor,
      audit: Audit,
      actor: Actor,
      body: MemberCreateBody,
      org: { id: number; path: string },
    ): Promise<{ id: number; name: string }> {
      checks.checkCodes(body);
      const today = localIsoDate(new Date());
      const values = buildMemberRow(crypto, body, org, today);
      if (await membersRepository.findByIdHash(tx, values.idHash))
        throw await checks.duplicateError(tx, actor, values.idHash);
      const row = await membersRepository.insert(tx, values);
      const written = await membersRepository.insertStatusEvents(tx, [
        {
          memberId: row.id,
          fromStatus: null,
          toStatus: 'active',
          effectiveDate: today,
          reason: '建立档案',
          actorId: actor.userId,
          actorName: actor.username,
        },
      ]);
      await events.publish(tx, 'member.status_changed', { changes: written.map(statusChangedOf(row)) });
      audit({
        action: 'member.created',
        targetType: 'member',
        targetId: row.id,
        targetLabel: row.name,
        after: auditView(row),
      });
      return { id: row.id, name: row.name };
    },

    /** For other modules' demo seeds (no scope check): members of a source whose record was created between two days. */
    createdBetween: (executor: Executor, source: string, from: string, to: string) =>
      membersRepository.createdBetween(executor, source, from, to),

    /** For other modules (no scope check): the member with this ID number, if any. */
    async byIdNumber(executor: Executor, idNumber: string) {
      const id = parseIdNumber(idNumber);
      return membersRepository.findByIdHash(
        executor,
        checks.hashes.idNumber(id.ok ? id.value.idNumber : idNumber),
      );
    },

    /**
     * For the contact log (no scope check: the caller has its own): the member was reached on
     * `on`. Moves the last contact date forward, in the caller's transaction, and publishes
     * `member.contacted` (the ledger's contact entry). Null when the member does not exist.
     */
    async recordContact(
      tx: Executor,
      contact: { memberId: number; on: string; sourceId: string; title: string },
    ): Promise<{ lastContactAt: string | null } | null> {
      const placed = await membersRepository.touchLastContact(tx, contact.memberId, contact.on);
      if (!placed) return null;
      await events.publish(tx, 'member.contacted', {
        memberId: contact.memberId,
        orgId: placed.orgId,
        orgPath: placed.orgPath,
        on: contact.on,
        sourceId: contact.sourceId,
        via: 'contact_log',
        title: contact.title,
      });
      return { lastContactAt: placed.lastContactAt };
    },

    /**
     * The members the actor may read, counted by status, host district and home county, and how
     * many were in touch since `since` (one grouped statement; the caller names the groups).
     */
    async contactFigures(actor: Actor, since: string) {
      return membersRepository.contactFigures(db, memberScopeCondition(actor, 'member.read'), since);
    },

    /** For other modules: some of a member's status changes by id, with who made them (no scope check). */
    statusChanges: (executor: Executor, memberId: number, eventIds: readonly number[]) =>
      membersRepository.statusEvents(executor, memberId, eventIds),
  };
  return forModules;
}
