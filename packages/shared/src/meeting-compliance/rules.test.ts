import { describe, expect, it } from 'vitest';
import { DEFAULT_MEETING_FREQUENCIES } from '../settings/rules';
import {
  branchCompliance,
  completionRate,
  currentMonthOf,
  periodsOf,
  spanTouches,
  typeCompliance,
} from './rules';

/** Held counts by month from a list of months (1–12) with a meeting each. */
const months = (...held: number[]) => {
  const out = Array.from({ length: 12 }, () => 0);
  for (const m of held) out[m - 1]! += 1;
  return out;
};
const none = { exemptions: [], exemptByRule: false };

describe('periodsOf', () => {
  it('splits the year by the frequency', () => {
    expect(periodsOf('monthly')).toHaveLength(12);
    expect(periodsOf('quarterly').map((p) => [p.key, p.fromMonth, p.toMonth])).toEqual([
      ['Q1', 1, 3],
      ['Q2', 4, 6],
      ['Q3', 7, 9],
      ['Q4', 10, 12],
    ]);
    expect(periodsOf('half_yearly').map((p) => p.label)).toEqual(['上半年', '下半年']);
    expect(periodsOf('yearly')).toEqual([{ key: 'Y', label: '全年', fromMonth: 1, toMonth: 12 }]);
  });
});

describe('typeCompliance', () => {
  it('a past year with 2 党员大会 (both in the first half) against quarterly is behind in Q3 and Q4', () => {
    const r = typeCompliance(2025, 13, { frequency: 'quarterly', heldByMonth: months(2, 5), ...none });
    expect(r.held).toBe(2);
    expect(r.required).toBe(4);
    expect(r.periods.map((p) => p.status)).toEqual(['done', 'done', 'behind', 'behind']);
    expect(r.status).toBe('behind');
    expect([r.met, r.due]).toEqual([2, 4]);
  });

  it('2 meetings in the same quarter still miss the other quarters', () => {
    const r = typeCompliance(2025, 13, { frequency: 'quarterly', heldByMonth: months(1, 2), ...none });
    expect(r.periods.map((p) => p.held)).toEqual([2, 0, 0, 0]);
    expect(r.met).toBe(1);
    expect(r.status).toBe('behind');
  });

  it('the period not yet over is in progress, not behind', () => {
    // In May: Q1 held, Q2 (April–June) not yet held, Q3/Q4 to come.
    const r = typeCompliance(2026, 5, { frequency: 'quarterly', heldByMonth: months(3), ...none });
    expect(r.periods.map((p) => p.status)).toEqual(['done', 'in_progress', 'in_progress', 'in_progress']);
    expect(r.status).toBe('in_progress');
    expect([r.met, r.due]).toEqual([1, 1]);
  });

  it('monthly: a month missed before the current one is behind', () => {
    const r = typeCompliance(2026, 4, { frequency: 'monthly', heldByMonth: months(1, 3, 4), ...none });
    expect(r.periods.slice(0, 5).map((p) => p.status)).toEqual([
      'done',
      'behind',
      'done',
      'done',
      'in_progress',
    ]);
    expect(r.status).toBe('behind');
    // Met Jan, Mar, Apr (April counts though not over); due Jan–Mar and April.
    expect([r.met, r.due]).toEqual([3, 4]);
  });

  it('every period met is done; a yearly type held once is done', () => {
    expect(typeCompliance(2025, 13, { frequency: 'yearly', heldByMonth: months(11), ...none }).status).toBe(
      'done',
    );
    expect(
      typeCompliance(2025, 13, { frequency: 'half_yearly', heldByMonth: months(6, 7), ...none }).status,
    ).toBe('done');
  });

  it('an exemption leaves the periods it touches out', () => {
    const r = typeCompliance(2025, 13, {
      frequency: 'monthly',
      heldByMonth: months(1, 2, 3),
      exemptions: [{ fromOn: '2025-03-15', untilOn: null }],
      exemptByRule: false,
    });
    expect(r.periods.map((p) => p.status)).toEqual([
      'done',
      'done',
      ...Array.from({ length: 10 }, () => 'exempt'),
    ]);
    expect(r.required).toBe(2);
    expect(r.status).toBe('done');
  });

  it('exempt by rule for the whole year', () => {
    const r = typeCompliance(2025, 13, {
      frequency: 'monthly',
      heldByMonth: months(),
      exemptions: [],
      exemptByRule: true,
    });
    expect(r.status).toBe('exempt');
    expect([r.required, r.due]).toEqual([0, 0]);
  });

  it('a future year: nothing over, nothing behind', () => {
    const r = typeCompliance(2030, 0, { frequency: 'monthly', heldByMonth: months(), ...none });
    expect(r.status).toBe('in_progress');
    expect(r.due).toBe(0);
  });
});

describe('spanTouches / currentMonthOf / completionRate', () => {
  it('reads the days an exemption covers', () => {
    expect(spanTouches({ fromOn: '2025-04-01', untilOn: '2025-06-30' }, 2025, 1, 3)).toBe(false);
    expect(spanTouches({ fromOn: '2025-03-31', untilOn: '2025-06-30' }, 2025, 1, 3)).toBe(true);
    expect(spanTouches({ fromOn: '2024-01-01', untilOn: '2024-12-31' }, 2025, 1, 12)).toBe(false);
    expect(spanTouches({ fromOn: '2024-01-01', untilOn: null }, 2025, 12, 12)).toBe(true);
  });

  it('the current month within, before and after the year', () => {
    expect(currentMonthOf(2026, '2026-12-06')).toBe(12);
    expect(currentMonthOf(2025, '2026-12-06')).toBe(13);
    expect(currentMonthOf(2027, '2026-12-06')).toBe(0);
  });

  it('met over due, null when nothing is due', () => {
    expect(
      completionRate([
        { met: 2, due: 4 },
        { met: 1, due: 2 },
      ]),
    ).toBe(0.5);
    expect(completionRate([{ met: 0, due: 0 }])).toBeNull();
    expect(completionRate([{ met: 1, due: 3 }])).toBe(0.333);
  });
});

describe('branchCompliance', () => {
  const held = {
    branch_assembly: months(3, 6, 9, 12),
    branch_committee: months(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12),
    group_meeting: months(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12),
    party_lecture: months(2, 5, 8, 11),
    theme_day: months(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12),
    life_meeting: months(12),
    talk: months(7),
  };

  it('a branch that held everything is done in every type, rate 1', () => {
    const r = branchCompliance({
      year: 2025,
      today: '2026-12-06',
      frequencies: DEFAULT_MEETING_FREQUENCIES,
      held,
      exemptions: {},
      fullMembers: 20,
    });
    expect(r.behind).toEqual([]);
    expect(r.completionRate).toBe(1);
  });

  it('fewer than 7 full members: 支委会 is exempt by rule, missing ones do not make it behind', () => {
    const r = branchCompliance({
      year: 2025,
      today: '2026-12-06',
      frequencies: DEFAULT_MEETING_FREQUENCIES,
      held: { ...held, branch_committee: months() },
      exemptions: {},
      fullMembers: 6,
    });
    expect(r.types.branch_committee.status).toBe('exempt');
    expect(r.behind).toEqual([]);
    const seven = branchCompliance({
      year: 2025,
      today: '2026-12-06',
      frequencies: DEFAULT_MEETING_FREQUENCIES,
      held: { ...held, branch_committee: months() },
      exemptions: {},
      fullMembers: 7,
    });
    expect(seven.behind).toEqual(['branch_committee']);
    // 12 + 12 + 12 + 4 + 4 + 1 + 1 = 46 periods due, 34 met.
    expect(seven.completionRate).toBe(Math.round((34 / 46) * 1000) / 1000);
  });

  it('two 党员大会 in a year is behind; the frequency setting decides', () => {
    const two = { ...held, branch_assembly: months(4, 10) };
    const base = { year: 2025, today: '2026-12-06', held: two, exemptions: {}, fullMembers: 20 };
    expect(branchCompliance({ ...base, frequencies: DEFAULT_MEETING_FREQUENCIES }).behind).toEqual([
      'branch_assembly',
    ]);
    expect(
      branchCompliance({
        ...base,
        frequencies: { ...DEFAULT_MEETING_FREQUENCIES, branch_assembly: 'half_yearly' },
      }).behind,
    ).toEqual([]);
  });
});
