import { describe, expect, it } from 'vitest';
import { DEFAULT_POINTS_RULES } from '../settings/rules';
import { fromHundredths, pointsOf, toHundredths } from './rule';

const none = { meetings: 0, studyHours: 0, volunteerHours: 0, contributions: 0, honours: 0 };

describe('points rule', () => {
  it('reads decimals exactly in hundredths', () => {
    expect(toHundredths('2.5')).toBe(250);
    expect(toHundredths('0.07')).toBe(7);
    expect(toHundredths(0.1 + 0.2)).toBe(30);
    expect(toHundredths('12')).toBe(1200);
    expect(fromHundredths(4250)).toBe('42.50');
    expect(fromHundredths(5)).toBe('0.05');
    expect(() => toHundredths('1e3')).toThrow();
  });

  it('gives the base, tasks and bonus within their caps', () => {
    const p = pointsOf(DEFAULT_POINTS_RULES, {
      meetings: 3,
      studyHours: '2.5',
      volunteerHours: '10',
      contributions: 1,
      honours: 1,
    });
    expect(p).toMatchObject({ base: 2000, tasks: 1550, bonus: 700, total: 4250, studyHours: 250 });
    expect(pointsOf(DEFAULT_POINTS_RULES, none).total).toBe(2000);
    const capped = pointsOf(DEFAULT_POINTS_RULES, {
      ...none,
      studyHours: '69.99',
      volunteerHours: '0.02',
      honours: 3,
    });
    expect(capped).toMatchObject({ tasks: 7000, bonus: 1000, total: 10000 });
    expect(pointsOf(DEFAULT_POINTS_RULES, { ...none, studyHours: '69.99' }).tasks).toBe(6999);
  });
});
