/**
 * A feedback run's execution: the whole committee's feedback workbook, one sheet a home county,
 * and each county's feedback PDF, written to the run's own temporary directory (see README.md,
 * "The feedback run"). The runs themselves are kept by reports.service.ts.
 */

import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { CITIES, type FeedbackRun } from '@ningxin/shared';
import { AppError } from '../../../lib/errors';
import { addTableSheet, createXlsxStream } from '../../../lib/excel/xlsx-writer';
import type { PdfContent } from '../../../lib/pdf/pdf-document';
import type { PdfRenderer, RenderedPdf } from '../../../lib/pdf/pdf-renderer';
import type { Actor } from '../../../policy/policy';
import { FEEDBACK_TITLE } from '../../finding/contacts/feedback.print';
import { FEEDBACK_SHEET } from '../../finding/contacts/feedback.sheet';
import type { ReportsDeps } from './reports.service';

type FeedbackRunDeps = Pick<ReportsDeps, 'homeCity' | 'feedback' | 'pdf'>;

/** A feedback run as kept in this instance's memory (see `runs` in reports.service.ts). */
export interface RunRecord {
  run: FeedbackRun;
  ownerId: number;
  actor: Actor;
  workbook: Buffer | null;
  /** The run's own temporary directory (the county PDFs), removed when the run is dropped. */
  dir: string | null;
  /** The county PDFs made so far, by county code. */
  pdfs: Map<string, string>;
}

/** How long a county's PDF waits for the PDF service when it is busy with other prints, and how often. */
const PDF_BUSY_WAIT_MS = 1000;
const PDF_BUSY_TRIES = 120;

/**
 * Makes the run's workbook and county PDFs, county by county, updating the run's progress as it
 * goes; on failure the run answers `failed` and its files are removed, and the error is thrown on.
 */
export async function executeFeedbackRun(record: RunRecord, { homeCity, feedback, pdf }: FeedbackRunDeps) {
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
      printing = records.length ? print(pdf, record, county.code, records, printer.committee()) : done;
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
    await removeRunFiles(record);
    throw err;
  } finally {
    run.finishedAt = new Date().toISOString();
  }
}

/**
 * A county's feedback PDF: one document, one record (page) a member, written to the run's
 * directory as it is made.
 */
async function print(
  pdf: PdfRenderer,
  record: RunRecord,
  code: string,
  records: PdfContent[][],
  committee: string,
) {
  const { run } = record;
  const entry = run.counties.find((c) => c.code === code)!;
  const rendered = await render(pdf, {
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
async function render(pdf: PdfRenderer, doc: Parameters<PdfRenderer['render']>[0]): Promise<RenderedPdf> {
  for (let i = 1; ; i++) {
    try {
      return await pdf.render(doc);
    } catch (err) {
      if (!(err instanceof AppError && err.code === 'PDF_BUSY') || i >= PDF_BUSY_TRIES) throw err;
      await new Promise((resolve) => setTimeout(resolve, PDF_BUSY_WAIT_MS));
    }
  }
}

/** Removes a run's files (its directory of county PDFs). */
export async function removeRunFiles(r: RunRecord) {
  const dir = r.dir;
  r.dir = null;
  r.pdfs.clear();
  if (dir) await rm(dir, { recursive: true, force: true });
}
