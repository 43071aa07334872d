/**
 * The study hours ledger (学时): a member's hours of a year by source, the hours of a subtree's
 * members by org, and the threshold board — members below the yearly requirement (setting
 * learning.studyHours: memberHours; cadreHours for those holding an org position), with the gap.
 * Every read is narrowed to the members the actor may take study.read on.
 */
import {
  type MemberStudyHoursResponse,
  type OrgStudyHoursResponse,
  STUDY_SOURCE_LABELS,
  STUDY_SOURCES,
  type StudyBoardQuery,
  type StudyBoardResponse,
  type StudyHoursQuery,
  type StudyOrgQuery,
  type StudySource,
  type StudySourceHours,
} from '@ningxin/shared';
import { and, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../../db/client';
import { decodeCursor, encodeCursor } from '../../../lib/cursor';
import { notFound } from '../../../lib/errors';
import {
  type Actor,
  assertCan,
  assertHolds,
  coversOrgPath,
  permissionsOf,
  selfMemberId,
} from '../../../policy/policy';
import { holdersOf } from '../../../policy/scope';
import { memberInScope } from '../../members/members.fragments';
import { memberTarget } from '../../members/record/members.scope';
import type { MembersService } from '../../members/record/members.service';
import { committeeDay } from '../../notices/anniversaries';
import type { OrgsService } from '../../orgs/orgs.service';
import type { SettingsService } from '../../settings/settings.service';
import { notAMember } from './study.errors';
import { type LedgerYear, studyLedger as ledger } from './study.ledger';

export interface StudyDeps {
  db: Db;
  members: Pick<MembersService, 'placements'>;
  orgs: Pick<OrgsService, 'lookup'>;
  settings: Pick<SettingsService, 'get'>;
}

const boardCursor = z.tuple([
  z.union([z.number().min(-1e6).max(1e6), z.string().max(100)]),
  z.number().int().min(1).max(2_147_483_647),
]);

/** Hours rounded to one decimal (sums of one-decimal hours carry float noise). */
const round1 = (n: number) => Math.round(n * 10) / 10;

/** Every source, in order, with its hours (0 when none). */
export function sourcesOf(rows: readonly { source: StudySource; hours: number }[]): StudySourceHours[] {
  return STUDY_SOURCES.map((source) => ({
    source,
    label: STUDY_SOURCE_LABELS[source],
    hours: round1(rows.filter((r) => r.source === source).reduce((s, r) => s + Number(r.hours), 0)),
  }));
}

export function createStudyService({ db, members, orgs, settings }: StudyDeps) {
  async function yearOf(q: { year?: number | undefined }): Promise<LedgerYear> {
    const { memberHours, cadreHours } = await settings.get('learning.studyHours');
    return { year: q.year ?? Number(committeeDay(new Date()).slice(0, 4)), memberHours, cadreHours };
  }

  /**
   * The members on the rolls the actor may read (`r.member_id`, `r.org_path`), in the subtree of
   * `orgId` if given: an org outside the actor's org scopes answers 404 (a home or host viewer may
   * name any org; their members are still only those of their county or district).
   */
  async function whereOf(actor: Actor, orgId: number | undefined): Promise<SQL> {
    const scope = memberInScope(sql`r.member_id`, actor, 'study.read');
    if (orgId === undefined) return scope;
    const org = await orgs.lookup(db, orgId);
    const byDivision = holdersOf(actor, 'study.read').some(
      (a) => a.scopeKind === 'home' || a.scopeKind === 'host',
    );
    if (!org || !(coversOrgPath(actor, 'study.read', org.path) || byDivision)) throw notFound('组织');
    return and(scope, sql`(r.org_path = ${org.path} or r.org_path like ${`${org.path}.%`})`)!;
  }

  async function memberYear(
    member: { id: number; name: string; orgId: number; orgPath: string; orgName: string },
    y: LedgerYear,
  ): Promise<MemberStudyHoursResponse> {
    const [{ bySource, cadre }, entries] = await Promise.all([
      ledger.memberYear(db, member, y.year),
      ledger.entriesOf(db, member.id, y.year, 200),
    ]);
    const sources = sourcesOf(bySource);
    const hours = round1(sources.reduce((s, x) => s + x.hours, 0));
    const required = cadre ? y.cadreHours : y.memberHours;
    return {
      year: y.year,
      member: { id: member.id, name: member.name, orgId: member.orgId, orgName: member.orgName },
      cadre,
      required,
      hours,
      gap: Math.max(0, round1(required - hours)),
      bySource: sources,
      entries: entries.map((e) => ({
        occurredOn: e.occurredOn,
        source: e.source,
        sourceLabel: STUDY_SOURCE_LABELS[e.source],
        title: e.title,
        hours: Number(e.hours),
      })),
    };
  }

  /** The board's rows of a year, in scope: one page, or all of them (the export) when `limit` is null. */
  async function boardOf(actor: Actor, q: StudyBoardQuery, limit: number | null) {
    const y = await yearOf(q);
    const where = await whereOf(actor, q.orgId);
    const desc = (q.order ?? (q.sort === 'gap' ? 'desc' : 'asc')) === 'desc';
    const after = q.cursor
      ? (([value, memberId]) => ({ value, memberId }))(decodeCursor(q.cursor, boardCursor))
      : null;
    if (after && typeof after.value !== (q.sort === 'name' ? 'string' : 'number'))
      decodeCursor('!', boardCursor); // a cursor of another sort: 400 INVALID_CURSOR
    const [rows, total] = await Promise.all([
      ledger.below(db, y, where, { sort: q.sort, desc, after, limit: limit === null ? null : limit + 1 }),
      ledger.belowCount(db, y, where),
    ]);
    return { y, rows, total };
  }

  return {
    yearOf,

    /** One member's year (study.read over the member; 404 outside the scope). */
    async memberHours(actor: Actor, memberId: number, q: StudyHoursQuery): Promise<MemberStudyHoursResponse> {
      assertHolds(actor, 'study.read');
      const [m] = await members.placements(db, [memberId]);
      if (!m) throw notFound('党员');
      assertCan(actor, 'study.read', memberTarget({ ...m, homeCounty: m.homeCounty ?? '' }), '党员');
      return memberYear(m, await yearOf(q));
    },

    /** The member's own year (member.self). */
    async mine(actor: Actor, q: StudyHoursQuery): Promise<MemberStudyHoursResponse> {
      const self = selfMemberId(actor);
      if (self === null) throw notAMember();
      const [m] = await members.placements(db, [self]);
      if (!m) throw notAMember();
      return memberYear(m, await yearOf(q));
    },

    /** The hours of the members on the rolls in scope, by the org they are placed in. */
    async orgHours(actor: Actor, q: StudyOrgQuery): Promise<OrgStudyHoursResponse> {
      const y = await yearOf(q);
      const where = await whereOf(actor, q.orgId);
      const [orgRows, sourceRows] = await Promise.all([
        ledger.byOrg(db, y, where),
        ledger.byOrgAndSource(db, y.year, where),
      ]);
      const sum = (rows: readonly { [k: string]: unknown }[], key: string) =>
        rows.reduce((s, r) => s + Number(r[key]), 0);
      const items = orgRows.map((o) => ({
        orgId: o.orgId,
        name: o.name,
        committeeName: o.committeeName,
        members: o.members,
        cadres: o.cadres,
        hours: round1(Number(o.hours)),
        averageHours: o.members ? round1(Number(o.hours) / o.members) : 0,
        below: o.below,
        bySource: sourcesOf(sourceRows.filter((s) => s.orgId === o.orgId)),
      }));
      const membersTotal = sum(orgRows, 'members');
      const hours = round1(sum(orgRows, 'hours'));
      return {
        year: y.year,
        thresholds: { memberHours: y.memberHours, cadreHours: y.cadreHours },
        total: {
          members: membersTotal,
          cadres: sum(orgRows, 'cadres'),
          hours,
          averageHours: membersTotal ? round1(hours / membersTotal) : 0,
          below: sum(orgRows, 'below'),
          bySource: sourcesOf(sourceRows),
        },
        items,
      };
    },

    /** The threshold board: members below their requirement, keyset-paged in the chosen order. */
    async board(actor: Actor, q: StudyBoardQuery): Promise<StudyBoardResponse> {
      const { y, rows, total } = await boardOf(actor, q, q.limit);
      const page = rows.slice(0, q.limit);
      const last = page.at(-1);
      const keyOf = (r: (typeof page)[number]) =>
        q.sort === 'name' ? r.name : q.sort === 'hours' ? r.hours : r.gap;
      return {
        year: y.year,
        thresholds: { memberHours: y.memberHours, cadreHours: y.cadreHours },
        total,
        items: page.map((r) => ({ ...r, hours: Number(r.hours), gap: Number(r.gap) })),
        nextCursor: rows.length > q.limit && last ? encodeCursor([keyOf(last), last.memberId]) : null,
        policies: { record: permissionsOf(actor).includes('study.write'), export: true },
      };
    },

    /** Every row of the board (the export), in the board's default order. */
    async boardRows(actor: Actor, q: StudyOrgQuery) {
      const { y, rows } = await boardOf(actor, { ...q, sort: 'gap', limit: 0 }, null);
      return { y, rows };
    },
  };
}

export type StudyService = ReturnType<typeof createStudyService>;
