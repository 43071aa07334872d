import { describe, expect, it } from 'vitest';
import { addDays, addMonths, daysBetween } from '../common/calendar';
import {
  certificateStatus,
  certificateValidityIssue,
  defaultTransferValidUntil,
  duesPaidUntilIssue,
  isReceiptOverdue,
  paperNumber,
  receiptDueOn,
  stubKeepUntil,
  transferValidityIssue,
} from './rules';
import { TransferCreateBody } from './transfers';

describe('calendar arithmetic', () => {
  it('adds months, keeping the day or taking the month’s last', () => {
    expect(addMonths('2026-01-15', 1)).toBe('2026-02-15');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2024-02-29', 120)).toBe('2034-02-28');
  });
  it('adds days across months and years and counts days between', () => {
    expect(addDays('2026-12-25', 10)).toBe('2027-01-04');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-01-01', '2026-03-01')).toBe(59);
    expect(daysBetween('2026-03-01', '2026-01-01')).toBe(-59);
  });
});

describe('certificates', () => {
  it('allows a validity up to the maximum and refuses one beyond it, on validUntil', () => {
    expect(certificateValidityIssue('2026-03-10', '2027-03-10', 12)).toBeNull();
    expect(certificateValidityIssue('2026-03-10', '2027-03-11', 12)).toMatchObject({
      field: 'validUntil',
      code: 'VALIDITY_TOO_LONG',
    });
    expect(certificateValidityIssue('2026-03-10', '2026-03-10', 12)).toMatchObject({ field: 'validUntil' });
    expect(certificateValidityIssue('2026-03-10', '2026-09-10', 6)).toBeNull();
  });
  it('derives the status shown: expired past the last day, expiring within the days given', () => {
    const today = '2026-05-01';
    expect(certificateStatus({ state: 'valid', validUntil: '2026-04-30' }, today)).toBe('expired');
    expect(certificateStatus({ state: 'valid', validUntil: '2026-05-01' }, today)).toBe('expiring');
    expect(certificateStatus({ state: 'valid', validUntil: '2026-05-31' }, today)).toBe('expiring');
    expect(certificateStatus({ state: 'valid', validUntil: '2026-06-01' }, today)).toBe('valid');
    expect(certificateStatus({ state: 'valid', validUntil: '2026-06-01' }, today, 60)).toBe('expiring');
    expect(certificateStatus({ state: 'revoked', validUntil: '2027-01-01' }, today)).toBe('revoked');
    expect(certificateStatus({ state: 'superseded', validUntil: '2020-01-01' }, today)).toBe('superseded');
  });
});

describe('transfers', () => {
  it('is valid about 10 days by default, never beyond 3 months', () => {
    expect(defaultTransferValidUntil('2026-05-25')).toBe('2026-06-04');
    expect(transferValidityIssue('2026-05-31', '2026-08-31')).toBeNull();
    expect(transferValidityIssue('2026-05-31', '2026-09-01')).toMatchObject({
      field: 'validUntil',
      code: 'VALIDITY_TOO_LONG',
    });
    expect(transferValidityIssue('2026-05-31', '2026-05-30')).toMatchObject({ field: 'validUntil' });
    expect(transferValidityIssue('2026-05-31', '2026-05-31')).toBeNull();
  });
  it('expects the receipt a month after issue and keeps the stub ten years', () => {
    expect(receiptDueOn('2026-01-31')).toBe('2026-02-28');
    expect(stubKeepUntil('2026-04-20')).toBe('2036-04-20');
  });
  it('calls an open letter overdue only after its due day', () => {
    expect(isReceiptOverdue({ state: 'issued', receiptDueOn: '2026-05-01' }, '2026-05-01')).toBe(false);
    expect(isReceiptOverdue({ state: 'issued', receiptDueOn: '2026-05-01' }, '2026-05-02')).toBe(true);
    expect(isReceiptOverdue({ state: 'completed', receiptDueOn: '2026-05-01' }, '2026-06-02')).toBe(false);
  });
  it('takes a dues month up to the current one', () => {
    expect(duesPaidUntilIssue('2026-05', '2026-05-31')).toBeNull();
    expect(duesPaidUntilIssue('2025-12', '2026-05-31')).toBeNull();
    expect(duesPaidUntilIssue('2026-06', '2026-05-31')).toMatchObject({ code: 'DUES_MONTH_IN_FUTURE' });
    expect(duesPaidUntilIssue('2026-13', '2026-05-31')).toMatchObject({ code: 'INVALID_MONTH' });
    expect(duesPaidUntilIssue('2026-5', '2026-05-31')).toMatchObject({ code: 'INVALID_MONTH' });
  });
  it('names the field of a bad dues month in the contract', () => {
    const r = TransferCreateBody.safeParse({
      direction: 'outgoing',
      memberId: 1,
      toOrgName: '中共某县委组织部',
      duesPaidUntil: '2999-01',
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['duesPaidUntil']);
  });
});

describe('numbers', () => {
  it('writes prefix, year and a four-digit sequence', () => {
    expect(paperNumber('张流证', 2026, 1)).toBe('张流证〔2026〕0001');
    expect(paperNumber('张组转', 2026, 12345)).toBe('张组转〔2026〕12345');
  });
});
