import { expect, signedInAs, test } from '../fixtures';
import { WorkbenchPage } from '../pages/WorkbenchPage';
import { expectPageLooksRight } from '../support/rendering';

test.describe('the 通州 secretary’s workbench', () => {
  test.use(signedInAs('tongzhou'));

  test('shows the subtree’s figures and the lost members to follow up, each leading to its list', async ({
    page,
  }, testInfo) => {
    const workbench = new WorkbenchPage(page);
    await workbench.goto();
    await expect(workbench.heading).toHaveText('您好，通州流动党委书记');
    await expect(page.getByRole('main').getByText('书记：驻北京通州区流动党委及下级')).toBeVisible();
    await expectPageLooksRight(workbench.heading, testInfo.outputPath('workbench.png'));

    await workbench.todo('失联党员待跟进').click();
    await expect(page).toHaveURL(/\/members\?status=lost$/);
    await expect(page.getByRole('main').getByRole('cell', { name: '失联' }).first()).toBeVisible();
  });
});

test('a system admin’s workbench has no member figures, and shortcuts to the admin’s pages', async ({
  pageAs,
}) => {
  const workbench = new WorkbenchPage(await pageAs('admin'));
  await workbench.goto();
  await expect(workbench.figure('党员总数')).toHaveCount(0);
  await expect(workbench.shortcuts.getByRole('button', { name: '账户管理' })).toBeVisible();
  await expect(workbench.shortcuts.getByRole('button', { name: '党员信息库' })).toHaveCount(0);
});
