import type { PaperIssue } from '@ningxin/shared';
import { AppError } from '../../../lib/errors';

/** Error codes of certificates (流动党员活动证) and transfers (组织关系转接). */

/** A rule of the papers broken by a field (validity, dues month), named as the rule names it. */
export const paperRule = (issue: PaperIssue) =>
  new AppError(400, issue.code, issue.message, [{ path: issue.field, message: issue.message }]);

export const memberNotOnRolls = (what: string) =>
  new AppError(409, 'MEMBER_NOT_ON_ROLLS', `该党员不在册，不能${what}`, [
    { path: 'memberId', message: '党员不在册' },
  ]);

export const certificateCurrent = (number: string) =>
  new AppError(409, 'CERTIFICATE_CURRENT', `该党员持有有效的活动证 ${number}，请换发或先收回`, [
    { path: 'memberId', message: '已持有有效活动证' },
  ]);

export const certificateNotCurrent = (label: string) =>
  new AppError(409, 'CERTIFICATE_NOT_CURRENT', `该活动证${label}，不能再办理`);

export const issuingOrgNotUsable = () =>
  new AppError(400, 'ISSUING_ORG_NOT_USABLE', '签发组织应为党员所在组织或其上级，且在您的管理范围内', [
    { path: 'issuingOrgId', message: '不能以该组织签发' },
  ]);

export const transferOpen = (letterNumber: string) =>
  new AppError(409, 'TRANSFER_OPEN', `该党员有尚未完成的组织关系转接（${letterNumber}）`, [
    { path: 'memberId', message: '有未完成的转接' },
  ]);

export const transferNotOpen = (label: string) =>
  new AppError(409, 'TRANSFER_NOT_OPEN', `该转接${label}，不能再办理`);

export const receiptBeforeIssue = () =>
  new AppError(400, 'RECEIPT_BEFORE_ISSUE', '回执日期不能早于介绍信开具日期', [
    { path: 'receiptReturnedOn', message: '早于开具日期' },
  ]);

export const receivingOrgNotBranch = () =>
  new AppError(400, 'RECEIVING_ORG_NOT_BRANCH', '转入的党员应编入党支部或党小组', [
    { path: 'person.orgId', message: '请选择党支部' },
  ]);

export const receivingOrgNotUsable = () =>
  new AppError(400, 'RECEIVING_ORG_NOT_USABLE', '接收组织不存在、已撤销或不在您的管理范围内', [
    { path: 'person.orgId', message: '不能编入该组织' },
  ]);
