/**
 * The hometown lists as .xlsx: each list's filters, in the actor's scope, page after page through
 * the same service that answers the list (so the file holds what the list shows). Money in 万元
 * or 元 as the list shows it. Audited before a byte is sent.
 */
import type { PassThrough } from 'node:stream';
import {
  type DonationExportQuery,
  type DonationResponse,
  formatFen,
  localIsoDate,
  type PlacementExportQuery,
  type PlacementResponse,
  type PostingExportQuery,
  type PostingResponse,
  type ProjectExportQuery,
  type ProjectResponse,
} from '@ningxin/shared';
import type { Db } from '../../db/client';
import type { PreparedExport } from '../../lib/downloads';
import { addTableSheet, drained, type StreamingWorkbook } from '../../lib/excel/xlsx-writer';
import type { Actor } from '../../policy/policy';
import { recordAudit } from '../audit/audit.service';
import type { DonationsService } from './donations/donations.service';
import type { LabourService } from './labour/labour.service';
import type { ProjectsService } from './projects/projects.service';

const PAGE = 200;

/** An amount as a number in the unit (for the sheet's arithmetic; the record keeps exact fen). */
const wan = (fen: number) => Number(formatFen(fen, 'wan'));
const yuan = (fen: number) => Number(formatFen(fen, 'yuan'));

interface Column<T> {
  header: string;
  width?: number;
  value: (r: T) => string | number | null;
}

export interface HometownExportDeps {
  /** The primary: the audit row. */
  db: Db;
  /** The lists, which may read a standby: a file is a snapshot of the list as it is browsed. */
  projects: Pick<ProjectsService, 'list'>;
  donations: Pick<DonationsService, 'list'>;
  labour: Pick<LabourService, 'listPostings' | 'listPlacements'>;
}

export function createHometownExport({ db, projects, donations, labour }: HometownExportDeps) {
  async function prepare<T, Q extends object>(
    actor: Actor,
    what: { sheet: string; ascii: string; list: string },
    query: Q,
    columns: readonly Column<T>[],
    page: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>,
  ): Promise<PreparedExport> {
    // The first page before the audit: a refused actor gets the list's 403, not an audit entry.
    const first = await page(undefined);
    await recordAudit(db, actor, {
      action: 'hometown.exported',
      targetType: what.ascii,
      after: {
        list: what.list,
        filter: Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined)),
      },
    });
    const day = localIsoDate(new Date()).replaceAll('-', '');
    return {
      fileName: `${what.sheet}_${day}.xlsx`,
      asciiName: `${what.ascii}-${day}.xlsx`,
      async write(workbook: StreamingWorkbook, stream: PassThrough) {
        const sheet = addTableSheet(
          workbook,
          what.sheet,
          columns.map((c) => ({ header: c.header, ...(c.width ? { width: c.width } : {}) })),
        );
        let current = first;
        for (;;) {
          for (const r of current.items) sheet.addRow(columns.map((c) => c.value(r))).commit();
          await drained(stream);
          if (!current.nextCursor) break;
          current = await page(current.nextCursor);
        }
        sheet.commit();
        await workbook.commit();
      },
    };
  }

  return {
    projects: (actor: Actor, q: ProjectExportQuery) =>
      prepare<ProjectResponse, ProjectExportQuery>(
        actor,
        { sheet: '引进项目', ascii: 'hometown-projects', list: 'projects' },
        q,
        [
          { header: '项目名称', width: 36, value: (r) => r.name },
          { header: '行业', value: (r) => r.industry },
          { header: '县区', value: (r) => r.county.name },
          { header: '园区或乡镇', width: 24, value: (r) => r.park },
          { header: '企业', width: 30, value: (r) => r.enterprises.join('、') },
          { header: '阶段', value: (r) => r.stageLabel },
          { header: '签约日期', width: 12, value: (r) => r.signedOn },
          { header: '签约投资（万元）', width: 16, value: (r) => wan(r.signedFen) },
          { header: '实际投资（万元）', width: 16, value: (r) => wan(r.actualFen) },
          { header: '招商员', width: 20, value: (r) => r.introducers.map((i) => i.name).join('、') },
          { header: '填报组织', width: 28, value: (r) => r.org.name },
        ],
        (cursor) => projects.list(actor, { ...q, limit: PAGE, ...(cursor ? { cursor } : {}) }),
      ),

    donations: (actor: Actor, q: DonationExportQuery) =>
      prepare<DonationResponse, DonationExportQuery>(
        actor,
        { sheet: '捐赠台账', ascii: 'hometown-donations', list: 'donations' },
        q,
        [
          { header: '捐赠日期', width: 12, value: (r) => r.donatedOn },
          { header: '捐赠方', width: 28, value: (r) => r.donorName },
          { header: '捐赠方类型', value: (r) => r.donorKindLabel },
          { header: '类型', value: (r) => r.kindLabel },
          { header: '用途', value: (r) => r.purposeLabel },
          { header: '县区', value: (r) => r.county.name },
          { header: '受赠单位', width: 28, value: (r) => r.recipient },
          {
            header: '物资清单',
            width: 40,
            value: (r) =>
              r.items
                .map((i) => `${i.name} ${i.quantity}${i.unit}（${formatFen(i.valueFen, 'yuan')} 元）`)
                .join('；'),
          },
          { header: '金额（元）', width: 16, value: (r) => yuan(r.amountFen) },
          { header: '填报组织', width: 28, value: (r) => r.org.name },
        ],
        (cursor) => donations.list(actor, { ...q, limit: PAGE, ...(cursor ? { cursor } : {}) }),
      ),

    postings: (actor: Actor, q: PostingExportQuery) =>
      prepare<PostingResponse, PostingExportQuery>(
        actor,
        { sheet: '用工信息', ascii: 'hometown-postings', list: 'postings' },
        q,
        [
          { header: '发布日期', width: 12, value: (r) => r.postedOn },
          { header: '用工单位', width: 28, value: (r) => r.employer },
          { header: '岗位', width: 16, value: (r) => r.title },
          { header: '招聘人数', value: (r) => r.headcount },
          {
            header: '月薪下限（元）',
            width: 14,
            value: (r) => (r.payMinFen == null ? null : yuan(r.payMinFen)),
          },
          {
            header: '月薪上限（元）',
            width: 14,
            value: (r) => (r.payMaxFen == null ? null : yuan(r.payMaxFen)),
          },
          { header: '工作地点', width: 20, value: (r) => r.place },
          { header: '招工县区', value: (r) => r.county?.name ?? null },
          { header: '状态', value: (r) => r.stateLabel },
          { header: '已输出人次', value: (r) => r.placedPersonTimes },
          { header: '填报组织', width: 28, value: (r) => r.org.name },
        ],
        (cursor) => labour.listPostings(actor, { ...q, limit: PAGE, ...(cursor ? { cursor } : {}) }),
      ),

    placements: (actor: Actor, q: PlacementExportQuery) =>
      prepare<PlacementResponse, PlacementExportQuery>(
        actor,
        { sheet: '劳务输出', ascii: 'hometown-placements', list: 'placements' },
        q,
        [
          { header: '输出日期', width: 12, value: (r) => r.placedOn },
          { header: '用工单位', width: 28, value: (r) => r.employer },
          { header: '县区', value: (r) => r.county.name },
          { header: '人次', value: (r) => r.personTimes },
          { header: '用工信息', width: 20, value: (r) => r.posting?.title ?? null },
          { header: '填报组织', width: 28, value: (r) => r.org.name },
        ],
        (cursor) => labour.listPlacements(actor, { ...q, limit: PAGE, ...(cursor ? { cursor } : {}) }),
      ),
  };
}

export type HometownExport = ReturnType<typeof createHometownExport>;
