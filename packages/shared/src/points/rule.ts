import type { PointsRules } from '../settings/rules';

/**
 * The points rule (积分) worked out exactly: every figure is held in hundredths (a study hour of
 * 2.5 is 250), so nothing is a float. The server's run computes the same in SQL numeric; this is
 * the member's own breakdown and the test's reference.
 */

/** A member's year as the ledger counts it: the sums of the kinds the rule reads. */
export interface PointsFigures {
  /** Meetings attended (参加组织生活, times). */
  meetings: string | number;
  /** Study hours (学时). */
  studyHours: string | number;
  /** Volunteer hours (志愿服务小时). */
  volunteerHours: string | number;
  /** Contributions to the home city (服务家乡), counted as entries. */
  contributions: number;
  /** Honours (获得表彰), counted as entries. */
  honours: number;
}

/** A decimal with at most two places (as text or number) in hundredths. */
export function toHundredths(value: string | number): number {
  const text = typeof value === 'number' ? value.toFixed(2) : value.trim();
  const m = /^(-?)(\d+)(?:\.(\d{1,2})\d*)?$/.exec(text);
  if (!m) throw new Error(`not a decimal: ${text}`);
  const cents = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] ? -cents : cents;
}

/** Hundredths as a decimal text with two places: 1250 → "12.50". */
export function fromHundredths(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

export interface PointsBreakdown {
  /** Each figure's points before the caps, in hundredths. */
  meetings: number;
  studyHours: number;
  volunteerHours: number;
  contributions: number;
  honours: number;
  base: number;
  tasks: number;
  bonus: number;
  total: number;
}

/**
 * A member's points by the rules, in hundredths: base, tasks = min(cap, meetings × perMeeting +
 * study hours × perStudyHour + volunteer hours × perVolunteerHour), bonus = min(cap,
 * contributions × perContribution + honours × perHonour).
 */
export function pointsOf(rules: PointsRules, f: PointsFigures): PointsBreakdown {
  const meetings = toHundredths(f.meetings) * rules.perMeeting;
  const studyHours = toHundredths(f.studyHours) * rules.perStudyHour;
  const volunteerHours = toHundredths(f.volunteerHours) * rules.perVolunteerHour;
  const contributions = f.contributions * 100 * rules.perContribution;
  const honours = f.honours * 100 * rules.perHonour;
  const base = rules.base * 100;
  const tasks = Math.min(rules.tasksCap * 100, meetings + studyHours + volunteerHours);
  const bonus = Math.min(rules.bonusCap * 100, contributions + honours);
  return {
    meetings,
    studyHours,
    volunteerHours,
    contributions,
    honours,
    base,
    tasks,
    bonus,
    total: base + tasks + bonus,
  };
}
