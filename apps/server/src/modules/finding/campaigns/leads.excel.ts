/**
 * Leads in spreadsheets: the template, the import (validated whole first, then all rows written in
 * one transaction or none, with a row-by-row Chinese report) and the export, all from LEAD_SHEET.
 */

import type { PassThrough } from 'node:stream';
import {
  CITIES,
  type ImportError,
  type ImportReport,
  LEAD_SOURCE_LABELS,
  LeadImportRow,
  parseIdNumber,
} from '@ningxin/shared';
import type ExcelJS from 'exceljs';
import type { Config } from '../../../config';
import type { Db } from '../../../db/client';
import { cellText } from '../../../lib/excel/cells';
import { BadWorkbookError, HeaderNotFoundError, openTable } from '../../../lib/excel/table-reader';
import { addTableSheet, drained, type StreamingWorkbook } from '../../../lib/excel/xlsx-writer';
import type { FieldCrypto } from '../../../lib/field-crypto';
import type { OnProgress } from '../../../lib/progress-stream';
import { type Actor, assertHolds } from '../../../policy/policy';
import { audited, recordAudit } from '../../audit/audit.service';
import { visibleCampaign } from './finding.access';
import {
  importBadFile,
  importEmpty,
  importMissingColumns,
  importNoHeader,
  importTooManyRows,
} from './leads.excel.errors';
import { type LeadInsert, leadsRepository } from './leads.repository';
import { personalColumns } from './leads.service';
import { LEAD_COLUMNS, LEAD_SHEET, leadLists } from './leads.sheet';

export const MAX_LEAD_ROWS = 20_000;
const MAX_ERRORS = 500;
const PROGRESS_EVERY = 500;

export interface LeadExcelDeps {
  db: Db;
  /** Lag-tolerant reads (`Store.reads`): the rows of the export. */
  reads: Db;
  config: Config;
  crypto: FieldCrypto;
}

const colLetter = (n: number): string => {
  let s = '';
  for (let i = n; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
  return s;
};

export function createLeadExcel({ db, reads, config, crypto }: LeadExcelDeps) {
  const home = CITIES[config.homeCity];
  const host = CITIES[config.hostCity];
  const sourceByLabel = new Map<string, string>(
    Object.entries(LEAD_SOURCE_LABELS).flatMap(([code, label]) => [
      [label, code],
      [code, code],
    ]),
  );

  /** A division cell: a name (with or without its 区/县 suffix) or a code of the city. */
  function divisionOf(city: typeof home, v: string): string | null {
    if (!city) return null;
    const d = city.divisions.find(
      (x) => x.code === v || x.name === v || x.name.replace(/[区县市]$/, '') === v,
    );
    return d?.code ?? null;
  }

  /** One row's cells as the contract's fields, or the row's errors by column. */
  function parseRow(
    row: number,
    cells: Record<string, unknown>,
  ): { body: LeadImportRow | null; errors: ImportError[] } {
    const errors: ImportError[] = [];
    const text = (h: string) => (cells[h] === undefined ? undefined : cellText(cells[h]));
    const err = (column: string, code: string, message: string) =>
      errors.push({ row, column, value: text(column) ?? '', code, message });
    const coded = (h: string, city: typeof home, message: string) => {
      const v = text(h);
      if (v === undefined) return null;
      const code = divisionOf(city, v);
      if (!code) err(h, 'UNKNOWN_DIVISION', message);
      return code;
    };
    const homeCounty = coded('户籍县区', home, `不是${home?.name ?? '流出地'}的县区`);
    const hostDistrict = coded('所在区县', host, `不是${host?.name ?? '流入地'}的区县`);
    const sourceCell = text('线索来源');
    const source = sourceCell === undefined ? 'other' : sourceByLabel.get(sourceCell);
    if (!source || source === 'lost_contact')
      err('线索来源', 'UNKNOWN_SOURCE', '线索来源应为党员提供、用工单位、家乡名单、街道社区或其他');
    const parsed = LeadImportRow.safeParse({
      name: text('姓名') ?? '',
      phone: text('手机号') ?? null,
      idNumber: text('身份证号') ?? null,
      homeCounty,
      hostDistrict,
      workplace: text('工作单位') ?? null,
      address: text('住址') ?? null,
      clue: text('线索说明') ?? null,
      source: source && source !== 'lost_contact' ? source : 'other',
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? '');
        const column = LEAD_SHEET.fieldColumns[field] ?? '';
        if (errors.some((e) => e.column === column)) continue;
        err(column, (issue as { params?: { code?: string } }).params?.code ?? 'INVALID', issue.message);
      }
    }
    return { body: parsed.success && errors.length === 0 ? parsed.data : null, errors };
  }

  return {
    /** Writes the template (说明, the 线索名单 sheet with drop-downs, a hidden 代码表) and commits it. */
    async writeTemplate(workbook: StreamingWorkbook) {
      const notes = workbook.addWorksheet('填写说明');
      notes.columns = [{ width: 14 }, { width: 10 }, { width: 80 }];
      for (const line of [
        '寻找线索导入说明',
        '1. 在“线索名单”工作表中每行填写一条线索，第 1 行为表头，请勿修改表头。',
        '2. 只有“姓名”必填；手机号、身份证号填写时须正确。',
        '3. 上传后先逐行校验，全部正确才会导入，导入时全部写入或全部不写入。',
      ])
        notes.addRow([line]).commit();
      notes.addRow([]).commit();
      for (const c of LEAD_COLUMNS.filter((c) => !c.exportOnly))
        notes.addRow([c.header, c.required ? '必填' : '选填', c.hint]).commit();
      notes.commit();
      const sheet = addTableSheet(
        workbook,
        '线索名单',
        LEAD_SHEET.columns.map((c) => ({
          header: c.header,
          width: c.width,
          ...(c.text ? { text: true } : {}),
          ...(c.required ? { required: true } : {}),
        })),
      );
      const lists = leadLists(config.homeCity, config.hostCity);
      const keys = Object.keys(lists) as (keyof typeof lists)[];
      const validations = (
        sheet as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } }
      ).dataValidations;
      LEAD_SHEET.columns.forEach((c, i) => {
        const list = (c as { list?: keyof typeof lists }).list;
        if (!list) return;
        const listCol = colLetter(keys.indexOf(list) + 1);
        const col = colLetter(i + 1);
        validations.add(`${col}2:${col}5001`, {
          type: 'list',
          allowBlank: true,
          formulae: [`'代码表'!$${listCol}$2:$${listCol}$${lists[list].length + 1}`],
          showErrorMessage: true,
          errorStyle: 'warning',
        });
      });
      sheet.commit();
      const codes = workbook.addWorksheet('代码表', { state: 'hidden' });
      codes.addRow(keys).commit();
      const height = Math.max(...keys.map((k) => lists[k].length));
      for (let r = 0; r < height; r++) codes.addRow(keys.map((k) => lists[k][r] ?? null)).commit();
      codes.commit();
      await workbook.commit();
    },

    /**
     * Checks the campaign and the file's header now (a 4xx before any progress), and returns the
     * work: every row validated, then — when all are valid and this is not a dry run — all written
     * in one transaction.
     */
    async prepare(actor: Actor, campaignId: number, file: { path: string }, dryRun: boolean) {
      const campaign = await visibleCampaign(db, actor, campaignId);
      let table: Awaited<ReturnType<typeof openTable>>;
      try {
        table = await openTable(file.path, { ...LEAD_SHEET.table, minMatches: 2 });
      } catch (err) {
        if (err instanceof BadWorkbookError) throw importBadFile();
        if (err instanceof HeaderNotFoundError) throw importNoHeader();
        throw err;
      }
      const missing = LEAD_SHEET.requiredHeaders.filter((h) => !table.columns.includes(h));
      if (missing.length) {
        await table.close();
        throw importMissingColumns(missing);
      }
      return {
        async run(onProgress: OnProgress): Promise<ImportReport> {
          const errors: ImportError[] = [];
          let errorCount = 0;
          const rows: LeadInsert[] = [];
          const firstRowOfId = new Map<string, number>();
          let total = 0;
          try {
            for await (const { row, cells } of table.rows) {
              total++;
              if (total > MAX_LEAD_ROWS) throw importTooManyRows(MAX_LEAD_ROWS);
              const { body, errors: rowErrors } = parseRow(row, cells);
              const idCell = cells.身份证号 === undefined ? '' : cellText(cells.身份证号);
              const id = idCell ? parseIdNumber(idCell) : null;
              if (id?.ok) {
                const key = id.value.idNumber;
                const first = firstRowOfId.get(key);
                if (first !== undefined)
                  rowErrors.push({
                    row,
                    column: '身份证号',
                    value: idCell,
                    code: 'DUPLICATE_IN_FILE',
                    message: `与第 ${first} 行的身份证号重复`,
                  });
                else firstRowOfId.set(key, row);
              }
              if (rowErrors.length) {
                errorCount += rowErrors.length;
                errors.push(...rowErrors.slice(0, Math.max(0, MAX_ERRORS - errors.length)));
              } else if (body && errorCount === 0) {
                rows.push({
                  campaignId,
                  name: body.name,
                  ...personalColumns(crypto, body),
                  homeCounty: body.homeCounty ?? null,
                  hostDistrict: body.hostDistrict ?? null,
                  workplace: body.workplace ?? null,
                  address: body.address ?? null,
                  clue: body.clue ?? null,
                  source: body.source,
                });
              }
              if (total % PROGRESS_EVERY === 0) onProgress({ phase: 'validate', processed: total });
            }
          } catch (err) {
            // A sheet that breaks off or grows past what a sheet can hold, found row by row.
            throw err instanceof BadWorkbookError ? importBadFile() : err;
          } finally {
            await table.close();
          }
          if (total === 0) throw importEmpty();
          const valid = total - new Set(errors.map((e) => e.row)).size;
          const report = (committed: boolean, imported: number): ImportReport => ({
            total,
            valid: errorCount ? Math.max(0, valid) : total,
            errors:
              errorCount > errors.length
                ? [
                    ...errors,
                    {
                      row: 0,
                      column: '',
                      value: '',
                      code: 'IMPORT_TOO_MANY_ERRORS',
                      message: `共有 ${errorCount} 处错误，仅列出前 ${errors.length} 处`,
                    },
                  ]
                : errors,
            committed,
            imported,
          });
          if (errorCount > 0 || dryRun) return report(false, 0);
          onProgress({ phase: 'write', processed: 0 });
          const imported = await audited(db, actor, async (tx, audit) => {
            await visibleCampaign(tx, actor, campaignId, true);
            const n = await leadsRepository.insertMany(tx, rows);
            audit({
              action: 'finding.leads_imported',
              targetType: 'finding_campaign',
              targetId: campaignId,
              targetLabel: campaign.name,
              after: { rows: n },
            });
            return n;
          });
          onProgress({ phase: 'write', processed: imported });
          return report(true, imported);
        },
      };
    },

    /** The campaign's leads (matching the filters) as a spreadsheet, phones and ID numbers masked; audited. */
    async prepareExport(
      actor: Actor,
      campaignId: number,
      filters: { state?: string; finderId?: number | 'none'; district?: string },
    ) {
      assertHolds(actor, 'finding.manage');
      const campaign = await visibleCampaign(db, actor, campaignId);
      await recordAudit(db, actor, {
        action: 'finding.leads_exported',
        targetType: 'finding_campaign',
        targetId: campaignId,
        targetLabel: campaign.name,
        after: { filters },
      });
      return {
        fileName: `${campaign.name}-线索.xlsx`,
        asciiName: `finding-leads-${campaignId}.xlsx`,
        async write(workbook: StreamingWorkbook, stream: PassThrough) {
          const sheet = addTableSheet(workbook, '线索名单', LEAD_SHEET.exportColumns);
          // An export is a snapshot and may lag (the standby may answer); the check and the audit above use the primary.
          for await (const batch of leadsRepository.batches(reads, { campaignId, ...filters })) {
            for (const l of batch) sheet.addRow(LEAD_SHEET.exportValues(l, null)).commit();
            await drained(stream);
          }
          sheet.commit();
          await workbook.commit();
        },
      };
    },
  };
}

export type LeadExcel = ReturnType<typeof createLeadExcel>;
