/** Labour export (劳务输出): job postings by members' enterprises and placements of hometown workers. */
import {
  type PlacementCreateBody,
  type PlacementListQuery,
  type PlacementListResponse,
  type PlacementResponse,
  type PlacementUpdateBody,
  POSTING_STATE_LABELS,
  type PostingCreateBody,
  type PostingListQuery,
  type PostingListResponse,
  type PostingResponse,
  type PostingState,
  type PostingUpdateBody,
  RecordId,
} from '@ningxin/shared';
import { and, type Column, eq, like, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '../../../db/client';
import { hometownPlacements as placements, hometownJobPostings as postings } from '../../../db/schema';
import { decodeCursor, encodeCursor } from '../../../lib/cursor';
import { assertVersion, notFound, versionConflict } from '../../../lib/errors';
import { type Actor, assertHolds } from '../../../policy/policy';
import { inPathSubtree } from '../../../policy/scope';
import { audited } from '../../audit/audit.service';
import { type HometownAccess, likeWords } from '../hometown.access';
import { closesBeforePosted, payRangeReversed, postingNotUsable } from '../hometown.errors';
import { type PlacementRow, type PostingRow, labourRepository as repo } from './labour.repository';

const CURSOR = z.tuple([z.string().max(10), RecordId()]);
const inYear = (column: Column, year: number) =>
  sql`${column} between ${`${year}-01-01`} and ${`${year}-12-31`}`;

type PostingContent = Omit<PostingCreateBody, 'orgId'>;
type PlacementContent = Omit<PlacementCreateBody, 'orgId'>;

export function createLabourService(access: HometownAccess) {
  const { db } = access;
  const postingScope = (actor: Actor, action: 'hometown.read' | 'hometown.write') =>
    access.scope(actor, action, postings.orgPath, postings.countyCode);
  const placementScope = (actor: Actor, action: 'hometown.read' | 'hometown.write') =>
    access.scope(actor, action, placements.orgPath, placements.countyCode);
  const orgPathOf = async (orgId: number | undefined) =>
    orgId ? ((await access.orgs.lookup(db, orgId))?.path ?? '-') : null;

  const presentPosting = (actor: Actor, r: PostingRow): PostingResponse => ({
    id: r.id,
    employer: r.employer,
    employerMember: r.employerMemberId ? { id: r.employerMemberId, name: r.employerMemberName } : null,
    title: r.title,
    headcount: r.headcount,
    payMinFen: r.payMinFen,
    payMaxFen: r.payMaxFen,
    place: r.place,
    county: r.countyCode ? access.county(r.countyCode) : null,
    postedOn: r.postedOn,
    closesOn: r.closesOn,
    state: r.state as PostingState,
    stateLabel: POSTING_STATE_LABELS[r.state as PostingState],
    note: r.note,
    placedPersonTimes: r.placedPersonTimes,
    org: { id: r.orgId, name: r.orgName },
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    policies: access.policies(actor, r.orgPath),
  });

  const presentPlacement = (actor: Actor, r: PlacementRow): PlacementResponse => ({
    id: r.id,
    posting: r.postingId ? { id: r.postingId, title: r.postingTitle ?? '' } : null,
    employer: r.employer,
    county: access.county(r.countyCode),
    placedOn: r.placedOn,
    personTimes: r.personTimes,
    note: r.note,
    org: { id: r.orgId, name: r.orgName },
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    policies: access.policies(actor, r.orgPath),
  });

  async function postingValues(tx: Tx, actor: Actor, b: PostingContent) {
    if (b.countyCode) access.checkCounty(b.countyCode);
    if (b.payMinYuan != null && b.payMaxYuan != null && b.payMaxYuan < b.payMinYuan) throw payRangeReversed();
    if (b.closesOn && b.closesOn < b.postedOn) throw closesBeforePosted();
    if (b.employerMemberId != null)
      await access.readableMembers(tx, actor, [b.employerMemberId], () => 'employerMemberId');
    return {
      employer: b.employer,
      employerMemberId: b.employerMemberId ?? null,
      title: b.title,
      headcount: b.headcount,
      payMinFen: b.payMinYuan ?? null,
      payMaxFen: b.payMaxYuan ?? null,
      place: b.place,
      countyCode: b.countyCode ?? null,
      postedOn: b.postedOn,
      closesOn: b.closesOn ?? null,
      state: b.state,
      note: b.note ?? null,
    };
  }

  async function placementValues(tx: Tx, actor: Actor, b: PlacementContent) {
    access.checkCounty(b.countyCode);
    if (b.postingId != null && !(await repo.posting(tx, b.postingId, postingScope(actor, 'hometown.read'))))
      throw postingNotUsable();
    return {
      postingId: b.postingId ?? null,
      employer: b.employer,
      countyCode: b.countyCode,
      placedOn: b.placedOn,
      personTimes: b.personTimes,
      note: b.note ?? null,
    };
  }

  async function writablePosting(tx: Tx, actor: Actor, id: number) {
    assertHolds(actor, 'hometown.write');
    const row = await repo.posting(tx, id, postingScope(actor, 'hometown.write'), true);
    if (!row) throw notFound('用工信息');
    return row;
  }

  async function writablePlacement(tx: Tx, actor: Actor, id: number) {
    assertHolds(actor, 'hometown.write');
    const row = await repo.placement(tx, id, placementScope(actor, 'hometown.write'), true);
    if (!row) throw notFound('劳务输出记录');
    return row;
  }

  return {
    async listPostings(actor: Actor, q: PostingListQuery): Promise<PostingListResponse> {
      const scope = postingScope(actor, 'hometown.read');
      const orgPath = await orgPathOf(q.orgId);
      const words = q.q?.trim();
      const where = and(
        scope,
        q.countyCode ? eq(postings.countyCode, q.countyCode) : undefined,
        q.state ? eq(postings.state, q.state) : undefined,
        q.year ? inYear(postings.postedOn, q.year) : undefined,
        orgPath ? inPathSubtree(postings.orgPath, orgPath) : undefined,
        words
          ? or(
              like(postings.employer, likeWords(words)),
              like(postings.title, likeWords(words)),
              like(postings.place, likeWords(words)),
            )
          : undefined,
      );
      const after = q.cursor ? decodeCursor(q.cursor, CURSOR) : undefined;
      const rows = await repo.postings(db, where, after, q.limit);
      const last = rows.at(-1);
      return {
        items: rows.map((r) => presentPosting(actor, r)),
        nextCursor: rows.length === q.limit && last ? encodeCursor([last.postedOn, last.id]) : null,
      };
    },

    async getPosting(actor: Actor, id: number): Promise<PostingResponse> {
      const row = await repo.posting(db, id, postingScope(actor, 'hometown.read'));
      if (!row) throw notFound('用工信息');
      return presentPosting(actor, row);
    },

    async createPosting(actor: Actor, body: PostingCreateBody): Promise<PostingResponse> {
      const id = await audited(db, actor, async (tx, audit) => {
        assertHolds(actor, 'hometown.write');
        const org = await access.recordingOrg(tx, actor, body.orgId);
        const values = await postingValues(tx, actor, body);
        const id = await repo.insertPosting(tx, {
          ...values,
          orgId: org.id,
          orgPath: org.path,
          createdBy: actor.userId,
        });
        audit({
          action: 'hometown.posting_created',
          targetType: 'hometown_job_posting',
          targetId: id,
          targetLabel: `${values.employer} ${values.title}`,
          after: { ...values, orgId: org.id },
        });
        return id;
      });
      return this.getPosting(actor, id);
    },

    async updatePosting(actor: Actor, id: number, body: PostingUpdateBody): Promise<PostingResponse> {
      await audited(db, actor, async (tx, audit) => {
        const before = await writablePosting(tx, actor, id);
        assertVersion(before, body.version);
        const { version, ...rest } = body;
        const values = await postingValues(tx, actor, rest);
        if (!(await repo.updatePosting(tx, id, version, values))) throw versionConflict();
        const { orgName: _o, employerMemberName: _m, placedPersonTimes: _p, createdAt: _c, ...old } = before;
        audit({
          action: 'hometown.posting_updated',
          targetType: 'hometown_job_posting',
          targetId: id,
          targetLabel: `${values.employer} ${values.title}`,
          before: old,
          after: values,
        });
      });
      return this.getPosting(actor, id);
    },

    async removePosting(actor: Actor, id: number): Promise<void> {
      await audited(db, actor, async (tx, audit) => {
        const before = await writablePosting(tx, actor, id);
        await repo.removePosting(tx, id);
        audit({
          action: 'hometown.posting_deleted',
          targetType: 'hometown_job_posting',
          targetId: id,
          targetLabel: `${before.employer} ${before.title}`,
          before: { employer: before.employer, title: before.title, headcount: before.headcount },
        });
      });
    },

    async listPlacements(actor: Actor, q: PlacementListQuery): Promise<PlacementListResponse> {
      const scope = placementScope(actor, 'hometown.read');
      const orgPath = await orgPathOf(q.orgId);
      const words = q.q?.trim();
      const where = and(
        scope,
        q.countyCode ? eq(placements.countyCode, q.countyCode) : undefined,
        q.year ? inYear(placements.placedOn, q.year) : undefined,
        q.postingId ? eq(placements.postingId, q.postingId) : undefined,
        orgPath ? inPathSubtree(placements.orgPath, orgPath) : undefined,
        words ? like(placements.employer, likeWords(words)) : undefined,
      );
      const after = q.cursor ? decodeCursor(q.cursor, CURSOR) : undefined;
      const [rows, totals] = await Promise.all([
        repo.placements(db, where, after, q.limit),
        repo.placementTotals(db, where),
      ]);
      const last = rows.at(-1);
      return {
        items: rows.map((r) => presentPlacement(actor, r)),
        nextCursor: rows.length === q.limit && last ? encodeCursor([last.placedOn, last.id]) : null,
        totals,
      };
    },

    async getPlacement(actor: Actor, id: number): Promise<PlacementResponse> {
      const row = await repo.placement(db, id, placementScope(actor, 'hometown.read'));
      if (!row) throw notFound('劳务输出记录');
      return presentPlacement(actor, row);
    },

    async createPlacement(actor: Actor, body: PlacementCreateBody): Promise<PlacementResponse> {
      const id = await audited(db, actor, async (tx, audit) => {
        assertHolds(actor, 'hometown.write');
        const org = await access.recordingOrg(tx, actor, body.orgId);
        const values = await placementValues(tx, actor, body);
        const id = await repo.insertPlacement(tx, {
          ...values,
          orgId: org.id,
          orgPath: org.path,
          createdBy: actor.userId,
        });
        audit({
          action: 'hometown.placement_created',
          targetType: 'hometown_placement',
          targetId: id,
          targetLabel: values.employer,
          after: { ...values, orgId: org.id },
        });
        return id;
      });
      return this.getPlacement(actor, id);
    },

    async updatePlacement(actor: Actor, id: number, body: PlacementUpdateBody): Promise<PlacementResponse> {
      await audited(db, actor, async (tx, audit) => {
        const before = await writablePlacement(tx, actor, id);
        assertVersion(before, body.version);
        const { version, ...rest } = body;
        const values = await placementValues(tx, actor, rest);
        if (!(await repo.updatePlacement(tx, id, version, values))) throw versionConflict();
        audit({
          action: 'hometown.placement_updated',
          targetType: 'hometown_placement',
          targetId: id,
          targetLabel: values.employer,
          before: {
            postingId: before.postingId,
            employer: before.employer,
            countyCode: before.countyCode,
            placedOn: before.placedOn,
            personTimes: before.personTimes,
          },
          after: values,
        });
      });
      return this.getPlacement(actor, id);
    },

    async removePlacement(actor: Actor, id: number): Promise<void> {
      await audited(db, actor, async (tx, audit) => {
        const before = await writablePlacement(tx, actor, id);
        await repo.removePlacement(tx, id);
        audit({
          action: 'hometown.placement_deleted',
          targetType: 'hometown_placement',
          targetId: id,
          targetLabel: before.employer,
          before: {
            employer: before.employer,
            countyCode: before.countyCode,
            personTimes: before.personTimes,
          },
        });
      });
    },
  };
}

export type LabourService = ReturnType<typeof createLabourService>;
