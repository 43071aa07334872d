import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { pipeline } from 'node:stream/promises';
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
import { AppError, notFound } from '../../../lib/errors';
import { addTableSheet, createXlsxStream } from '../../../lib/excel/xlsx-writer';
import type { PdfContent } from '../../../lib/pdf/pdf-document';
import type { PdfRenderer, RenderedPdf } from '../../../lib/pdf/pdf-renderer';
import { type Actor, assertHolds, coversOrgPath, orgScope } from '../../../policy/policy';
import { scopeNamesDivisions } from '../../../policy/scope';
import { recordAudit } from '../../audit/audit.service';
import { FEEDBACK_TITLE } from '../../finding/contacts/feedback.print';
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
  feedback: Pick<FeedbackService, 'countyTotal' | 'countyPages' | 'printer'>;
  pdf: PdfRenderer;
}

/** A feedback run as kept in this instance's memory (see `runs` below). */
interface RunRecord {
  run: FeedbackRun;
  ownerId: number;
  actor: Actor;
  workbook: Buffer | null;
  /** The run's own temporary directory (the county PDFs), removed when the run is dropped. */
  dir: string | null;
  /** The county PDFs made so far, by county code. */
  pdfs: Map<string, string>;
}

/** How long a finished run (and its workbook) is kept. */
const RUN_KEPT_MS = 60 * 60 * 1000;
/** Runs kept per account (the newest). */
const RUNS_PER_USER = 5;
/** How long a county's PDF waits for the PDF service when it is busy with other prints, and how often. */
const PDF_BUSY_WAIT_MS = 1000;
const PDF_BUSY_TRIES = 120;

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
    if (r) void removeFiles(r);
  }

  async function removeFiles(r: RunRecord) {
    const dir = r.dir;
    r.dir = null;
    r.pdfs.clear();
    if (dir) await rm(dir, { recursive: true, force: true });
  }

  function prune(now = Date.now()) {
    for (const [id, r] of runs) {
      if (r.run.finishedAt && now - Date.parse(r.run.finishedAt) > RUN_KEPT_MS) drop(id);
    }
  }

  /**
   * A county's feedback PDF: one document, one record (page) a member, written to the run's
   * directory as it is made.
   */
  async function print(record: RunRecord, code: string, records: PdfContent[][], committee: string) {
    const { run } = record;
    const entry = run.counties.find((c) => c.code === code)!;
    const rendered = await render({
      committee,
      title: `${entry.name}${run.year}年度${FEEDBACK_TITLE}`,
      records,
    });
    if (!record.dir) throw new Error('the run has no directory');
    const file = path.join(record.dir, `${code}.pdf`);
    await pipeline(rendered.stream, createWriteStream(file, { mode: 0o600 }));
    record.pdfs.set(code, file);
    entry.pdfPages = rendered.pages;
    run.pdfMembersDone += records.length;
  }

  /** A county's document laid out by the PDF service, waiting while it is busy with other prints. */
  async function render(doc: Parameters<PdfRenderer['render']>[0]): Promise<RenderedPdf> {
    for (let i = 1; ; i++) {
      try {
        return await pdf.render(doc);
      } catch (err) {
        if (!(err instanceof AppError && err.code === 'PDF_BUSY') || i >= PDF_BUSY_TRIES) throw err;
        await new Promise((resolve) => setTimeout(resolve, PDF_BUSY_WAIT_MS));
      }
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
    const done = Promise.resolve();
    let printing = done;
    try {
      run.state = 'running';
      const totals = await Promise.all(counties.map((c) => feedback.countyTotal(actor, c.code)));
      run.membersTotal = totals.reduce((s, n) => s + n, 0);
      record.dir = await mkdtemp(path.join(tmpdir(), 'nx-feedback-run-'));
      const printer = feedback.printer(run.year);
      const { workbook, stream } = createXlsxStream();
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      const ended = new Promise<void>((resolve, reject) => {
        stream.on('end', resolve);
        stream.on('error', reject);
      });
      for (const [i, county] of counties.entries()) {
        const sheet = addTableSheet(workbook, county.name, FEEDBACK_SHEET.exportColumns);
        // The county's PDF pages, from the same items as its sheet's rows.
        const records: PdfContent[][] = [];
        for await (const items of feedback.countyPages(actor, run.year, county.code)) {
          for (const item of items) sheet.addRow(FEEDBACK_SHEET.exportValues(item, null)).commit();
          records.push(...(await printer.records(items)));
          run.membersDone += items.length;
          // Lets other requests in between pages: on the embedded store, whose statements run
          // one at a time, the next page's statements would otherwise always queue first.
          await nextTurn();
        }
        sheet.commit();
        const entry = run.counties[i]!;
        entry.members = records.length;
        run.countiesDone += 1;
        // The county's PDF is laid out (in the PDF service's worker thread) while the next
        // county's rows are read; one at a time, so the run holds two counties' pages at most.
        await printing;
        printing = records.length ? print(record, county.code, records, printer.committee()) : done;
        printing.catch(() => {});
      }
      await printing;
      await workbook.commit();
      await ended;
      record.workbook = Buffer.concat(chunks);
      run.state = 'done';
    } catch (err) {
      run.state = 'failed';
      run.error = '生成失败，请重新开始';
      await printing.catch(() => {});
      for (const c of run.counties) c.pdfPages = null;
      await removeFiles(record);
      throw err;
    } finally {
      run.finishedAt = new Date().toISOString();
      // The files go when the run is kept no longer, even if nobody asks for runs again.
      setTimeout(() => {
        if (runs.get(run.id) === record) drop(run.id);
      }, RUN_KEPT_MS + 1000).unref();
    }
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
        execute(record).catch(onError);
      });
      return copy(run);
    },

    /** Drops every run and removes their files (the server is closing). */
    async dropRuns(): Promise<void> {
      const all = [...runs.values()];
      runs.clear();
      await Promise.all(all.map(removeFiles));
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
