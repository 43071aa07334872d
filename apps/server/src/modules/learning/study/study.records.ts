/**
 * Offline study (线下学习) a secretary records for a member: hours of a day with a title, written to
 * the activity ledger as study hours (source `learning` / `study:<id>`) in the same transaction;
 * deleting the record removes the entry. Audited.
 */
import type {
  StudyRecordCreateBody,
  StudyRecordListResponse,
  StudyRecordQuery,
  StudyRecordResponse,
} from '@ningxin/shared';
import { and, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { notFound } from '../../../lib/errors';
import { type Actor, assertCan, assertHolds, coversOrgPath } from '../../../policy/policy';
import { holdersOf } from '../../../policy/scope';
import type { ActivityService } from '../../activity/activity.service';
import { audited } from '../../audit/audit.service';
import { memberInScope } from '../../members/members.fragments';
import { memberTarget } from '../../members/record/members.scope';
import type { MembersService } from '../../members/record/members.service';
import type { OrgsService } from '../../orgs/orgs.service';
import { memberNotOnRolls } from './study.errors';
import { LEDGER_MODULE, recordSourceId } from './study.ledger';
import { studyRecordsRepository as repo, type StudyRecordFullRow } from './study.records.repository';

export interface StudyRecordsDeps {
  db: Db;
  members: Pick<MembersService, 'placements'>;
  orgs: Pick<OrgsService, 'lookup'>;
  activity: Pick<ActivityService, 'record' | 'reverse'>;
}

const ledgerTitle = (title: string) => `线下学习：${title}`;

export function createStudyRecords({ db, members, orgs, activity }: StudyRecordsDeps) {
  const present = (actor: Actor, r: StudyRecordFullRow): StudyRecordResponse => ({
    id: r.row.id,
    member: { id: r.row.memberId, name: r.memberName },
    org: { id: r.row.orgId, name: r.orgName },
    studiedOn: r.row.studiedOn,
    hours: Number(r.row.hours),
    title: r.row.title,
    note: r.row.note,
    recordedBy: r.recordedByName,
    createdAt: r.row.createdAt.toISOString(),
    policies: { delete: coversOrgPath(actor, 'study.write', r.row.orgPath) },
  });

  return {
    /** Records a member's offline study (study.write over the member; 404 outside the scope). */
    async create(actor: Actor, body: StudyRecordCreateBody): Promise<StudyRecordResponse> {
      assertHolds(actor, 'study.write');
      const id = await audited(db, actor, async (tx, audit) => {
        const [m] = await members.placements(tx, [body.memberId]);
        if (!m) throw notFound('党员');
        assertCan(actor, 'study.write', memberTarget({ ...m, homeCounty: m.homeCounty ?? '' }), '党员');
        if (m.status !== 'active' && m.status !== 'lost') throw memberNotOnRolls();
        const id = await repo.insert(tx, {
          memberId: m.id,
          orgId: m.orgId,
          orgPath: m.orgPath,
          studiedOn: body.studiedOn,
          hours: String(body.hours),
          title: body.title,
          note: body.note ?? null,
          recordedBy: actor.userId,
        });
        await activity.record(tx, {
          memberId: m.id,
          kind: 'study_hours',
          occurredOn: body.studiedOn,
          quantity: body.hours,
          sourceModule: LEDGER_MODULE,
          sourceId: recordSourceId(id),
          title: ledgerTitle(body.title),
          org: { id: m.orgId, path: m.orgPath },
        });
        audit({
          action: 'study.recorded',
          targetType: 'study_record',
          targetId: id,
          targetLabel: `${m.name} ${body.title}`,
          after: { memberId: m.id, studiedOn: body.studiedOn, hours: body.hours, title: body.title },
        });
        return id;
      });
      return present(actor, (await repo.findById(db, id))!);
    },

    /** Deletes a record and its ledger entry (study.write over the record's org; 404 outside). */
    async remove(actor: Actor, id: number): Promise<void> {
      assertHolds(actor, 'study.write');
      await audited(db, actor, async (tx, audit) => {
        const r = await repo.findById(tx, id, true);
        if (!r || !coversOrgPath(actor, 'study.write', r.row.orgPath)) throw notFound('学习记录');
        await repo.markDeleted(tx, id);
        await activity.reverse(tx, LEDGER_MODULE, recordSourceId(id), 'study_hours');
        audit({
          action: 'study.record_deleted',
          targetType: 'study_record',
          targetId: id,
          targetLabel: `${r.memberName} ${r.row.title}`,
          before: {
            memberId: r.row.memberId,
            studiedOn: r.row.studiedOn,
            hours: Number(r.row.hours),
            title: r.row.title,
          },
        });
      });
    },

    /** The records of the members the actor may read (study.read), newest first. */
    async list(actor: Actor, q: StudyRecordQuery): Promise<StudyRecordListResponse> {
      let subtree = null;
      if (q.orgId !== undefined) {
        const org = await orgs.lookup(db, q.orgId);
        const byDivision = holdersOf(actor, 'study.read').some(
          (a) => a.scopeKind === 'home' || a.scopeKind === 'host',
        );
        if (!org || !(coversOrgPath(actor, 'study.read', org.path) || byDivision)) throw notFound('组织');
        subtree = repo.inSubtree(org.path);
      }
      const rows = await repo.list(
        db,
        and(
          memberInScope(sql`"study_records"."member_id"`, actor, 'study.read'),
          subtree ?? undefined,
          q.year === undefined ? undefined : repo.inYear(q.year),
          q.memberId === undefined ? undefined : sql`"study_records"."member_id" = ${q.memberId}`,
        ),
        q.cursor,
        q.limit,
      );
      const last = rows.at(-1);
      return {
        items: rows.map((r) => present(actor, r)),
        nextCursor: rows.length === q.limit && last ? last.row.id : null,
      };
    },
  };
}

export type StudyRecords = ReturnType<typeof createStudyRecords>;
