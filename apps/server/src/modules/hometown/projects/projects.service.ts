/** Investment projects (引进项目): list with totals, read, record, change, stage changes, yearly figures. */
import {
  PROJECT_STAGE_LABELS,
  PROJECT_STAGES,
  type ProjectCreateBody,
  type ProjectDetailResponse,
  type ProjectListQuery,
  type ProjectListResponse,
  type ProjectResponse,
  type ProjectStage,
  type ProjectStageBody,
  type ProjectUpdateBody,
  type ProjectYearsBody,
  RecordId,
} from '@ningxin/shared';
import { and, eq, like, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor, Tx } from '../../../db/client';
import { hometownProjects as projects } from '../../../db/schema';
import { decodeCursor, encodeCursor } from '../../../lib/cursor';
import { assertVersion, notFound, versionConflict } from '../../../lib/errors';
import { type Actor, assertHolds } from '../../../policy/policy';
import { inPathSubtree } from '../../../policy/scope';
import { audited } from '../../audit/audit.service';
import { type HometownAccess, likeWords, SOURCE } from '../hometown.access';
import { signedOnMissing, stageBeforeLast, stageUnchanged } from '../hometown.errors';
import { type ProjectRow, projectsRepository as repo } from './projects.repository';

const CURSOR = z.tuple([z.string().max(10), RecordId()]);

/** Whether a stage comes at or after signing: the project then has a signing day. */
const signedStage = (stage: ProjectStage) =>
  PROJECT_STAGES.indexOf(stage) >= PROJECT_STAGES.indexOf('signed');

const auditView = (r: Partial<ProjectRow> & { introducerIds?: readonly number[] }) => ({
  name: r.name,
  industry: r.industry,
  countyCode: r.countyCode,
  park: r.park,
  enterprises: r.enterprises,
  stage: r.stage,
  signedOn: r.signedOn,
  signedFen: r.signedFen,
  actualFen: r.actualFen,
  orgId: r.orgId,
  introducerIds: r.introducerIds,
});

export function createProjectsService(access: HometownAccess) {
  const { db, activity } = access;
  const readScope = (actor: Actor) =>
    access.scope(actor, 'hometown.read', projects.orgPath, projects.countyCode);
  const writeScope = (actor: Actor) =>
    access.scope(actor, 'hometown.write', projects.orgPath, projects.countyCode);

  function present(
    actor: Actor,
    r: ProjectRow,
    introducers: { id: number; name: string }[],
  ): ProjectResponse {
    const stage = r.stage as ProjectStage;
    return {
      id: r.id,
      name: r.name,
      industry: r.industry,
      county: access.county(r.countyCode),
      park: r.park,
      enterprises: r.enterprises,
      stage,
      stageLabel: PROJECT_STAGE_LABELS[stage],
      signedOn: r.signedOn,
      signedFen: r.signedFen,
      actualFen: r.actualFen,
      note: r.note,
      org: { id: r.orgId, name: r.orgName },
      introducers,
      version: r.version,
      createdAt: r.createdAt.toISOString(),
      policies: access.policies(actor, r.orgPath),
    };
  }

  /** The project if the actor may write it, locked (404 otherwise, 403 without hometown.write). */
  async function writable(tx: Tx, actor: Actor, id: number) {
    assertHolds(actor, 'hometown.write');
    const row = await repo.findById(tx, id, writeScope(actor), true);
    if (!row) throw notFound('项目');
    return row;
  }

  /**
   * The introducers' ledger entries (服务家乡, 0 fen, titled with the project): written for the
   * current ones, reversed for those no longer named.
   */
  async function syncLedger(tx: Tx, projectId: number, removed: readonly number[]) {
    const row = (await repo.findById(tx, projectId))!;
    const [stages, named] = await Promise.all([
      repo.stagesOf(tx, projectId),
      repo.introducersOf(tx, [projectId]),
    ]);
    const occurredOn = row.signedOn ?? stages[0]?.onDate ?? row.createdAt.toISOString().slice(0, 10);
    for (const memberId of removed)
      await activity.reverseFor(tx, memberId, SOURCE, `project:${projectId}:${memberId}`, 'contribution');
    for (const m of named)
      await activity.record(tx, {
        memberId: m.id,
        kind: 'contribution',
        occurredOn,
        quantity: 0,
        sourceModule: SOURCE,
        sourceId: `project:${projectId}:${m.id}`,
        title: `引进项目：${row.name}`,
      });
  }

  return {
    async list(actor: Actor, q: ProjectListQuery): Promise<ProjectListResponse> {
      const scope = readScope(actor);
      const orgPath = q.orgId ? ((await access.orgs.lookup(db, q.orgId))?.path ?? '-') : null;
      const words = q.q?.trim();
      const where = and(
        scope,
        q.countyCode ? eq(projects.countyCode, q.countyCode) : undefined,
        q.stage ? eq(projects.stage, q.stage) : undefined,
        q.year ? sql`${projects.signedOn} between ${`${q.year}-01-01`} and ${`${q.year}-12-31`}` : undefined,
        orgPath ? inPathSubtree(projects.orgPath, orgPath) : undefined,
        words
          ? or(
              like(projects.name, likeWords(words)),
              like(projects.park, likeWords(words)),
              sql`array_to_string(${projects.enterprises}, ' ') like ${likeWords(words)}`,
            )
          : undefined,
      );
      const after = q.cursor ? decodeCursor(q.cursor, CURSOR) : undefined;
      const [rows, totals] = await Promise.all([
        repo.list(db, where, after, q.limit),
        repo.totals(db, where),
      ]);
      const named = await repo.introducersOf(
        db,
        rows.map((r) => r.id),
      );
      const last = rows.at(-1);
      return {
        items: rows.map((r) =>
          present(
            actor,
            r,
            named.filter((n) => n.projectId === r.id).map(({ id, name }) => ({ id, name })),
          ),
        ),
        nextCursor: rows.length === q.limit && last ? encodeCursor([last.signedOn ?? '', last.id]) : null,
        totals,
      };
    },

    async get(actor: Actor, id: number): Promise<ProjectDetailResponse> {
      const row = await repo.findById(db, id, readScope(actor));
      if (!row) throw notFound('项目');
      const [named, stages, years] = await Promise.all([
        repo.introducersOf(db, [id]),
        repo.stagesOf(db, id),
        repo.yearsOf(db, id),
      ]);
      return {
        ...present(
          actor,
          row,
          named.map(({ id, name }) => ({ id, name })),
        ),
        stages: stages.map((s) => ({
          ...s,
          stage: s.stage as ProjectStage,
          stageLabel: PROJECT_STAGE_LABELS[s.stage as ProjectStage],
        })),
        years,
      };
    },

    async create(actor: Actor, body: ProjectCreateBody): Promise<ProjectDetailResponse> {
      const id = await audited(db, actor, async (tx, audit) => {
        assertHolds(actor, 'hometown.write');
        const org = await access.recordingOrg(tx, actor, body.orgId);
        access.checkCounty(body.countyCode);
        const signedOn = body.signedOn ?? (body.stage === 'signed' ? body.stageOn : null);
        if (signedStage(body.stage) && !signedOn) throw signedOnMissing();
        await access.readableMembers(tx, actor, body.introducerIds, (i) => `introducerIds.${i}`);
        const values = {
          name: body.name,
          industry: body.industry,
          countyCode: body.countyCode,
          park: body.park ?? null,
          enterprises: [...new Set(body.enterprises)],
          stage: body.stage,
          signedOn,
          signedFen: body.signedWan,
          actualFen: body.actualWan,
          note: body.note ?? null,
          orgId: org.id,
          orgPath: org.path,
          createdBy: actor.userId,
        };
        const id = await repo.insert(tx, values);
        await repo.addStage(tx, {
          projectId: id,
          stage: body.stage,
          onDate: body.stageOn,
          createdBy: actor.userId,
        });
        await repo.setIntroducers(tx, id, body.introducerIds);
        await syncLedger(tx, id, []);
        audit({
          action: 'hometown.project_created',
          targetType: 'hometown_project',
          targetId: id,
          targetLabel: body.name,
          after: auditView({ ...values, introducerIds: body.introducerIds }),
        });
        return id;
      });
      return this.get(actor, id);
    },

    async update(actor: Actor, id: number, body: ProjectUpdateBody): Promise<ProjectDetailResponse> {
      await audited(db, actor, async (tx, audit) => {
        const before = await writable(tx, actor, id);
        assertVersion(before, body.version);
        if (body.countyCode !== undefined) access.checkCounty(body.countyCode);
        const named = await repo.introducersOf(tx, [id]);
        // Newly named introducers must be members the actor may read; those kept stay as they are.
        const kept = new Set(named.map((n) => n.id));
        for (const [i, memberId] of (body.introducerIds ?? []).entries())
          if (!kept.has(memberId))
            await access.readableMembers(tx, actor, [memberId], () => `introducerIds.${i}`);
        const { version, signedWan, actualWan, introducerIds, enterprises, ...plain } = body;
        const values = {
          ...Object.fromEntries(Object.entries(plain).filter(([, v]) => v !== undefined)),
          ...(signedWan !== undefined ? { signedFen: signedWan } : {}),
          ...(actualWan !== undefined ? { actualFen: actualWan } : {}),
          ...(enterprises ? { enterprises: [...new Set(enterprises)] } : {}),
        } as Partial<ProjectRow>;
        const merged = { ...before, ...values };
        if (signedStage(merged.stage as ProjectStage) && !merged.signedOn) throw signedOnMissing();
        if (!(await repo.update(tx, id, version, values))) throw versionConflict();
        let removed: number[] = [];
        if (introducerIds) {
          removed = named.map((n) => n.id).filter((m) => !introducerIds.includes(m));
          await repo.setIntroducers(tx, id, introducerIds);
        }
        await syncLedger(tx, id, removed);
        audit({
          action: 'hometown.project_updated',
          targetType: 'hometown_project',
          targetId: id,
          targetLabel: merged.name,
          before: auditView({ ...before, introducerIds: named.map((n) => n.id) }),
          after: auditView({ ...values, ...(introducerIds ? { introducerIds } : {}) }),
        });
      });
      return this.get(actor, id);
    },

    async changeStage(actor: Actor, id: number, body: ProjectStageBody): Promise<ProjectDetailResponse> {
      await audited(db, actor, async (tx, audit) => {
        const before = await writable(tx, actor, id);
        assertVersion(before, body.version);
        const from = before.stage as ProjectStage;
        if (from === body.stage) throw stageUnchanged(PROJECT_STAGE_LABELS[from]);
        const last = (await repo.stagesOf(tx, id)).at(-1);
        if (last && body.onDate < last.onDate) throw stageBeforeLast(last.onDate);
        // Reaching 签约 without a signing day: the day of this change is it.
        const signedOn = before.signedOn ?? (signedStage(body.stage) ? body.onDate : null);
        if (!(await repo.update(tx, id, body.version, { stage: body.stage, signedOn })))
          throw versionConflict();
        await repo.addStage(tx, {
          projectId: id,
          stage: body.stage,
          onDate: body.onDate,
          note: body.note ?? null,
          createdBy: actor.userId,
        });
        await syncLedger(tx, id, []);
        audit({
          action: 'hometown.project_stage_changed',
          targetType: 'hometown_project',
          targetId: id,
          targetLabel: before.name,
          before: { stage: from },
          after: {
            stage: body.stage,
            onDate: body.onDate,
            ...(signedOn !== before.signedOn ? { signedOn } : {}),
          },
        });
      });
      return this.get(actor, id);
    },

    async setYears(actor: Actor, id: number, body: ProjectYearsBody): Promise<ProjectDetailResponse> {
      await audited(db, actor, async (tx, audit) => {
        const before = await writable(tx, actor, id);
        assertVersion(before, body.version);
        const old = await repo.yearsOf(tx, id);
        const rows = [...body.years]
          .sort((a, b) => a.year - b.year)
          .map((y) => ({ year: y.year, outputFen: y.outputWan, taxFen: y.taxWan, jobs: y.jobs }));
        if (!(await repo.update(tx, id, body.version, {}))) throw versionConflict();
        await repo.setYears(tx, id, rows);
        audit({
          action: 'hometown.project_years_updated',
          targetType: 'hometown_project',
          targetId: id,
          targetLabel: before.name,
          before: { years: old },
          after: { years: rows },
        });
      });
      return this.get(actor, id);
    },

    async remove(actor: Actor, id: number): Promise<void> {
      await audited(db, actor, async (tx, audit) => {
        const before = await writable(tx, actor, id);
        const named = await repo.introducersOf(tx, [id]);
        for (const m of named)
          await activity.reverseFor(tx, m.id, SOURCE, `project:${id}:${m.id}`, 'contribution');
        await repo.remove(tx, id);
        audit({
          action: 'hometown.project_deleted',
          targetType: 'hometown_project',
          targetId: id,
          targetLabel: before.name,
          before: auditView({ ...before, introducerIds: named.map((n) => n.id) }),
        });
      });
    },

    /** Files of a project (attachments, photos): read in the read scope, written in the write scope. */
    async authorizeFiles(executor: Executor, actor: Actor, id: number, access: 'read' | 'write') {
      const action = access === 'write' ? 'hometown.write' : 'hometown.read';
      const scope = access === 'write' ? writeScope(actor) : readScope(actor);
      assertHolds(actor, action);
      const row = await repo.findById(executor, id, scope);
      if (!row) throw notFound('项目');
      return { label: row.name };
    },

    /** For the demo seed and tests: a project by id, unscoped. */
    byId: (executor: Executor, id: number) => repo.findById(executor, id),
  };
}

export type ProjectsService = ReturnType<typeof createProjectsService>;
