import { readFile } from 'node:fs/promises';
import type { MemberListItem } from '@ningxin/shared';
import type { Download } from '@playwright/test';
import { expect, signedInAs, test } from '../fixtures';
import { MemberPage } from '../pages/MemberPage';
import { MembersPage } from '../pages/MembersPage';

test.use(signedInAs('office'));

/** The downloaded file's first bytes. */
async function head(download: Download, n = 5): Promise<string> {
  const file = await download.path();
  return (await readFile(file)).subarray(0, n).toString('latin1');
}

test('office prints a member’s information form from the member page', async ({ page, apiAs }) => {
  const api = await apiAs('office');
  const listed = await api.request.get('/api/v1/members', { params: { limit: 1 } });
  const [member] = ((await listed.json()) as { items: MemberListItem[] }).items;
  const profile = new MemberPage(page);
  await profile.goto(member!.id);

  const downloading = page.waitForEvent('download');
  await profile.printForm.click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`党员信息采集表_${member!.name}.pdf`);
  expect(await head(download)).toBe('%PDF-');
});

test('office ticks two members in the list and prints their forms as one file', async ({ page }) => {
  const list = new MembersPage(page);
  await list.goto();
  await expect(list.rows.first()).toBeVisible();
  const names = await list.rows.locator('a[href^="/members/"]').allTextContents();
  const [first, second] = names.filter((n, i) => names.indexOf(n) === i);
  await list.rowCheckbox(first!).check();
  await list.rowCheckbox(second!).check();
  // Ticking does not open the member.
  await expect(page).toHaveURL(/\/members$/);
  await expect(list.printSelected).toHaveText('打印采集表（2）');

  const downloading = page.waitForEvent('download');
  await list.printSelected.click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^党员信息采集表_2人_\d{8}\.pdf$/);
  expect(await head(download)).toBe('%PDF-');
});
