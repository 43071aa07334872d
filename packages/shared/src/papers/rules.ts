import { addDays, addMonths, isIsoDate } from '../common/calendar';

/**
 * The rules of 流动党员活动证 (certificates) and 组织关系转接 (transfers), as pure functions over
 * `YYYY-MM-DD` dates (DOMAIN.md, "Certificate and transfer"):
 * - a certificate is valid from the day it is issued to a day the issuer chooses, at most
 *   `members.certificateMaxMonths` months later (default 12: the ledger is reviewed yearly);
 * - a transfer letter is valid about 10 days (the default) and never more than 3 months;
 * - its receipt (回执) is due 1 month after the letter is issued;
 * - its stub (存根) is kept 10 years;
 * - it states the month the member's dues are paid up to, which cannot lie after this month.
 */

/** A certificate's longest validity, in months, unless the committee's setting says otherwise. */
export const CERTIFICATE_MAX_MONTHS_DEFAULT = 12;
/** Certificates expiring within this many days are shown and reminded as 即将到期. */
export const CERTIFICATE_EXPIRING_DAYS = 30;
/** A transfer letter's validity when none is given. */
export const TRANSFER_DEFAULT_VALID_DAYS = 10;
/** A transfer letter is never valid longer than this. */
export const TRANSFER_MAX_VALID_MONTHS = 3;
/** The receiving org returns the receipt within this many months. */
export const TRANSFER_RECEIPT_MONTHS = 1;
/** The stub is kept this many years. */
export const TRANSFER_STUB_KEEP_YEARS = 10;

/** A problem with a field, as the contracts and services report it. */
export interface PaperIssue {
  field: string;
  code: string;
  message: string;
}

/** Whether a certificate's validity is allowed: it ends after it starts, within `maxMonths`. */
export function certificateValidityIssue(
  issuedOn: string,
  validUntil: string,
  maxMonths: number,
): PaperIssue | null {
  if (validUntil <= issuedOn)
    return { field: 'validUntil', code: 'VALID_UNTIL_NOT_AFTER_ISSUE', message: '有效期至应晚于签发日期' };
  if (validUntil > addMonths(issuedOn, maxMonths))
    return {
      field: 'validUntil',
      code: 'VALIDITY_TOO_LONG',
      message: `活动证有效期不能超过 ${maxMonths} 个月（至 ${addMonths(issuedOn, maxMonths)}）`,
    };
  return null;
}

/** What a certificate is on a day, as the ledger shows it. */
export type CertificateStatus = 'valid' | 'expiring' | 'expired' | 'revoked' | 'superseded';

export function certificateStatus(
  c: { state: string; validUntil: string },
  today: string,
  expiringDays = CERTIFICATE_EXPIRING_DAYS,
): CertificateStatus {
  if (c.state === 'revoked') return 'revoked';
  if (c.state === 'superseded') return 'superseded';
  if (c.validUntil < today) return 'expired';
  if (c.validUntil <= addDays(today, expiringDays)) return 'expiring';
  return 'valid';
}

/** A transfer letter's validity when none is given: about 10 days. */
export const defaultTransferValidUntil = (issuedOn: string) => addDays(issuedOn, TRANSFER_DEFAULT_VALID_DAYS);

/** Whether a transfer letter's validity is allowed: not before it is issued, at most 3 months. */
export function transferValidityIssue(issuedOn: string, validUntil: string): PaperIssue | null {
  if (validUntil < issuedOn)
    return { field: 'validUntil', code: 'VALID_UNTIL_BEFORE_ISSUE', message: '有效期至不能早于开具日期' };
  if (validUntil > addMonths(issuedOn, TRANSFER_MAX_VALID_MONTHS))
    return {
      field: 'validUntil',
      code: 'VALIDITY_TOO_LONG',
      message: `介绍信有效期不能超过 ${TRANSFER_MAX_VALID_MONTHS} 个月（至 ${addMonths(issuedOn, TRANSFER_MAX_VALID_MONTHS)}）`,
    };
  return null;
}

/** The day the receipt is due back: a month after the letter is issued. */
export const receiptDueOn = (issuedOn: string) => addMonths(issuedOn, TRANSFER_RECEIPT_MONTHS);

/** The day the stub may be destroyed: kept 10 years. */
export const stubKeepUntil = (issuedOn: string) => addMonths(issuedOn, TRANSFER_STUB_KEEP_YEARS * 12);

/** Whether an open letter's receipt is overdue on `today`. */
export const isReceiptOverdue = (t: { state: string; receiptDueOn: string }, today: string) =>
  t.state === 'issued' && t.receiptDueOn < today;

/** A month as `YYYY-MM`. */
export const isYearMonth = (v: string) => /^\d{4}-\d{2}$/.test(v) && isIsoDate(`${v}-01`);

/** Whether the dues-paid-up-to month is allowed: a real month not after the current one. */
export function duesPaidUntilIssue(month: string, today: string): PaperIssue | null {
  if (!isYearMonth(month))
    return { field: 'duesPaidUntil', code: 'INVALID_MONTH', message: '党费交至月份格式应为 YYYY-MM' };
  if (month > today.slice(0, 7))
    return { field: 'duesPaidUntil', code: 'DUES_MONTH_IN_FUTURE', message: '党费交至月份不能晚于本月' };
  return null;
}

/** A paper's number: prefix, year in 〔〕, a 4-digit sequence (张流证〔2026〕0001). */
export const paperNumber = (prefix: string, year: number, seq: number) =>
  `${prefix}〔${year}〕${String(seq).padStart(4, '0')}`;
