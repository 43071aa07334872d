import { expect, test } from '../fixtures';
import { MyStudyPage } from '../pages/StudyPage';
import { expectNoHorizontalOverflow } from '../support/rendering';

test('a member reads their study hours of the year on a phone', async ({ pageAs }) => {
  const mine = new MyStudyPage(await pageAs('member'));
  await mine.goto();
  await expect(mine.progress).toContainText(/已修 [\d.]+ \/ 32 学时/);
  await expect(mine.page.getByText('线下学习', { exact: false }).first()).toBeVisible();
  await expectNoHorizontalOverflow(mine.page);
});
