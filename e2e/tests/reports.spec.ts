import { readFile } from 'node:fs/promises';
import { expect, signedInAs, test } from '../fixtures';
import { ReportsPage } from '../pages/ReportsPage';

test.describe('the office', () => {
  test.use(signedInAs('office'));

  test('downloads the annual report of the whole committee', async ({ page }) => {
    const reports = new ReportsPage(page);
    await reports.goto();
    const annual = await reports.downloadAnnual();
    expect(annual.suggestedFilename()).toMatch(/^\d{4}年度党内统计_全部\.xlsx$/);
    // An .xlsx is a zip: "PK" at the start.
    expect((await readFile((await annual.path())!)).subarray(0, 2).toString()).toBe('PK');
  });
});

test.describe('a secretary', () => {
  // The same run as the office's, over the subtree's members: a few hundred PDF pages instead of
  // the whole demo committee's ~2,900 (the whole committee's run is tested on both stores).
  test.use(signedInAs('tongzhou'));

  test('runs the feedback workbook with progress, then downloads it and a county’s PDF', async ({ page }) => {
    const reports = new ReportsPage(page);
    await reports.goto();
    await reports.runFeedback();
    await expect(reports.latestRun).toContainText('县区 16/16');
    const workbook = await reports.downloadFeedback();
    expect(workbook.suggestedFilename()).toMatch(/^\d{4}年度现实表现反馈汇总\.xlsx$/);
    expect((await readFile((await workbook.path())!)).subarray(0, 2).toString()).toBe('PK');

    const pdf = await reports.downloadFirstCountyPdf();
    expect(pdf.suggestedFilename()).toMatch(/^流动党员现实表现反馈表_\S+_\d{4}\.pdf$/);
    expect((await readFile((await pdf.path())!)).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
