import { expect, test } from '../fixtures';
import { MyCoursesPage } from '../pages/CoursesPage';
import { expectNoHorizontalOverflow } from '../support/rendering';

// 390×844: a member opens the required one-minute video of the 学习二十大精神 series, watches it
// at normal speed, and the course shows completed with its study hour credited. The server counts
// the time from the player's heartbeats (every 30 s), so the test watches for a little over a minute.

const VIDEO_COURSE = '二十大精神学习微视频';

test('a member watches a required video course on a phone and the hours are credited', async ({ pageAs }) => {
  test.setTimeout(180_000);
  const courses = new MyCoursesPage(await pageAs('member'));
  await courses.goto();
  await expect(courses.course(VIDEO_COURSE)).toBeVisible();
  await expectNoHorizontalOverflow(courses.page);
  const player = await courses.open(VIDEO_COURSE);
  await expect(player.progress).toContainText('已学 0 / 1 分钟');
  await player.play();
  await expect(player.completed).toHaveText(/已完成本课程，计入 1 学时/, { timeout: 120_000 });
  await expectNoHorizontalOverflow(player.page);

  await courses.goto();
  await courses.tab('已完成');
  await expect(courses.course(VIDEO_COURSE)).toContainText('计 1 学时');
});
