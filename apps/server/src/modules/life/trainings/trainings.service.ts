/**
 * Training classes and study trips: the classes (training.manage over the organizer's subtree),
 * their enrolments (a member applies; a manager nominates members of their subtree), sessions
 * with attendance and QR sign-in, and completion (a numbered certificate and study hours in the
 * activity ledger). A class outside the actor's scope answers 404 like a missing one.
 */
import {
  type ApplyBody,
  type CompleteBody,
  type CompleteResponse,
  ENROLMENT_SOURCE_LABELS,
  ENROLMENT_STATUS_LABELS,
  type EnrolmentListQuery,
  type EnrolmentListResponse,
  type EnrolmentResponse,
  type EnrolmentSource,
  type EnrolmentStatus,
  type EnrolmentsResponse,
  inTrainingAudience,
  localIsoDate,
  type MyTrainingItem,
  type MyTrainingsResponse,
  type NominateBody,
  RecordId,
  type SessionAttendanceBody,
  type SessionAttendanceResponse,
  type SignInResult,
  TRAINING_CERTIFICATE_PREFIX,
  TRAINING_KIND_LABELS,
  TRAINING_STATE_LABELS,
  TRAINING_TRANSITIONS,
  type TrainingCreateBody,
  type TrainingKind,
  type TrainingListQuery,
  type TrainingListResponse,
  type TrainingResponse,
  type TrainingSessionCreateBody,
  type TrainingSessionListResponse,
  type TrainingSessionResponse,
  type TrainingSessionUpdateBody,
  type TrainingState,
  type TrainingStateBody,
  type TrainingUpdateBody,
  type WithdrawBody,
} from '@ningxin/shared';
import { and, eq, inArray, like, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Executor, Tx } from '../../../db/client';
import { trainingEnrolments, trainings } from '../../../db/schema';
import { decodeCursor, encodeCursor } from '../../../lib/cursor';
import { isUniqueViolation } from '../../../lib/db-errors';
import { assertVersion, notFound, versionConflict } from '../../../lib/errors';
import { nextPaperNumber } from '../../../lib/paper-numbers';
import type { SignInCodes } from '../../../lib/sign-in-codes';
import { type Actor, assertHolds, coversOrgPath } from '../../../policy/policy';
import { inPathSubtree, scopeCondition } from '../../../policy/scope';
import type { ActivityService } from '../../activity/activity.service';
import { audited } from '../../audit/audit.service';
import type { MembersService } from '../../members/record/members.service';
import type { InboxService } from '../../notices/inbox.service';
import type { OrgsService } from '../../orgs/orgs.service';
import type { PositionsService } from '../../orgs/positions.service';
import type { SettingsService } from '../../settings/settings.service';
import type { UsersService } from '../../users/users.service';
import {
  alreadyEnrolled,
  audienceOrgNotUsable,
  completionNotAllowed,
  datesReversed,
  enrolmentNotActive,
  enrolmentNotOpen,
  noCertificate,
  notAMember,
  notEligible,
  notEnrolledForSignIn,
  notEnrolledMember,
  notOnRolls,
  organizerNotUsable,
  quotaBelowEnrolled,
  sessionTimesReversed,
  trainingClosedForChange,
  transitionNotAllowed,
  windowReversed,
} from './trainings.errors';
import {
  audienceHolds,
  type EnrolmentRow,
  trainingsRepository as repo,
  type SessionRow,
  type TrainingRow,
} from './trainings.repository';

export interface TrainingsDeps {
  db: Db;
  orgs: OrgsService;
  positions: Pick<PositionsService, 'titlesHeld'>;
  members: Pick<MembersService, 'placements'>;
  users: Pick<UsersService, 'memberAccounts'>;
  activity: Pick<ActivityService, 'recordMany'>;
  inbox: Pick<InboxService, 'post'>;
  settings: Pick<SettingsService, 'get'>;
  codes: SignInCodes;
}

const CURSOR = z.tuple([z.string(), RecordId()]);
const ON_ROLLS = ['active', 'lost'];
const ACTIVE = ['enrolled', 'waitlisted', 'completed'];
/** Minutes after a session's start from which a scan counts as late (迟到). */
const LATE_AFTER_MINUTES = 15;

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const hours = (n: string | number) => Number(n);
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
export const sourceIdOf = (trainingId: number) => `training:${trainingId}`;

function mapEnrolment(r: EnrolmentRow, orgNames?: Map<number, string | null>): EnrolmentResponse {
  return {
    id: r.id,
    trainingId: r.trainingId,
    member: { id: r.memberId, name: r.memberName, orgName: orgNames?.get(r.memberId) ?? null },
    status: r.status as EnrolmentStatus,
    statusLabel: ENROLMENT_STATUS_LABELS[r.status as EnrolmentStatus],
    source: r.source as EnrolmentSource,
    sourceLabel: ENROLMENT_SOURCE_LABELS[r.source as EnrolmentSource],
    seq: r.seq,
    waitlistPosition: r.waitlistPosition,
    note: r.note,
    completedAt: iso(r.completedAt),
    certificateNo: r.certificateNo,
    attended: r.attended,
    createdAt: r.createdAt.toISOString(),
  };
}

function mapSession(r: SessionRow): TrainingSessionResponse {
  return {
    id: r.id,
    trainingId: r.trainingId,
    title: r.title,
    startsAt: r.startsAt.toISOString(),
    endsAt: iso(r.endsAt),
    place: r.place,
    counts: { signed: r.signed, late: r.late, leave: r.leave, absent: r.absent },
  };
}

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

const canChange = (state: string) => state !== 'finished' && state !== 'cancelled';

export function createTrainingsService(deps: TrainingsDeps) {
  const { db, orgs, positions, members, users, activity, inbox, settings, codes } = deps;
  const today = () => localIsoDate(new Date());

  const scope = (actor: Actor) =>
    scopeCondition(actor, 'training.manage', {
      inOrgSubtree: (path) => inPathSubtree(trainings.orgPath, path),
      homeCounty: null,
      hostDistrict: null,
      memberId: null,
    });

  /** The class, if the actor manages it (404 otherwise). */
  async function managedClass(executor: Executor, actor: Actor, id: number, lock = false) {
    assertHolds(actor, 'training.manage');
    const row = await repo.findById(executor, id, scope(actor), lock);
    if (!row) throw notFound('培训班');
    return row;
  }

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

  /** Who may enrol: placement and positions of each member. */
  async function audienceOf(executor: Executor, memberIds: readonly number[]) {
    const placed = await members.placements(executor, memberIds);
    const titles = await positions.titlesHeld(
      executor,
      placed.map((p) => ({ orgId: p.orgId, name: p.name })),
      today(),
    );
    return new Map(
      placed.map((p) => [p.id, { ...p, titles: titles.get(`${p.orgId}:${p.name}`) ?? [] }] as const),
    );
  }

  /** The member record of a member's own account (member.self). */
  function ownMemberId(actor: Actor): number {
    assertHolds(actor, 'member.self');
    const id =
      actor.memberId ??
      actor.assignments.find((a) => a.role === 'member' && a.scopeKind === 'self')?.memberId ??
      null;
    if (!id) throw notAMember();
    return id;
  }

  /**
   * Places a member in the class: a place if one is left (one conditional UPDATE; concurrent
   * enrolments queue on the class's row), else the waitlist. A withdrawn enrolment is taken up
   * again at the end of the order. Returns the enrolment id and its status.
   */
  async function place(
    tx: Tx,
    training: TrainingRow,
    memberId: number,
    source: EnrolmentSource,
    by: { userId: number | null; note: string | null | undefined },
    path: string,
  ): Promise<{ id: number; status: EnrolmentStatus }> {
    // The class's row first (as every change of its places takes it): applications and
    // withdrawals queue on it, so none sees a place freed or taken half-way.
    await repo.lockClass(tx, training.id);
    const existing = await repo.enrolmentOf(tx, training.id, memberId);
    if (existing && ACTIVE.includes(existing.status))
      throw alreadyEnrolled(path, ENROLMENT_STATUS_LABELS[existing.status as EnrolmentStatus]);
    const status: EnrolmentStatus = (await repo.takePlace(tx, training.id)) ? 'enrolled' : 'waitlisted';
    const values = {
      status,
      source,
      nominatedBy: source === 'nominated' ? by.userId : null,
      note: by.note ?? null,
    };
    if (existing) {
      await repo.reviveEnrolment(tx, existing.id, values);
      return { id: existing.id, status };
    }
    try {
      return { id: await repo.insertEnrolment(tx, { trainingId: training.id, memberId, ...values }), status };
    } catch (err) {
      if (isUniqueViolation(err, 'training_enrolments_member_idx')) throw alreadyEnrolled(path, '已报名');
      throw err;
    }
  }

  /**
   * Frees the place of an enrolled member who leaves, or hands it to the first on the waitlist
   * (told in their inbox if they have an account). The class's row is locked first, so that no
   * application takes the place in between.
   */
  async function release(tx: Tx, training: TrainingRow): Promise<number | null> {
    await repo.lockClass(tx, training.id);
    const next = await repo.firstWaitlisted(tx, training.id);
    if (!next) {
      await repo.freePlace(tx, training.id);
      return null;
    }
    await repo.setEnrolment(tx, next.id, { status: 'enrolled' });
    const accounts = await users.memberAccounts(tx, [next.memberId]);
    if (accounts.length)
      await inbox.post(tx, {
        userIds: accounts.map((a) => a.userId),
        kind: 'training',
        title: `您已从候补转为正式学员：${training.title}`,
        link: '/my-trainings',
        dedupeKey: `training:${training.id}:promoted:${next.id}`,
      });
    return next.memberId;
  }

  async function enrolmentsByIds(executor: Executor, ids: readonly number[]) {
    const out: EnrolmentResponse[] = [];
    for (const id of ids) {
      const row = await repo.enrolment(executor, id);
      if (row) out.push(mapEnrolment(row));
    }
    return out;
  }

  /** The session and its class, if the actor manages the class (404 otherwise). */
  async function managedSession(executor: Executor, actor: Actor, sessionId: number, trainingId?: number) {
    assertHolds(actor, 'training.manage');
    const session = await repo.session(executor, sessionId);
    if (!session || (trainingId !== undefined && session.trainingId !== trainingId))
      throw notFound('培训课次');
    const training = await repo.findById(executor, session.trainingId, scope(actor));
    if (!training) throw notFound('培训课次');
    return { session, training };
  }

  const signInWindow = (executor: Executor) => settings.get('life.signInWindow', executor);

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

    // Enrolments

    async enrolments(actor: Actor, id: number, q: EnrolmentListQuery): Promise<EnrolmentListResponse> {
      await managedClass(db, actor, id);
      const rows = await repo.enrolments(
        db,
        id,
        q.status ? eq(trainingEnrolments.status, q.status) : undefined,
        q.cursor,
        q.limit,
      );
      const placed = await members.placements(
        db,
        rows.map((r) => r.memberId),
      );
      const orgNames = new Map(placed.map((p) => [p.id, p.orgName] as const));
      const last = rows.at(-1);
      return {
        items: rows.map((r) => mapEnrolment(r, orgNames)),
        nextCursor: rows.length === q.limit && last ? last.seq : null,
      };
    },

    /** A manager nominates members of their subtree; each gets a place or joins the waitlist, in order. */
    async nominate(actor: Actor, id: number, body: NominateBody): Promise<EnrolmentsResponse> {
      const ids = await audited(db, actor, async (tx, audit) => {
        const training = await managedClass(tx, actor, id);
        if (!['draft', 'open', 'closed'].includes(training.state))
          throw enrolmentNotOpen(
            `培训班${TRAINING_STATE_LABELS[training.state as TrainingState]}，不能再推荐学员`,
          );
        const unique = [...new Set(body.memberIds)];
        const audience = await audienceOf(tx, unique);
        const out: number[] = [];
        for (const [i, memberId] of unique.entries()) {
          const path = `memberIds.${body.memberIds.indexOf(memberId)}`;
          const m = audience.get(memberId);
          if (!m || !coversOrgPath(actor, 'training.manage', m.orgPath)) throw notFound('党员');
          if (!ON_ROLLS.includes(m.status)) throw notOnRolls(path);
          if (!inTrainingAudience(training, m.orgPath, m.titles)) throw notEligible(path);
          const placed = await place(
            tx,
            training,
            memberId,
            'nominated',
            { userId: actor.userId, note: body.note },
            path,
          );
          out.push(placed.id);
          audit({
            action: 'training.nominated',
            targetType: 'training',
            targetId: id,
            targetLabel: `${training.title} ${m.name}`,
            after: { enrolmentId: placed.id, memberId, status: placed.status, order: i + 1 },
          });
        }
        return out;
      });
      return { items: await enrolmentsByIds(db, ids) };
    },

    /** A manager withdraws an enrolled or waitlisted member; a freed place goes to the waitlist. */
    async withdraw(
      actor: Actor,
      id: number,
      enrolmentId: number,
      body: WithdrawBody,
    ): Promise<EnrolmentResponse> {
      await audited(db, actor, async (tx, audit) => {
        const training = await managedClass(tx, actor, id, true);
        const row = await repo.enrolment(tx, enrolmentId, eq(trainingEnrolments.trainingId, id), true);
        if (!row) throw notFound('报名记录');
        const promoted = await this.withdrawIn(tx, training, row, body.reason ?? null);
        audit({
          action: 'training.withdrawn',
          targetType: 'training',
          targetId: id,
          targetLabel: `${training.title} ${row.memberName}`,
          before: { enrolmentId, status: row.status },
          after: { status: 'withdrawn', reason: body.reason ?? null, promotedMemberId: promoted },
        });
      });
      const [item] = await enrolmentsByIds(db, [enrolmentId]);
      return item!;
    },

    /** Withdraws an enrolment inside the caller's transaction; returns the member moved up, if any. */
    async withdrawIn(tx: Tx, training: TrainingRow, row: EnrolmentRow, reason: string | null) {
      if (row.status !== 'enrolled' && row.status !== 'waitlisted')
        throw enrolmentNotActive(ENROLMENT_STATUS_LABELS[row.status as EnrolmentStatus]);
      await repo.setEnrolment(tx, row.id, { status: 'withdrawn', note: reason ?? row.note });
      return row.status === 'enrolled' ? release(tx, training) : null;
    },

    /**
     * Marks enrolled members completed (these, or all), optionally only those who attended at
     * least a share of the sessions: each gets the next certificate number of the year and the
     * class's study hours in the activity ledger, in one transaction.
     */
    async complete(actor: Actor, id: number, body: CompleteBody): Promise<CompleteResponse> {
      const result = await audited(db, actor, async (tx, audit) => {
        const training = await managedClass(tx, actor, id, true);
        if (!['open', 'closed', 'finished'].includes(training.state))
          throw completionNotAllowed(TRAINING_STATE_LABELS[training.state as TrainingState]);
        const rows = await repo.enrolledOf(tx, id, body.enrolmentIds);
        if (body.enrolmentIds) {
          const found = new Set(rows.map((r) => r.id));
          const missing = body.enrolmentIds.findIndex((e) => !found.has(e));
          if (missing >= 0) throw notEnrolledMember(`enrolmentIds.${missing}`);
        }
        const min = body.minAttendancePercent ?? 0;
        const sessions = training.sessions;
        const day = [training.endsOn, today()].sort()[0]!;
        const year = Number(day.slice(0, 4));
        const done: number[] = [];
        const skipped: CompleteResponse['skipped'] = [];
        const completedAt = new Date();
        for (const r of rows) {
          if (min > 0 && sessions > 0 && (r.attended * 100) / sessions < min) {
            skipped.push({ enrolmentId: r.id, memberName: r.memberName, attended: r.attended });
            continue;
          }
          const certificateNo = await nextPaperNumber(
            tx,
            {
              prefix: TRAINING_CERTIFICATE_PREFIX,
              table: 'training_enrolments',
              column: trainingEnrolments.certificateNo,
            },
            year,
          );
          await repo.setEnrolment(tx, r.id, { status: 'completed', completedAt, certificateNo });
          done.push(r.id);
          audit({
            action: 'training.completed',
            targetType: 'training',
            targetId: id,
            targetLabel: `${training.title} ${r.memberName}`,
            after: { enrolmentId: r.id, memberId: r.memberId, certificateNo },
          });
        }
        const credited = hours(training.studyHours);
        if (credited > 0)
          await activity.recordMany(
            tx,
            rows
              .filter((r) => done.includes(r.id))
              .map((r) => ({
                memberId: r.memberId,
                kind: 'study_hours' as const,
                occurredOn: day,
                quantity: credited,
                sourceModule: 'trainings',
                sourceId: sourceIdOf(id),
                title: `结业：${training.title}`,
              })),
          );
        return { done, skipped };
      });
      return { completed: await enrolmentsByIds(db, result.done), skipped: result.skipped };
    },

    /** The completed enrolment and its class, for a manager's certificate download. */
    async certificateForManager(actor: Actor, id: number, enrolmentId: number) {
      const training = await managedClass(db, actor, id);
      const row = await repo.enrolment(db, enrolmentId, eq(trainingEnrolments.trainingId, id));
      if (!row?.certificateNo) throw noCertificate();
      return { training, enrolment: row };
    },

    /** A member's own certificate. */
    async certificateForMember(actor: Actor, enrolmentId: number) {
      const memberId = ownMemberId(actor);
      const row = await repo.enrolment(db, enrolmentId, eq(trainingEnrolments.memberId, memberId));
      if (!row?.certificateNo) throw noCertificate();
      const training = await repo.findById(db, row.trainingId);
      if (!training) throw noCertificate();
      return { training, enrolment: row };
    },

    // A member's own classes

    async mine(actor: Actor): Promise<MyTrainingsResponse> {
      const memberId = ownMemberId(actor);
      const m = (await audienceOf(db, [memberId])).get(memberId);
      const now = new Date();
      const mineRows = await repo.enrolmentsOfMember(db, memberId);
      const byTraining = new Map(mineRows.map((r) => [r.trainingId, r] as const));
      const openRows = m
        ? await repo.all(db, and(eq(trainings.state, 'open'), audienceHolds(m.orgPath, m.titles)))
        : [];
      const joined = mineRows.length
        ? await repo.all(
            db,
            inArray(
              trainings.id,
              mineRows.map((r) => r.trainingId),
            ),
          )
        : [];
      const item = (t: TrainingRow): MyTrainingItem => {
        const e = byTraining.get(t.id);
        const inWindow =
          (!t.enrolOpensAt || t.enrolOpensAt <= now) && (!t.enrolClosesAt || t.enrolClosesAt >= now);
        return {
          id: t.id,
          title: t.title,
          kind: t.kind as TrainingKind,
          kindLabel: TRAINING_KIND_LABELS[t.kind as TrainingKind],
          orgName: t.orgName,
          startsOn: t.startsOn,
          endsOn: t.endsOn,
          place: t.place,
          quota: t.quota,
          enrolledCount: t.enrolledCount,
          studyHours: hours(t.studyHours),
          state: t.state as TrainingState,
          stateLabel: TRAINING_STATE_LABELS[t.state as TrainingState],
          enrolClosesAt: iso(t.enrolClosesAt),
          canApply:
            t.state === 'open' &&
            inWindow &&
            !!m &&
            ON_ROLLS.includes(m.status) &&
            (!e || !ACTIVE.includes(e.status)),
          mine: e
            ? {
                enrolmentId: e.id,
                status: e.status as EnrolmentStatus,
                statusLabel: ENROLMENT_STATUS_LABELS[e.status as EnrolmentStatus],
                waitlistPosition: e.waitlistPosition,
                certificateNo: e.certificateNo,
                completedAt: iso(e.completedAt),
              }
            : null,
        };
      };
      const sessions = await repo.sessionsOfMember(db, memberId);
      return {
        open: openRows.map(item),
        enrolments: joined.map(item),
        sessions: sessions.map((s) => ({
          id: s.id,
          trainingId: s.trainingId,
          trainingTitle: s.trainingTitle,
          title: s.title,
          startsAt: s.startsAt.toISOString(),
          endsAt: iso(s.endsAt),
          place: s.place,
          status: (s.status as MyTrainingsResponse['sessions'][number]['status']) ?? null,
        })),
      };
    },

    /** A member applies: the class is open, inside its window, and the member is in its audience. */
    async apply(actor: Actor, id: number, body: ApplyBody): Promise<EnrolmentResponse> {
      const memberId = ownMemberId(actor);
      const enrolmentId = await audited(db, actor, async (tx, audit) => {
        const m = (await audienceOf(tx, [memberId])).get(memberId);
        const training = await repo.findById(tx, id, eq(trainings.state, 'open'));
        // A class the member may not see (not open, not for them) is not found.
        if (!training || !m || !inTrainingAudience(training, m.orgPath, m.titles)) throw notFound('培训班');
        const now = new Date();
        if (training.enrolOpensAt && training.enrolOpensAt > now) throw enrolmentNotOpen('报名尚未开始');
        if (training.enrolClosesAt && training.enrolClosesAt < now) throw enrolmentNotOpen('报名已截止');
        if (!ON_ROLLS.includes(m.status)) throw notOnRolls('memberId');
        const placed = await place(
          tx,
          training,
          memberId,
          'applied',
          { userId: null, note: body.note },
          'trainingId',
        );
        audit({
          action: 'training.applied',
          targetType: 'training',
          targetId: id,
          targetLabel: `${training.title} ${m.name}`,
          after: { enrolmentId: placed.id, memberId, status: placed.status },
        });
        return placed.id;
      });
      const [item] = await enrolmentsByIds(db, [enrolmentId]);
      return item!;
    },

    /** A member withdraws their own enrolment or place on the waitlist. */
    async withdrawOwn(actor: Actor, id: number, body: WithdrawBody): Promise<EnrolmentResponse> {
      const memberId = ownMemberId(actor);
      const enrolmentId = await audited(db, actor, async (tx, audit) => {
        const [mine] = (await repo.enrolmentsOfMember(tx, memberId)).filter((r) => r.trainingId === id);
        const training = mine ? await repo.findById(tx, id) : null;
        if (!mine || !training) throw notFound('报名记录');
        await repo.lockClass(tx, id);
        const row = (await repo.enrolment(tx, mine.id, undefined, true))!;
        const promoted = await this.withdrawIn(tx, training, row, body.reason ?? null);
        audit({
          action: 'training.withdrawn',
          targetType: 'training',
          targetId: id,
          targetLabel: `${training.title} ${row.memberName}`,
          before: { enrolmentId: row.id, status: row.status },
          after: { status: 'withdrawn', reason: body.reason ?? null, promotedMemberId: promoted },
        });
        return row.id;
      });
      const [item] = await enrolmentsByIds(db, [enrolmentId]);
      return item!;
    },

    // Sessions

    async sessions(actor: Actor, id: number): Promise<TrainingSessionListResponse> {
      await managedClass(db, actor, id);
      return { items: (await repo.sessions(db, id)).map(mapSession) };
    },

    async createSession(
      actor: Actor,
      id: number,
      body: TrainingSessionCreateBody,
    ): Promise<TrainingSessionResponse> {
      const sessionId = await audited(db, actor, async (tx, audit) => {
        const training = await managedClass(tx, actor, id);
        if (!canChange(training.state))
          throw trainingClosedForChange(TRAINING_STATE_LABELS[training.state as TrainingState]);
        const values = {
          trainingId: id,
          title: body.title,
          startsAt: new Date(body.startsAt),
          endsAt: body.endsAt ? new Date(body.endsAt) : null,
          place: body.place ?? null,
        };
        if (values.endsAt && values.endsAt < values.startsAt) throw sessionTimesReversed();
        const sessionId = await repo.insertSession(tx, values);
        audit({
          action: 'training.session_created',
          targetType: 'training',
          targetId: id,
          targetLabel: `${training.title} ${values.title}`,
          after: { sessionId, ...values },
        });
        return sessionId;
      });
      return mapSession((await repo.session(db, sessionId))!);
    },

    async updateSession(
      actor: Actor,
      id: number,
      sessionId: number,
      body: TrainingSessionUpdateBody,
    ): Promise<TrainingSessionResponse> {
      await audited(db, actor, async (tx, audit) => {
        const { session, training } = await managedSession(tx, actor, sessionId, id);
        const values = {
          ...(body.title !== undefined ? { title: body.title } : {}),
          ...(body.startsAt !== undefined ? { startsAt: new Date(body.startsAt) } : {}),
          ...(body.endsAt !== undefined ? { endsAt: body.endsAt ? new Date(body.endsAt) : null } : {}),
          ...(body.place !== undefined ? { place: body.place } : {}),
        };
        const startsAt = values.startsAt ?? session.startsAt;
        const endsAt = values.endsAt === undefined ? session.endsAt : values.endsAt;
        if (endsAt && endsAt < startsAt) throw sessionTimesReversed();
        await repo.updateSession(tx, sessionId, values);
        audit({
          action: 'training.session_updated',
          targetType: 'training',
          targetId: id,
          targetLabel: `${training.title} ${session.title}`,
          before: {
            sessionId,
            title: session.title,
            startsAt: session.startsAt,
            endsAt: session.endsAt,
            place: session.place,
          },
          after: values,
        });
      });
      return mapSession((await repo.session(db, sessionId))!);
    },

    async deleteSession(actor: Actor, id: number, sessionId: number): Promise<void> {
      await audited(db, actor, async (tx, audit) => {
        const { session, training } = await managedSession(tx, actor, sessionId, id);
        await repo.deleteSession(tx, sessionId);
        audit({
          action: 'training.session_deleted',
          targetType: 'training',
          targetId: id,
          targetLabel: `${training.title} ${session.title}`,
          before: { sessionId, title: session.title, startsAt: session.startsAt },
        });
      });
    },

    async attendance(actor: Actor, sessionId: number): Promise<SessionAttendanceResponse> {
      const { session, training } = await managedSession(db, actor, sessionId);
      const rows = await repo.attendance(db, sessionId, training.id);
      return {
        session: mapSession(session),
        items: rows.map((r) => ({
          member: { id: r.memberId, name: r.memberName },
          enrolmentStatus: r.enrolmentStatus as EnrolmentStatus,
          status: (r.status as SessionAttendanceResponse['items'][number]['status']) ?? null,
          signedAt: iso(r.signedAt),
          channel: (r.channel as 'qr' | 'manual' | null) ?? null,
        })),
      };
    },

    /** Records attendance by hand for members holding a place in the class. */
    async recordAttendance(
      actor: Actor,
      sessionId: number,
      body: SessionAttendanceBody,
    ): Promise<SessionAttendanceResponse> {
      await audited(db, actor, async (tx, audit) => {
        const { session, training } = await managedSession(tx, actor, sessionId);
        const holders = new Set((await repo.attendance(tx, sessionId, training.id)).map((r) => r.memberId));
        const bad = body.records.findIndex((r) => !holders.has(r.memberId));
        if (bad >= 0) throw notEnrolledMember(`records.${bad}.memberId`);
        const at = new Date();
        await repo.upsertAttendance(
          tx,
          body.records.map((r) => ({
            sessionId,
            memberId: r.memberId,
            status: r.status,
            signedAt: r.status === 'signed' || r.status === 'late' ? at : null,
            channel: 'manual',
          })),
        );
        audit({
          action: 'training.attendance_recorded',
          targetType: 'training',
          targetId: training.id,
          targetLabel: `${training.title} ${session.title}`,
          after: { sessionId, records: body.records },
        });
      });
      return this.attendance(actor, sessionId);
    },

    /** The session's sign-in code, for the manager's screen. */
    async signInCode(actor: Actor, sessionId: number) {
      const { session } = await managedSession(db, actor, sessionId);
      return { session, code: codes.issue('session', sessionId, session.startsAt, await signInWindow(db)) };
    },

    /**
     * A member's scan: the code of this session, inside its window, by a member holding a place
     * in the class; once (a second scan answers 'already').
     */
    async signIn(actor: Actor, sessionId: number, token: string, now = new Date()): Promise<SignInResult> {
      const memberId = ownMemberId(actor);
      const session = await repo.session(db, sessionId);
      if (!session) throw notFound('培训课次');
      codes.check(token, 'session', sessionId, session.startsAt, await signInWindow(db), now);
      return audited(db, actor, async (tx, audit) => {
        const [mine] = (await repo.enrolmentsOfMember(tx, memberId)).filter(
          (r) => r.trainingId === session.trainingId && (r.status === 'enrolled' || r.status === 'completed'),
        );
        if (!mine) throw notEnrolledForSignIn();
        const title = `${session.title}`;
        const status =
          now.getTime() > session.startsAt.getTime() + LATE_AFTER_MINUTES * 60_000 ? 'late' : 'signed';
        const written = await repo.upsertAttendance(
          tx,
          [{ sessionId, memberId, status, signedAt: now, channel: 'qr' }],
          true,
        );
        if (!written) {
          const held = await repo.attendanceOf(tx, sessionId, memberId);
          return {
            outcome: 'already',
            role: 'expected',
            title,
            signedAt: (held?.signedAt ?? now).toISOString(),
          };
        }
        audit({
          action: 'training.signed_in',
          targetType: 'training',
          targetId: session.trainingId,
          targetLabel: `${title} ${mine.memberName}`,
          after: { sessionId, memberId, status },
        });
        return { outcome: status, role: 'expected', title, signedAt: now.toISOString() };
      });
    },

    /** For the demo seed and tests: a class by id, unscoped. */
    byId: (executor: Executor, id: number) => repo.findById(executor, id),
  };
}

export type TrainingsService = ReturnType<typeof createTrainingsService>;
