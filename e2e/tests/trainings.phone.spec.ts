import { expect, test } from '../fixtures';
import { MyTrainingsPage } from '../pages/TrainingsPage';
import { expectNoHorizontalOverflow } from '../support/rendering';

// 390×844: a member applies to the class the demo holds open for enrolment (full: 8 places taken,
// 3 waitlisted) and sees their place on the waitlist.

const OPEN_CLASS = '流动党员冬季专题培训班（线上+线下）';

test('a member applies to the open class on a phone and sees their enrolment', async ({ pageAs }) => {
  const mine = new MyTrainingsPage(await pageAs('member'));
  await mine.goto();
  await expect(mine.enrolment(OPEN_CLASS)).toHaveCount(0);
  await mine.apply(OPEN_CLASS);
  await expect(mine.page.getByText('名额已满，已进入候补第 4 位')).toBeVisible();
  await expect(mine.enrolment(OPEN_CLASS)).toContainText('候补第 4 位');
  await expect(mine.open.getByRole('listitem', { name: OPEN_CLASS })).toHaveCount(0);
  await expectNoHorizontalOverflow(mine.page);
});
