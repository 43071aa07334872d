import { describe, expect, it } from 'vitest';
import { BallotCode, EvaluationGradesBody, maxExcellent } from './index';

describe('the one-third rule (优秀 ≤ 1/3)', () => {
  it('allows floor(n / 3) 优秀 at n = 3, 4, 6, 7', () => {
    expect([3, 4, 6, 7].map(maxExcellent)).toEqual([1, 1, 2, 2]);
    expect([1, 2, 9, 50].map(maxExcellent)).toEqual([0, 0, 3, 16]);
  });
});

describe('contracts', () => {
  it('reads a ballot code however it is typed', () => {
    expect(BallotCode.parse(' abcde-fghjk ')).toBe('ABCDEFGHJK');
    expect(BallotCode.safeParse('ABC').success).toBe(false);
  });

  it('needs the decision with the grades', () => {
    const r = EvaluationGradesBody.safeParse({ version: 0, grades: [] });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join('.')).sort()).toEqual([
      'decidedOn',
      'decisionNote',
      'grades',
    ]);
  });
});
