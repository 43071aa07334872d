import { expect, test } from '../fixtures';
import { CoManagementPage, MemberContactsCard, pageSignedInAs } from '../pages/ContactsPage';
import { expectNoHorizontalOverflow } from '../support/rendering';

// 390×844: the host side (西城) opens 双重管理 on a phone and logs a contact for one of its members.

test('西城 logs a contact from 双重管理 on a phone', async ({ browser }) => {
  const page = await pageSignedInAs(browser, 'xicheng');
  const co = new CoManagementPage(page);
  await co.goto();
  await expect(co.rows.first()).toBeVisible();
  await expectNoHorizontalOverflow(page);
  const first = co.rows.first();
  const name = ((await first.getByRole('link').first().textContent()) ?? '').trim();
  await first.getByRole('button', { name: '联系' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(name);
  await dialog.getByRole('textbox', { name: '备注' }).fill('上门走访，已告知主题党日安排');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();

  await first.getByRole('link').first().click();
  const card = new MemberContactsCard(page);
  await expect(card.entry('上门走访，已告知主题党日安排')).toContainText('流入地 · 西城区委组织部');
  await expectNoHorizontalOverflow(page);
  await page.context().close();
});
