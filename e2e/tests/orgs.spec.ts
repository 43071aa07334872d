import { expect, signedInAs, test } from '../fixtures';
import { AuditPage } from '../pages/AuditPage';
import { OrgTreePage } from '../pages/OrgTreePage';

const TOP = '中共张家口市驻京流动党员联合委员会';
const TONGZHOU = '驻北京通州区流动党委';
/** The second-level committees DOMAIN.md names; the other twelve are one per Beijing district. */
const NAMED_IN_DOMAIN = [
  TONGZHOU,
  '驻北京怀柔区流动党委',
  '驻北京大兴区流动党委',
  '驻北京延庆区流动党委',
  '驻北京大栅栏街道流动党委',
];
const BRANCH = '快递外卖流动党支部';

test.use(signedInAs('office'));

test('office sees the 17 second-level committees under the top committee', async ({ page }) => {
  const orgs = new OrgTreePage(page);
  await orgs.goto();

  // The top committee is open and selected; below it, its 17 second-level committees.
  await expect(orgs.treeItems.first()).toHaveAccessibleName(TOP);
  await expect(orgs.treeItem(TOP)).toHaveAttribute('aria-expanded', 'true');
  await expect(orgs.detailTitle).toHaveText(TOP);
  await expect(orgs.treeItems).toHaveCount(1 + 17);
  const committees = (await orgs.visibleNames()).slice(1);
  for (const name of committees) expect(name).toMatch(/^驻北京.+流动党委$/);
  expect(new Set(committees).size).toBe(17);
  for (const name of NAMED_IN_DOMAIN) await expect(orgs.treeItem(name)).toBeVisible();
  await expect(orgs.fact('下级组织')).toHaveAccessibleName(/^下级组织\W*17$/);
});

test('office adds a branch under 通州, and the auditor sees it in the audit log', async ({
  page,
  pageAs,
}) => {
  const orgs = new OrgTreePage(page);
  await orgs.goto();
  await orgs.select(TONGZHOU);
  await orgs.addChild(BRANCH, '流动党支部');

  // The new branch is selected: its details, with 通州 above it, and its node under 通州.
  await expect(page.getByText('已新增组织')).toBeVisible();
  await expect(orgs.detailTitle).toHaveText(BRANCH);
  await expect(orgs.ancestorLink(TONGZHOU)).toBeVisible();
  await expect(orgs.ancestorLink(TOP)).toBeVisible();
  await expect(orgs.fact('组织类别')).toHaveAccessibleName(/流动党支部$/);
  await expect(orgs.treeItem(TONGZHOU)).toHaveAttribute('aria-expanded', 'true');
  await expect(orgs.treeItem(BRANCH)).toHaveAttribute('aria-selected', 'true');
  const names = await orgs.visibleNames();
  const tongzhouAt = names.indexOf(TONGZHOU);
  const huairouAt = names.indexOf('驻北京怀柔区流动党委');
  expect(names.indexOf(BRANCH), `${BRANCH} sits under ${TONGZHOU}: ${names.join(' / ')}`).toBeGreaterThan(
    tongzhouAt,
  );
  expect(names.indexOf(BRANCH)).toBeLessThan(huairouAt);

  // It survives a reload: the server has it.
  await page.reload();
  await expect(orgs.detailTitle).toHaveText(BRANCH);
  await expect(orgs.treeItem(BRANCH)).toBeVisible();

  const audit = new AuditPage(await pageAs('auditor'));
  await audit.goto();
  await audit.filterByAction('新建组织');
  await expect.poll(async () => [...new Set(await audit.columnValues('操作'))]).toEqual(['新建组织']);
  const entry = audit.entriesWith(BRANCH);
  await expect(entry).toHaveCount(1);
  await expect(entry.getByRole('cell', { name: '流动党委办公室 office', exact: true })).toBeVisible();
  await expect(entry.getByRole('cell', { name: '新建组织', exact: true })).toBeVisible();
  await expect(entry.getByRole('cell', { name: BRANCH, exact: true })).toBeVisible();
});
