import type { MemberListItem } from '@ningxin/shared';
import { expect, signedInAs, test } from '../fixtures';
import { MemberFiles } from '../pages/MemberFiles';
import { MemberPage } from '../pages/MemberPage';
import { solidPng } from '../support/images';
import { expectNoHorizontalOverflow } from '../support/rendering';

// 390×844: the photo beside the name and the 材料 tab fit a phone.
test.use(signedInAs('tongzhou'));

test('on a phone, a member’s photo is uploaded and shown, and 材料 fits', async ({ page, apiAs }) => {
  const api = await apiAs('tongzhou');
  const response = await api.request.get('/api/v1/members', { params: { limit: 10 } });
  const member = ((await response.json()) as { items: MemberListItem[] }).items[4];
  if (!member) throw new Error('no member');
  await new MemberPage(page).goto(member.id);
  const files = new MemberFiles(page, member.name);
  await files.uploadPhoto({
    name: 'photo.png',
    mimeType: 'image/png',
    buffer: solidPng(90, 120, [200, 40, 40]),
  });
  expect(await files.photoRendered()).toMatchObject({ naturalWidth: 90 });
  await expectNoHorizontalOverflow(page);

  await files.openPapers();
  await expect(files.uploadPaperButton).toBeVisible();
  await expectNoHorizontalOverflow(page);
});
