/**
 * The workbook of a county's yearly conduct feedback (现实表现反馈汇总表): one row a member, the
 * year's figures and the org's comment. One column list (lib/excel/sheet-spec) gives headers and values.
 */
import { type FeedbackItem, MEMBER_STATUS_LABELS } from '@ningxin/shared';
import { sheetSpec } from '../../../lib/excel/sheet-spec';
import { addTableSheet, type StreamingWorkbook } from '../../../lib/excel/xlsx-writer';
import { yuan } from './feedback.figures';

export const FEEDBACK_SHEET = sheetSpec<FeedbackItem, null>([
  { header: '姓名', width: 10, value: (i) => i.member.name },
  { header: '入党时间', width: 12, value: (i) => i.member.joinedAt },
  { header: '状态', width: 8, value: (i) => MEMBER_STATUS_LABELS[i.member.status] },
  { header: '所在党组织', width: 28, value: (i) => i.member.orgName },
  { header: '流入地', width: 10, value: (i) => i.member.hostDistrictName },
  { header: '参加组织生活（次）', width: 12, value: (i) => i.figures.meetings },
  { header: '学习（学时）', width: 10, value: (i) => i.figures.studyHours },
  { header: '志愿服务（小时）', width: 12, value: (i) => i.figures.volunteerHours },
  { header: '服务家乡（项）', width: 10, value: (i) => i.figures.contributions },
  { header: '服务家乡金额（元）', width: 12, value: (i) => yuan(i.figures.contributionFen) },
  { header: '获得表彰（次）', width: 10, value: (i) => i.figures.honours },
  { header: '关爱帮扶（次）', width: 10, value: (i) => i.figures.care },
  { header: '民主评议', width: 10, value: (i) => i.figures.evaluation ?? '' },
  { header: '心得体会（篇）', width: 10, value: (i) => i.figures.reflections },
  { header: '心得体会标题', width: 30, value: (i) => i.figures.reflectionTitles.join('；') },
  { header: '党组织意见', width: 40, value: (i) => i.comment ?? '' },
  { header: '发送时间', width: 18, value: (i) => (i.sentAt ? i.sentAt.slice(0, 10) : '') },
]);

/** Fills the workbook (a county is a few thousand rows at most). */
export async function writeFeedbackWorkbook(
  workbook: StreamingWorkbook,
  items: readonly FeedbackItem[],
  sheetName: string,
): Promise<void> {
  const sheet = addTableSheet(workbook, sheetName, FEEDBACK_SHEET.exportColumns);
  for (const item of items) sheet.addRow(FEEDBACK_SHEET.exportValues(item, null)).commit();
  sheet.commit();
  await workbook.commit();
}
