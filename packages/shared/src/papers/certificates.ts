import { z } from 'zod';
import { IsoDate, PastDate } from '../common/dates';
import { IdParams, QueryInt, RecordId, Version } from '../common/ids';
import { PageCursor, PageLimit, pageOf } from '../common/page';
import { Text } from '../common/text';
import { CERTIFICATE_EXPIRING_DAYS, type CertificateStatus } from './rules';

/**
 * 流动党员活动证: the certificate a member away from the home org for 1–6 months (or longer,
 * where formal membership cannot move) carries, and the ledger the issuing org keeps of them.
 */

export const CERTIFICATE_STATUSES = [
  'valid',
  'expiring',
  'expired',
  'revoked',
  'superseded',
] as const satisfies readonly CertificateStatus[];
export const CertificateStatusSchema = z.enum(CERTIFICATE_STATUSES, { error: '不是可选的活动证状态' });
export const CERTIFICATE_STATUS_LABELS: Record<CertificateStatus, string> = {
  valid: '有效',
  expiring: '即将到期',
  expired: '已过期',
  revoked: '已收回',
  superseded: '已换发',
};

const Destination = Text('流入地', { min: 2, max: 100, minMessage: '请填写流入地（去往何处）' });
const Reason = Text('外出原因', { min: 2, max: 200, minMessage: '请填写外出原因' });

export const CertificateCreateBody = z.object({
  memberId: RecordId('党员'),
  /** The org that issues it: the member's org or one above it (default: the member's org). */
  issuingOrgId: RecordId('签发组织').optional(),
  destination: Destination,
  reason: Reason,
  /** Default today. */
  issuedOn: PastDate('签发日期').optional(),
  validUntil: IsoDate('有效期至'),
});
export type CertificateCreateBody = z.infer<typeof CertificateCreateBody>;
export type CertificateCreateInput = z.input<typeof CertificateCreateBody>;

/** A new certificate in place of a current or expired one; the old one is marked 已换发. */
export const CertificateRenewBody = z.object({
  validUntil: IsoDate('有效期至'),
  /** Default: as on the certificate renewed. */
  destination: Destination.optional(),
  reason: Reason.optional(),
  version: Version,
});
export type CertificateRenewBody = z.infer<typeof CertificateRenewBody>;

export const CertificateRevokeBody = z.object({
  reason: Text('收回原因', { min: 2, max: 200, minMessage: '请填写收回原因' }),
  version: Version,
});
export type CertificateRevokeBody = z.infer<typeof CertificateRevokeBody>;

export const CertificateIdParams = IdParams;

export const CertificateListQuery = z.object({
  status: CertificateStatusSchema.optional(),
  /** For status=expiring: within how many days. */
  days: QueryInt('到期天数', 1, 366).default(CERTIFICATE_EXPIRING_DAYS),
  /** Issued by this org or an org below it. */
  orgId: QueryInt('签发组织', 1, 2_147_483_647).optional(),
  memberId: QueryInt('党员', 1, 2_147_483_647).optional(),
  /** A number, or the start of the holder's name. */
  q: Text('关键词', { max: 30 }).optional(),
  limit: PageLimit(100, 20),
  cursor: PageCursor.optional(),
});
export type CertificateListQuery = z.infer<typeof CertificateListQuery>;
/** The export's filter: the list's, without paging. */
export const CertificateExportQuery = CertificateListQuery.omit({ limit: true, cursor: true });
export type CertificateExportQuery = z.infer<typeof CertificateExportQuery>;

const Named = z.object({ id: z.number().int(), name: z.string() });

export const CertificateResponse = z
  .object({
    id: z.number().int(),
    number: z.string(),
    member: Named.extend({ idMasked: z.string() }),
    issuingOrg: Named,
    destination: z.string(),
    reason: z.string(),
    issuedOn: z.string(),
    validUntil: z.string(),
    /** What it is today (derived: 已过期 is a valid one past its last day). */
    status: CertificateStatusSchema,
    statusLabel: z.string(),
    /** Days until it expires (negative once expired). */
    daysLeft: z.number().int(),
    revokedOn: z.string().nullable(),
    revokeReason: z.string().nullable(),
    /** The certificate this one renewed, and the one that renewed this. */
    renewsId: z.number().int().nullable(),
    renewedById: z.number().int().nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    policies: z.object({ renew: z.boolean(), revoke: z.boolean(), print: z.boolean() }),
  })
  .meta({ id: 'Certificate' });
export type CertificateResponse = z.infer<typeof CertificateResponse>;

export const CertificateListResponse = pageOf(CertificateResponse, z.string());
export type CertificateListResponse = z.infer<typeof CertificateListResponse>;
