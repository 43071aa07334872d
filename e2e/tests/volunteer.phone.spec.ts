import { expect, test } from '../fixtures';
import { CampaignBoard, LeaderPage, MyVolunteerPage } from '../pages/VolunteerPage';
import { expectNoHorizontalOverflow } from '../support/rendering';

// 390×844: the demo member leads 北苑路口 of the campaign of 通州 open now, with a shift around the
// time the demo was seeded and four on its roster (the member among them). The leader checks one
// volunteer in by hand and themselves in by the post's QR code (the scan page opened with the
// code's token), checks both out; the secretary's board counts the check-outs and shows the hours.

const CAMPAIGN = '通州社区平安志愿服务';
const POST = '北苑路口';

test('a post leader checks volunteers in by hand and by QR on a phone, and the board shows them', async ({
  pageAs,
  apiAs,
}) => {
  // Two browsers (the secretary's board, the leader's phone) and some ten round trips.
  test.setTimeout(120_000);
  const me = (await (await apiAs('member')).request.get('/api/v1/me/member').then((r) => r.json())) as {
    name: string;
  };
  const board = new CampaignBoard(await pageAs('tongzhou'));
  await board.open(CAMPAIGN);
  const before = await board.number('checkedOut');

  const leader = new LeaderPage(await pageAs('member'));
  await leader.goto();
  await expect(leader.shift(POST)).toBeVisible();
  const other = (await leader.names(POST)).find((n) => n !== me.name)!;

  // By hand.
  await leader.act(POST, other, '签到');
  await expect(leader.place(POST, other).getByTestId('place-state')).toHaveText('已签到');

  // By the QR code: the member's own phone opens the code's link.
  const link = await leader.codeLink(POST);
  await leader.page.goto(new URL(link).pathname + new URL(link).search);
  await expect(leader.page.getByTestId('scan-outcome')).toHaveText('签到成功');
  await expectNoHorizontalOverflow(leader.page);

  await leader.goto();
  await expect(leader.place(POST, me.name).getByTestId('place-state')).toHaveText('已签到');
  for (const name of [other, me.name]) {
    await leader.act(POST, name, '签退');
    await expect(leader.place(POST, name).getByTestId('place-state')).toHaveText('已签退');
  }
  await expect(leader.place(POST, other)).toContainText('小时');
  await expectNoHorizontalOverflow(leader.page);
  // An incident at the post, reported from the phone, reaches the campaign's record.
  const hazard = `路口护栏松动 ${Date.now() % 100000}`;
  await leader.reportIncident(POST, hazard);

  await board.open(CAMPAIGN);
  await expect.poll(() => board.number('checkedOut')).toBe(before + 2);
  await expect(board.figure('hours')).toBeVisible();
  expect(await board.number('hours')).toBeGreaterThan(0);
  await expectNoHorizontalOverflow(board.page);
  await board.page.getByRole('tab', { name: '巡查与情况' }).click();
  await expect(board.page.getByText(hazard)).toBeVisible();
});

test('a member signs up for a shift on a phone and withdraws from it', async ({ pageAs }) => {
  const mine = new MyVolunteerPage(await pageAs('member'));
  await mine.goto();
  // The campaign's last shift: days ahead, clear of the member's other shifts.
  const shift = mine.openShifts(CAMPAIGN).last();
  const name = (await shift.getAttribute('aria-label'))!;
  await mine.signUp(shift);
  await expect(mine.myShifts.getByRole('listitem', { name })).toBeVisible();
  await expect(mine.page.getByRole('list', { name: CAMPAIGN }).getByRole('listitem', { name })).toContainText(
    '已报名',
  );
  await expectNoHorizontalOverflow(mine.page);

  await mine.withdraw(name);
  await expect(mine.myShifts.getByRole('listitem', { name })).toHaveCount(0);
});
