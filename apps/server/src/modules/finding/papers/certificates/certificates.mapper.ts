import {
  CERTIFICATE_STATUS_LABELS,
  type CertificateResponse,
  certificateStatus,
  daysBetween,
} from '@ningxin/shared';
import type { CertificateRow } from './certificates.repository';

/** A certificate as the ledger shows it on `today`, with what the user may do with it. */
export function mapCertificate(
  row: CertificateRow,
  today: string,
  canWrite: boolean,
  expiringDays?: number,
): CertificateResponse {
  const status = certificateStatus(row, today, expiringDays);
  const current = row.state === 'valid';
  return {
    id: row.id,
    number: row.number,
    member: { id: row.memberId, name: row.memberName, idMasked: row.memberIdMasked },
    issuingOrg: { id: row.issuingOrgId, name: row.issuingOrgName },
    destination: row.destination,
    reason: row.reason,
    issuedOn: row.issuedOn,
    validUntil: row.validUntil,
    status,
    statusLabel: CERTIFICATE_STATUS_LABELS[status],
    daysLeft: daysBetween(today, row.validUntil),
    revokedOn: row.revokedOn,
    revokeReason: row.revokeReason,
    renewsId: row.renewsId,
    renewedById: row.renewedById,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    policies: { renew: canWrite && current, revoke: canWrite && current, print: canWrite },
  };
}

/** What the audit keeps of a certificate. */
export const certificateAuditView = (
  row: Pick<
    CertificateRow,
    'number' | 'memberId' | 'issuingOrgId' | 'destination' | 'reason' | 'issuedOn' | 'validUntil' | 'state'
  >,
) => ({
  number: row.number,
  memberId: row.memberId,
  issuingOrgId: row.issuingOrgId,
  destination: row.destination,
  reason: row.reason,
  issuedOn: row.issuedOn,
  validUntil: row.validUntil,
  state: row.state,
});
