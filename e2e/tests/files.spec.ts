import type { MemberListItem } from '@ningxin/shared';
import { type Api, expect, signedInAs, test } from '../fixtures';
import { MemberFiles } from '../pages/MemberFiles';
import { MemberPage } from '../pages/MemberPage';
import { solidPng } from '../support/images';

test.use(signedInAs('tongzhou'));

/** A member in the secretary's scope, by its place in the list (each test its own member). */
async function memberAt(api: Api, index: number): Promise<MemberListItem> {
  const response = await api.request.get('/api/v1/members', { params: { limit: 10 } });
  expect(response.status(), await response.text()).toBe(200);
  const member = ((await response.json()) as { items: MemberListItem[] }).items[index];
  if (!member) throw new Error(`no member at ${index} in the secretary's list`);
  return member;
}

test('a secretary uploads a member’s photo on the member page, and it is shown', async ({ page, apiAs }) => {
  const member = await memberAt(await apiAs('tongzhou'), 2);
  const profile = new MemberPage(page);
  await profile.goto(member.id);
  const files = new MemberFiles(page, member.name);
  await expect(files.noPhoto).toBeVisible();

  await files.uploadPhoto({
    name: '证件照.png',
    mimeType: 'image/png',
    buffer: solidPng(120, 160, [30, 90, 200]),
  });
  expect(await files.photoRendered()).toMatchObject({ naturalWidth: 120 });
  await expect(files.replacePhotoButton).toBeVisible();

  // Kept: the page opened again shows it.
  await page.reload();
  await expect(profile.name).toHaveText(member.name);
  expect(await files.photoRendered()).toMatchObject({ naturalWidth: 120 });
});

test('a secretary uploads a scan under 材料, downloads it by its Chinese name, and deletes it', async ({
  page,
  apiAs,
}) => {
  const member = await memberAt(await apiAs('tongzhou'), 3);
  const profile = new MemberPage(page);
  await profile.goto(member.id);
  const files = new MemberFiles(page, member.name);
  await files.openPapers();
  await expect(files.papersPanel.getByText('暂无材料')).toBeVisible();

  const scan = {
    name: '入党志愿书.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n%志愿书\n'),
  };
  await files.uploadPaper('证明材料', scan);
  const listed = files.paper(scan.name);
  await expect(listed).toContainText('证明材料');
  await expect(listed).toContainText('通州流动党委书记');

  const download = page.waitForEvent('download');
  await files.papersPanel.getByRole('link', { name: `下载 ${scan.name}` }).click();
  expect((await download).suggestedFilename()).toBe(scan.name);

  // A file whose content is not what its name says is refused, with the reason.
  await files.uploadPaperButton.waitFor();
  const chooser = page.waitForEvent('filechooser');
  await files.uploadPaperButton.click();
  await (await chooser).setFiles({
    name: '假扫描.pdf',
    mimeType: 'application/pdf',
    buffer: solidPng(4, 4, [0, 0, 0]),
  });
  await expect(page.getByText('文件内容是PNG 图片，与扩展名 .pdf 不符')).toBeVisible();
  await expect(files.papers).toHaveCount(1);

  await files.deletePaper(scan.name);
  await expect(files.papersPanel.getByText('暂无材料')).toBeVisible();
});
