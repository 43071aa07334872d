import type {
  ComplianceBoardResponse,
  MeetingResponse,
  MemberResponse,
  SignInCodeResponse,
} from '@ningxin/shared';
import { expect, signedInAs, test } from '../fixtures';
import { CompliancePage } from '../pages/CompliancePage';

test.use(signedInAs('tongzhou'));

const monthOf = (d: Date) =>
  Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', month: 'numeric' }).format(d));
const yearOf = (d: Date) =>
  Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(d));

test('a 主题党日 held with the member signed in counts on the board: its month turns green', async ({
  page,
  apiAs,
}) => {
  const secretary = await apiAs('tongzhou');
  const self = await apiAs('member');
  const me = (await (await self.request.get('/api/v1/me/member')).json()) as MemberResponse;
  const now = new Date();
  const [year, month] = [yearOf(now), monthOf(now)];
  const heldThisMonth = async () => {
    const res = await secretary.request.get(`/api/v1/meetings/compliance?year=${year}&orgId=${me.orgId}`);
    const board = (await res.json()) as ComplianceBoardResponse;
    const branch = board.branches.find((b) => b.orgId === me.orgId)!;
    return {
      name: branch.name,
      held: branch.types.find((t) => t.type === 'theme_day')!.heldByMonth[month - 1]!,
    };
  };
  const before = await heldThisMonth();

  // The secretary plans the 主题党日 now; the member signs in with its code; the secretary records it held.
  const created = await secretary.request.post('/api/v1/meetings', {
    data: {
      orgId: me.orgId,
      type: 'theme_day',
      topic: `主题党日：落实情况 ${Date.now() % 100000}`,
      plannedAt: now.toISOString(),
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const meeting = (await created.json()) as MeetingResponse;
  const code = (await (
    await secretary.request.get(`/api/v1/meetings/${meeting.id}/sign-in-code`)
  ).json()) as SignInCodeResponse;
  const token = new URL(code.url).searchParams.get('t')!;
  const signed = await self.request.post(`/api/v1/meetings/${meeting.id}/sign-in`, { data: { token } });
  expect(signed.status(), await signed.text()).toBe(200);
  const held = await secretary.request.post(`/api/v1/meetings/${meeting.id}/hold`, {
    data: { version: meeting.version },
  });
  expect(held.status(), await held.text()).toBe(200);

  // On the board, the branch's month grid shows one more 主题党日 this month, and the month is done.
  const board = new CompliancePage(page);
  await board.goto();
  await board.drillDown(board.board.locator('tbody tr').filter({ hasText: before.name }).first());
  const cell = board.drawer
    .getByTestId('month-grid')
    .locator('tr', { hasText: '主题党日' })
    .locator('td[data-status]')
    .nth(month - 1);
  await expect(cell).toHaveAttribute('data-status', 'done');
  await expect(cell).toHaveText(String(before.held + 1));
});
