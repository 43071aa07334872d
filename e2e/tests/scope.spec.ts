import { expect, findOrg, signedInAs, test } from '../fixtures';
import { AppShell } from '../pages/AppShell';
import { OrgTreePage } from '../pages/OrgTreePage';

const TONGZHOU = '驻北京通州区流动党委';
const HAIDIAN = '驻北京海淀区流动党委';

test.use(signedInAs('tongzhou'));

test('the 通州 secretary sees only 通州 and its branches', async ({ page, apiAs }) => {
  // What the whole committee looks like, from the office's point of view.
  const [top] = await (await apiAs('office')).orgTree();
  if (!top) throw new Error('the demo committee is missing');
  const tongzhou = findOrg([top], TONGZHOU);
  const others = top.children.filter((c) => c.id !== tongzhou.id);
  expect(others).toHaveLength(16);

  const orgs = new OrgTreePage(page);
  await orgs.goto();
  await expect(orgs.treeItems.first()).toHaveAccessibleName(TONGZHOU);
  await expect(orgs.detailTitle).toHaveText(TONGZHOU);
  await expect(orgs.treeItems).toHaveCount(1 + tongzhou.children.length);
  expect((await orgs.visibleNames()).slice(1).sort()).toEqual(tongzhou.children.map((b) => b.name).sort());

  // Nothing of the rest of the committee, anywhere in the tree. (Branch names repeat from one
  // committee to the next, so only the names 通州 does not have too can be looked for.)
  const own = new Set([tongzhou.name, ...tongzhou.children.map((b) => b.name)]);
  const shown = (await orgs.tree.textContent()) ?? '';
  for (const org of [top, ...others, ...others.flatMap((o) => o.children)])
    if (!own.has(org.name)) expect(shown, `the tree shows ${org.name}`).not.toContain(org.name);
  // Not even by searching for it.
  await orgs.search.fill('海淀');
  await expect(page.getByRole('main').getByText('没有匹配的组织')).toBeVisible();
});

test('a 海淀 org opened by its id shows not found, not 海淀', async ({ page, apiAs }) => {
  const office = await apiAs('office');
  const haidianId = findOrg(await office.orgTree(), HAIDIAN).id;
  const haidian = await office.org(haidianId);

  const orgs = new OrgTreePage(page);
  await orgs.goto(haidianId);
  await expect(orgs.detail.getByText('组织不存在或无权查看')).toBeVisible();
  await expect(orgs.detailTitle).toHaveCount(0);
  await expect(orgs.addChildButton).toHaveCount(0);
  // None of 海淀's data: not its name, district or office holders.
  const shown = (await orgs.detail.textContent()) ?? '';
  for (const text of [HAIDIAN, '海淀区', ...haidian.positions.map((p) => p.holderName)])
    expect(shown, `the page shows ${text}`).not.toContain(text);
  // The secretary's own tree is still there.
  await expect(orgs.treeItems.first()).toHaveAccessibleName(TONGZHOU);
});

test('the 通州 secretary has no audit log or account management', async ({ page }) => {
  const shell = new AppShell(page);
  await page.goto('/orgs');
  await expect(shell.menuItem('组织架构')).toBeVisible();
  await expect(shell.menuItem('我的账户')).toBeVisible();
  await expect(shell.menuItem('审计日志')).toHaveCount(0);
  await expect(shell.menuItem('账户管理')).toHaveCount(0);

  // Typing the address does not help either.
  await page.goto('/audit');
  await expect(page.getByRole('main').getByText('您没有访问此页面的权限')).toBeVisible();
  await expect(page.getByRole('main').getByRole('table')).toHaveCount(0);
});
