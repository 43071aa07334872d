import { describe, expect, it } from 'vitest';
import { LeadCreateBody, LeadFoundBody, VisitCreateBody } from './leads';

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
