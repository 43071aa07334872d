/** Cases of the dues API tests: reliefs and a member’s own dues, run by `dues.routes.int.test.ts`. */
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { faultyFields } from '../../../../test/app';
import { queryRows } from '../../../db/client';
import {
  branch,
  branchSecretary,
  declare,
  demoMemberId,
  haidian,
  kangbao,
  member,
  mm,
  monthsSoFar,
  office,
  people,
  req,
  t,
  today,
  tongzhou,
} from '../dues.fixture';

/** Reduced and waived dues through review and approval; a member’s own dues and the reminder. */
export function reliefCases() {
  describe('reliefs and a member’s own dues', () => {
    it('a waiver passes the branch’s review and the next level’s approval, never by one person', async () => {
      const p = people[1]!;
      await declare(p.id, { category: 'farmer', incomeYuan: undefined });
      expect((await req('POST', '/reliefs', kangbao, {})).statusCode).toBe(403);
      expect(
        faultyFields(
          await req('POST', '/reliefs', tongzhou, {
            memberId: p.id,
            kind: 'reduced',
            fromMonth: mm(1),
            toMonth: mm(2),
            reason: '生病住院',
          }),
        ),
      ).toEqual(['monthlyYuan']);
      expect(
        faultyFields(
          await req('POST', '/reliefs', tongzhou, {
            memberId: p.id,
            kind: 'waived',
            fromMonth: mm(2),
            toMonth: mm(1),
            reason: '生病住院',
          }),
        ),
      ).toEqual(['toMonth']);
      const created = await req('POST', '/reliefs', tongzhou, {
        memberId: p.id,
        kind: 'waived',
        fromMonth: mm(1),
        toMonth: mm(2),
        reason: '生病住院，无收入',
      });
      expect(created.statusCode, created.body).toBe(201);
      const r = created.json();
      expect(r).toMatchObject({ state: 'submitted', monthlyFen: 0 });
      expect((await req('GET', `/reliefs/${r.id}`, tongzhou)).statusCode).toBe(200);
      expect((await req('GET', `/reliefs/${r.id}`, haidian)).statusCode).toBe(404);
      // Approving before the review is refused.
      expect(
        (await req('POST', `/reliefs/${r.id}/decide`, office, { version: r.version, approve: true })).json()
          .code,
      ).toBe('DUES_RELIEF_STATE');
      expect(
        (await req('POST', `/reliefs/${r.id}/review`, haidian, { version: r.version, approve: true }))
          .statusCode,
      ).toBe(404);
      const reviewed = (
        await req('POST', `/reliefs/${r.id}/review`, branchSecretary, {
          version: r.version,
          approve: true,
          note: '支委会同意',
        })
      ).json();
      expect(reviewed.state).toBe('reviewed');
      // The branch cannot approve its own request.
      const own = await req('POST', `/reliefs/${r.id}/decide`, branchSecretary, {
        version: reviewed.version,
        approve: true,
      });
      expect(own.statusCode).toBe(403);
      expect(own.json().code).toBe('DUES_RELIEF_NEXT_LEVEL');
      const approved = await req('POST', `/reliefs/${r.id}/decide`, tongzhou, {
        version: reviewed.version,
        approve: true,
      });
      expect(approved.statusCode, approved.body).toBe(200);
      expect(approved.json()).toMatchObject({
        state: 'approved',
        reviewedBy: expect.any(String),
        decidedBy: '通州流动党委书记',
      });

      // Waived months are neither owed nor payable, and count toward 党费交至.
      const waived = await req('POST', '/payments', tongzhou, {
        memberId: p.id,
        fromMonth: mm(1),
        toMonth: mm(1),
        method: 'cash',
        paidOn: today,
      });
      expect(waived.json().code).toBe('DUES_MONTH_WAIVED');
      const dues = (await req('GET', `/members/${p.id}`, tongzhou)).json();
      expect(dues.paidUpTo).toBe(mm(2));
      expect(dues.owed.length).toBe(Math.max(0, monthsSoFar - 2));
    });

    it('the reviewer cannot approve too', async () => {
      const p = people[2]!;
      await declare(p.id);
      const r = (
        await req('POST', '/reliefs', tongzhou, {
          memberId: p.id,
          kind: 'reduced',
          monthlyYuan: '5',
          fromMonth: mm(1),
          toMonth: mm(1),
          reason: '下岗失业',
        })
      ).json();
      const reviewed = (
        await req('POST', `/reliefs/${r.id}/review`, tongzhou, { version: r.version, approve: true })
      ).json();
      const same = await req('POST', `/reliefs/${r.id}/decide`, tongzhou, {
        version: reviewed.version,
        approve: true,
      });
      expect(same.statusCode).toBe(403);
      expect(same.json().code).toBe('DUES_RELIEF_SAME_USER');
      const rejected = await req('POST', `/reliefs/${r.id}/decide`, office, {
        version: reviewed.version,
        approve: false,
        note: '不符合条件',
      });
      expect(rejected.json().state).toBe('rejected');
      expect((await req('GET', '/reliefs?state=rejected', haidian)).json().items).toEqual([]);
      expect(
        (await req('GET', '/reliefs?state=rejected', tongzhou)).json().items.map((i: { id: number }) => i.id),
      ).toContain(r.id);
    });

    it('a member sees their own dues; owing three months or more brings a reminder, once a month', async () => {
      expect((await req('GET', '/mine')).statusCode).toBe(401);
      expect((await req('GET', '/mine', office)).statusCode).toBe(403);
      await declare(demoMemberId);
      const mine = (await req('GET', '/mine', member)).json();
      expect(mine).toMatchObject({ memberId: demoMemberId, paidUpTo: null, base: { monthlyFen: 3000 } });
      expect(mine.owed.length).toBe(monthsSoFar);
      expect((await req('POST', '/arrears/remind', kangbao, {})).statusCode).toBe(403);
      const first = (await req('POST', '/arrears/remind', tongzhou, { orgId: branch.id })).json().sent;
      const inbox = await queryRows<{ n: number }>(
        t.store.db,
        sql`select count(*)::int as n from inbox_items i join users u on u.id = i.user_id
          where u.username = 'member' and i.kind = 'dues_arrears'`,
      );
      expect(inbox[0]!.n).toBe(monthsSoFar >= 3 ? 1 : 0);
      expect(first).toBeGreaterThanOrEqual(inbox[0]!.n);
      expect((await req('POST', '/arrears/remind', tongzhou, { orgId: branch.id })).json().sent).toBe(0);
    });
  });
}
