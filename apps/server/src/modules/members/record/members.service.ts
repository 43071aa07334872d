/** The members service: the record's list, read, create and edit, with the methods other modules call composed in. */
import {
  isIsoDate,
  localIsoDate,
  type MemberCreateBody,
  type MemberListQuery,
  type MemberListResponse,
  type MemberResponse,
  type MemberUpdateBody,
  RecordId,
} from '@ningxin/shared';
import { and, arrayOverlaps, gte, inArray, lt, lte, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Config } from '../../../config';
import type { Db, Executor } from '../../../db/client';
import { members } from '../../../db/schema';
import { decodeCursor, encodeCursor } from '../../../lib/cursor';
import type { EventBus } from '../../../lib/events';
import type { FieldCrypto } from '../../../lib/field-crypto';
import { type Actor, can } from '../../../policy/policy';
import { scopeIsGroupwise } from '../../../policy/scope';
import { audited } from '../../audit/audit.service';
import type { OrgsService } from '../../orgs/orgs.service';
import { memberCountsRepository } from '../counts/members.counts.repository';
import { countSource } from '../counts/members.counts.source';
import { searchCondition, searchParts } from '../search/members.search';
import { memberChecks } from './members.checks';
import { membersForModules } from './members.for-modules';
import { membersListRepository } from './members.list.repository';
import { mapListItem, mapMember } from './members.mapper';
import type { MemberRow } from './members.repository';
import { filtersWholeGroups, groupCondition, memberScopeCondition, memberTarget } from './members.scope';

export interface MembersDeps {
  db: Db;
  /** Lag-tolerant reads (`Store.reads`): the list and its search. */
  reads: Db;
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

export function createMembersService(deps: MembersDeps) {
  const { db, reads, orgs, accounts } = deps;
  const checks = memberChecks(deps);
  const { hashes, visibleMember, concurrentDuplicate } = checks;
  const forModules = membersForModules(deps, checks);

  /** Filters of the list query but its search, as SQL (the scope and the search are added by the caller). */
  function filters(q: MemberListQuery, orgPath: string | null, today: Date): SQL | undefined {
    const year = today.getFullYear();
    const shiftYears = (years: number) => {
      const d = new Date(today);
      d.setFullYear(year - years);
      return localIsoDate(d);
    };
    return and(
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
   * The list's total, as a scalar query: from a rollup when the query filters whole groups only (a
   * sum over a few hundred (org, status) rows at 1M members, or ~37,000 groups when a county or
   * district is involved), else a count of the rows matching `where`.
   */
  function listTotal(
    actor: Actor,
    q: MemberListQuery,
    orgPath: string | null,
    where: SQL | undefined,
    search: SQL[] | undefined,
  ): SQL {
    if (!filtersWholeGroups(q) || !scopeIsGroupwise(actor, 'member.read'))
      return membersListRepository.countQuery(where, search);
    return memberCountsRepository.totalQuery(countSource(actor, { ...q, orgPath }));
  }

  async function present(actor: Actor, row: MemberRow & { orgName: string }): Promise<MemberResponse> {
    // The record's own path names its orgs (kept with the org's in one transaction when an org moves).
    const [hasAccount, ancestors] = await Promise.all([
      accounts.hasAccount(db, row.id),
      orgs.namesAlong(db, row.orgPath),
    ]);
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

  async function get(actor: Actor, id: number): Promise<MemberResponse> {
    return present(actor, await visibleMember(db, actor, id, 'member.read'));
  }

  return {
    hashes,

    ...forModules,

    /**
     * A page of the list (its search, its total): read from `reads`, which may be a few seconds
     * behind. A list is browsed, not the answer to this request's own write (a new or edited
     * record answers with `get`, from the primary), so it may lag like any listing.
     */
    async list(actor: Actor, q: MemberListQuery): Promise<MemberListResponse> {
      const scope = memberScopeCondition(actor, 'member.read');
      let orgPath: string | null = null;
      if (q.orgId) {
        const org = await orgs.lookup(reads, q.orgId);
        orgPath = org?.path ?? '-';
      }
      const where = and(scope, filters(q, orgPath, new Date()));
      const search = q.q ? searchParts(q.q, hashes) : undefined;
      const after = q.cursor
        ? (([value, id]) => ({ value, id }))(decodeCursor(q.cursor, memberCursor(q.sort)))
        : undefined;
      const totalQuery = listTotal(actor, q, orgPath, where, search);
      const page = { sort: q.sort, order: q.order, after, limit: q.limit };
      const rows = await membersListRepository.list(reads, where, page, search, totalQuery);
      const last = rows.at(-1);
      const today = new Date();
      return {
        items: rows.map((r) => mapListItem(r, today)),
        // The total rides on the page's rows; a page past the end has none to carry it.
        total: rows[0]?.total ?? (await membersListRepository.scalar(reads, totalQuery)),
        nextCursor: rows.length === q.limit && last ? encodeCursor([last.sortKey, last.id]) : null,
      };
    },

    /** The list's condition for an export: the same scope and filters. */
    exportCondition(actor: Actor, q: MemberListQuery, orgPath: string | null): SQL | undefined {
      return and(
        memberScopeCondition(actor, 'member.export'),
        filters(q, orgPath, new Date()),
        q.q ? searchCondition(q.q, hashes) : undefined,
      );
    },

    get,

    async create(actor: Actor, body: MemberCreateBody): Promise<MemberResponse> {
      try {
        const id = await audited(db, actor, (tx, audit) => forModules.createIn(tx, audit, actor, body));
        return get(actor, id);
      } catch (err) {
        throw await concurrentDuplicate(err, actor, body.idNumber);
      }
    },

    async update(actor: Actor, id: number, body: MemberUpdateBody): Promise<MemberResponse> {
      await audited(db, actor, (tx, audit) => forModules.updateIn(tx, actor, id, body, audit)).catch(
        async (err) => {
          throw body.idNumber === undefined ? err : await concurrentDuplicate(err, actor, body.idNumber);
        },
      );
      return get(actor, id);
    },

    visibleMember,
    present,
  };
}

export type MembersService = ReturnType<typeof createMembersService>;
