/**
 * The annual statistical report as a formatted workbook (lib/excel, exceljs): each table a sheet
 * with a title row, a line naming the unit, the year and the date, merged headers, borders,
 * column widths, and print setup (A4 landscape, fit to one page wide, header rows repeated).
 */
import type ExcelJS from 'exceljs';
import type { StreamingWorkbook } from '../../../lib/excel/xlsx-writer';
import {
  CHANGE_COLUMNS,
  type ChangeTableRow,
  ORG_TABLE_HEADERS,
  type OrgTableRow,
  type Section,
} from './reports.annual-figures';

export const SHEET_BASIC = '党员基本情况';
export const SHEET_CHANGES = '党员变动情况';
export const SHEET_ORGS = '党组织基本情况';

export interface AnnualReport {
  year: number;
  /** Who the report covers (the committee, an org, a county's members). */
  unit: string;
  /** The date it was made (YYYY-MM-DD). */
  madeOn: string;
  basic: { total: number; sections: Section[] };
  changes: ChangeTableRow[];
  /** Null where the actor's scope is not an org subtree (a county or district viewer). */
  orgs: OrgTableRow[] | null;
}

const THIN: ExcelJS.Border = { style: 'thin', color: { argb: 'FF000000' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEAD_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
const CENTER: Partial<ExcelJS.Alignment> = { horizontal: 'center', vertical: 'middle', wrapText: true };

function newSheet(workbook: StreamingWorkbook, name: string, widths: number[], headerRows: number) {
  const sheet = workbook.addWorksheet(name, {
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitlesRow: `3:${2 + headerRows}`,
    },
    views: [{ state: 'frozen', ySplit: 2 + headerRows }],
  });
  sheet.columns = widths.map((width) => ({ width }));
  return sheet;
}

/** The title (row 1) and the unit line (row 2), merged across the table's width. */
function titleRows(sheet: ExcelJS.Worksheet, title: string, report: AnnualReport, width: number) {
  const t = sheet.getRow(1);
  t.getCell(1).value = `${report.year}年度${title}`;
  t.getCell(1).font = { bold: true, size: 16 };
  t.getCell(1).alignment = CENTER;
  t.height = 30;
  sheet.mergeCells(1, 1, 1, width);
  t.commit();
  const u = sheet.getRow(2);
  u.getCell(1).value = `填报单位：${report.unit}　　统计年度：${report.year}年　　制表日期：${report.madeOn}`;
  u.getCell(1).alignment = { horizontal: 'left', vertical: 'middle' };
  sheet.mergeCells(2, 1, 2, width);
  u.commit();
}

function styleRow(row: ExcelJS.Row, width: number, head = false) {
  for (let c = 1; c <= width; c++) {
    const cell = row.getCell(c);
    cell.border = BORDER;
    cell.alignment = c === 1 && !head ? { vertical: 'middle', wrapText: true } : CENTER;
    if (head) {
      cell.font = { bold: true };
      cell.fill = HEAD_FILL;
    }
  }
}

/** 党员基本情况: 项目 | 类别 | 人数 | 占比, the 项目 cell merged down its categories. */
function basicSheet(workbook: StreamingWorkbook, report: AnnualReport) {
  const sheet = newSheet(workbook, SHEET_BASIC, [14, 18, 12, 12], 1);
  titleRows(sheet, SHEET_BASIC, report, 4);
  const head = sheet.getRow(3);
  head.values = ['项目', '类别', '人数', '占比'];
  head.height = 22;
  styleRow(head, 4, true);
  head.commit();
  const total = report.basic.total;
  const share = (n: number) => (total > 0 ? n / total : 0);
  let r = 4;
  const line = (values: unknown[], bold = false) => {
    const row = sheet.getRow(r++);
    row.values = values as ExcelJS.CellValue[];
    styleRow(row, 4);
    row.getCell(4).numFmt = '0.0%';
    if (bold) row.font = { bold: true };
    return row;
  };
  line(['党员总数', '合计', total, share(total)], true).commit();
  for (const section of report.basic.sections) {
    const first = r;
    const rows = section.rows.map((c) => line([section.title, c.name, c.n, share(c.n)]));
    if (rows.length > 1) sheet.mergeCells(first, 1, r - 1, 1);
    for (const row of rows) row.commit();
  }
  const note = sheet.getRow(r + 1);
  note.getCell(1).value =
    '说明：统计在册（含失联）党员；年龄、党龄按统计年度末计算（年度减出生年份、入党年份）；占比为占党员总数的比例。';
  sheet.mergeCells(r + 1, 1, r + 1, 4);
  note.commit();
  sheet.commit();
}

/** 党员变动情况: two header rows (增加 / 恢复 / 减少 over their columns), a row per second-level committee. */
function changesSheet(workbook: StreamingWorkbook, report: AnnualReport) {
  const width = CHANGE_COLUMNS.length + 1;
  const sheet = newSheet(workbook, SHEET_CHANGES, [28, ...CHANGE_COLUMNS.map(() => 11)], 2);
  titleRows(sheet, SHEET_CHANGES, report, width);
  const h1 = sheet.getRow(3);
  const h2 = sheet.getRow(4);
  h1.getCell(1).value = '单位';
  CHANGE_COLUMNS.forEach((c, i) => {
    h1.getCell(i + 2).value = c.group;
    h2.getCell(i + 2).value = c.name;
  });
  styleRow(h1, width, true);
  styleRow(h2, width, true);
  sheet.mergeCells(3, 1, 4, 1);
  let start = 0;
  CHANGE_COLUMNS.forEach((c, i) => {
    const next = CHANGE_COLUMNS[i + 1];
    if (!next || next.group !== c.group) {
      if (i > start) sheet.mergeCells(3, start + 2, 3, i + 2);
      start = i + 1;
    }
  });
  h1.commit();
  h2.commit();
  let r = 5;
  for (const row of report.changes) {
    const x = sheet.getRow(r++);
    x.values = [row.name, ...row.values];
    styleRow(x, width);
    if (row.name === '合计') x.font = { bold: true };
    x.commit();
  }
  const note = sheet.getRow(r + 1);
  note.getCell(1).value =
    '说明：按状态变更的生效日期统计本年度内的变动，单位按党员现所在组织归属；增加为本年度新入库党员（按来源分列），恢复在册为由失联、停止党籍、转出或返乡恢复为在册。';
  sheet.mergeCells(r + 1, 1, r + 1, width);
  note.commit();
  sheet.commit();
}

/** 党组织基本情况: orgs by kind and members by the kind of org they are placed in, per second-level committee. */
function orgsSheet(workbook: StreamingWorkbook, report: AnnualReport, rows: OrgTableRow[]) {
  const width = 9;
  const sheet = newSheet(workbook, SHEET_ORGS, [28, 12, 11, 11, 11, 11, 11, 11, 11], 2);
  titleRows(sheet, SHEET_ORGS, report, width);
  const h1 = sheet.getRow(3);
  const h2 = sheet.getRow(4);
  h1.getCell(1).value = '单位';
  h1.getCell(2).value = '党组织数（个）';
  h1.getCell(6).value = '党员数（人）';
  ORG_TABLE_HEADERS.orgs.forEach((name, i) => {
    h2.getCell(i + 2).value = name;
  });
  ORG_TABLE_HEADERS.members.forEach((name, i) => {
    h2.getCell(i + 6).value = name;
  });
  styleRow(h1, width, true);
  styleRow(h2, width, true);
  sheet.mergeCells(3, 1, 4, 1);
  sheet.mergeCells(3, 2, 3, 5);
  sheet.mergeCells(3, 6, 3, 9);
  h1.commit();
  h2.commit();
  let r = 5;
  for (const row of rows) {
    const x = sheet.getRow(r++);
    x.values = [row.name, ...row.orgs, ...row.members];
    styleRow(x, width);
    if (row.name === '合计') x.font = { bold: true };
    x.commit();
  }
  const note = sheet.getRow(r + 1);
  note.getCell(1).value =
    '说明：党组织数为未撤销的组织；党员数为在册（含失联）党员，按其直接所在组织的类别分列（党委直属指直接编入流动党委或二级流动党委的党员）。';
  sheet.mergeCells(r + 1, 1, r + 1, width);
  note.commit();
  sheet.commit();
}

/** Writes the workbook and commits it. */
export async function writeAnnualReport(workbook: StreamingWorkbook, report: AnnualReport): Promise<void> {
  basicSheet(workbook, report);
  changesSheet(workbook, report);
  if (report.orgs) orgsSheet(workbook, report, report.orgs);
  await workbook.commit();
}
