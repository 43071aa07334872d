import { readFile } from 'node:fs/promises';
import { expect, signedInAs, test } from '../fixtures';
import { ReportsPage } from '../pages/ReportsPage';

test.use(signedInAs('office'));

test('the office downloads the annual report and the committee-wide feedback workbook', async ({ page }) => {
  // The run lays out every county's feedback PDF too (one page a member of the demo committee).
  test.setTimeout(300_000);
  const reports = new ReportsPage(page);
  await reports.goto();

  const annual = await reports.downloadAnnual();
  expect(annual.suggestedFilename()).toMatch(/^\d{4}年度党内统计_全部\.xlsx$/);
  // An .xlsx is a zip: "PK" at the start.
  expect((await readFile((await annual.path())!)).subarray(0, 2).toString()).toBe('PK');

  await reports.runFeedback();
  await expect(reports.latestRun).toContainText('县区 16/16');
  const workbook = await reports.downloadFeedback();
  expect(workbook.suggestedFilename()).toMatch(/^\d{4}年度现实表现反馈汇总\.xlsx$/);
  expect((await readFile((await workbook.path())!)).subarray(0, 2).toString()).toBe('PK');

  const pdf = await reports.downloadCountyPdf('康保县');
  expect(pdf.suggestedFilename()).toMatch(/^流动党员现实表现反馈表_康保县_\d{4}\.pdf$/);
  expect((await readFile((await pdf.path())!)).subarray(0, 5).toString()).toBe('%PDF-');
});
