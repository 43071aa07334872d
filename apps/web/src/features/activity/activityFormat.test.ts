import { describe, expect, it } from 'vitest';
import { formatActivityQuantity, showsQuantity } from './activityFormat';

describe('formatActivityQuantity', () => {
  it('shows fen as yuan with two decimals, grouped', () => {
    expect(formatActivityQuantity('fen', 302_000, 'zh-CN')).toBe('3,020.00');
    expect(formatActivityQuantity('fen', 5, 'en-GB')).toBe('0.05');
  });

  it('shows hours and points with the decimals they have', () => {
    expect(formatActivityQuantity('class_hours', 4.5, 'zh-CN')).toBe('4.5');
    expect(formatActivityQuantity('hours', 4, 'zh-CN')).toBe('4');
    expect(formatActivityQuantity('points', 92.25, 'en-GB')).toBe('92.25');
  });
});

describe('showsQuantity', () => {
  it('leaves out a single time, shows everything else', () => {
    expect(showsQuantity('times', 1)).toBe(false);
    expect(showsQuantity('times', 2)).toBe(true);
    expect(showsQuantity('hours', 1)).toBe(true);
  });
});
