import {
  codeName,
  EDUCATION_LEVELS,
  ETHNICITIES,
  isDivisionOf,
  isIsoDate,
  localIsoDate,
  type MemberCreateBody,
  type MemberFields,
  type MemberListQuery,
  type MemberListResponse,
  type MemberResponse,
  type MemberUpdateBody,
  memberIssues,
  parseIdNumber,
  parsePhone,
  RecordId,
} from '@ningxin/shared';
import { and, arrayOverlaps, gte, inArray, lt, lte, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Config } from '../../../config';
import type { Db, Executor, Tx } from '../../../db/client';
import { members } from '../../../db/schema';
import { decodeCursor, encodeCursor } from '../../../lib/cursor';
import { isUniqueViolation } from '../../../lib/db-errors';
import { assertVersion, notFound, validationFailed, versionConflict } from '../../../lib/errors';
import type { EventBus } from '../../../lib/events';
import type { FieldCrypto } from '../../../lib/field-crypto';
import { namePinyin } from '../../../lib/pinyin';
import { type Actor, assertCan, assertHolds, can, coversOrgPath } from '../../../policy/policy';
import { scopeIsGroupwise } from '../../../policy/scope';
import { type Audit, audited } from '../../audit/audit.service';
import type { OrgsService } from '../../orgs/orgs.service';
import { memberCountsRepository } from '../counts/members.counts.repository';
import { countSource } from '../counts/members.counts.source';
import {
  duplicateInScope,
  orgNotUsable,
  registeredElsewhere,
  unknownCode,
  unknownHomeCounty,
  unknownHostDistrict,
} from '../members.errors';
import { statusChangedOf } from '../members.events';
import { searchCondition } from '../search/members.search';
import { auditView, mapListItem, mapMember } from './members.mapper';
import { buildMemberRow, sensitiveColumns } from './members.record';
import { type MemberRow, membersRepository } from './members.repository';
import { filtersWholeGroups, groupCondition, memberScopeCondition, memberTarget } from './members.scope';

export interface MembersDeps {
  db: Db;
  config: Config;
  crypto: FieldCrypto;
  orgs: OrgsService;
  accounts: { hasAccount(db: Executor, memberId: number): Promise<boolean> };
  /** Publishes `member.status_changed` in the transaction of a new record. */
  events: EventBus;
}

/** What a cursor's sort value must look like: the database's text of the sort column. */
const CURSOR_VALUE: Record<MemberListQuery['sort'], RegExp> = {
  name: /^[\p{L}\p{N}\p{P}\p{S}\p{Zs}]{0,200}$/u,
  joinedAt: /^\d{4}-\d{2}-\d{2}$/,
  birthDate: /^\d{4}-\d{2}-\d{2}$/,
  createdAt: /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/,
};

/** A cursor's date (its first 10 characters, when they are a date) is a real calendar day. */
const realDate = (value: string) => !/^\d{4}-\d{2}-\d{2}/.test(value) || isIsoDate(value.slice(0, 10));

/** The list's cursor: the last row's sort value (as the database writes it) and id. */
const memberCursor = (sort: MemberListQuery['sort']) =>
  z.tuple([
    z
      .string()
      .regex(CURSOR_VALUE[sort])
      .refine((v) => v.isWellFormed() && realDate(v))
      .nullable(),
    RecordId(),
  ]);

/** The statuses of members still on the committee's rolls: who a notice reaches. */
const ON_ROLLS = ['active', 'lost'] as const;

/** The fields the cross-field rules read: an edit of any other field leaves them as they were. */
const CROSS_CHECKED = ['idNumber', 'gender', 'birthDate', 'joinedAt', 'fullMemberAt', 'memberType'] as const;

export function createMembersService({ db, config, crypto, orgs, accounts, events }: MembersDeps) {
  const hashes = {
    phone: (v: string) => crypto.hash('phone', v),
    idNumber: (v: string) => crypto.hash('idNumber', v),
  };

  /** Filters of the list query, as SQL (the scope is added by the caller). */
  function filters(q: MemberListQuery, orgPath: string | null, today: Date): SQL | undefined {
    const year = today.getFullYear();
    const shiftYears = (years: number) => {
      const d = new Date(today);
      d.setFullYear(year - years);
      return localIsoDate(d);
    };
    return and(
      q.q ? searchCondition(q.q, hashes) : undefined,
      groupCondition({ ...q, orgPath }),
      q.memberType ? inArray(members.memberType, [q.memberType]) : undefined,
      q.tags.length ? arrayOverlaps(members.tags, q.tags) : undefined,
      q.education.length ? inArray(members.education, q.education) : undefined,
      q.joinYearFrom ? gte(members.joinedAt, `${q.joinYearFrom}-01-01`) : undefined,
      q.joinYearTo ? lt(members.joinedAt, `${q.joinYearTo + 1}-01-01`) : undefined,
      // Age a..b: born after (today - b - 1 years) and on or before (today - a years).
      q.ageFrom !== undefined ? lte(members.birthDate, shiftYears(q.ageFrom)) : undefined,
      q.ageTo !== undefined ? gte(members.birthDate, shiftYears(q.ageTo + 1)) : undefined,
    );
  }

  /**
   * The list's total: from a rollup when the query filters whole groups only (a sum over a few
   * hundred (org, status) rows at 1M members, or ~37,000 groups when a county or district is
   * involved), else a count of the rows matching `where`.
   */
  function listTotal(actor: Actor, q: MemberListQuery, orgPath: string | null, where: SQL | undefined) {
    if (!filtersWholeGroups(q) || !scopeIsGroupwise(actor, 'member.read'))
      return membersRepository.count(db, where);
    return memberCountsRepository.total(db, countSource(actor, { ...q, orgPath }));
  }

  /** The member if the actor may take the action on it (404 otherwise); `lock` for a write. */
  async function visibleMember(
    executor: Executor,
    actor: Actor,
    id: number,
    action: 'member.read' | 'member.write',
    lock = false,
  ) {
    const row = await membersRepository.findById(executor, id, lock);
    if (!row) {
      assertHolds(actor, action);
      throw notFound('党员');
    }
    assertCan(actor, action, memberTarget(row), '党员');
    return row;
  }

  /** The org a member is placed in: it must exist, be open, and lie in the actor's write scope. */
  async function usableOrg(executor: Executor, actor: Actor, orgId: number) {
    const org = await orgs.lookup(executor, orgId);
    if (!org || org.closedAt) throw orgNotUsable();
    if (!coversOrgPath(actor, 'member.write', org.path)) throw orgNotUsable();
    return org;
  }

  function checkCodes(b: Partial<MemberCreateBody>) {
    if (b.homeCounty !== undefined && !isDivisionOf(config.homeCity, b.homeCounty)) throw unknownHomeCounty();
    if (b.hostDistrict && !isDivisionOf(config.hostCity, b.hostDistrict)) throw unknownHostDistrict();
    if (b.ethnicity && !codeName(ETHNICITIES, b.ethnicity)) throw unknownCode('ethnicity', '民族');
    if (b.education && !codeName(EDUCATION_LEVELS, b.education)) throw unknownCode('education', '学历');
  }

  /**
   * The rules that span fields, over the stored record with the changes applied: a new birth
   * date must agree with the stored ID number, a new joining date with the stored birth date,
   * a full-member date with the stored joining date. A new ID number brings its own birth date
   * and gender unless the change names them too.
   */
  function checkAgainstStored(before: MemberRow, patch: MemberUpdateBody) {
    const { version: _v, phone: _p, ...changes } = patch;
    if (!CROSS_CHECKED.some((f) => changes[f] !== undefined)) return;
    const id = changes.idNumber === undefined ? null : parseIdNumber(changes.idNumber);
    const fromId = id?.ok ? { birthDate: id.value.birthDate, gender: id.value.gender } : {};
    const stored: Partial<MemberFields> = {
      idNumber: crypto.decrypt('idNumber', before.idCipher),
      gender: before.gender as MemberFields['gender'],
      birthDate: before.birthDate,
      joinedAt: before.joinedAt,
      fullMemberAt: before.fullMemberAt,
      memberType: before.memberType as MemberFields['memberType'],
    };
    const merged = { ...stored, ...fromId, ...changes };
    const issues = memberIssues(merged);
    if (issues.length) throw validationFailed(issues.map((i) => ({ path: i.field, message: i.message })));
  }

  /** A duplicate ID number: inside the scope the error names the record; outside it says nothing more. */
  async function duplicateError(executor: Executor, actor: Actor, idHash: string) {
    const existing = await membersRepository.findByIdHash(executor, idHash);
    if (existing && can(actor, 'member.read', memberTarget(existing))) return duplicateInScope(existing);
    return registeredElsewhere();
  }

  /**
   * Another transaction committed the same ID number between our check and our write: the
   * unique index refused it. Answered as the duplicate it is; any other error passes through.
   */
  async function concurrentDuplicate(err: unknown, actor: Actor, idNumber: string): Promise<unknown> {
    if (!isUniqueViolation(err, 'members_id_hash_idx')) return err;
    const id = parseIdNumber(idNumber);
    return duplicateError(db, actor, hashes.idNumber(id.ok ? id.value.idNumber : idNumber));
  }

  async function present(actor: Actor, row: MemberRow & { orgName: string }): Promise<MemberResponse> {
    const [hasAccount, org] = await Promise.all([
      accounts.hasAccount(db, row.id),
      orgs.lookup(db, row.orgId),
    ]);
    const ancestors = org ? await orgs.namesAlong(db, org.path) : [];
    const target = memberTarget(row);
    const writable = can(actor, 'member.write', target);
    return mapMember(
      row,
      {
        hasAccount,
        orgPathNames: ancestors,
        policies: {
          update: writable,
          changeStatus: writable && row.status !== 'deceased',
          reveal: can(actor, 'member.reveal', target),
        },
      },
      new Date(),
    );
  }

  return {
    hashes,

    async list(actor: Actor, q: MemberListQuery): Promise<MemberListResponse> {
      const scope = memberScopeCondition(actor, 'member.read');
      let orgPath: string | null = null;
      if (q.orgId) {
        const org = await orgs.lookup(db, q.orgId);
        orgPath = org?.path ?? '-';
      }
      const where = and(scope, filters(q, orgPath, new Date()));
      const after = q.cursor
        ? (([value, id]) => ({ value, id }))(decodeCursor(q.cursor, memberCursor(q.sort)))
        : undefined;
      const [rows, total] = await Promise.all([
        membersRepository.list(db, where, { sort: q.sort, order: q.order, after, limit: q.limit }),
        listTotal(actor, q, orgPath, where),
      ]);
      const last = rows.at(-1);
      const today = new Date();
      return {
        items: rows.map((r) => mapListItem(r, today)),
        total,
        nextCursor: rows.length === q.limit && last ? encodeCursor([last.sortKey, last.id]) : null,
      };
    },

    /** The list's condition for an export: the same scope and filters. */
    exportCondition(actor: Actor, q: MemberListQuery, orgPath: string | null): SQL | undefined {
      return and(memberScopeCondition(actor, 'member.export'), filters(q, orgPath, new Date()));
    },

    async get(actor: Actor, id: number): Promise<MemberResponse> {
      return present(actor, await visibleMember(db, actor, id, 'member.read'));
    },

    async create(actor: Actor, body: MemberCreateBody): Promise<MemberResponse> {
      try {
        const id = await audited(db, actor, (tx, audit) => this.createIn(tx, audit, actor, body));
        return this.get(actor, id);
      } catch (err) {
        throw await concurrentDuplicate(err, actor, body.idNumber);
      }
    },

    /**
     * A new record inside the caller's transaction, with every rule of `create` (scope of the org,
     * codes, duplicate ID number); returns its id. For another module's decision that creates a
     * member (an accepted registration); a concurrent duplicate surfaces as the unique violation.
     */
    async createIn(tx: Tx, audit: Audit, actor: Actor, body: MemberCreateBody): Promise<number> {
      assertHolds(actor, 'member.write');
      const org = await usableOrg(tx, actor, body.orgId);
      return (await this.createPlaced(tx, audit, actor, body, org)).id;
    },

    /** For other modules: the member record with this ID number's keyed hash, if any (no scope check). */
    findByIdHash: (executor: Executor, idHash: string) => membersRepository.findByIdHash(executor, idHash),

    /** A unique violation of the ID number, as the duplicate answer; any other error as it is. */
    duplicateOf: (err: unknown, actor: Actor, idNumber: string) => concurrentDuplicate(err, actor, idNumber),

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
      const found = await membersRepository.findByIdHash(executor, hashes.idNumber(parsed.value.idNumber));
      if (!found) return null;
      if (!can(actor, action, memberTarget(found))) throw registeredElsewhere();
      return membersRepository.findById(executor, found.id, lock);
    },

    async update(actor: Actor, id: number, body: MemberUpdateBody): Promise<MemberResponse> {
      await audited(db, actor, (tx, audit) => this.updateIn(tx, actor, id, body, audit)).catch(
        async (err) => {
          throw body.idNumber === undefined ? err : await concurrentDuplicate(err, actor, body.idNumber);
        },
      );
      return this.get(actor, id);
    },

    /** Changes a record inside the caller's transaction (another module's write: a transfer places a member). */
    async updateIn(tx: Tx, actor: Actor, id: number, body: MemberUpdateBody, audit: Audit): Promise<void> {
      const before = await visibleMember(tx, actor, id, 'member.write', true);
      assertVersion(before, body.version);
      checkCodes(body);
      checkAgainstStored(before, body);
      const { version, idNumber, phone, orgId, ...plain } = body;
      const values: Partial<MemberRow> = { ...plain };
      if (orgId !== undefined && orgId !== before.orgId) {
        const org = await usableOrg(tx, actor, orgId);
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
        const dup = await membersRepository.findByIdHash(tx, hashes.idNumber(newId));
        if (dup && dup.id !== id) throw await duplicateError(tx, actor, hashes.idNumber(newId));
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
      checkCodes(body);
      const today = localIsoDate(new Date());
      const values = buildMemberRow(crypto, body, org, today);
      if (await membersRepository.findByIdHash(tx, values.idHash))
        throw await duplicateError(tx, actor, values.idHash);
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
      return membersRepository.findByIdHash(executor, hashes.idNumber(id.ok ? id.value.idNumber : idNumber));
    },

    visibleMember,
    present,

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
}

export type MembersService = ReturnType<typeof createMembersService>;
