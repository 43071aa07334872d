import { idCheckChar, type MemberListItem, type MemberResponse } from '@ningxin/shared';
import ExcelJS from 'exceljs';
import { pinyin } from 'pinyin-pro';
import { type Api, expect, signedInAs, test } from '../fixtures';
import { AuditPage } from '../pages/AuditPage';
import { ImportPage } from '../pages/ImportPage';
import { MemberPage } from '../pages/MemberPage';
import { MembersPage } from '../pages/MembersPage';

test.use(signedInAs('office'));

const REASON = '核对组织关系转接材料';
const TONGZHOU = '驻北京通州区流动党委';

/** The pinyin initials a user types for a name: 张三丰 → zsf. */
const initialsOf = (name: string) =>
  pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', surname: 'head' }).join('');

async function listMembers(api: Api, query: Record<string, string | number>): Promise<MemberListItem[]> {
  const response = await api.request.get('/api/v1/members', { params: query });
  expect(response.status(), await response.text()).toBe(200);
  return ((await response.json()) as { items: MemberListItem[] }).items;
}

/**
 * A demo member the pinyin search lists on its first page (50 rows), alone under its name there:
 * picked through the API, so the browser test has a definite member to look for.
 */
async function memberFoundByInitials(api: Api): Promise<{ member: MemberListItem; initials: string }> {
  for (const member of await listMembers(api, { limit: 20 })) {
    const initials = initialsOf(member.name);
    if (initials.length < 2) continue;
    const hits = await listMembers(api, { q: initials, limit: 50 });
    if (hits.some((m) => m.id === member.id) && hits.filter((m) => m.name === member.name).length === 1) {
      return { member, initials };
    }
  }
  throw new Error('no demo member among the first 20 is on the first page of its initials search');
}

test('office searches by pinyin initials and opens the member', async ({ page, apiAs }) => {
  const { member, initials } = await memberFoundByInitials(await apiAs('office'));
  const list = new MembersPage(page);
  await list.goto();
  await list.searchFor(initials);

  const link = list.memberLink(member.id, member.name);
  await expect(link).toBeVisible();
  await link.click();

  const profile = new MemberPage(page);
  await expect(page).toHaveURL(new RegExp(`/members/${member.id}$`));
  await expect(profile.name).toHaveText(member.name);
  await expect(profile.maskedValue('身份证号')).toHaveText(member.idNumberMasked);
});

test('office reveals an ID number with a reason, and the auditor finds it in the audit log', async ({
  page,
  pageAs,
  apiAs,
}) => {
  const [member] = await listMembers(await apiAs('office'), { limit: 1 });
  if (!member) throw new Error('no demo member');
  const profile = new MemberPage(page);
  await profile.goto(member.id);
  await expect(profile.maskedValue('身份证号')).toHaveText(member.idNumberMasked);
  expect(member.idNumberMasked).toContain('*');

  const value = await profile.reveal('身份证号', REASON);
  await expect(value).toHaveText(/^\d{17}[\dX]$/);
  const full = ((await value.textContent()) ?? '').trim();
  // The full number is the masked one filled in: same region code and last four.
  expect(full.slice(0, 6)).toBe(member.idNumberMasked.slice(0, 6));
  expect(full.slice(-4)).toBe(member.idNumberMasked.slice(-4));
  await profile.revealDone.click();
  await expect(profile.revealDialog).toBeHidden();
  await expect(page.getByRole('main').getByText(full)).toHaveCount(0);

  // The member's own 操作记录 says who looked and why.
  await profile.openHistory();
  await expect(profile.historyEntries.filter({ hasText: `查看了身份证号，原因：${REASON}` })).toHaveCount(1);

  const auditorPage = await pageAs('auditor');
  const audit = new AuditPage(auditorPage);
  await audit.goto();
  await audit.filterByAction('查看个人信息');
  const entry = audit.entriesWith(member.name);
  await expect(entry).toHaveCount(1);
  // 操作人: the account's display name, and its username beside it.
  await expect(entry.getByRole('cell', { name: '流动党委办公室 office', exact: true })).toBeVisible();
  await expect(entry).toContainText('查看个人信息');
  expect(new Set(await audit.columnValues('操作'))).toEqual(new Set(['查看个人信息']));
  await entry.getByRole('button', { name: /展开/ }).click();
  const details = auditorPage.getByRole('main').getByText(REASON);
  await expect(details).toBeVisible();
  // The log keeps the reason, never the number itself.
  await expect(auditorPage.getByRole('main').getByText(full)).toHaveCount(0);
});

/** One person of the import sheet. */
interface Person {
  name: string;
  id: string;
  phone: string;
  county: string;
}

/** A synthetic ID number with the right check character. */
function synthId(region: string, birth: string, seq: number): string {
  const first17 = `${region}${birth}${String(seq).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

// Born in February 1977 with sequences 95x–97x: far from anything the demo data is likely to hold.
const NAMES = [
  '凝试甲',
  '凝试乙',
  '凝试丙',
  '凝试丁',
  '凝试戊',
  '凝试己',
  '凝试庚',
  '凝试辛',
  '凝试壬',
  '凝试癸',
];
const GOOD: Person[] = NAMES.map((name, i) => ({
  name,
  id: synthId(i % 2 ? '130723' : '130732', `197702${String(i + 1).padStart(2, '0')}`, 951 + 2 * i),
  phone: `1995550${String(1000 + i)}`,
  county: i % 2 ? '康保县' : '赤城县',
}));
/** The three people whose rows are bad at first, fixed in the second file. */
const FIXED: Person[] = [
  { name: '凝试子', id: synthId('130732', '19770215', 971), phone: '19955502001', county: '赤城县' },
  { name: '凝试丑', id: synthId('130723', '19770216', 973), phone: '19955502002', county: '康保县' },
  { name: '凝试寅', id: synthId('130732', '19770217', 975), phone: '19955502003', county: '赤城县' },
];
const badChecksum = (id: string) => id.slice(0, 17) + (id[17] === '0' ? '1' : '0');

/**
 * A sheet with a title row above the header: the ten good people on rows 3–12, then the three
 * others on rows 13–15, the first three of them broken unless `fixed`: a wrong check character,
 * a county outside Zhangjiakou, row 3's ID number again.
 */
async function importSheet(fixed: boolean): Promise<Buffer> {
  const [a, b, c] = FIXED as [Person, Person, Person];
  const third: Person[] = fixed
    ? [a, b, c]
    : [
        { ...a, id: badChecksum(a.id) },
        { ...b, county: '石家庄市长安区' },
        { ...c, id: (GOOD[0] as Person).id },
      ];
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('流动党员');
  ws.addRow(['张家口市驻京流动党员信息采集表']);
  ws.mergeCells(1, 1, 1, 6);
  ws.addRow(['姓名', '身份证号', '手机号', '入党日期', '户籍县区', '所在党组织']);
  for (const p of [...GOOD, ...third]) ws.addRow([p.name, p.id, p.phone, '2005-07-01', p.county, TONGZHOU]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

test('office imports a sheet: three bad rows in the error table, then the fixed file', async ({ page }) => {
  const wizard = new ImportPage(page);
  await wizard.goto();
  await expect(wizard.templateLink).toBeVisible();
  await expect(wizard.checkButton).toBeDisabled();

  await wizard.choose('通州党员.xlsx', await importSheet(false));
  await wizard.check();
  await expect(wizard.summary).toContainText('通州党员.xlsx：共 13 行，可导入 10 行，3 行有误');
  await expect(wizard.commitButton).toHaveCount(0);
  await expect(wizard.errorRows).toHaveCount(3);
  const [a] = FIXED as [Person];
  expect(await wizard.errors()).toEqual([
    { row: 13, column: '身份证号', value: badChecksum(a.id), message: '身份证号校验位不正确，请核对号码' },
    { row: 14, column: '户籍县区', value: '石家庄市长安区', message: '“石家庄市长安区”不是张家口市的县区' },
    { row: 15, column: '身份证号', value: (GOOD[0] as Person).id, message: '与第 3 行的身份证号重复' },
  ]);

  await wizard.reselectButton.click();
  await expect(wizard.checkButton).toBeDisabled();
  await wizard.choose('通州党员（已修改）.xlsx', await importSheet(true));
  await wizard.check();
  await expect(wizard.summary).toContainText('共 13 行，可导入 13 行，0 行有误');
  await expect(wizard.errorTable).toHaveCount(0);
  // The checked rows are kept on the server: where they go, then the confirm, with no second upload.
  await expect(wizard.stageSummary.getByRole('row').filter({ has: page.getByRole('cell') })).toHaveText([
    `${TONGZHOU}正式党员13`,
  ]);
  await expect(wizard.commitButton).toHaveText('校验通过 13 行，确认导入');
  const upload = page.waitForRequest((r) => r.method() === 'POST' && r.url().includes('/members/import'));
  await wizard.commitButton.click();
  expect((await upload).url()).toMatch(/\/members\/import\/stages\/[0-9a-f-]{36}\/commit$/);
  await expect(wizard.doneTitle).toHaveText('已导入 13 人', { timeout: 30_000 });

  // The new members are in the list: by name, and by pinyin initials.
  const list = new MembersPage(page);
  await list.goto();
  await list.searchFor('凝试');
  await expect(list.rows).toHaveCount(13);
  for (const p of [...GOOD, ...FIXED])
    await expect(list.table.getByRole('link', { name: p.name })).toBeVisible();
  await list.searchFor(initialsOf('凝试寅'));
  await expect(list.table.getByRole('link', { name: '凝试寅', exact: true })).toBeVisible();
});

test('the member changes their phone number, and 通州 sees it in the record’s 操作记录', async ({
  pageAs,
  apiAs,
}) => {
  const memberApi = await apiAs('member');
  const response = await memberApi.request.get('/api/v1/me/member');
  expect(response.status(), await response.text()).toBe(200);
  const record = (await response.json()) as MemberResponse;
  const phone = '19955509876';
  const masked = '199****9876';
  expect(record.phoneMasked).not.toBe(masked);

  const page = await pageAs('member');
  await page.goto('/me');
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { name: '我的档案', level: 2 })).toBeVisible();
  // The phone shown in the record (masked), and the contact form, opened on demand.
  const shownPhone = main
    .getByRole('region', { name: '基本信息' })
    .getByRole('definition')
    .filter({ hasText: /^\d{3}\*{4}\d{4}$/ });
  await expect(shownPhone).toHaveText(record.phoneMasked);
  await main.getByRole('button', { name: '修改', exact: true }).click();
  const phoneInput = main.getByRole('textbox', { name: '手机号' });
  await expect(phoneInput).toHaveAttribute('placeholder', `不修改请留空（当前 ${record.phoneMasked}）`);
  await phoneInput.fill(phone);
  await main.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByText('已保存')).toBeVisible();
  await expect(shownPhone).toHaveText(masked);
  await expect(phoneInput).toHaveAttribute('placeholder', `不修改请留空（当前 ${masked}）`);
  await expect(main.getByText(phone)).toHaveCount(0);

  const secretary = new MemberPage(await pageAs('tongzhou'));
  await secretary.goto(record.id);
  await expect(secretary.maskedValue('手机号')).toHaveText(masked);
  await secretary.openHistory();
  const change = secretary.historyEntries.filter({ hasText: '党员修改本人信息' });
  await expect(change).toHaveCount(1);
  // Who changed it: the member's own account, shown by its display name (the member's name).
  await expect(change.getByRole('cell', { name: record.name, exact: true })).toBeVisible();
  await expect(change).toContainText(`手机号：${record.phoneMasked} → ${masked}`);
});
