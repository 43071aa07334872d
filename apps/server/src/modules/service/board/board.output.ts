/**
 * The campaign board as files: a spreadsheet (.xlsx: totals, by post, by day) and a one-page PDF
 * report. Each download is audited before a byte is sent; formula-like text is escaped.
 */
import {
  localIsoDate,
  type VolunteerBoardFigures,
  type VolunteerCampaignSummaryResponse,
} from '@ningxin/shared';
import type { PreparedExport } from '../../../lib/downloads';
import { formulaSafe } from '../../../lib/excel/cells';
import { addTableSheet } from '../../../lib/excel/xlsx-writer';
import { dataTable, formTable, note, title } from '../../../lib/pdf/pdf-blocks';
import type { PdfRenderer } from '../../../lib/pdf/pdf-renderer';
import { printedDate } from '../../../lib/pdf/printed';
import type { Actor } from '../../../policy/policy';
import { renderAudited } from '../../audit/audit.print';
import { recordAudit } from '../../audit/audit.service';
import type { ServiceAccess } from '../campaigns/campaigns.access';
import type { BoardService } from './board.service';

const FIGURE_HEADERS = [
  '志愿者人数',
  '上岗人次',
  '满员班次',
  '班次',
  '已签退',
  '未到岗',
  '服务时长（小时）',
  '服务人次',
];
const figures = (f: VolunteerBoardFigures) => [
  f.volunteers,
  f.places,
  f.shiftsFilled,
  f.shifts,
  f.checkedOut,
  f.noShows,
  f.hours,
  f.served,
];
const safeName = (s: string) => s.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 60);

export function createBoardOutput(access: ServiceAccess, board: BoardService, pdf: PdfRenderer) {
  const { db, orgs, readableCampaign } = access;

  async function audit(actor: Actor, s: VolunteerCampaignSummaryResponse, format: 'xlsx' | 'pdf') {
    await recordAudit(db, actor, {
      action: 'volunteer.summary_exported',
      targetType: 'volunteer_campaign',
      targetId: s.campaign.id,
      targetLabel: s.campaign.title,
      after: { format },
    });
  }

  return {
    async prepareExport(actor: Actor, id: number): Promise<PreparedExport> {
      const s = await board.summary(actor, id);
      await audit(actor, s, 'xlsx');
      return {
        fileName: `志愿服务活动汇总_${safeName(s.campaign.title)}.xlsx`,
        asciiName: `volunteer-campaign-${id}.xlsx`,
        async write(workbook) {
          const cols = FIGURE_HEADERS.map((header) => ({ header, width: 12 }));
          const total = addTableSheet(workbook, '汇总', [
            { header: '活动', width: 36 },
            { header: '期间', width: 24 },
            { header: '服务天数', width: 10 },
            ...cols,
          ]);
          total
            .addRow(
              [
                s.campaign.title,
                `${s.campaign.startsOn} 至 ${s.campaign.endsOn}`,
                s.days,
                ...figures(s.totals),
              ].map(formulaSafe),
            )
            .commit();
          total.commit();
          const byPost = addTableSheet(workbook, '按点位', [
            { header: '点位', width: 24 },
            { header: '任务', width: 14 },
            ...cols,
          ]);
          for (const p of s.byPost)
            byPost.addRow([p.name, p.taskLabel, ...figures(p)].map(formulaSafe)).commit();
          byPost.commit();
          const byDay = addTableSheet(workbook, '按日', [{ header: '日期', width: 12 }, ...cols]);
          for (const d of s.byDay) byDay.addRow([d.onDate, ...figures(d)].map(formulaSafe)).commit();
          byDay.commit();
          await workbook.commit();
        },
      };
    },

    /** The one-page report: the campaign, its totals, and the figures by post. */
    async renderReport(actor: Actor, id: number) {
      const s = await board.summary(actor, id);
      const c = await readableCampaign(db, actor, id);
      const names = await orgs.namesAlong(db, c.orgPath);
      const t = s.totals;
      return renderAudited(
        db,
        pdf,
        actor,
        {
          committee: names[0] ?? c.orgName,
          title: `志愿服务活动报告 ${c.title}`,
          records: [
            [
              title('志愿服务活动报告', c.title),
              formTable({
                sections: [
                  {
                    heading: '活动概况',
                    fields: [
                      { label: '主办组织', value: c.orgName, wide: true },
                      { label: '共建单位', value: c.partnerName },
                      { label: '活动期间', value: `${printedDate(c.startsOn)} 至 ${printedDate(c.endsOn)}` },
                      { label: '志愿者', value: `${t.volunteers} 人` },
                      { label: '服务天数', value: `${s.days} 天` },
                      { label: '上岗人次', value: `${t.places} 人次` },
                      { label: '服务时长', value: `${t.hours} 小时` },
                      { label: '服务群众', value: `${t.served} 人次` },
                      { label: '满员班次', value: `${t.shiftsFilled} / ${t.shifts}` },
                    ],
                  },
                ],
              }),
              { text: '按点位', bold: true, margin: [0, 8, 0, 4] },
              dataTable(
                ['点位', '任务', '志愿者', '上岗人次', '时长（小时）', '服务人次'],
                s.byPost.map((p) => [p.name, p.taskLabel, p.volunteers, p.places, p.hours, p.served]),
                ['*', 70, 50, 55, 65, 55],
              ),
              note(
                `服务时长按签到、签退时间计算；服务人次由点位负责人登记。制表日期：${printedDate(localIsoDate(new Date()))}`,
              ),
            ],
          ],
        },
        {
          action: 'volunteer.summary_exported',
          targetType: 'volunteer_campaign',
          targetId: id,
          targetLabel: c.title,
          after: { format: 'pdf' },
        },
        { fileName: `志愿服务活动报告_${safeName(c.title)}.pdf`, asciiName: `volunteer-campaign-${id}.pdf` },
      );
    },
  };
}

export type BoardOutput = ReturnType<typeof createBoardOutput>;
