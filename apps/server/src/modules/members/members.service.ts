import {
  codeName,
  EDUCATION_LEVELS,
  ETHNICITIES,
  isDivisionOf,
  localIsoDate,
  type MemberCreateBody,
  type MemberListQuery,
  type MemberListResponse,
  type MemberResponse,
  type MemberUpdateBody,
  parseIdNumber,
  parsePhone,
} from '@ningxin/shared';
import { and, arrayOverlaps, gte, inArray, lt, lte, type SQL } from 'drizzle-orm';
import type { Config } from '../../config';
import type { Db, Executor } from '../../db/client';
import { members } from '../../db/schema';
import { isUniqueViolation } from '../../lib/db-errors';
import { notFound, versionConflict } from '../../lib/errors';
import type { FieldCrypto } from '../../lib/field-crypto';
import { namePinyin } from '../../lib/pinyin';
import { type Actor, assertCan, assertHolds, can } from '../../policy/policy';
import { appendAudit, auditContextOf } from '../audit/audit.service';
import type { OrgsService } from '../orgs/orgs.service';
import { memberCountsRepository } from './members.counts.repository';
import { countSource } from './members.counts.source';
import {
  badCursor,
  duplicateInScope,
  orgNotUsable,
  registeredElsewhere,
  unknownCode,
  unknownHomeCounty,
  unknownHostDistrict,
} from './members.errors';
import { auditView, mapListItem, mapMember } from './members.mapper';
import { buildMemberRow, sensitiveColumns } from './members.record';
import { type MemberRow, membersRepository } from './members.repository';
import {
  filtersWholeGroups,
  groupCondition,
  memberScopeCondition,
  memberTarget,
  scopeIsGroupwise,
} from './members.scope';
import { searchCondition } from './members.search';

export interface MembersDeps {
  db: Db;
  config: Config;
  crypto: FieldCrypto;
  orgs: OrgsService;
  accounts: { hasAccount(db: Executor, memberId: number): Promise<boolean> };
}

const encodeCursor = (value: string | null, id: number) =>
  Buffer.from(JSON.stringify([value, id])).toString('base64url');

/** What a cursor's sort value must look like: the database's text of the sort column. */
const CURSOR_VALUE: Record<MemberListQuery['sort'], RegExp> = {
  name: /^[\p{L}\p{N}\p{P}\p{S}\p{Zs}]{0,200}$/u,
  joinedAt: /^\d{4}-\d{2}-\d{2}$/,
  birthDate: /^\d{4}-\d{2}-\d{2}$/,
  createdAt: /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/,
};

/** A cursor's date (its first 10 characters, when they are a date) is a real calendar day. */
const realDate = (value: string) =>
  !/^\d{4}-\d{2}-\d{2}/.test(value) ||
  new Date(`${value.slice(0, 10)}T00:00:00Z`).toISOString().slice(0, 10) === value.slice(0, 10);

function decodeCursor(cursor: string, sort: MemberListQuery['sort']): { value: string | null; id: number } {
  try {
    const [value, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if ((typeof value !== 'string' && value !== null) || !Number.isInteger(id)) throw new Error();
    if (typeof value === 'string' && !(CURSOR_VALUE[sort].test(value) && realDate(value))) throw new Error();
    return { value, id };
  } catch {
    throw badCursor();
  }
}

export function createMembersService({ db, config, crypto, orgs, accounts }: MembersDeps) {
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

  async function visibleMember(
    executor: Executor,
    actor: Actor,
    id: number,
    action: 'member.read' | 'member.write',
  ) {
    const row = await membersRepository.findById(executor, id);
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
    const target = {
      type: 'member' as const,
      memberId: 0,
      orgPath: org.path,
      homeCounty: '',
      hostDistrict: null,
    };
    if (!can(actor, 'member.write', target)) throw orgNotUsable();
    return org;
  }

  function checkCodes(b: Partial<MemberCreateBody>) {
    if (b.homeCounty !== undefined && !isDivisionOf(config.homeCity, b.homeCounty)) throw unknownHomeCounty();
    if (b.hostDistrict && !isDivisionOf(config.hostCity, b.hostDistrict)) throw unknownHostDistrict();
    if (b.ethnicity && !codeName(ETHNICITIES, b.ethnicity)) throw unknownCode('ethnicity', '民族');
    if (b.education && !codeName(EDUCATION_LEVELS, b.education)) throw unknownCode('education', '学历');
  }

  /** A duplicate ID number: inside the scope the error names the record; outside it says nothing more. */
  async function duplicateError(executor: Executor, actor: Actor, idHash: string) {
    const existing = await membersRepository.findByIdHash(executor, idHash);
    if (existing && can(actor, 'member.read', memberTarget(existing))) return duplicateInScope(existing);
    return registeredElsewhere();
  }

  async function present(actor: Actor, row: MemberRow & { orgName: string }): Promise<MemberResponse> {
    const [events, hasAccount, org] = await Promise.all([
      membersRepository.statusEvents(db, row.id),
      accounts.hasAccount(db, row.id),
      orgs.lookup(db, row.orgId),
    ]);
    const ancestors = org ? await orgs.namesAlong(db, org.path) : [];
    const target = memberTarget(row);
    const writable = can(actor, 'member.write', target);
    return mapMember(
      row,
      {
        events,
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
      const after = q.cursor ? decodeCursor(q.cursor, q.sort) : undefined;
      const [rows, total] = await Promise.all([
        membersRepository.list(db, where, { sort: q.sort, order: q.order, after, limit: q.limit }),
        listTotal(actor, q, orgPath, where),
      ]);
      const last = rows.at(-1);
      const today = new Date();
      return {
        items: rows.map((r) => mapListItem(r, today)),
        total,
        nextCursor: rows.length === q.limit && last ? encodeCursor(last.sortKey, last.id) : null,
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
      assertHolds(actor, 'member.write');
      checkCodes(body);
      const today = localIsoDate(new Date());
      try {
        const id = await db.transaction(async (tx) => {
          const org = await usableOrg(tx, actor, body.orgId);
          const values = buildMemberRow(crypto, body, org, today);
          const existing = await membersRepository.findByIdHash(tx, values.idHash);
          if (existing) throw await duplicateError(tx, actor, values.idHash);
          const row = await membersRepository.insert(tx, values);
          await membersRepository.insertStatusEvents(tx, [
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
          await appendAudit(tx, auditContextOf(actor), {
            action: 'member.created',
            targetType: 'member',
            targetId: row.id,
            targetLabel: row.name,
            after: auditView(row),
          });
          return row.id;
        });
        return this.get(actor, id);
      } catch (err) {
        if (isUniqueViolation(err, 'members_id_hash_idx')) {
          const id = parseIdNumber(body.idNumber);
          throw await duplicateError(db, actor, hashes.idNumber(id.ok ? id.value.idNumber : body.idNumber));
        }
        throw err;
      }
    },

    async update(actor: Actor, id: number, body: MemberUpdateBody): Promise<MemberResponse> {
      checkCodes(body);
      await db.transaction(async (tx) => {
        const before = await visibleMember(tx, actor, id, 'member.write');
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
        await appendAudit(tx, auditContextOf(actor), {
          action: 'member.updated',
          targetType: 'member',
          targetId: id,
          targetLabel: after.name,
          before: auditView(before),
          after: auditView(after),
        });
      });
      return this.get(actor, id);
    },

    visibleMember,
    present,
  };
}

export type MembersService = ReturnType<typeof createMembersService>;
