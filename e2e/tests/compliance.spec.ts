import { expect, signedInAs, test } from '../fixtures';
import { CompliancePage } from '../pages/CompliancePage';

test.use(signedInAs('office'));

test('the office sees branches behind schedule, opens one branch’s month grid and exports the board', async ({
  page,
}) => {
  const board = new CompliancePage(page);
  await board.goto();
  // The demo's two years of meetings leave some branches behind this year: their tags are red.
  await expect(board.summary).toContainText(/\d+ 个支部，[1-9]\d* 个落后/);
  await expect(board.tags('behind').first()).toBeVisible();
  await expect(board.tags('done').first()).toBeVisible();

  // Drill down: the branch's grid shows its months, with the periods it missed marked.
  const name = await board.drillDown(board.behindRows().first());
  await expect(board.drawer).toContainText(`${name} · `);
  await expect(board.drawer.getByRole('alert')).toContainText('落后项');
  const grid = board.drawer.getByTestId('month-grid');
  await expect(grid.getByRole('columnheader', { name: '12月' })).toBeVisible();
  await expect(grid.locator('td[data-status="behind"]').first()).toBeVisible();
  await expect(grid.locator('td[data-status="done"]').first()).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(board.drawer).toBeHidden();

  // The export starts a download of the board as a spreadsheet.
  const download = await board.export();
  expect(download.suggestedFilename()).toMatch(/^组织生活落实情况_\d{4}\.xlsx$/);
  expect(await download.failure()).toBeNull();
});
