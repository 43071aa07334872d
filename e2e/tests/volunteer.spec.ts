import { expect, signedInAs, test } from '../fixtures';
import { CampaignsDesk } from '../pages/VolunteerPage';

test.use(signedInAs('office'));

test('the office creates a campaign with a co-organizer, adds a post, and corrects both', async ({
  page,
}) => {
  const desk = new CampaignsDesk(page);
  const n = Date.now() % 100000;
  await desk.create({
    title: `通州平安守望 ${n}`,
    orgName: '驻北京通州区流动党委',
    coOrgName: '驻北京大兴区流动党委',
    startsOn: '2026-12-20',
    endsOn: '2026-12-27',
  });
  await expect(page.getByText('驻北京大兴区流动党委')).toBeVisible();
  await desk.rename(`通州平安守望（元旦） ${n}`);

  await desk.addPost('梨园地铁站', 4);
  await expect(desk.postRow('梨园地铁站')).toContainText('4');
  await desk.editPostHeadcount('梨园地铁站', 6);
  await expect(desk.postRow('梨园地铁站')).toContainText('6');
});
