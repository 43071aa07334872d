import { describe, expect, it } from 'vitest';
import { eachDay } from './common/calendar';
import {
  cumulativeFound,
  LEAD_STATES,
  LeadCreateBody,
  LeadFoundBody,
  leadTransitionAllowed,
  VisitCreateBody,
} from './finding-campaigns';

describe('lead state transitions', () => {
  it('moves forward through contact and visit to an end, and may skip a step', () => {
    expect(leadTransitionAllowed('new', 'contacted')).toBe(true);
    expect(leadTransitionAllowed('new', 'visited')).toBe(true);
    expect(leadTransitionAllowed('contacted', 'visited')).toBe(true);
    expect(leadTransitionAllowed('visited', 'found')).toBe(true);
    expect(leadTransitionAllowed('new', 'not_member')).toBe(true);
    expect(leadTransitionAllowed('contacted', 'not_found')).toBe(true);
  });

  it('allows another visit in the same state but never a step back', () => {
    expect(leadTransitionAllowed('contacted', 'contacted')).toBe(true);
    expect(leadTransitionAllowed('visited', 'visited')).toBe(true);
    expect(leadTransitionAllowed('visited', 'contacted')).toBe(false);
    expect(leadTransitionAllowed('contacted', 'new')).toBe(false);
    expect(leadTransitionAllowed('new', 'new')).toBe(false);
  });

  it('keeps an ended lead where it ended', () => {
    for (const end of ['found', 'not_member', 'not_found'] as const)
      for (const to of LEAD_STATES) expect(leadTransitionAllowed(end, to), `${end} → ${to}`).toBe(false);
  });
});

describe('lead contracts', () => {
  it('checks a lead’s phone and ID number like a member’s, naming the field', () => {
    const r = LeadCreateBody.safeParse({ name: '张三丰', phone: '12345', idNumber: '110105194912310021' });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join('.')).sort()).toEqual(['idNumber', 'phone']);
    const ok = LeadCreateBody.safeParse({ name: '张三丰', phone: '+86 138-0013-8000' });
    expect(ok.success).toBe(true);
  });

  it('needs a name unless the lead is a lost member', () => {
    expect(LeadCreateBody.safeParse({}).error!.issues[0]!.path).toEqual(['name']);
    expect(LeadCreateBody.safeParse({ memberId: 5 }).success).toBe(true);
  });

  it('does not let a visit log mark a lead found or new', () => {
    const base = { visitedOn: '2024-01-02', method: 'phone', version: 0 };
    expect(VisitCreateBody.safeParse({ ...base, stateAfter: 'found' }).success).toBe(false);
    expect(VisitCreateBody.safeParse({ ...base, stateAfter: 'new' }).success).toBe(false);
    expect(VisitCreateBody.safeParse({ ...base, stateAfter: 'visited' }).success).toBe(true);
  });

  it('marks found by creating a member (the member rules apply) or by linking', () => {
    expect(LeadFoundBody.safeParse({ mode: 'link', foundOn: '2024-01-02', version: 1 }).success).toBe(true);
    const bad = LeadFoundBody.safeParse({
      mode: 'create',
      foundOn: '2024-01-02',
      version: 1,
      member: {
        name: '张三丰',
        idNumber: '110105194912310021',
        phone: '13800138000',
        joinedAt: '1970-01-01',
        homeCounty: '130723',
        orgId: 1,
      },
    });
    expect(bad.error!.issues.map((i) => i.path.join('.'))).toContain('member.idNumber');
  });
});

describe('the cumulative found curve', () => {
  it('lists every day of the period with the day’s and the running total', () => {
    const curve = cumulativeFound(
      '2009-06-10',
      '2009-06-14',
      [
        { day: '2009-06-11', found: 3 },
        { day: '2009-06-13', found: 2 },
      ],
      '2026-01-01',
    );
    expect(curve).toEqual([
      { day: '2009-06-10', found: 0, cumulative: 0 },
      { day: '2009-06-11', found: 3, cumulative: 3 },
      { day: '2009-06-12', found: 0, cumulative: 3 },
      { day: '2009-06-13', found: 2, cumulative: 5 },
      { day: '2009-06-14', found: 0, cumulative: 5 },
    ]);
  });

  it('stops at today for a running campaign and folds days outside the period into its ends', () => {
    const curve = cumulativeFound(
      '2026-03-01',
      '2026-04-30',
      [
        { day: '2026-02-27', found: 1 },
        { day: '2026-03-02', found: 4 },
      ],
      '2026-03-03',
    );
    expect(curve.map((d) => d.day)).toEqual(['2026-03-01', '2026-03-02', '2026-03-03']);
    expect(curve.map((d) => d.cumulative)).toEqual([1, 5, 5]);
  });

  it('counts days across months', () => {
    expect(eachDay('2009-06-29', '2009-07-02')).toEqual([
      '2009-06-29',
      '2009-06-30',
      '2009-07-01',
      '2009-07-02',
    ]);
  });
});
