import { readFile } from 'node:fs/promises';
import type { CertificateListResponse, MemberListItem } from '@ningxin/shared';
import { expect, signedInAs, test } from '../fixtures';
import { CertificatesPage } from '../pages/CertificatesPage';

test.use(signedInAs('office'));

test('the office issues an activity certificate and downloads it as a PDF', async ({ page, apiAs }) => {
  const api = await apiAs('office');
  // A member on the rolls without a certificate in force, named once in the list.
  const listed = await api.request.get('/api/v1/members', {
    params: { status: 'active', limit: 50, sort: 'name', order: 'desc' },
  });
  const members = ((await listed.json()) as { items: MemberListItem[] }).items;
  let holder: MemberListItem | undefined;
  for (const m of members) {
    if (members.filter((x) => x.name === m.name).length > 1) continue;
    const held = await api.request.get('/api/v1/certificates', {
      params: { memberId: m.id, status: 'valid' },
    });
    if (((await held.json()) as CertificateListResponse).items.length === 0) {
      holder = m;
      break;
    }
  }
  expect(holder, 'a member without a certificate').toBeDefined();

  const ledger = new CertificatesPage(page);
  await ledger.goto();
  await ledger.issue(
    { name: holder!.name, idTail: holder!.idNumberMasked.slice(-4) },
    '北京市通州区永顺镇',
    '外出务工',
  );
  await expect(page.getByText(/^已签发活动证 张流证〔\d{4}〕\d{4}$/)).toBeVisible();

  const row = ledger.row(holder!.name).first();
  await expect(row).toContainText('有效');
  await expect(row).toContainText('北京市通州区永顺镇');
  const number = (await row.getByText(/^张流证〔\d{4}〕\d{4}$/).textContent())!;

  const downloading = page.waitForEvent('download');
  await row.getByRole('button', { name: '打印' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`流动党员活动证_${number}_${holder!.name}.pdf`);
  expect((await readFile(await download.path())).subarray(0, 5).toString('latin1')).toBe('%PDF-');
});
