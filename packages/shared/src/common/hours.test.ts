import { describe, expect, it } from 'vitest';
import { ClassHours } from './hours';

const message = (r: { success: boolean; error?: { issues: { message: string }[] } }) =>
  r.success ? null : r.error!.issues[0]!.message;

describe('ClassHours', () => {
  it('accepts hours with one decimal within the range', () => {
    expect(ClassHours('学时', { max: 99.9 }).parse(2.5)).toBe(2.5);
    expect(ClassHours('学时', { max: 99.9 }).parse(0)).toBe(0);
  });

  it('refuses more decimals, the wrong side of the range, and a recorded value that would round to nothing', () => {
    const credit = ClassHours('学时', { max: 99.9 });
    expect(message(credit.safeParse(1.25))).toBe('学时最多保留一位小数');
    expect(message(credit.safeParse(-1))).toBe('学时不能为负数');
    expect(message(credit.safeParse(100))).toBe('学时不能超过 99.9');
    expect(message(credit.safeParse('2'))).toBe('学时应为数字');
    const recorded = ClassHours('学时', { min: 0.1, max: 24 });
    expect(message(recorded.safeParse(4.6e-40))).toBe('学时不能少于 0.1');
    expect(message(recorded.safeParse(0))).toBe('学时不能少于 0.1');
  });
});
