/** Cases of the dues API tests: months, payments and arrears, run by `dues.routes.int.test.ts`. */
import { describe, expect, it } from 'vitest';
import { faultyFields } from '../../../../test/app';
import { loadXlsx, sheetRows, XLSX } from '../../../../test/excel';
import { auditCount } from '../../../../test/factories';
import {
  branch,
  haidian,
  haidianBranchId,
  kangbao,
  ledgerOf,
  mm,
  monthsSoFar,
  people,
  req,
  t,
  thisMonth,
  today,
  tongzhou,
  year,
} from '../dues.fixture';

/** A branch’s month: opening it, payments and reversals, arrears, closing, the sheets. */
export function monthCases() {
  describe('months, payments and arrears', () => {
    let monthId: number;

    it('opens a month once per branch; only a branch in the write scope', async () => {
      expect((await req('POST', '/months', undefined, {})).statusCode).toBe(401);
      expect((await req('POST', '/months', kangbao, { orgId: branch.id, month: thisMonth })).statusCode).toBe(
        403,
      );
      expect(
        faultyFields(await req('POST', '/months', tongzhou, { orgId: branch.id, month: `${year}-13` })),
      ).toEqual(['month']);
      expect(
        faultyFields(await req('POST', '/months', tongzhou, { orgId: haidianBranchId, month: thisMonth })),
      ).toEqual(['orgId']);
      const res = await req('POST', '/months', tongzhou, { orgId: branch.id, month: thisMonth });
      expect(res.statusCode, res.body).toBe(201);
      monthId = res.json().id;
      expect(res.json()).toMatchObject({ state: 'open', month: thisMonth, org: { id: branch.id } });
      const again = await req('POST', '/months', tongzhou, { orgId: branch.id, month: thisMonth });
      expect(again.statusCode).toBe(409);
      expect(again.json().code).toBe('DUES_MONTH_EXISTS');
      expect((await req('GET', `/months/${monthId}`, haidian)).statusCode).toBe(404);
    });

    it('owes every month of the year so far; a quarterly payment and a cash payment shrink the arrears', async () => {
      const p = people[0]!;
      const owed = async () =>
        (await req('GET', `/arrears?orgId=${branch.id}&limit=500`, tongzhou))
          .json()
          .items.find((i: { memberId: number }) => i.memberId === p.id);
      expect(await owed()).toMatchObject({
        months: monthsSoFar,
        amountFen: 3000 * monthsSoFar,
        oldestMonth: `${year}-01`,
      });

      expect((await req('POST', '/payments', kangbao, {})).statusCode).toBe(403);
      expect(faultyFields(await req('POST', '/payments', tongzhou, {}))).toEqual([
        'fromMonth',
        'memberId',
        'method',
        'paidOn',
        'toMonth',
      ]);
      expect(
        faultyFields(
          await req('POST', '/payments', tongzhou, {
            memberId: p.id,
            fromMonth: mm(3),
            toMonth: mm(1),
            method: 'cash',
            paidOn: today,
          }),
        ),
      ).toEqual(['toMonth']);
      expect(
        faultyFields(
          await req('POST', '/payments', tongzhou, {
            memberId: p.id,
            fromMonth: `${year + 1}-01`,
            toMonth: `${year + 1}-01`,
            method: 'cash',
            paidOn: today,
          }),
        ),
      ).toEqual(['fromMonth']);
      const notOpen = await req('POST', '/payments', tongzhou, {
        memberId: p.id,
        fromMonth: mm(1),
        toMonth: mm(1),
        method: 'cash',
        paidOn: `${year - 1}-12-01`,
      });
      expect(notOpen.json().code).toBe('DUES_MONTH_NOT_OPEN');

      const quarter = await req('POST', '/payments', tongzhou, {
        memberId: p.id,
        fromMonth: mm(1),
        toMonth: mm(3),
        method: 'transfer',
        paidOn: today,
        payerName: '王秀英',
        amountFen: 1,
      });
      expect(quarter.statusCode, quarter.body).toBe(201);
      expect(quarter.json()).toMatchObject({
        amountFen: 9000,
        method: 'transfer',
        payerName: '王秀英',
        collectedBy: '通州流动党委书记',
      });
      expect(quarter.json().months.map((m: { month: string }) => m.month)).toEqual([mm(1), mm(2), mm(3)]);
      const twice = await req('POST', '/payments', tongzhou, {
        memberId: p.id,
        fromMonth: mm(3),
        toMonth: mm(4),
        method: 'cash',
        paidOn: today,
      });
      expect(twice.statusCode).toBe(409);
      expect(twice.json()).toMatchObject({
        code: 'DUES_MONTH_PAID',
        message: expect.stringContaining(`${year}年3月`),
      });
      const cash = await req('POST', '/payments', tongzhou, {
        memberId: p.id,
        fromMonth: mm(4),
        toMonth: mm(4),
        method: 'cash',
        paidOn: today,
      });
      expect(cash.json().amountFen).toBe(3000);
      expect(await owed()).toMatchObject({ months: monthsSoFar - 4, oldestMonth: mm(5) });
      expect((await ledgerOf(p.id)).map((e) => [e.quantity, e.title])).toEqual([
        ['9000.00', `交纳党费：${year}年1月至${year}年3月`],
        ['3000.00', `交纳党费：${year}年4月`],
      ]);
      expect((await req('GET', `/members/${p.id}`, tongzhou)).json()).toMatchObject({
        paidUpTo: mm(4),
        owedFen: 3000 * (monthsSoFar - 4),
      });
      expect((await req('GET', `/members/${p.id}`, haidian)).statusCode).toBe(404);
      // The payment itself: read in the member's subtree only.
      expect((await req('GET', `/payments/${cash.json().id}`, tongzhou)).json()).toMatchObject({
        amountFen: 3000,
      });
      expect((await req('GET', `/payments/${cash.json().id}`, haidian)).statusCode).toBe(404);
      const paidIds = async (cookie: string) =>
        (await req('GET', `/payments?memberId=${p.id}`, cookie))
          .json()
          .items.map((i: { id: number }) => i.id);
      expect(await paidIds(tongzhou)).toContain(cash.json().id);
      expect(await paidIds(haidian)).toEqual([]);

      // Reversal: the months are owed again and the ledger entry goes.
      expect(
        (await req('POST', `/payments/${cash.json().id}/reverse`, haidian, { reason: '误登' })).statusCode,
      ).toBe(404);
      const reversed = await req('POST', `/payments/${cash.json().id}/reverse`, tongzhou, { reason: '误登' });
      expect(reversed.json().reversedAt).not.toBeNull();
      expect(
        (await req('POST', `/payments/${cash.json().id}/reverse`, tongzhou, { reason: '误登' })).json().code,
      ).toBe('DUES_PAYMENT_REVERSED');
      expect(await owed()).toMatchObject({ months: monthsSoFar - 3, oldestMonth: mm(4) });
      expect((await ledgerOf(p.id)).length).toBe(1);
      expect(await auditCount(t.store, 'dues.payment_reversed', cash.json().id)).toBe(1);
    });

    it('the month page lists the branch with what is due and paid; closing fixes the figures and takes no more payments', async () => {
      const p = people[0]!;
      const sheet = (await req('GET', `/months/${monthId}`, tongzhou)).json();
      const row = sheet.members.find((m: { memberId: number }) => m.memberId === p.id);
      expect(row).toMatchObject({ dueFen: 3000, paid: monthsSoFar <= 3 });
      expect(sheet.totals.collectedFen).toBe(9000); // the reversed payment is not counted
      expect(sheet.members.length).toBe(sheet.totals.members);
      const closed = await req('POST', `/months/${monthId}/close`, tongzhou, { version: sheet.version });
      expect(closed.statusCode, closed.body).toBe(200);
      expect(closed.json()).toMatchObject({
        state: 'closed',
        expectedFen: sheet.totals.expectedFen,
        collectedFen: 9000,
      });
      const late = await req('POST', '/payments', tongzhou, {
        memberId: p.id,
        fromMonth: mm(5),
        toMonth: mm(5),
        method: 'cash',
        paidOn: today,
      });
      expect(late.statusCode).toBe(409);
      expect(late.json().code).toBe('DUES_MONTH_CLOSED');
      expect(
        (await req('POST', `/months/${monthId}/close`, tongzhou, { version: closed.json().version })).json()
          .code,
      ).toBe('DUES_MONTH_CLOSED');
    });
    it('the month report and the arrears list as sheets, audited, in scope', async () => {
      expect((await req('GET', `/months/${monthId}/report`)).statusCode).toBe(401);
      expect((await req('GET', `/months/${monthId}/report`, kangbao)).statusCode).toBe(403);
      expect((await req('GET', `/months/${monthId}/report`, haidian)).statusCode).toBe(404);
      const res = await req('GET', `/months/${monthId}/report`, tongzhou);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain(XLSX);
      const rows = sheetRows((await loadXlsx(res.rawPayload)).worksheets[0]!);
      expect(rows[0]).toEqual([
        '姓名',
        '类别',
        '本月应交（元）',
        '交纳情况',
        '交纳方式',
        '交纳日期',
        '欠缴月数',
        '欠缴金额（元）',
      ]);
      const p = rows.find((r) => r[0] === people[0]!.name)!;
      expect(p.slice(2, 4)).toEqual([30, monthsSoFar <= 3 ? '已交' : '未交']);
      expect(p[6]).toBe(monthsSoFar - 3);
      expect(String(rows.at(-1)![0])).toMatch(/^合计/);
      expect(await auditCount(t.store, 'dues.exported')).toBe(1);

      expect((await req('GET', '/arrears/export', kangbao)).statusCode).toBe(403);
      const list = (await req('GET', `/arrears?orgId=${branch.id}&limit=500`, tongzhou)).json();
      const sheet = await req('GET', `/arrears/export?orgId=${branch.id}`, tongzhou);
      const arrearsRows = sheetRows((await loadXlsx(sheet.rawPayload)).worksheets[0]!);
      expect(arrearsRows.length).toBe(list.items.length + 1);
      expect((await req('GET', `/arrears/export?orgId=${branch.id}`, haidian)).statusCode).toBe(200);
    });
  });
}
