import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app';
import { loadXlsx, multipart, sheetRows, synthId } from '../../../../test/excel';
import { CANONICAL_HEADERS } from '../members.sheet';

let t: TestApp;
let office: string;
let auditor: string;
let kangbao: string;

beforeAll(async () => {
  t = await createTestApp({}, { members: 0 });
  [office, auditor, kangbao] = (await Promise.all(
    ['office', 'auditor', 'kangbao'].map((u) => t.login(u)),
  )) as [string, string, string];
});
afterAll(() => t.close());

describe('GET /api/v1/members/import/template', () => {
  const url = '/api/v1/members/import/template';

  it('401 without a session; 403 for the audit admin and the home-county viewer', async () => {
    expect((await t.request({ method: 'GET', url })).statusCode).toBe(401);
    expect((await t.request({ method: 'GET', url, cookie: auditor })).statusCode).toBe(403);
    expect((await t.request({ method: 'GET', url, cookie: kangbao })).statusCode).toBe(403);
  });

  it('downloads the template: instructions, the canonical headers, drop-downs and text columns', async () => {
    const res = await t.request({ method: 'GET', url, cookie: office });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(res.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('党员信息导入模板.xlsx')}`,
    );
    const wb = await loadXlsx(res.rawPayload);
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['填写说明', 'visible'],
      ['党员信息', 'visible'],
      ['代码表', 'hidden'],
    ]);
    const data = wb.getWorksheet('党员信息')!;
    expect(sheetRows(data)).toEqual([CANONICAL_HEADERS]);
    const col = (name: string) => CANONICAL_HEADERS.indexOf(name) + 1;
    expect(data.getRow(1).getCell(col('身份证号')).font?.color?.argb).toBe('FFC00000'); // required
    expect(data.getRow(1).getCell(col('性别')).font?.color).toBeUndefined();
    expect(data.getColumn(col('身份证号')).numFmt).toBe('@');
    expect(data.getColumn(col('手机号')).numFmt).toBe('@');
    const validations = (
      data as unknown as { dataValidations: { model: Record<string, { formulae: string[] }> } }
    ).dataValidations.model;
    const letter = (name: string) => String.fromCharCode(64 + col(name));
    for (const name of ['性别', '民族', '学历', '党员类型', '户籍县区', '居住区']) {
      expect(validations[`${letter(name)}2`]?.formulae[0], name).toMatch(
        /^'代码表'!\$[A-F]\$2:\$[A-F]\$\d+$/,
      );
    }
    const codes = sheetRows(wb.getWorksheet('代码表')!);
    expect(codes[0]).toEqual(['性别', '民族', '学历', '党员类型', '户籍县区', '居住区']);
    expect(codes.map((r) => r[4]).filter(Boolean)).toContain('赤城县');
    expect(sheetRows(wb.getWorksheet('填写说明')!).some((r) => r[0] === '身份证号' && r[1] === '必填')).toBe(
      true,
    );
  });

  it('imports a filled-in template', async () => {
    const wb = await loadXlsx((await t.request({ method: 'GET', url, cookie: office })).rawPayload);
    const row = Object.fromEntries(CANONICAL_HEADERS.map((h) => [h, null])) as Record<string, unknown>;
    Object.assign(row, {
      姓名: '冯十一',
      性别: '男',
      民族: '汉族',
      身份证号: synthId('130732', '19930303', 915),
      手机号: '13800138011',
      学历: '大学本科',
      入党日期: '2016-07-01',
      户籍县区: '赤城县',
      居住区: '海淀区',
      所在党组织: '驻北京海淀区流动党委/建筑业流动党支部',
    });
    wb.getWorksheet('党员信息')!.addRow(CANONICAL_HEADERS.map((h) => row[h]));
    const data = Buffer.from(await wb.xlsx.writeBuffer());
    const { payload, headers } = await multipart({ dryRun: 'true' }, { name: 'template.xlsx', data });
    const res = await t.request({
      method: 'POST',
      url: '/api/v1/members/import',
      payload,
      headers,
      cookie: office,
    });
    const report = res.json();
    expect(report).toMatchObject({ total: 1, valid: 1, errors: [], committed: false, imported: 0 });
    // Checked whole: staged for the confirm step, one 正式党员 in the branch the row names.
    expect(report.stage.byOrg).toEqual([
      expect.objectContaining({ orgName: '建筑业流动党支部', memberType: 'full', count: 1 }),
    ]);
  });
});
