/**
 * Meetings (组织生活): the record — plan, change, the list and detail — with its states
 * (meetings.states.ts) joined in. Who reads: meeting.read over the meeting's org (a member: the
 * meetings they attend); who writes: meeting.write over it. A meeting outside the actor's scope
 * answers 404 like a missing one.
 */
import {
  type MeetingCreateBody,
  type MeetingListQuery,
  type MeetingListResponse,
  type MeetingResponse,
  type MeetingState,
  type MeetingUpdateBody,
  RecordId,
} from '@ningxin/shared';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Executor, Tx } from '../../../db/client';
import { meetings } from '../../../db/schema';
import { decodeCursor, encodeCursor } from '../../../lib/cursor';
import { assertVersion, versionConflict } from '../../../lib/errors';
import { sanitizeRichText } from '../../../lib/rich-text';
import { type Actor, assertHolds, coversOrgPath } from '../../../policy/policy';
import { inPathSubtree, scopeCondition } from '../../../policy/scope';
import { audited } from '../../audit/audit.service';
import { committeeOf } from '../../orgs/orgs.fragments';
import type { OrgsService } from '../../orgs/orgs.service';
import {
  type AttendeeRules,
  checkAttendees,
  isOpen,
  readableMeeting,
  writableMeeting,
} from './meetings.access';
import { meetingArchived, orgNotUsable, wrongState } from './meetings.errors';
import { type LedgerDeps, ledgerMeeting, resyncLedger } from './meetings.ledger';
import { mapListItem, meetingAuditView } from './meetings.mapper';
import { createMeetingPresenter } from './meetings.present';
import { type MeetingFullRow, type MeetingInsert, meetingsRepository as repo } from './meetings.repository';
import { createMeetingStates } from './meetings.states';

export interface MeetingsDeps extends AttendeeRules {
  db: Db;
  orgs: Pick<OrgsService, 'lookup' | 'namesAlong'>;
  members: AttendeeRules['members'] & { onRollsUnder(executor: Executor, path: string): Promise<number[]> };
  activity: LedgerDeps['activity'];
  settings: LedgerDeps['settings'];
}

const CURSOR = z.tuple([z.iso.datetime(), RecordId()]);

/** The meetings' scope columns: org-owned records, no member columns. */
const MEETING_SCOPE = {
  inOrgSubtree: (path: string) => inPathSubtree(meetings.orgPath, path),
  homeCounty: null,
  hostDistrict: null,
  memberId: null,
};

/** Start and end (exclusive) of a month or day range in Asia/Shanghai, as instants. */
const shanghaiMidnight = (day: string) => new Date(`${day}T00:00:00+08:00`);
function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

export function createMeetingsService(deps: MeetingsDeps) {
  const { db, orgs, members, activity, settings } = deps;
  const present = createMeetingPresenter({ db, orgs });

  async function filters(q: MeetingListQuery): Promise<SQL | undefined> {
    const parts: (SQL | undefined)[] = [];
    if (q.orgId) {
      const org = await orgs.lookup(db, q.orgId);
      parts.push(org ? inPathSubtree(meetings.orgPath, org.path) : sql`false`);
    }
    if (q.type) parts.push(eq(meetings.type, q.type));
    if (q.state) parts.push(eq(meetings.state, q.state));
    const at = sql`coalesce(${meetings.heldAt}, ${meetings.plannedAt})`;
    if (q.month) {
      parts.push(sql`${at} >= ${shanghaiMidnight(`${q.month}-01`)}`);
      parts.push(sql`${at} < ${shanghaiMidnight(`${nextMonth(q.month)}-01`)}`);
    }
    if (q.from) parts.push(sql`${at} >= ${shanghaiMidnight(q.from)}`);
    if (q.to) parts.push(sql`${at} < ${new Date(shanghaiMidnight(q.to).getTime() + 86_400_000)}`);
    return and(...parts);
  }

  /** Expected attendees added and removed, guests added; each named member checked first. */
  async function adjustAttendees(
    tx: Tx,
    actor: Actor,
    meetingId: number,
    changes: { add: number[]; remove: number[]; guests: number[] },
  ) {
    await checkAttendees(tx, actor, deps, changes.add, 'addMemberIds');
    await checkAttendees(tx, actor, deps, changes.guests, 'guestMemberIds');
    await repo.removeAttendees(tx, meetingId, changes.remove);
    await repo.addAttendees(tx, meetingId, changes.add, 'expected');
    const expected = new Set(changes.add);
    await repo.addAttendees(
      tx,
      meetingId,
      changes.guests.filter((g) => !expected.has(g)),
      'guest',
    );
  }

  /** Refuses a change of a meeting that is no longer editable: archived (amend it) or cancelled. */
  function assertEditable(row: MeetingFullRow, what: string) {
    if (row.state === 'archived') throw meetingArchived();
    if (!isOpen(row.state)) throw wrongState(row.state as MeetingState, what);
  }

  return {
    ...createMeetingStates({ db, activity, settings, present }),

    async list(actor: Actor, q: MeetingListQuery): Promise<MeetingListResponse> {
      const where = and(scopeCondition(actor, 'meeting.read', MEETING_SCOPE), await filters(q));
      const after = q.cursor
        ? (([at, id]) => ({ plannedAt: new Date(at), id }))(decodeCursor(q.cursor, CURSOR))
        : undefined;
      const rows = await repo.list(db, where, after, q.limit);
      const last = rows.at(-1);
      return {
        items: rows.map(mapListItem),
        nextCursor:
          rows.length === q.limit && last ? encodeCursor([last.plannedAt.toISOString(), last.id]) : null,
      };
    },

    /**
     * A month's meetings in the actor's scope by second-level committee: how many are on the
     * calendar (cancelled ones left out) and how many of them were held (held or archived).
     */
    async monthByCommittee(
      actor: Actor,
      month: string,
    ): Promise<{ committeeId: number; name: string; held: number; planned: number }[]> {
      const at = sql`coalesce(${meetings.heldAt}, ${meetings.plannedAt})`;
      const committee = committeeOf(meetings.orgId);
      return db
        .select({
          committeeId: sql<number>`${committee.id}`,
          name: committee.name,
          held: sql<number>`(count(*) filter (where ${meetings.state} in ('held', 'archived')))::int`,
          planned: sql<number>`count(*)::int`,
        })
        .from(meetings)
        .where(
          and(
            scopeCondition(actor, 'meeting.read', MEETING_SCOPE),
            sql`${meetings.state} <> 'cancelled'`,
            sql`${at} >= ${shanghaiMidnight(`${month}-01`)}`,
            sql`${at} < ${shanghaiMidnight(`${nextMonth(month)}-01`)}`,
          ),
        )
        .groupBy(sql`1`, sql`2`);
    },

    async get(actor: Actor, id: number): Promise<MeetingResponse> {
      const { self } = await readableMeeting(db, actor, id);
      return present(actor, id, self);
    },

    async create(actor: Actor, body: MeetingCreateBody): Promise<MeetingResponse> {
      assertHolds(actor, 'meeting.write');
      const id = await audited(db, actor, async (tx, audit) => {
        const org = await orgs.lookup(tx, body.orgId);
        if (!org || org.closedAt || !coversOrgPath(actor, 'meeting.write', org.path)) throw orgNotUsable();
        const values: MeetingInsert = {
          orgId: org.id,
          orgPath: org.path,
          type: body.type,
          customType: body.type === 'custom' ? (body.customType ?? null) : null,
          topic: body.topic,
          plannedAt: new Date(body.plannedAt),
          mode: body.mode,
          place: body.place ?? null,
          onlineUrl: body.onlineUrl ?? null,
          host: body.host ?? null,
          recorder: body.recorder ?? null,
          speaker: body.speaker ?? null,
          agenda: body.agenda ?? null,
          allowGuests: body.allowGuests,
          studyHours: body.studyHours == null ? null : String(body.studyHours),
          state: 'planned',
          createdBy: actor.userId,
        };
        const id = await repo.insert(tx, values);
        const removed = new Set(body.removeMemberIds);
        const roll = (await members.onRollsUnder(tx, org.path)).filter((m) => !removed.has(m));
        await repo.addAttendees(tx, id, roll, 'expected');
        await adjustAttendees(tx, actor, id, {
          add: body.addMemberIds.filter((m) => !removed.has(m)),
          remove: [],
          guests: body.guestMemberIds,
        });
        audit({
          action: 'meeting.created',
          targetType: 'meeting',
          targetId: id,
          targetLabel: body.topic,
          after: { ...meetingAuditView(values), expected: roll.length + body.addMemberIds.length },
        });
        return id;
      });
      return present(actor, id, null);
    },

    async update(actor: Actor, id: number, body: MeetingUpdateBody): Promise<MeetingResponse> {
      await audited(db, actor, async (tx, audit) => {
        const row = await writableMeeting(tx, actor, id, true);
        assertVersion(row.row, body.version);
        assertEditable(row, '修改');
        const values: Partial<MeetingInsert> = {};
        const set = <K extends keyof MeetingInsert>(k: K, v: MeetingInsert[K] | undefined) => {
          if (v !== undefined) values[k] = v;
        };
        set('type', body.type);
        if (body.type !== undefined)
          values.customType = body.type === 'custom' ? (body.customType ?? row.row.customType) : null;
        else if (body.customType !== undefined && row.type === 'custom') values.customType = body.customType;
        set('topic', body.topic);
        if (body.plannedAt !== undefined) values.plannedAt = new Date(body.plannedAt);
        set('mode', body.mode);
        set('place', body.place);
        set('onlineUrl', body.onlineUrl);
        set('host', body.host);
        set('recorder', body.recorder);
        set('speaker', body.speaker);
        set('agenda', body.agenda);
        set('allowGuests', body.allowGuests);
        if (body.studyHours !== undefined)
          values.studyHours = body.studyHours === null ? null : String(body.studyHours);
        if (body.minutes !== undefined) values.minutes = body.minutes ? sanitizeRichText(body.minutes) : null;
        if (body.resolutions !== undefined)
          values.resolutions = body.resolutions ? sanitizeRichText(body.resolutions) : null;
        if (!(await repo.update(tx, id, body.version, values))) throw versionConflict();
        await adjustAttendees(tx, actor, id, {
          add: body.addMemberIds ?? [],
          remove: body.removeMemberIds ?? [],
          guests: body.guestMemberIds ?? [],
        });
        if (values.plannedAt || values.topic || values.type || values.studyHours !== undefined)
          await resyncLedger(
            tx,
            { activity, settings },
            ledgerMeeting(row, {
              ...(values.topic ? { topic: values.topic } : {}),
              ...(values.plannedAt ? { plannedAt: values.plannedAt } : {}),
              ...(values.type ? { type: values.type } : {}),
              ...(values.studyHours !== undefined ? { studyHours: values.studyHours } : {}),
            }),
          );
        const before = Object.fromEntries(
          Object.keys(values).map((k) => [k, row.row[k as keyof typeof row.row]]),
        );
        audit({
          action: 'meeting.updated',
          targetType: 'meeting',
          targetId: id,
          targetLabel: values.topic ?? row.topic,
          before: meetingAuditView(before),
          after: {
            ...meetingAuditView(values),
            ...(body.addMemberIds?.length ? { addMemberIds: body.addMemberIds } : {}),
            ...(body.removeMemberIds?.length ? { removeMemberIds: body.removeMemberIds } : {}),
            ...(body.guestMemberIds?.length ? { guestMemberIds: body.guestMemberIds } : {}),
          },
        });
      });
      return present(actor, id, null);
    },

    /** For the files module: a meeting's photos and attachments are as visible as the meeting. */
    async authorizeFiles(executor: Executor, actor: Actor, id: number, access: 'read' | 'write') {
      if (access === 'write') {
        const row = await writableMeeting(executor, actor, id);
        assertEditable(row, '上传文件');
        return { label: row.topic };
      }
      const { row } = await readableMeeting(executor, actor, id);
      return { label: row.topic };
    },

    /**
     * For reflections: the topic of a meeting the actor may see (meeting.read over its org, or as
     * an attendee); null for one missing or out of sight.
     */
    async visibleTopic(executor: Executor, actor: Actor, id: number): Promise<string | null> {
      try {
        return (await readableMeeting(executor, actor, id)).row.topic;
      } catch (err) {
        if ((err as { status?: number }).status === 404) return null;
        throw err;
      }
    },

    /** For reflections: the topics of meetings by id (a page's worth). */
    async topics(executor: Executor, ids: readonly number[]): Promise<Map<number, string>> {
      const out = new Map<number, string>();
      for (const id of new Set(ids)) {
        const row = await repo.findById(executor, id);
        if (row) out.set(id, row.topic);
      }
      return out;
    },
  };
}

export type MeetingsService = ReturnType<typeof createMeetingsService>;
