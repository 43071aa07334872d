import { displayFen, parseMoney } from '@ningxin/shared';
import { expect, signedInAs, test } from '../fixtures';
import { HometownPage } from '../pages/HometownPage';

test.use(signedInAs('office'));

test("the office enters a project for a county and sees that county's total change", async ({ page }) => {
  const hometown = new HometownPage(page);
  const before = await hometown.countyTotals('蔚县');
  const signedBefore = parseMoney(before.signed, 'wan');
  if (!('fen' in signedBefore)) throw new Error(`not an amount: ${before.signed}`);

  await hometown.enterProject({
    name: `蔚县古典家具配套项目 ${Date.now() % 100000}`,
    county: '蔚县',
    industry: '家具制造',
    signedWan: '2500',
    orgName: '驻北京通州区流动党委',
  });

  await hometown.countyTotals('蔚县');
  await expect(hometown.projectsTotal).toHaveText(
    (Number(before.projects.replace(/,/g, '')) + 1).toLocaleString('zh-CN'),
  );
  await expect(hometown.signedTotal).toHaveText(displayFen(signedBefore.fen + 2_500_000_000, 'wan'));
});
