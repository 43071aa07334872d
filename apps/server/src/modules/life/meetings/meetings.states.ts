/**
 * A meeting's states: 计划 → 已召开 → 已归档, or 已取消 from planned; an archived record is corrected
 * by amendments. Each step is versioned, audited and keeps the activity ledger in step.
 */
import type {
  MeetingAmendBody,
  MeetingCancelBody,
  MeetingHoldBody,
  MeetingResponse,
  MeetingState,
  MeetingVersionBody,
} from '@ningxin/shared';
import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client';
import { assertVersion, invalidField, versionConflict } from '../../../lib/errors';
import { sanitizeRichText } from '../../../lib/rich-text';
import type { Actor } from '../../../policy/policy';
import { audited } from '../../audit/audit.service';
import { LEDGER_SOURCE, ledgerSourceId, writableMeeting } from './meetings.access';
import { endedBeforeStart, heldInFuture, notArchived, wrongState } from './meetings.errors';
import { type LedgerDeps, ledgerMeeting, resyncLedger } from './meetings.ledger';
import { meetingAuditView } from './meetings.mapper';
import type { PresentMeeting } from './meetings.present';
import { type MeetingFullRow, type MeetingInsert, meetingsRepository as repo } from './meetings.repository';

export interface MeetingStatesDeps {
  db: Db;
  activity: LedgerDeps['activity'];
  settings: LedgerDeps['settings'];
  present: PresentMeeting;
}

/** One step of the states: the state it leaves, what the refusal names, and the values it sets. */
interface Step {
  from: MeetingState;
  what: string;
  action: 'meeting.held' | 'meeting.archived' | 'meeting.cancelled';
  values: (tx: Tx, row: MeetingFullRow) => Promise<Partial<MeetingInsert>>;
  /** The ledger change that follows, in the same transaction. */
  ledger?: (tx: Tx, row: MeetingFullRow, values: Partial<MeetingInsert>) => Promise<void>;
}

export function createMeetingStates({ db, activity, settings, present }: MeetingStatesDeps) {
  async function transition(actor: Actor, id: number, version: number, step: Step): Promise<MeetingResponse> {
    await audited(db, actor, async (tx, audit) => {
      const row = await writableMeeting(tx, actor, id, true);
      assertVersion(row.row, version);
      if (row.state !== step.from) throw wrongState(row.state as MeetingState, step.what);
      const values = await step.values(tx, row);
      if (!(await repo.update(tx, id, version, values))) throw versionConflict();
      await step.ledger?.(tx, row, values);
      audit({
        action: step.action,
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
    /** 计划 → 已召开: the actual time is recorded; attendance entries move to its day. */
    hold(actor: Actor, id: number, body: MeetingHoldBody) {
      return transition(actor, id, body.version, {
        from: 'planned',
        what: '标记为已召开',
        action: 'meeting.held',
        values: async () => {
          const heldAt = body.heldAt ? new Date(body.heldAt) : new Date();
          if (heldAt.getTime() > Date.now() + 5 * 60_000) throw heldInFuture();
          const endedAt = body.endedAt ? new Date(body.endedAt) : null;
          if (endedAt && endedAt <= heldAt) throw endedBeforeStart();
          return { state: 'held', heldAt, endedAt };
        },
        ledger: (tx, row, values) =>
          resyncLedger(tx, { activity, settings }, ledgerMeeting(row, { heldAt: values.heldAt ?? null })),
      });
    },

    /** 已召开 → 已归档: the record is locked; whoever has not signed in by now is recorded 缺席. */
    archive(actor: Actor, id: number, body: MeetingVersionBody) {
      return transition(actor, id, body.version, {
        from: 'held',
        what: '归档',
        action: 'meeting.archived',
        values: async (tx) => {
          await tx.execute(
            sql`update meeting_attendees set status = 'absent', updated_at = now()
              where meeting_id = ${id} and role = 'expected' and status = 'pending'`,
          );
          return { state: 'archived', archivedAt: new Date(), archivedBy: actor.userId };
        },
      });
    },

    /** A planned meeting called off: what its attendance counted in the ledger is removed. */
    cancel(actor: Actor, id: number, body: MeetingCancelBody) {
      return transition(actor, id, body.version, {
        from: 'planned',
        what: '取消',
        action: 'meeting.cancelled',
        values: async () => ({ state: 'cancelled' }),
        ledger: async (tx) => {
          await activity.reverse(tx, LEDGER_SOURCE, ledgerSourceId(id), 'meeting_attended');
          await activity.reverse(tx, LEDGER_SOURCE, ledgerSourceId(id), 'study_hours');
        },
      });
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
          await resyncLedger(tx, { activity, settings }, ledgerMeeting(row, { topic: after }));
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
  };
}
