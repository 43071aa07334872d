import { sheetSpec } from '../../../../lib/excel/sheet-spec';
import { mapTransfer } from './transfers.mapper';
import type { TransferRow } from './transfers.repository';

type Ctx = { today: string };
const view = (r: TransferRow, ctx: Ctx) => mapTransfer(r, ctx.today, false);

/** The transfer ledger (组织关系转接台账) as a spreadsheet: one column list (lib/excel/sheet-spec.ts). */
export const TRANSFER_SHEET = sheetSpec<TransferRow, Ctx>([
  { header: '介绍信编号', width: 20, value: (r) => r.letterNumber },
  { header: '方向', width: 8, value: (r, ctx) => view(r, ctx).directionLabel },
  { header: '姓名', width: 12, value: (r) => r.memberName },
  { header: '身份证号', width: 22, text: true, value: (r) => r.memberIdMasked },
  { header: '由', width: 36, value: (r) => r.fromOrgName },
  { header: '转到', width: 36, value: (r) => r.toOrgName },
  { header: '党费交至', width: 10, value: (r) => r.duesPaidUntil },
  { header: '开具日期', width: 12, value: (r) => r.issuedOn },
  { header: '有效期至', width: 12, value: (r) => r.validUntil },
  { header: '回执期限', width: 12, value: (r) => r.receiptDueOn },
  { header: '回执日期', width: 12, exportOnly: true, value: (r) => r.receiptReturnedOn },
  { header: '状态', width: 10, exportOnly: true, value: (r, ctx) => view(r, ctx).stateLabel },
  { header: '逾期天数', width: 10, exportOnly: true, value: (r, ctx) => view(r, ctx).overdueDays || null },
  { header: '存根保存至', width: 12, exportOnly: true, value: (r) => r.stubKeepUntil },
]);
