import { CERTIFICATE_STATUS_LABELS, type CertificateStatus } from '@ningxin/shared';
import { sheetSpec } from '../../../../lib/excel/sheet-spec';
import type { CertificateRow } from './certificates.repository';

/** The certificate ledger (活动证台账) as a spreadsheet: one column list (lib/excel/sheet-spec.ts). */
export const CERTIFICATE_SHEET = sheetSpec<
  CertificateRow,
  { status: (row: CertificateRow) => CertificateStatus }
>([
  { header: '证号', width: 20, value: (r) => r.number },
  { header: '姓名', width: 12, value: (r) => r.memberName },
  { header: '身份证号', width: 22, text: true, value: (r) => r.memberIdMasked },
  { header: '签发组织', width: 30, value: (r) => r.issuingOrgName },
  { header: '流入地', width: 30, value: (r) => r.destination },
  { header: '外出原因', width: 24, value: (r) => r.reason },
  { header: '签发日期', width: 12, value: (r) => r.issuedOn },
  { header: '有效期至', width: 12, value: (r) => r.validUntil },
  {
    header: '状态',
    width: 10,
    exportOnly: true,
    value: (r, ctx) => CERTIFICATE_STATUS_LABELS[ctx.status(r)],
  },
  { header: '收回日期', width: 12, exportOnly: true, value: (r) => r.revokedOn },
  { header: '收回原因', width: 24, exportOnly: true, value: (r) => r.revokeReason },
]);
