import {
  ACTIVITY_KINDS,
  type ActivityKind,
  type ActivityQuery,
  type ActivityTimelineResponse,
  isIsoDate,
  type RecentActivityItem,
} from '@ningxin/shared';
import { type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { type Db, type Executor, queryRows } from '../../db/client';
import { memberActivity } from '../../db/schema';
import { decodeCursor, encodeCursor } from '../../lib/cursor';
import type { Actor } from '../../policy/policy';
import { memberInScope } from '../members/members.fragments';
import type { MembersService } from '../members/record/members.service';
import type { OrgsService } from '../orgs/orgs.service';
import { type ActivityEntryInput, checkedEntry, quantityText, uniqueEntries } from './activity.entry';
import { unknownMember } from './activity.errors';
import { mapItem, mapStatusChange, mapTotals } from './activity.mapper';
import { statusEventIdOf } from './activity.members';
import { type ActivityInsert, type ActivityRow, activityRepository } from './activity.repository';

export interface ActivityDeps {
  db: Db;
  /** Lag-tolerant reads (`Store.reads`): the feed of recent deeds (the workbench, the big screen). */
  reads: Db;
  members: Pick<MembersService, 'visibleMember' | 'placements' | 'statusChanges'>;
  orgs: Pick<OrgsService, 'lookup'>;
}

/** A timeline cursor: the last entry's day and id. */
const ActivityCursor = z.tuple([
  z.string().refine(isIsoDate),
  z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
]);

export function createActivityService({ db, reads, members, orgs }: ActivityDeps) {
  /** The entries as rows, each with the member's org: given, or the member's placement now. */
  async function rowsOf(tx: Executor, input: readonly ActivityEntryInput[]): Promise<ActivityInsert[]> {
    const entries = uniqueEntries(input.map(checkedEntry));
    const unplaced = [...new Set(entries.filter((e) => !e.org).map((e) => e.memberId))];
    const placed = new Map(
      (unplaced.length ? await members.placements(tx, unplaced) : []).map((p) => [
        p.id,
        { id: p.orgId, path: p.orgPath },
      ]),
    );
    return entries.map((e) => {
      const org = e.org ?? placed.get(e.memberId);
      if (!org) throw unknownMember(e.memberId);
      return {
        memberId: e.memberId,
        kind: e.kind,
        occurredOn: e.occurredOn,
        quantity: quantityText(e.quantity),
        unit: ACTIVITY_KINDS[e.kind].unit,
        sourceModule: e.sourceModule,
        sourceId: e.sourceId,
        orgId: org.id,
        orgPath: org.path,
        title: e.title,
      };
    });
  }

  /** The page's entries with their orgs' names and, for status changes, the change itself. */
  async function present(memberId: number, rows: readonly ActivityRow[]) {
    const eventIds = rows.map(statusEventIdOf).filter((id): id is number => id !== null);
    const orgIds = [...new Set(rows.map((r) => r.orgId).filter((id): id is number => id !== null))];
    const [events, orgRows] = await Promise.all([
      members.statusChanges(db, memberId, eventIds),
      Promise.all(orgIds.map((id) => orgs.lookup(db, id))),
    ]);
    const eventById = new Map(events.map((e) => [e.id, e]));
    const orgName = new Map(orgRows.flatMap((o) => (o ? [[o.id, o.name] as const] : [])));
    return rows.map((r) => {
      const event = eventById.get(statusEventIdOf(r) ?? 0);
      return mapItem(r, {
        orgName: r.orgId === null ? null : (orgName.get(r.orgId) ?? null),
        statusChange: event ? mapStatusChange(event) : null,
      });
    });
  }

  return {
    /**
     * Records a deed in the caller's transaction, once per source record, kind and member:
     * recording it again (a retry, an edited record) updates its day, quantity and title.
     */
    async record(tx: Executor, entry: ActivityEntryInput): Promise<void> {
      await activityRepository.upsert(tx, await rowsOf(tx, [entry]));
    },

    /** Records many deeds at once (an import, a meeting's attendance) in the caller's transaction. */
    async recordMany(tx: Executor, entries: readonly ActivityEntryInput[]): Promise<void> {
      if (entries.length) await activityRepository.upsert(tx, await rowsOf(tx, entries));
    },

    /**
     * Records the deeds a statement selects, in one INSERT … SELECT (a demo seed's history):
     * `rows` yields (member_id, occurred_on, quantity, source_id, org_id, org_path, title). An
     * entry already recorded is left as it is. Returns how many were new.
     */
    async recordSelected(tx: Executor, kind: ActivityKind, sourceModule: string, rows: SQL): Promise<number> {
      const [row] = await queryRows<{ n: number }>(
        tx,
        sql`with added as (
          insert into ${memberActivity}
            (member_id, kind, occurred_on, quantity, unit, source_module, source_id, org_id, org_path, title)
          select r.member_id, ${kind}, r.occurred_on, r.quantity, ${ACTIVITY_KINDS[kind].unit}, ${sourceModule},
            r.source_id, r.org_id, r.org_path, r.title
          from (${rows}) r
          on conflict (source_module, source_id, kind, member_id) do nothing
          returning 1)
        select count(*)::int as n from added`,
      );
      return row?.n ?? 0;
    },

    /**
     * Removes what a source record counted (of one kind, if given), in the caller's transaction:
     * the record was reversed or deleted. Returns how many entries were removed.
     */
    reverse(tx: Executor, sourceModule: string, sourceId: string | number, kind?: ActivityKind) {
      return activityRepository.remove(tx, sourceModule, String(sourceId), kind);
    },

    /**
     * Removes one member's entry of a source record and kind, in the caller's transaction (an
     * attendance changed from attended to absent). Returns how many entries were removed.
     */
    reverseFor(tx: Executor, memberId: number, sourceModule: string, sourceId: string, kind: ActivityKind) {
      return activityRepository.removeOf(tx, memberId, sourceModule, sourceId, kind);
    },

    /**
     * For other modules (the yearly feedback; no scope check, the caller has its own): each
     * member's totals of a year by kind, with the latest entry's title of each kind.
     */
    async yearTotals(executor: Executor, memberIds: readonly number[], year: number) {
      const rows = await activityRepository.yearTotals(executor, memberIds, year);
      const byMember = new Map<
        number,
        Map<ActivityKind, { quantity: number; entries: number; latestTitle: string }>
      >();
      for (const r of rows) {
        const kinds = byMember.get(r.memberId) ?? new Map();
        kinds.set(r.kind as ActivityKind, {
          quantity: Number(r.quantity),
          entries: r.entries,
          latestTitle: r.latestTitle,
        });
        byMember.set(r.memberId, kinds);
      }
      return byMember;
    },

    /**
     * A member's timeline, newest first: a year's entries with the year's sums by kind, or
     * without a year the most recent entries. 404 for a member outside the actor's scope.
     */
    /** The latest entries of the members the actor may read, newest recorded first. */
    async recent(actor: Actor, limit: number): Promise<RecentActivityItem[]> {
      // A feed of the scope, not the answer to one's own write: may lag, so the standby may answer.
      const rows = await activityRepository.recent(
        reads,
        memberInScope(memberActivity.memberId, actor, 'member.read'),
        limit,
      );
      return rows.map(({ entry, memberName }) => ({
        id: entry.id,
        member: { id: entry.memberId, name: memberName },
        kind: entry.kind as ActivityKind,
        occurredOn: entry.occurredOn,
        title: entry.title,
        recordedAt: entry.createdAt.toISOString(),
      }));
    },

    async timeline(actor: Actor, memberId: number, q: ActivityQuery): Promise<ActivityTimelineResponse> {
      await members.visibleMember(db, actor, memberId, 'member.read');
      const after = q.cursor
        ? (([occurredOn, id]) => ({ occurredOn, id }))(decodeCursor(q.cursor, ActivityCursor))
        : undefined;
      const [rows, years, totals] = await Promise.all([
        activityRepository.page(db, memberId, {
          year: q.year,
          limit: q.limit + 1,
          ...(after ? { after } : {}),
        }),
        activityRepository.years(db, memberId),
        q.year === undefined ? null : activityRepository.totals(db, memberId, q.year),
      ]);
      const page = rows.slice(0, q.limit);
      const last = page.at(-1);
      return {
        memberId,
        year: q.year ?? null,
        items: await present(memberId, page),
        nextCursor: rows.length > q.limit && last ? encodeCursor([last.occurredOn, last.id]) : null,
        summary: totals && q.year !== undefined ? { year: q.year, totals: mapTotals(totals) } : null,
        years,
      };
    },
  };
}

export type ActivityService = ReturnType<typeof createActivityService>;
