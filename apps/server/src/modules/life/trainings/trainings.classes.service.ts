/** Training classes: list, read, create, change and move through their states (training.manage). */
import {
  RecordId,
  TRAINING_KIND_LABELS,
  TRAINING_STATE_LABELS,
  TRAINING_TRANSITIONS,
  type TrainingCreateBody,
  type TrainingKind,
  type TrainingListQuery,
  type TrainingListResponse,
  type TrainingResponse,
  type TrainingState,
  type TrainingStateBody,
  type TrainingUpdateBody,
} from '@ningxin/shared';
import { and, eq, like, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '../../../db/client';
import { trainings } from '../../../db/schema';
import { decodeCursor, encodeCursor } from '../../../lib/cursor';
import { assertVersion, versionConflict } from '../../../lib/errors';
import { type Actor, assertHolds, coversOrgPath } from '../../../policy/policy';
import { inPathSubtree } from '../../../policy/scope';
import { audited } from '../../audit/audit.service';
import { canChange, type TrainingsAccess } from './trainings.access';
import {
  audienceOrgNotUsable,
  datesReversed,
  organizerNotUsable,
  quotaBelowEnrolled,
  trainingClosedForChange,
  transitionNotAllowed,
  windowReversed,
} from './trainings.errors';
import { hours, iso } from './trainings.mapper';
import { trainingsRepository as repo, type TrainingRow } from './trainings.repository';

const CURSOR = z.tuple([z.string(), RecordId()]);
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The audit's view of a class. */
const classAuditView = (r: Partial<TrainingRow>) => ({
  title: r.title,
  kind: r.kind,
  orgId: r.orgId,
  startsOn: r.startsOn,
  endsOn: r.endsOn,
  place: r.place,
  quota: r.quota,
  audienceOrgIds: r.audienceOrgIds,
  audiencePositions: r.audiencePositions,
  enrolOpensAt: r.enrolOpensAt,
  enrolClosesAt: r.enrolClosesAt,
  studyHours: r.studyHours,
  costFen: r.costFen,
  state: r.state,
});

export function createTrainingClassesService(access: TrainingsAccess) {
  const { db, orgs, scope, managedClass } = access;

  async function audienceOrgNames(executor: Executor, ids: readonly number[]) {
    const out: { id: number; name: string }[] = [];
    for (const id of ids) {
      const org = await orgs.lookup(executor, id);
      out.push({ id, name: org?.name ?? '' });
    }
    return out;
  }

  async function present(actor: Actor, r: TrainingRow): Promise<TrainingResponse> {
    const state = r.state as TrainingState;
    const manage = coversOrgPath(actor, 'training.manage', r.orgPath);
    const to = TRAINING_TRANSITIONS[state];
    return {
      id: r.id,
      title: r.title,
      kind: r.kind as TrainingKind,
      kindLabel: TRAINING_KIND_LABELS[r.kind as TrainingKind],
      org: { id: r.orgId, name: r.orgName },
      startsOn: r.startsOn,
      endsOn: r.endsOn,
      place: r.place,
      description: r.description,
      quota: r.quota,
      audienceOrgs: await audienceOrgNames(db, r.audienceOrgIds),
      audiencePositions: r.audiencePositions,
      enrolOpensAt: iso(r.enrolOpensAt),
      enrolClosesAt: iso(r.enrolClosesAt),
      studyHours: hours(r.studyHours),
      costFen: r.costFen,
      state,
      stateLabel: TRAINING_STATE_LABELS[state],
      counts: {
        enrolled: r.enrolledCount,
        waitlisted: r.waitlisted,
        completed: r.completed,
        sessions: r.sessions,
      },
      version: r.version,
      createdAt: r.createdAt.toISOString(),
      policies: {
        edit: manage && canChange(state),
        open: manage && to.includes('open'),
        close: manage && to.includes('closed'),
        finish: manage && to.includes('finished'),
        cancel: manage && to.includes('cancelled'),
        nominate: manage && ['draft', 'open', 'closed'].includes(state),
        complete: manage && ['open', 'closed', 'finished'].includes(state),
      },
    };
  }

  /** The organizing org: open and within the actor's scope. */
  async function organizer(tx: Executor, actor: Actor, orgId: number) {
    const org = await orgs.lookup(tx, orgId);
    if (!org || org.closedAt || !coversOrgPath(actor, 'training.manage', org.path))
      throw organizerNotUsable();
    return org;
  }

  async function checkAudience(tx: Executor, ids: readonly number[]) {
    for (const [i, id] of ids.entries()) {
      const org = await orgs.lookup(tx, id);
      if (!org || org.closedAt) throw audienceOrgNotUsable(i);
    }
  }

  function checkDates(v: {
    startsOn: string;
    endsOn: string;
    enrolOpensAt: Date | null;
    enrolClosesAt: Date | null;
  }) {
    if (v.endsOn < v.startsOn) throw datesReversed();
    if (v.enrolOpensAt && v.enrolClosesAt && v.enrolClosesAt < v.enrolOpensAt) throw windowReversed();
  }

  return {
    async list(actor: Actor, q: TrainingListQuery): Promise<TrainingListResponse> {
      assertHolds(actor, 'training.manage');
      const orgPath = q.orgId ? ((await orgs.lookup(db, q.orgId))?.path ?? '-') : null;
      const words = q.q?.trim();
      const where = and(
        scope(actor),
        q.kind ? eq(trainings.kind, q.kind) : undefined,
        q.state ? eq(trainings.state, q.state) : undefined,
        q.year ? sql`${trainings.startsOn} between ${`${q.year}-01-01`} and ${`${q.year}-12-31`}` : undefined,
        orgPath ? inPathSubtree(trainings.orgPath, orgPath) : undefined,
        words ? like(trainings.title, `%${escapeLike(words)}%`) : undefined,
      );
      const after = q.cursor ? decodeCursor(q.cursor, CURSOR) : undefined;
      const rows = await repo.list(db, where, after, q.limit);
      const last = rows.at(-1);
      return {
        items: await Promise.all(rows.map((r) => present(actor, r))),
        nextCursor: rows.length === q.limit && last ? encodeCursor([last.startsOn, last.id]) : null,
      };
    },

    async get(actor: Actor, id: number): Promise<TrainingResponse> {
      return present(actor, await managedClass(db, actor, id));
    },

    async create(actor: Actor, body: TrainingCreateBody): Promise<TrainingResponse> {
      const id = await audited(db, actor, async (tx, audit) => {
        assertHolds(actor, 'training.manage');
        const org = await organizer(tx, actor, body.orgId);
        await checkAudience(tx, body.audienceOrgIds);
        const values = {
          title: body.title,
          kind: body.kind,
          orgId: org.id,
          orgPath: org.path,
          startsOn: body.startsOn,
          endsOn: body.endsOn,
          place: body.place ?? null,
          description: body.description ?? null,
          quota: body.quota,
          audienceOrgIds: [...new Set(body.audienceOrgIds)],
          audiencePositions: [...new Set(body.audiencePositions)],
          enrolOpensAt: body.enrolOpensAt ? new Date(body.enrolOpensAt) : null,
          enrolClosesAt: body.enrolClosesAt ? new Date(body.enrolClosesAt) : null,
          studyHours: body.studyHours.toFixed(1),
          costFen: body.costFen ?? null,
          state: 'draft',
          createdBy: actor.userId,
        };
        checkDates(values);
        const id = await repo.insert(tx, values);
        audit({
          action: 'training.created',
          targetType: 'training',
          targetId: id,
          targetLabel: values.title,
          after: classAuditView(values),
        });
        return id;
      });
      return this.get(actor, id);
    },

    async update(actor: Actor, id: number, body: TrainingUpdateBody): Promise<TrainingResponse> {
      await audited(db, actor, async (tx, audit) => {
        const before = await managedClass(tx, actor, id, true);
        assertVersion(before, body.version);
        if (!canChange(before.state))
          throw trainingClosedForChange(TRAINING_STATE_LABELS[before.state as TrainingState]);
        if (body.audienceOrgIds) await checkAudience(tx, body.audienceOrgIds);
        const {
          version,
          studyHours,
          enrolOpensAt,
          enrolClosesAt,
          audienceOrgIds,
          audiencePositions,
          ...plain
        } = body;
        const values = {
          ...Object.fromEntries(Object.entries(plain).filter(([, v]) => v !== undefined)),
          ...(studyHours !== undefined ? { studyHours: studyHours.toFixed(1) } : {}),
          ...(enrolOpensAt !== undefined
            ? { enrolOpensAt: enrolOpensAt ? new Date(enrolOpensAt) : null }
            : {}),
          ...(enrolClosesAt !== undefined
            ? { enrolClosesAt: enrolClosesAt ? new Date(enrolClosesAt) : null }
            : {}),
          ...(audienceOrgIds ? { audienceOrgIds: [...new Set(audienceOrgIds)] } : {}),
          ...(audiencePositions ? { audiencePositions: [...new Set(audiencePositions)] } : {}),
        } as Partial<typeof trainings.$inferInsert>;
        const merged = { ...before, ...values } as TrainingRow;
        checkDates(merged);
        if (merged.quota < before.enrolledCount) throw quotaBelowEnrolled(before.enrolledCount);
        if (!(await repo.update(tx, id, version, values))) throw versionConflict();
        // A larger quota lets the waitlist move up, in order.
        let promoted = 0;
        while (merged.quota > before.enrolledCount + promoted) {
          const next = await repo.firstWaitlisted(tx, id);
          if (!next || !(await repo.takePlace(tx, id))) break;
          await repo.setEnrolment(tx, next.id, { status: 'enrolled' });
          promoted++;
        }
        audit({
          action: 'training.updated',
          targetType: 'training',
          targetId: id,
          targetLabel: merged.title,
          before: classAuditView(before),
          after: { ...classAuditView(values as Partial<TrainingRow>), ...(promoted ? { promoted } : {}) },
        });
      });
      return this.get(actor, id);
    },

    async changeState(actor: Actor, id: number, body: TrainingStateBody): Promise<TrainingResponse> {
      await audited(db, actor, async (tx, audit) => {
        const before = await managedClass(tx, actor, id, true);
        assertVersion(before, body.version);
        const from = before.state as TrainingState;
        if (!TRAINING_TRANSITIONS[from].includes(body.to))
          throw transitionNotAllowed(TRAINING_STATE_LABELS[from], TRAINING_STATE_LABELS[body.to]);
        if (!(await repo.update(tx, id, body.version, { state: body.to }))) throw versionConflict();
        audit({
          action: 'training.state_changed',
          targetType: 'training',
          targetId: id,
          targetLabel: before.title,
          before: { state: from },
          after: { state: body.to },
        });
      });
      return this.get(actor, id);
    },

    /** For the demo seed and tests: a class by id, unscoped. */
    byId: (executor: Executor, id: number) => repo.findById(executor, id),
  };
}

export type TrainingClassesService = ReturnType<typeof createTrainingClassesService>;
