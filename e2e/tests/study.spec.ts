import { expect, signedInAs, test } from '../fixtures';
import { StudyPage } from '../pages/StudyPage';

test.use(signedInAs('tongzhou'));

test('the secretary’s board shows a member behind; recording offline hours shrinks the gap; the export downloads', async ({
  page,
}) => {
  const study = new StudyPage(page);
  await study.goto();
  // The demo's year of study leaves members of 通州 below the requirement.
  await expect(study.board.getByRole('cell', { name: '驻北京通州区流动党委' }).first()).toBeVisible();
  // Most hours first: a member near the requirement, who stays on the first page with more hours.
  await study.sortBy('已修', 'descending');
  let row = study.rows().first();
  for (let i = 0; (await study.read(row)).gap < 2; i++) row = study.rows().nth(i + 1);
  const { name, gap } = await study.read(row);

  await study.record(row, 1, '支部集中学习党的二十大报告');
  const shrunk = Math.round((gap - 1) * 10) / 10;
  await expect(study.rowWith(name, shrunk)).toHaveCount(1);

  const download = await study.export();
  expect(download.suggestedFilename()).toMatch(/^学时未达标党员_\d{4}\.xlsx$/);
  expect(await download.failure()).toBeNull();
});
