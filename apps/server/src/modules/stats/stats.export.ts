/**
 * The table behind a statistics chart as .xlsx: one sheet of the rows the topic answered (the
 * same service call, so the file holds what the page shows), with a total row. Audited as an
 * export (stats.exported) before a byte is sent.
 */
import type { PassThrough } from 'node:stream';
import { localIsoDate } from '@ningxin/shared';
import type { Db } from '../../db/client';
import type { PreparedExport } from '../../lib/downloads';
import { addTableSheet, drained, type StreamingWorkbook } from '../../lib/excel/xlsx-writer';
import type { Actor } from '../../policy/policy';
import { recordAudit } from '../audit/audit.service';

export type Cell = string | number | null;

/** A topic's table: its title, column headers, rows and the total row (if it has one). */
export interface StatsTable {
  /** The sheet's and the file's Chinese name. */
  title: string;
  /** The topic in ASCII, for the fallback file name and the audit row. */
  topic: string;
  headers: readonly string[];
  rows: readonly Cell[][];
  total?: Cell[];
}

export function createStatsExport(db: Db) {
  return async function prepareTable(
    actor: Actor,
    table: StatsTable,
    query: Record<string, unknown>,
  ): Promise<PreparedExport> {
    await recordAudit(db, actor, {
      action: 'stats.exported',
      targetType: 'stats',
      after: {
        topic: table.topic,
        filter: Object.fromEntries(
          Object.entries(query).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)),
        ),
      },
    });
    const day = localIsoDate(new Date()).replaceAll('-', '');
    return {
      fileName: `${table.title}_${day}.xlsx`,
      asciiName: `stats-${table.topic}-${day}.xlsx`,
      async write(workbook: StreamingWorkbook, stream: PassThrough) {
        const sheet = addTableSheet(
          workbook,
          table.title.slice(0, 31),
          table.headers.map((header, i) => ({ header, ...(i === 0 ? { width: 28 } : {}) })),
        );
        for (const r of table.rows) sheet.addRow(r).commit();
        if (table.total) {
          const row = sheet.addRow(table.total);
          row.font = { bold: true };
          row.commit();
        }
        await drained(stream);
        sheet.commit();
        await workbook.commit();
      },
    };
  };
}

export type PrepareTable = ReturnType<typeof createStatsExport>;
