import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, faultyFields, type TestApp } from '../../../../test/app';
import { loadXlsx, multipart, ndjson, sheetRows, xlsxOf } from '../../../../test/excel';
import { auditCount, orgByName } from '../../../../test/factories';
import { syntheticIdNumber } from '../../../../test/member-factory';
import { hostileSpreadsheets } from '../../../../test/zip-bomb';
import { queryRows } from '../../../db/client';

let t: TestApp;
const c = {} as Record<'office' | 'tongzhou' | 'haidian' | 'finder1', string>;
let campaignId: number;

const HEADERS = [
  '姓名',
  '手机号',
  '身份证号',
  '户籍县区',
  '所在区县',
  '工作单位',
  '住址',
  '线索说明',
  '线索来源',
];
const sheet = (rows: unknown[][], headers = HEADERS) =>
  xlsxOf((wb) => {
    const ws = wb.addWorksheet('线索名单');
    ws.addRow(headers);
    for (const r of rows) ws.addRow(r);
  });
const leadCount = async () =>
  (
    await queryRows<{ n: number }>(
      t.store.db,
      sql`select count(*)::int as n from finding_leads where campaign_id = ${campaignId}`,
    )
  )[0]!.n;

async function upload(
  cookie: string | undefined,
  data: Buffer | null,
  fields: Record<string, string> = {},
  accept?: string,
) {
  const form = await multipart(fields, data ? { name: 'leads.xlsx', data } : undefined);
  return t.request({
    method: 'POST',
    url: `/api/v1/finding/campaigns/${campaignId}/leads/import`,
    cookie,
    payload: form.payload,
    headers: { ...form.headers, ...(accept ? { accept } : {}) },
  });
}

beforeAll(async () => {
  t = await createTestApp({}, { members: 60 });
  for (const u of ['office', 'tongzhou', 'haidian', 'finder1'] as const) c[u] = await t.login(u);
  const org = await orgByName(t.store, '驻北京通州区流动党委');
  campaignId = (
    await t.request({
      method: 'POST',
      url: '/api/v1/finding/campaigns',
      cookie: c.office,
      payload: {
        name: '名单导入行动',
        orgId: org.id,
        startsOn: '2026-01-01',
        endsOn: '2026-06-30',
        targetCount: 100,
      },
    })
  ).json().id;
});
afterAll(() => t.close());

describe('GET /finding/campaigns/:id/leads/template', () => {
  it('401, 403, 404 outside the scope; the template has the sheet’s columns', async () => {
    const url = `/api/v1/finding/campaigns/${campaignId}/leads/template`;
    expect((await t.request({ method: 'GET', url })).statusCode).toBe(401);
    expect((await t.request({ method: 'GET', url, cookie: c.finder1 })).statusCode).toBe(403);
    expect((await t.request({ method: 'GET', url, cookie: c.haidian })).statusCode).toBe(404);
    const res = await t.request({ method: 'GET', url, cookie: c.tongzhou });
    expect(res.statusCode).toBe(200);
    const wb = await loadXlsx(res.rawPayload);
    expect(sheetRows(wb.getWorksheet('线索名单')!)[0]).toEqual(HEADERS);
  });
});

describe('POST /finding/campaigns/:id/leads/import', () => {
  it('401, 403, 400 without a file or with a file that is not a spreadsheet', async () => {
    const good = await sheet([['王大力']]);
    expect((await upload(undefined, good)).statusCode).toBe(401);
    expect((await upload(c.finder1, good)).statusCode).toBe(403);
    const none = await upload(c.office, null);
    expect(none.statusCode).toBe(400);
    expect(faultyFields(none)).toEqual(['file']);
    const junk = await upload(c.office, Buffer.from('not a workbook'));
    expect(junk.json().code).toBe('IMPORT_BAD_FILE');
    const noName = await upload(c.office, await sheet([['13800138000', '工地']], ['手机号', '工作单位']));
    expect(noName.json().code).toBe('IMPORT_MISSING_COLUMNS');
  });

  it('refuses files built to exhaust the server (gigabytes inflated, rows past the sheet) and writes nothing', async () => {
    const audits = async () =>
      (await queryRows<{ n: number }>(t.store.db, sql`select count(*)::int as n from audit_log`))[0]!.n;
    const before = { leads: await leadCount(), audit: await audits() };
    for (const [name, data] of Object.entries(hostileSpreadsheets(HEADERS))) {
      const res = await upload(c.office, data);
      expect(res.statusCode, name).toBe(400);
      expect(res.json(), name).toMatchObject({ code: 'IMPORT_BAD_FILE' });
    }
    expect({ leads: await leadCount(), audit: await audits() }).toEqual(before);
  });

  it('reports bad rows row by row in Chinese and writes nothing', async () => {
    const id = syntheticIdNumber();
    const file = await sheet([
      ['王大力', '13800138000', id, '康保县', '通州区', '梨园工地', '梨园镇', '老乡提供', '党员提供'],
      ['李', '12345', '', '纽约', '', '', '', '', ''],
      ['赵小满', '', id, '', '朝阳', '', '', '', '路人'],
    ]);
    const res = await upload(c.office, file);
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({ total: 3, valid: 1, committed: false, imported: 0 });
    const errors = report.errors.map((e: { row: number; column: string }) => `${e.row} ${e.column}`);
    expect(errors).toEqual(
      expect.arrayContaining(['3 姓名', '3 手机号', '3 户籍县区', '4 身份证号', '4 线索来源']),
    );
    expect(report.errors.find((e: { code: string }) => e.code === 'DUPLICATE_IN_FILE').message).toBe(
      '与第 2 行的身份证号重复',
    );
    expect(await leadCount()).toBe(0);
  });

  it('a dry run checks only; a good file writes every row, reporting progress as ndjson', async () => {
    const file = await sheet([
      ['王大力', '138 0013 8000', syntheticIdNumber(), '康保县', '通州区', '梨园工地', '', '', '用工单位'],
      ['孙小红', '', '', '130722', '110112', '', '', '', ''],
    ]);
    const dry = await upload(c.office, file, { dryRun: 'true' });
    expect(dry.json()).toMatchObject({ total: 2, valid: 2, committed: false, errors: [] });
    expect(await leadCount()).toBe(0);
    const res = await upload(c.tongzhou, file, {}, 'application/x-ndjson');
    const lines = ndjson(res.body);
    expect(lines[0]).toMatchObject({ type: 'progress' });
    expect(lines.at(-1)).toMatchObject({ type: 'report', committed: true, imported: 2 });
    expect(await leadCount()).toBe(2);
    const list = await t.request({
      method: 'GET',
      url: `/api/v1/finding/campaigns/${campaignId}/leads`,
      cookie: c.office,
    });
    const first = list.json().items.find((l: { name: string }) => l.name === '王大力');
    expect(first).toMatchObject({
      phoneMasked: '138****8000',
      homeCountyName: '康保县',
      source: 'employer',
      state: 'new',
    });
  });
});

describe('GET /finding/campaigns/:id/leads/export', () => {
  it('401, 403, 400 for a bad filter; exports the leads masked, and audits it', async () => {
    const url = `/api/v1/finding/campaigns/${campaignId}/leads/export`;
    expect((await t.request({ method: 'GET', url })).statusCode).toBe(401);
    expect((await t.request({ method: 'GET', url, cookie: c.finder1 })).statusCode).toBe(403);
    expect((await t.request({ method: 'GET', url: `${url}?state=x`, cookie: c.office })).statusCode).toBe(
      400,
    );
    const res = await t.request({ method: 'GET', url, cookie: c.office });
    expect(res.statusCode).toBe(200);
    const rows = sheetRows((await loadXlsx(res.rawPayload)).getWorksheet('线索名单')!);
    expect(rows[0]!.slice(0, HEADERS.length)).toEqual(HEADERS);
    expect(rows.slice(1).map((r) => r[1])).toContain('138****8000');
    expect(await auditCount(t.store, 'finding.leads_exported')).toBe(1);
  });
});
