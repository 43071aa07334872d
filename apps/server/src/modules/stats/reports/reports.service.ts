import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { PassThrough } from 'node:stream';
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
import type { PdfRenderer } from '../../../lib/pdf/pdf-renderer';
import { type Actor, assertHolds, coversOrgPath, orgScope } from '../../../policy/policy';
import { scopeNamesDivisions } from '../../../policy/scope';
import { recordAudit } from '../../audit/audit.service';
import { FEEDBACK_TITLE } from '../../finding/contacts/feedback.print';
import type { FeedbackService } from '../../finding/contacts/feedback.service';
import type { MemberReportFigures } from '../../members/counts/members.report';
import type { OrgsService } from '../../orgs/orgs.service';
import { basicSections, changeTable, orgTable, type ReportOrg } from './reports.annual-figures';
import { type AnnualReport, writeAnnualReport } from './reports.annual-sheet';
import { runNotDone, runNotFound, tooManyRuns } from './reports.errors';
import { executeFeedbackRun, type RunRecord, removeRunFiles } from './reports.feedback-run';

export interface ReportsDeps {
  db: Db;
  homeCity: string;
  figures: MemberReportFigures;
  orgs: Pick<OrgsService, 'lookup' | 'lookupMany' | 'idsInSubtrees' | 'topCommittee'>;
  feedback: Pick<FeedbackService, 'countyTotal' | 'countyPages' | 'printer'>;
  pdf: PdfRenderer;
}

/** How long a finished run (and its workbook) is kept. */
const RUN_KEPT_MS = 60 * 60 * 1000;
/** Runs kept per account (the newest). */
const RUNS_PER_USER = 5;

export function createReportsService({ db, homeCity, figures, orgs, feedback, pdf }: ReportsDeps) {
  /**
   * The whole-committee feedback runs, in this instance's memory. Why not a table: a run is a
   * convenience the office starts and downloads within minutes, cheap to start again; keeping it
   * in memory needs no migration and leaves no personal data behind (the workbook lists every
   * member of the scope: it is dropped an hour after the run ends, or when the process restarts).
   * With several instances behind a balancer a run is read back from the instance that made it
   * only (sticky sessions), else 404 and the user starts it again.
   */
  const runs = new Map<string, RunRecord>();

  /** Forgets a run and removes its files. */
  function drop(id: string) {
    const r = runs.get(id);
    runs.delete(id);
    if (r) void removeRunFiles(r);
  }

  function prune(now = Date.now()) {
    for (const [id, r] of runs) {
      if (r.run.finishedAt && now - Date.parse(r.run.finishedAt) > RUN_KEPT_MS) drop(id);
    }
  }

  function ownRun(actor: Actor, id: string): RunRecord {
    assertHolds(actor, 'feedback.read');
    prune();
    const r = runs.get(id);
    if (!r || r.ownerId !== actor.userId) throw runNotFound();
    return r;
  }

  /** A run as answered: a copy (the run goes on changing). */
  const copy = (run: FeedbackRun): FeedbackRun => ({ ...run, counties: run.counties.map((c) => ({ ...c })) });

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
      for (const old of mine.slice(0, Math.max(0, mine.length - RUNS_PER_USER + 1))) drop(old.run.id);
      const run: FeedbackRun = {
        id: randomUUID(),
        year: body.year,
        state: 'queued',
        countiesDone: 0,
        countiesTotal: CITIES[homeCity]?.divisions.length ?? 0,
        membersDone: 0,
        membersTotal: 0,
        pdfMembersDone: 0,
        counties: (CITIES[homeCity]?.divisions ?? []).map((c) => ({
          code: c.code,
          name: c.name,
          members: 0,
          pdfPages: null,
        })),
        startedAt: new Date().toISOString(),
        finishedAt: null,
        error: null,
      };
      const record: RunRecord = {
        run,
        ownerId: actor.userId,
        actor,
        workbook: null,
        dir: null,
        pdfs: new Map(),
      };
      runs.set(run.id, record);
      setImmediate(() => {
        executeFeedbackRun(record, { homeCity, feedback, pdf })
          .finally(() => {
            // The files go when the run is kept no longer, even if nobody asks for runs again.
            setTimeout(() => {
              if (runs.get(run.id) === record) drop(run.id);
            }, RUN_KEPT_MS + 1000).unref();
          })
          .catch(onError);
      });
      return copy(run);
    },

    /** Drops every run and removes their files (the server is closing). */
    async dropRuns(): Promise<void> {
      const all = [...runs.values()];
      runs.clear();
      await Promise.all(all.map(removeRunFiles));
    },

    /** The actor's own runs, newest first. */
    feedbackRuns(actor: Actor): FeedbackRun[] {
      assertHolds(actor, 'feedback.read');
      prune();
      return [...runs.values()]
        .filter((r) => r.ownerId === actor.userId)
        .map((r) => copy(r.run))
        .reverse();
    },

    feedbackRun(actor: Actor, id: string): FeedbackRun {
      return copy(ownRun(actor, id).run);
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

    /**
     * A county's feedback PDF of the run (one page a member, as the county's sheet lists them),
     * once made: a county of the home city the run has no member of answers 404, like one that
     * is not the home city's; audited as an export before it is sent.
     */
    async feedbackCountyPdf(actor: Actor, id: string, county: string) {
      const r = ownRun(actor, id);
      const entry = r.run.counties.find((c) => c.code === county);
      if (!entry) throw notFound('县区');
      const file = r.pdfs.get(county);
      if (!file || entry.pdfPages === null) {
        // A county whose rows are read and hold nobody has no PDF; nor has a failed run.
        const read = r.run.state === 'done' || r.run.counties.indexOf(entry) < r.run.countiesDone;
        if ((read && entry.members === 0) || r.run.state === 'failed') throw notFound('县区反馈表');
        throw runNotDone();
      }
      await recordAudit(db, actor, {
        action: 'stats.feedback_pdf_exported',
        targetType: 'county',
        targetId: county,
        targetLabel: `${entry.name}${r.run.year}年度${FEEDBACK_TITLE}`,
        after: { year: r.run.year, members: entry.members, pages: entry.pdfPages },
      });
      return {
        stream: createReadStream(file),
        pages: entry.pdfPages,
        fileName: `${FEEDBACK_TITLE}_${entry.name}_${r.run.year}.pdf`,
        asciiName: `feedback-${county}-${r.run.year}.pdf`,
      };
    },
  };
}

export type ReportsService = ReturnType<typeof createReportsService>;
