import { expect, signedInAs, test } from '../fixtures';
import { ArchivesPage } from '../pages/ArchivesPage';

test.use(signedInAs('office'));

test('the office lends an archive item, sees it out, and takes it back', async ({ page }) => {
  const archives = new ArchivesPage(page);
  const code = 'LD-2019-ZZ-0001';
  await expect((await archives.find(code)).getByText('在库')).toBeVisible();

  await archives.lend(code, '李卫东', '组织关系核对');
  const row = await archives.find(code);
  await expect(row).toContainText('借出：李卫东');
  await expect(row.getByRole('button', { name: '借出' })).toHaveCount(0);

  await archives.giveBack(code);
  await expect((await archives.find(code)).getByText('在库')).toBeVisible();
});
