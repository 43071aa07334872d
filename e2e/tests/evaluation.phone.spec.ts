import { expect, signedInAs, test } from '../fixtures';
import { MyEvaluationPage } from '../pages/EvaluationPage';
import { expectNoHorizontalOverflow } from '../support/rendering';

// The demo member votes in the branch's 2026 evaluation on a phone (390×844): a grade for every
// member, one submission; a second ballot (from a page opened before the vote) is refused.

test.use(signedInAs('member'));

test('the demo member votes once: every member graded, 已投票, a second ballot refused', async ({
  page,
  context,
}) => {
  const mine = new MyEvaluationPage(page);
  await mine.goto();
  await expect(page.getByText('当前步骤：民主测评')).toBeVisible();
  // The same ballot open in a second tab, as a member might leave it.
  const other = new MyEvaluationPage(await context.newPage());
  await other.goto();
  await expect(other.ballot.first()).toBeVisible({ timeout: 20_000 });

  const n = await mine.gradeEveryone();
  expect(n).toBeGreaterThan(2);
  await expectNoHorizontalOverflow(page);
  await mine.submit();
  await expect(page.getByText('已投票', { exact: true })).toBeVisible();
  await expect(mine.ballot).toHaveCount(0);

  await other.gradeEveryone();
  await other.submit();
  await expect(other.page.getByText('您已经投过票，每人只能投一次')).toBeVisible();
  await expect(other.page.getByText('已投票', { exact: true })).toBeVisible();
});
