import { describe, expect, it } from 'vitest';
import { ActivityQuery } from './activity';
import {
  ACTIVITY_KIND_LIST,
  ACTIVITY_KINDS,
  ACTIVITY_QUANTITY_MAX,
  activityDisplayQuantity,
  activityQuantityIssue,
} from './activity-names';

describe('activity kinds', () => {
  it('name every kind in Chinese with its unit; money in fen', () => {
    for (const kind of ACTIVITY_KIND_LIST) expect(ACTIVITY_KINDS[kind].label).toMatch(/\p{Script=Han}/u);
    expect(ACTIVITY_KINDS.dues_paid.unit).toBe('fen');
    expect(ACTIVITY_KINDS.contribution.unit).toBe('fen');
    expect(ACTIVITY_KINDS.study_hours.unit).toBe('class_hours');
    expect(ACTIVITY_KINDS.volunteer_hours.unit).toBe('hours');
    expect(ACTIVITY_KINDS.status_changed.unit).toBe('times');
  });
});

describe('activityQuantityIssue', () => {
  it('takes whole and two-decimal quantities from 0 to the column maximum', () => {
    for (const q of [0, 1, 2.5, 0.01, 12.34, ACTIVITY_QUANTITY_MAX])
      expect(activityQuantityIssue('hours', q)).toBeNull();
  });

  it('refuses negatives, more decimals, the infinite and too much', () => {
    expect(activityQuantityIssue('hours', -1)).toBe('数量不能为负数');
    expect(activityQuantityIssue('class_hours', 1.005)).toBe('数量最多两位小数');
    expect(activityQuantityIssue('times', Number.NaN)).toBe('数量应为有限数字');
    expect(activityQuantityIssue('times', Number.POSITIVE_INFINITY)).toBe('数量应为有限数字');
    expect(activityQuantityIssue('points', ACTIVITY_QUANTITY_MAX + 1)).toBe('数量超出范围');
  });

  it('counts money in whole fen', () => {
    expect(activityQuantityIssue('fen', 12345)).toBeNull();
    expect(activityQuantityIssue('fen', 123.45)).toBe('金额应为整数（分）');
  });
});

describe('activityDisplayQuantity', () => {
  it('shows fen as yuan and other units as they are', () => {
    expect(activityDisplayQuantity('fen', 12345)).toBe(123.45);
    expect(activityDisplayQuantity('class_hours', 2.5)).toBe(2.5);
  });
});

describe('ActivityQuery', () => {
  it('reads a year and a page size as digits, within range', () => {
    expect(ActivityQuery.parse({ year: '2025' })).toEqual({ year: 2025, limit: 50 });
    expect(ActivityQuery.parse({})).toEqual({ limit: 50 });
    expect(ActivityQuery.safeParse({ year: '1899' }).success).toBe(false);
    expect(ActivityQuery.safeParse({ year: '2200' }).success).toBe(false);
    expect(ActivityQuery.safeParse({ year: '20x5' }).success).toBe(false);
    expect(ActivityQuery.safeParse({ limit: '0' }).success).toBe(false);
  });
});
