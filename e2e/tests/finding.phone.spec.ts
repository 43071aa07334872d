import { idCheckChar } from '@ningxin/shared';
import { type APIRequestContext, expect, test } from '@playwright/test';
import { LeadWorkPage, MyLeadsPage } from '../pages/FinderPage';
import { DEMO_PASSWORD } from '../support/accounts';
import { expectPageLooksRight } from '../support/rendering';

// 390×844, one hand: a finder of the working group opens a lead, logs a visit and marks it found,
// creating the member record.

async function signIn(request: APIRequestContext, username: string) {
  const res = await request.post('/api/v1/auth/login', { data: { username, password: DEMO_PASSWORD } });
  expect(res.status(), await res.text()).toBe(200);
}

test('a finder logs a visit and marks the lead found on a phone', async ({
  browser,
  playwright,
  baseURL,
}, testInfo) => {
  test.setTimeout(120_000);
  // The office puts a fresh lead into 通州's running campaign for finder5 (facts, not what is checked).
  const office = await playwright.request.newContext({ baseURL });
  await signIn(office, 'office');
  const campaigns = await (await office.get('/api/v1/finding/campaigns')).json();
  const running = campaigns.items.find((c: { name: string }) => c.name === '通州区流动党员排查寻找行动');
  expect(running).toBeTruthy();
  const finders = await (await office.get('/api/v1/finding/finders')).json();
  const finder5 = finders.items.find((f: { name: string }) => f.name === '工作组寻访员五');
  const name = `寻访测试${'甲乙丙丁戊己庚辛'[Date.now() % 8]}${'子丑寅卯'[Date.now() % 4]}`;
  const created = await office.post(`/api/v1/finding/campaigns/${running.id}/leads`, {
    data: {
      name,
      phone: '13912345678',
      homeCounty: '130723',
      hostDistrict: '110112',
      workplace: '梨园镇建筑工地',
      finderId: finder5.id,
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const leadId = (await created.json()).id as number;

  const context = await browser.newContext({ ...testInfo.project.use });
  await signIn(context.request, 'finder5');
  const page = await context.newPage();

  const leads = new MyLeadsPage(page);
  await leads.goto();
  await expect(leads.heading).toBeVisible();
  await expectPageLooksRight(leads.heading, testInfo.outputPath('my-leads.png'));
  await leads.lead(name).click();

  const lead = new LeadWorkPage(page);
  await expect(lead.heading).toHaveText(name);
  await expect(lead.callLink).toHaveAttribute('href', 'tel:13912345678');
  await expect(lead.state('待联系')).toBeVisible();

  await lead.logVisit('上门走访', '已见面走访', '在工地见到本人，是康保老乡');
  await expect(lead.state('已走访')).toBeVisible();
  await expect(lead.history).toContainText('在工地见到本人，是康保老乡');
  await expectPageLooksRight(lead.heading, testInfo.outputPath('lead.png'));

  const first17 = `13072319860315${String(100 + (Date.now() % 400) * 2 + 1).padStart(3, '0')}`;
  await lead.markFoundCreating({ idNumber: first17 + idCheckChar(first17), joinedAt: '2010-07-01' });
  await expect(lead.state('已找到')).toBeVisible();
  await expect(lead.logVisitButton).toHaveCount(0);

  // What the committee sees: the lead found by finder5, the member created with source 组织寻找.
  const after = await (await office.get(`/api/v1/finding/leads/${leadId}`)).json();
  expect(after).toMatchObject({ state: 'found', finder: { id: finder5.id } });
  const member = await (await office.get(`/api/v1/members/${after.memberId}`)).json();
  expect(member).toMatchObject({ name, source: 'found', hostDistrict: '110112' });
  await context.close();
  await office.dispose();
});
