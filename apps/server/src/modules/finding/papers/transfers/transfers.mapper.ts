import {
  daysBetween,
  isReceiptOverdue,
  TRANSFER_DIRECTION_LABELS,
  TRANSFER_STATE_LABELS,
  type TransferDirection,
  type TransferResponse,
  type TransferState,
} from '@ningxin/shared';
import type { TransferRow } from './transfers.repository';

export function mapTransfer(row: TransferRow, today: string, canWrite: boolean): TransferResponse {
  const overdue = isReceiptOverdue(row, today);
  const open = row.state === 'issued';
  return {
    id: row.id,
    letterNumber: row.letterNumber,
    direction: row.direction as TransferDirection,
    directionLabel: TRANSFER_DIRECTION_LABELS[row.direction as TransferDirection],
    member: { id: row.memberId, name: row.memberName, idMasked: row.memberIdMasked },
    org: { id: row.orgId, name: row.orgName },
    fromOrgName: row.fromOrgName,
    toOrgName: row.toOrgName,
    reason: row.reason,
    duesPaidUntil: row.duesPaidUntil,
    issuedOn: row.issuedOn,
    validUntil: row.validUntil,
    receiptDueOn: row.receiptDueOn,
    receiptReturnedOn: row.receiptReturnedOn,
    stubKeepUntil: row.stubKeepUntil,
    state: row.state as TransferState,
    stateLabel: TRANSFER_STATE_LABELS[row.state as TransferState],
    overdue,
    overdueDays: overdue ? daysBetween(row.receiptDueOn, today) : 0,
    cancelReason: row.cancelReason,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    policies: { receipt: canWrite && open, cancel: canWrite && open, print: canWrite },
  };
}

/** What the audit keeps of a transfer. */
export const transferAuditView = (
  t: Pick<
    TransferRow,
    | 'letterNumber'
    | 'direction'
    | 'memberId'
    | 'orgId'
    | 'fromOrgName'
    | 'toOrgName'
    | 'duesPaidUntil'
    | 'issuedOn'
    | 'validUntil'
    | 'receiptDueOn'
    | 'state'
  >,
) => ({
  letterNumber: t.letterNumber,
  direction: t.direction,
  memberId: t.memberId,
  orgId: t.orgId,
  fromOrgName: t.fromOrgName,
  toOrgName: t.toOrgName,
  duesPaidUntil: t.duesPaidUntil,
  issuedOn: t.issuedOn,
  validUntil: t.validUntil,
  receiptDueOn: t.receiptDueOn,
  state: t.state,
});
