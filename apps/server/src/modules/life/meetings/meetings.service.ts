/**
 * Meetings (组织生活): plan, change, hold, archive, cancel, amend an archived record, and the
 * list and detail. Who reads: meeting.read over the meeting's org (a member: the meetings they
 * attend); who writes: meeting.write over it. A meeting outside the actor's scope answers 404
 * like a missing one.
 */
import {
  type MeetingAmendBody,
  type MeetingCancelBody,
  type MeetingCreateBody,
  type MeetingHoldBody,
  type MeetingListQuery,
  type MeetingListResponse,
  type MeetingResponse,
  type MeetingState,
  type MeetingUpdateBody,
  type MeetingVersionBody,
  RecordId,
} from '@ningxin/shared';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Executor, Tx } from '../../../db/client';
import { meetings } from '../../../db/schema';
import { decodeCursor, encodeCursor } from '../../../lib/cursor';
import { assertVersion, invalidField, versionConflict } from '../../../lib/errors';
import { sanitizeRichText } from '../../../lib/rich-text';
import { type Actor, assertHolds, coversOrgPath } from '../../../policy/policy';
import { inPathSubtree, scopeCondition } from '../../../policy/scope';
import type { ActivityService } from '../../activity/activity.service';
import { type Audit, audited } from '../../audit/audit.service';
import type { OrgsService } from '../../orgs/orgs.service';
import {
  type AttendeeRules,
  checkAttendees,
  LEDGER_SOURCE,
  ledgerSourceId,
  readableMeeting,
  resyncLedger,
  writableMeeting,
} from './meetings.access';
import {
  endedBeforeStart,
  heldInFuture,
  meetingArchived,
  notArchived,
  orgNotUsable,
  wrongState,
} from './meetings.errors';
import { mapAmendment, mapAttendee, mapListItem, mapMeeting, meetingAuditView } from './meetings.mapper';
import { type MeetingFullRow, type MeetingInsert, meetingsRepository as repo } from './meetings.repository';

export interface MeetingsDeps extends AttendeeRules {
  db: Db;
  orgs: Pick<OrgsService, 'lookup' | 'namesAlong'>;
  members: AttendeeRules['members'] & { onRollsUnder(executor: Executor, path: string): Promise<number[]> };
  activity: Pick<ActivityService, 'record' | 'recordMany' | 'reverse' | 'reverseFor'>;
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

const EDITABLE: MeetingState[] = ['planned', 'held'];

export function createMeetingsService(deps: MeetingsDeps) {
  const { db, orgs, members, activity } = deps;

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

  function policiesOf(actor: Actor, row: MeetingFullRow, mine: MeetingResponse['mine']) {
    const writes = coversOrgPath(actor, 'meeting.write', row.orgPath);
    const state = row.state as MeetingState;
    return {
      update: writes && EDITABLE.includes(state),
      hold: writes && state === 'planned',
      archive: writes && state === 'held',
      cancel: writes && state === 'planned',
      amend: writes && state === 'archived',
      recordAttendance: writes && EDITABLE.includes(state),
      signInCode: writes && EDITABLE.includes(state),
      requestLeave:
        mine !== null &&
        mine.role === 'expected' &&
        state === 'planned' &&
        (mine.status === 'pending' || mine.status === 'absent') &&
        mine.leaveState !== 'requested',
    };
  }

  async function present(actor: Actor, id: number, self: number | null): Promise<MeetingResponse> {
    const row = await repo.findById(db, id);
    if (!row) throw versionConflict();
    const [names, amendments, mineRow] = await Promise.all([
      orgs.namesAlong(db, row.orgPath),
      repo.amendments(db, id),
      self === null ? null : repo.attendee(db, id, self),
    ]);
    const mine = mineRow ? mapAttendee(mineRow) : null;
    return mapMeeting(row, {
      orgPathNames: names,
      amendments: amendments.map(mapAmendment),
      mine,
      policies: policiesOf(actor, row, mine),
    });
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

  const stateOf = (row: MeetingFullRow) => row.state as MeetingState;

  /** Refuses a change of a meeting that is no longer editable: archived (amend it) or cancelled. */
  function assertEditable(row: MeetingFullRow, what: string) {
    if (row.state === 'archived') throw meetingArchived();
    if (!EDITABLE.includes(stateOf(row))) throw wrongState(stateOf(row), what);
  }

  async function transition(
    actor: Actor,
    id: number,
    version: number,
    step: (tx: Tx, row: MeetingFullRow, audit: Audit) => Promise<Partial<MeetingInsert>>,
    action: 'meeting.held' | 'meeting.archived' | 'meeting.cancelled',
    extra?: (tx: Tx, row: MeetingFullRow, values: Partial<MeetingInsert>) => Promise<void>,
  ): Promise<MeetingResponse> {
    await audited(db, actor, async (tx, audit) => {
      const row = await writableMeeting(tx, actor, id, true);
      assertVersion(row.row, version);
      const values = await step(tx, row, audit);
      if (!(await repo.update(tx, id, version, values))) throw versionConflict();
      await extra?.(tx, row, values);
      audit({
        action,
        targetType: 'meeting',
        targetId: id,
        targetLabel: row.topic,
        before: { state: row.state },
        after: meetingAuditView(values),
      });
    });
    return present(actor, id, null);
  }

  return {
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
        if (values.plannedAt || values.topic)
          await resyncLedger(tx, activity, {
            id,
            topic: values.topic ?? row.topic,
            heldAt: row.heldAt,
            plannedAt: values.plannedAt ?? row.plannedAt,
          });
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

    /** 计划 → 已召开: the actual time is recorded; attendance entries move to its day. */
    hold(actor: Actor, id: number, body: MeetingHoldBody) {
      return transition(
        actor,
        id,
        body.version,
        async (_tx, row) => {
          if (row.state !== 'planned') throw wrongState(stateOf(row), '标记为已召开');
          const heldAt = body.heldAt ? new Date(body.heldAt) : new Date();
          if (heldAt.getTime() > Date.now() + 5 * 60_000) throw heldInFuture();
          const endedAt = body.endedAt ? new Date(body.endedAt) : null;
          if (endedAt && endedAt <= heldAt) throw endedBeforeStart();
          return { state: 'held', heldAt, endedAt };
        },
        'meeting.held',
        (tx, row, values) =>
          resyncLedger(tx, activity, {
            id,
            topic: row.topic,
            heldAt: values.heldAt ?? null,
            plannedAt: row.plannedAt,
          }),
      );
    },

    /** 已召开 → 已归档: the record is locked; whoever has not signed in by now is recorded 缺席. */
    archive(actor: Actor, id: number, body: MeetingVersionBody) {
      return transition(
        actor,
        id,
        body.version,
        async (tx, row) => {
          if (row.state !== 'held') throw wrongState(stateOf(row), '归档');
          await tx.execute(
            sql`update meeting_attendees set status = 'absent', updated_at = now()
              where meeting_id = ${id} and role = 'expected' and status = 'pending'`,
          );
          return { state: 'archived', archivedAt: new Date(), archivedBy: actor.userId };
        },
        'meeting.archived',
      );
    },

    /** A planned meeting called off: what its attendance counted in the ledger is removed. */
    cancel(actor: Actor, id: number, body: MeetingCancelBody) {
      return transition(
        actor,
        id,
        body.version,
        async (_tx, row) => {
          if (row.state !== 'planned') throw wrongState(stateOf(row), '取消');
          return { state: 'cancelled' };
        },
        'meeting.cancelled',
        async (tx) => {
          await activity.reverse(tx, LEDGER_SOURCE, ledgerSourceId(id), 'meeting_attended');
        },
      );
    },

    /** A correction of an archived record: the field changes, the amendment is kept and audited. */
    async amend(actor: Actor, id: number, body: MeetingAmendBody): Promise<MeetingResponse> {
      await audited(db, actor, async (tx, audit) => {
        const row = await writableMeeting(tx, actor, id, true);
        if (row.state !== 'archived') throw notArchived();
        const rich = body.field === 'minutes' || body.field === 'resolutions';
        const after = rich ? sanitizeRichText(body.after) : body.after;
        if (body.field === 'topic' && after.length < 2) throw invalidField('after', '议题至少 2 个字');
        const before = row.row[body.field];
        await repo.amend(tx, id, { [body.field]: after || null });
        await repo.insertAmendment(tx, {
          meetingId: id,
          field: body.field,
          before,
          after,
          reason: body.reason,
          createdBy: actor.userId,
        });
        if (body.field === 'topic' && after)
          await resyncLedger(tx, activity, {
            id,
            topic: after,
            heldAt: row.heldAt,
            plannedAt: row.plannedAt,
          });
        audit({
          action: 'meeting.amended',
          targetType: 'meeting',
          targetId: id,
          targetLabel: row.topic,
          before: { field: body.field, value: before },
          after: { field: body.field, value: after, reason: body.reason },
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
  };
}

export type MeetingsService = ReturnType<typeof createMeetingsService>;
