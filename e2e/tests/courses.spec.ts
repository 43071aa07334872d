import { expect, test } from '../fixtures';
import { CourseAdminPage, MyCoursesPage } from '../pages/CoursesPage';
import { expectNoHorizontalOverflow } from '../support/rendering';

// 1366×768: the 通州 secretary writes a required article course for the 通州 subtree and publishes
// it; the demo member (通州) finds it among the required courses to study.

test('a secretary publishes a course and a member of the subtree finds it', async ({ pageAs }) => {
  const admin = new CourseAdminPage(await pageAs('tongzhou'));
  await admin.goto();
  await expect(admin.row('党的二十大报告全文导读')).toHaveCount(0);
  const title = `通州党员专题学习 ${Date.now() % 100000}`;
  await admin.createArticle({
    title,
    orgName: '驻北京通州区流动党委',
    text: '坚持和加强党的全面领导，坚定不移走中国特色社会主义道路。',
  });
  await expect(admin.row(title)).toContainText('草稿');
  await admin.row(title).getByRole('button', { name: '发布' }).click();
  await expect(admin.row(title)).toContainText('已发布');
  await expectNoHorizontalOverflow(admin.page);

  const courses = new MyCoursesPage(await pageAs('member'));
  await courses.goto();
  await expect(courses.course(title)).toContainText('必修');
  const player = await courses.open(title);
  await expect(player.page.getByText('坚持和加强党的全面领导')).toBeVisible();
  await expect(player.progress).toContainText('已学 0 / 1 分钟');
});
