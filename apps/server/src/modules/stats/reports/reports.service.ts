import { randomUUID } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import {
  type AnnualReportQuery,
  CITIES,
  divisionName,
  type FeedbackRun,
  type FeedbackRunBody,
  localIsoDate,
  ROLE_ACTIONS,
} from '@ningxin/shared';
import type { Db } from '../../../db/client';
import type { PreparedExport } from '../../../lib/downloads';
import { notFound } from '../../../lib/errors';
import { addTableSheet, createXlsxStream } from '../../../lib/excel/xlsx-writer';
import { type Actor, assertHolds, coversOrgPath, orgScope } from '../../../policy/policy';
import { scopeNamesDivisions } from '../../../policy/scope';
import { recordAudit } from '../../audit/audit.service';
import type { FeedbackService } from '../../finding/contacts/feedback.service';
import { FEEDBACK_SHEET } from '../../finding/contacts/feedback.sheet';
import type { MemberReportFigures } from '../../members/counts/members.report';
import type { OrgsService } from '../../orgs/orgs.service';
import { basicSections, changeTable, orgTable, type ReportOrg } from './reports.annual-figures';
import { type AnnualReport, writeAnnualReport } from './reports.annual-sheet';
import { runNotDone, runNotFound, tooManyRuns } from './reports.errors';

export interface ReportsDeps {
  db: Db;
  homeCity: string;
  figures: MemberReportFigures;
  orgs: Pick<OrgsService, 'lookup' | 'lookupMany' | 'idsInSubtrees' | 'topCommittee'>;
  feedback: Pick<FeedbackService, 'countyTotal' | 'countyPages'>;
}

/** A feedback run as kept in this instance's memory (see `runs` below). */
interface RunRecord {
  run: FeedbackRun;
  ownerId: number;
  actor: Actor;
  workbook: Buffer | null;
}

/** How long a finished run (and its workbook) is kept. */
const RUN_KEPT_MS = 60 * 60 * 1000;
/** Runs kept per account (the newest). */
const RUNS_PER_USER = 5;

export function createReportsService({ db, homeCity, figures, orgs, feedback }: ReportsDeps) {
  /**
   * The whole-committee feedback runs, in this instance's memory. Why not a table: a run is a
   * convenience the office starts and downloads within minutes, cheap to start again; keeping it
   * in memory needs no migration and leaves no personal data behind (the workbook lists every
   * member of the scope: it is dropped an hour after the run ends, or when the process restarts).
   * With several instances behind a balancer a run is read back from the instance that made it
   * only (sticky sessions), else 404 and the user starts it again.
   */
  const runs = new Map<string, RunRecord>();

  function prune(now = Date.now()) {
    for (const [id, r] of runs) {
      if (r.run.finishedAt && now - Date.parse(r.run.finishedAt) > RUN_KEPT_MS) runs.delete(id);
    }
  }

  function ownRun(actor: Actor, id: string): RunRecord {
    assertHolds(actor, 'feedback.read');
    prune();
    const r = runs.get(id);
    if (!r || r.ownerId !== actor.userId) throw runNotFound();
    return r;
  }

  async function execute(record: RunRecord) {
    const { run, actor } = record;
    const counties = CITIES[homeCity]?.divisions ?? [];
    try {
      run.state = 'running';
      const totals = await Promise.all(counties.map((c) => feedback.countyTotal(actor, c.code)));
      run.membersTotal = totals.reduce((s, n) => s + n, 0);
      const { workbook, stream } = createXlsxStream();
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      const ended = new Promise<void>((resolve, reject) => {
        stream.on('end', resolve);
        stream.on('error', reject);
      });
      for (const county of counties) {
        const sheet = addTableSheet(workbook, county.name, FEEDBACK_SHEET.exportColumns);
        for await (const items of feedback.countyPages(actor, run.year, county.code)) {
          for (const item of items) sheet.addRow(FEEDBACK_SHEET.exportValues(item, null)).commit();
          run.membersDone += items.length;
          // Lets other requests in between pages: on the embedded store, whose statements run
          // one at a time, the next page's statements would otherwise always queue first.
          await nextTurn();
        }
        sheet.commit();
        run.countiesDone += 1;
      }
      await workbook.commit();
      await ended;
      record.workbook = Buffer.concat(chunks);
      run.state = 'done';
    } catch (err) {
      run.state = 'failed';
      run.error = '生成失败，请重新开始';
      throw err;
    } finally {
      run.finishedAt = new Date().toISOString();
    }
  }

  /** The report's unit: the org asked for, else the actor's scope in words. */
  function unitOf(actor: Actor, rootOrgs: readonly ReportOrg[]): string {
    if (rootOrgs.length) return rootOrgs.map((o) => o.name).join('、');
    const parts = actor.assignments
      .filter((a) => ROLE_ACTIONS[a.role].includes('stats.read') && a.division)
      .map((a) =>
        a.scopeKind === 'home'
          ? `${divisionName(a.division!) ?? a.division}籍党员`
          : `居住在${divisionName(a.division!) ?? a.division}的党员`,
      );
    return [...new Set(parts)].join('、') || '管理范围内党员';
  }

  return {
    /**
     * The annual report (年度党内统计) of the year, over the actor's `stats.read` scope or one org's
     * subtree within it; audited before a byte is written. The org sheet is made for an actor
     * whose scope is the org tree (the office, a secretary); a county or district viewer's scope
     * is members, not orgs, so their workbook has the two member sheets only.
     */
    async annual(actor: Actor, q: AnnualReportQuery): Promise<PreparedExport> {
      assertHolds(actor, 'stats.read');
      const byDivision = scopeNamesDivisions(actor, 'stats.read');
      let asked: ReportOrg | null = null;
      if (q.orgId !== undefined) {
        const org = await orgs.lookup(db, q.orgId);
        if (!org || !(coversOrgPath(actor, 'stats.read', org.path) || byDivision)) throw notFound('组织');
        asked = org;
      }
      const scope = orgScope(actor, 'stats.read');
      let roots: ReportOrg[];
      if (asked) roots = coversOrgPath(actor, 'stats.read', asked.path) ? [asked] : [];
      else if (scope.all) {
        const top = await orgs.topCommittee(db);
        roots = top ? [top] : [];
      } else {
        const ids = scope.paths.map((p) => Number(p.split('.').at(-1)));
        roots = await orgs.lookupMany(db, ids);
      }
      const orgPath = asked?.path ?? null;
      const [profile, changes, byOrg, inScopeIds] = await Promise.all([
        figures.profile(actor, orgPath),
        figures.changes(actor, q.year, orgPath),
        figures.byOrg(actor, orgPath),
        roots.length
          ? orgs.idsInSubtrees(
              db,
              roots.map((r) => r.path),
            )
          : Promise.resolve([] as number[]),
      ]);
      // Every org the tables name, and their ancestors (to find each one's second-level committee).
      const named = await orgs.lookupMany(db, [
        ...new Set([...inScopeIds, ...changes.map((c) => c.orgId), ...byOrg.map((b) => b.orgId)]),
      ]);
      const ancestorIds = new Set(named.flatMap((o) => o.path.split('.').map(Number)));
      const known = new Set(named.map((o) => o.id));
      const ancestors = await orgs.lookupMany(
        db,
        [...ancestorIds].filter((id) => !known.has(id)),
      );
      const byId = new Map<number, ReportOrg>([...named, ...ancestors].map((o) => [o.id, o]));
      const inScope = new Set(inScopeIds);
      const report: AnnualReport = {
        year: q.year,
        unit: asked && !roots.length ? `${unitOf(actor, [])}（${asked.name}）` : unitOf(actor, roots),
        madeOn: localIsoDate(new Date()),
        basic: basicSections(profile, q.year),
        changes: changeTable(changes, byId),
        orgs: roots.length
          ? orgTable(
              named.filter((o) => inScope.has(o.id)),
              byId,
              byOrg,
            )
          : null,
      };
      await recordAudit(db, actor, {
        action: 'stats.annual_report_exported',
        targetType: 'report',
        ...(asked ? { targetId: asked.id } : {}),
        targetLabel: report.unit,
        after: { year: q.year, orgId: q.orgId ?? null, members: report.basic.total },
      });
      return {
        fileName: `${q.year}年度党内统计_${asked?.name ?? '全部'}.xlsx`,
        asciiName: `annual-report-${q.year}.xlsx`,
        write: (workbook) => writeAnnualReport(workbook, report),
      };
    },

    /** Starts the whole committee's feedback workbook (the actor's `feedback.read` scope); answers at once. */
    startFeedbackRun(actor: Actor, body: FeedbackRunBody, onError: (err: unknown) => void): FeedbackRun {
      assertHolds(actor, 'feedback.read');
      prune();
      const mine = [...runs.values()].filter((r) => r.ownerId === actor.userId);
      if (mine.some((r) => r.run.state === 'queued' || r.run.state === 'running')) throw tooManyRuns();
      for (const old of mine.slice(0, Math.max(0, mine.length - RUNS_PER_USER + 1))) runs.delete(old.run.id);
      const run: FeedbackRun = {
        id: randomUUID(),
        year: body.year,
        state: 'queued',
        countiesDone: 0,
        countiesTotal: CITIES[homeCity]?.divisions.length ?? 0,
        membersDone: 0,
        membersTotal: 0,
        startedAt: new Date().toISOString(),
        finishedAt: null,
        error: null,
      };
      const record: RunRecord = { run, ownerId: actor.userId, actor, workbook: null };
      runs.set(run.id, record);
      setImmediate(() => {
        execute(record).catch(onError);
      });
      return { ...run };
    },

    /** The actor's own runs, newest first. */
    feedbackRuns(actor: Actor): FeedbackRun[] {
      assertHolds(actor, 'feedback.read');
      prune();
      return [...runs.values()]
        .filter((r) => r.ownerId === actor.userId)
        .map((r) => ({ ...r.run }))
        .reverse();
    },

    feedbackRun(actor: Actor, id: string): FeedbackRun {
      return { ...ownRun(actor, id).run };
    },

    /** The finished workbook, audited as an export before it is sent. */
    async feedbackWorkbook(actor: Actor, id: string) {
      const r = ownRun(actor, id);
      if (r.run.state !== 'done' || !r.workbook) throw runNotDone();
      await recordAudit(db, actor, {
        action: 'stats.feedback_workbook_exported',
        targetType: 'feedback_run',
        targetLabel: `${r.run.year}年度现实表现反馈汇总`,
        after: { year: r.run.year, members: r.run.membersDone, counties: r.run.countiesDone },
      });
      const stream = new PassThrough();
      stream.end(r.workbook);
      return {
        stream,
        fileName: `${r.run.year}年度现实表现反馈汇总.xlsx`,
        asciiName: `feedback-${r.run.year}.xlsx`,
      };
    },
  };
}

export type ReportsService = ReturnType<typeof createReportsService>;
