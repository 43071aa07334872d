/**
 * A printed document as the callers describe it, and the page layout every document shares:
 * A4, margins, the committee's name at the top of each page, 第 1 页 / 共 N 页 at the bottom,
 * one record (a member's form, a letter, a certificate) per run of pages.
 *
 * Content is pdfmake's document content, as plain data (no functions): it crosses to the
 * renderer's worker thread. Build it with the blocks of pdf-blocks.ts.
 */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { FONT_FAMILY } from './pdf-fonts';

export type PdfContent = Content;

export interface PdfDocument {
  /** The committee's name, at the top of every page: the root org's name, passed in by the caller. */
  committee: string;
  /** The document's title, kept in the file's properties (a page shows the titles its blocks give). */
  title: string;
  /** The records: each begins on a new page and may run over several. At least one. */
  records: PdfContent[][];
}

/** A4 in points, and the margins (about 2 cm at the sides). */
export const PAGE = {
  width: 595.28,
  height: 841.89,
  margin: { left: 56, top: 72, right: 56, bottom: 56 },
} as const;
/** The width the content has between the side margins. */
export const CONTENT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;

/** The page number line; the worker puts the numbers in. */
export const PAGE_NUMBER_TEMPLATE = '第 {page} 页 / 共 {pages} 页';

/** Table layouts the worker registers (pdfmake's layouts are functions, so they live there). */
export const TABLE_LAYOUTS = { form: 'nx-form', data: 'nx-data' } as const;

/** The page number line as data: its text has {page} and {pages} in it. */
export interface FooterTemplate {
  template: string;
  fontSize: number;
  color: string;
  margin: [number, number, number, number];
}

/** What the worker lays out: the document without its footer (a function there), and the footer. */
export interface LayoutJob {
  definition: TDocumentDefinitions;
  footer: FooterTemplate;
}

export const TEXT_COLOR = '#1f1f1f';
export const MUTED_COLOR = '#595959';

/** The document's layout, for the worker. */
export function layoutJob(doc: PdfDocument): LayoutJob {
  if (doc.records.length === 0) throw new Error('a document needs at least one record');
  const { left, top, right, bottom } = PAGE.margin;
  return {
    definition: {
      pageSize: 'A4',
      pageMargins: [left, top, right, bottom],
      info: { title: doc.title, author: doc.committee, creator: 'Ningxin', producer: 'Ningxin' },
      language: 'zh-CN',
      header: {
        margin: [left, 28, right, 0],
        stack: [
          { text: doc.committee, fontSize: 9, color: MUTED_COLOR, alignment: 'center' },
          {
            canvas: [
              { type: 'line', x1: 0, y1: 4, x2: CONTENT_WIDTH, y2: 4, lineWidth: 0.5, lineColor: '#8c8c8c' },
            ],
          },
        ],
      },
      content: doc.records.map((blocks, i) => ({
        stack: blocks,
        ...(i > 0 ? { pageBreak: 'before' as const } : {}),
      })),
      defaultStyle: { font: FONT_FAMILY, fontSize: 10.5, lineHeight: 1.25, color: TEXT_COLOR },
    },
    footer: { template: PAGE_NUMBER_TEMPLATE, fontSize: 9, color: MUTED_COLOR, margin: [left, 20, right, 0] },
  };
}

/** The footer's text for a page. */
export const pageNumberText = (template: string, page: number, pages: number) =>
  template.replace('{page}', String(page)).replace('{pages}', String(pages));
