import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app';
import { badChecksum, multipart, ndjson, synthId, xlsxOf } from '../../../../test/excel';
import { orgByName } from '../../../../test/factories';
import { messySheet, PEOPLE, plainSheet } from '../../../../test/member-sheets';
import { XLSX_VARIANTS } from '../../../../test/xlsx-variants';
import { hostileSpreadsheets } from '../../../../test/zip-bomb';
import { queryRows } from '../../../db/client';
import { members as membersTable } from '../../../db/schema';
import { REQUIRED_HEADERS } from '../members.sheet';

let t: TestApp;
let office: string;
let tongzhou: string;
let haidian: string;
let auditor: string;
let kangbao: string;
let tongzhouId: number;
let haidianId: number;

beforeAll(async () => {
  t = await createTestApp();
  [office, tongzhou, haidian, auditor, kangbao] = (await Promise.all(
    ['office', 'tongzhou', 'haidian', 'auditor', 'kangbao'].map((u) => t.login(u)),
  )) as [string, string, string, string, string];
  tongzhouId = (await orgByName(t.store, '驻北京通州区流动党委')).id;
  haidianId = (await orgByName(t.store, '驻北京海淀区流动党委')).id;
});
afterAll(() => t.close());

const auditCount = async () =>
  (await queryRows<{ n: number }>(t.store.db, sql`select count(*)::int as n from audit_log`))[0]!.n;
const memberCount = async () =>
  (await queryRows<{ n: number }>(t.store.db, sql`select count(*)::int as n from members`))[0]!.n;

async function upload(
  cookie: string | undefined,
  fields: Record<string, string>,
  file?: { name: string; data: Buffer; type?: string },
  accept?: string,
) {
  const { payload, headers } = await multipart(fields, file);
  return t.request({
    method: 'POST',
    url: '/api/v1/members/import',
    payload,
    headers: { ...headers, ...(accept ? { accept } : {}) },
    ...(cookie ? { cookie } : {}),
  });
}

/** Confirms a validated import by its stage id (on `app`, another instance if given). */
const commit = (cookie: string | undefined, stageId: string, app: Pick<TestApp, 'request'> = t) =>
  app.request({
    method: 'POST',
    url: `/api/v1/members/import/stages/${stageId}/commit`,
    ...(cookie ? { cookie } : {}),
  });

const STAGED = sql`select count(*)::int as n from member_import_stage_rows`;
const stageRows = async () => (await queryRows<{ n: number }>(t.store.db, STAGED))[0]!.n;

const { A, B, C, D, E } = PEOPLE;

const file = (data: Buffer, name = '通州党员.xlsx') => ({ name, data });

/** The record of the member holding an ID number, as the given session sees it. */
async function memberOf(idNumber: string, cookie: string) {
  const [row] = await t.store.db
    .select({ id: membersTable.id })
    .from(membersTable)
    .where(sql`${membersTable.idHash} = ${t.services.members.record.hashes.idNumber(idNumber)}`);
  if (!row) throw new Error('no member with that ID number');
  return (await t.request({ method: 'GET', url: `/api/v1/members/${row.id}`, cookie })).json();
}

describe('POST /api/v1/members/import', () => {
  it('401 without a session; 403 for the audit admin and for a read-only home-county viewer', async () => {
    const data = await messySheet(false);
    expect((await upload(undefined, { dryRun: 'true' }, file(data))).statusCode).toBe(401);
    for (const cookie of [auditor, kangbao]) {
      const res = await upload(cookie, { dryRun: 'true', orgId: String(tongzhouId) }, file(data));
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('FORBIDDEN');
    }
  });

  it('400 without a file, for what is not an xlsx, without a header row, and for a bad field', async () => {
    const noFile = await upload(tongzhou, { dryRun: 'true' });
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json().code).toBe('IMPORT_NO_FILE');
    const json = await t.request({
      method: 'POST',
      url: '/api/v1/members/import',
      payload: {},
      cookie: tongzhou,
    });
    expect(json.json().code).toBe('IMPORT_NO_FILE');

    const text = await upload(tongzhou, {}, file(Buffer.from('姓名,身份证号\n张三,1\n'), 'a.xlsx'));
    expect(text.statusCode).toBe(400);
    expect(text.json().code).toBe('IMPORT_BAD_FILE');
    const xls = await upload(
      tongzhou,
      {},
      file(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'a.xls'),
    );
    expect(xls.json()).toMatchObject({ code: 'IMPORT_BAD_FILE', message: expect.stringContaining('.xls') });

    const headless = await xlsxOf((wb) => wb.addWorksheet('s').addRow(['编号', '名称', '金额']));
    const noHeader = await upload(tongzhou, { orgId: String(tongzhouId) }, file(headless));
    expect(noHeader.statusCode).toBe(400);
    expect(noHeader.json().code).toBe('IMPORT_NO_HEADER');
    expect(noHeader.json().message).toContain('姓名、身份证号、手机号、入党日期、户籍县区');

    const partial = await xlsxOf((wb) =>
      wb.addWorksheet('s').addRow(['姓名', '身份证号', '入党日期', '备注']),
    );
    const missing = await upload(tongzhou, { orgId: String(tongzhouId) }, file(partial));
    expect(missing.json()).toMatchObject({
      code: 'IMPORT_MISSING_COLUMNS',
      message: '表格缺少必填列：手机号、户籍县区',
    });

    const badField = await upload(tongzhou, { dryRun: 'maybe' }, file(await messySheet(false)));
    expect(badField.statusCode).toBe(400);
    expect(badField.json()).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'dryRun' }] });
    // The upload no longer commits: a client asking it to is told of the confirm step.
    const oldCommit = await upload(tongzhou, { dryRun: 'false' }, file(await messySheet(true)));
    expect(oldCommit.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [{ path: 'dryRun', message: expect.stringContaining('stages/{id}/commit') }],
    });
  });

  it('refuses files built to exhaust the server (gigabytes inflated, rows past the sheet) and writes nothing', async () => {
    const before = { members: await memberCount(), audit: await auditCount() };
    for (const [name, data] of Object.entries(hostileSpreadsheets(REQUIRED_HEADERS))) {
      const res = await upload(tongzhou, { orgId: String(tongzhouId) }, file(data));
      expect(res.statusCode, name).toBe(400);
      expect(res.json(), name).toMatchObject({ code: 'IMPORT_BAD_FILE', fields: [{ path: 'file' }] });
    }
    expect({ members: await memberCount(), audit: await auditCount(), staged: await stageRows() }).toEqual({
      ...before,
      staged: 0,
    });
    expect((await t.request({ method: 'GET', url: '/api/v1/auth/me', cookie: tongzhou })).statusCode).toBe(
      200,
    );
  });

  it('refuses the Tongzhou secretary an import into a Haidian org', async () => {
    const before = await memberCount();
    const res = await upload(tongzhou, { orgId: String(haidianId) }, file(await messySheet(true)));
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('MEMBER_ORG_INVALID');
    expect(await memberCount()).toBe(before);
  });

  it('the check of a messy sheet reports exactly its three bad rows, as Excel numbers them, and keeps no stage', async () => {
    const before = await memberCount();
    const res = await upload(
      tongzhou,
      { orgId: String(tongzhouId), dryRun: 'true' },
      file(await messySheet(false)),
    );
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({ total: 8, valid: 5, committed: false, imported: 0, stage: null });
    expect(report.errors).toEqual([
      {
        row: 8,
        column: '身份证号',
        value: badChecksum(E),
        code: 'ID_CHECKSUM',
        message: '身份证号校验位不正确，请核对号码',
      },
      {
        row: 9,
        column: '户籍县区',
        value: '石家庄市长安区',
        code: 'UNKNOWN_DIVISION',
        message: '“石家庄市长安区”不是张家口市的县区',
      },
      {
        row: 11,
        column: '身份证号',
        value: A,
        code: 'DUPLICATE_IN_FILE',
        message: '与第 4 行的身份证号重复',
      },
    ]);
    expect(await memberCount()).toBe(before);
    expect(await stageRows()).toBe(0);
  });

  it('asks for the parent when an org name is not unique in the actor’s scope', async () => {
    const report = (await upload(office, { orgId: String(tongzhouId) }, file(await messySheet(true)))).json();
    expect(report.errors.map((e: { row: number; code: string }) => [e.row, e.code])).toEqual([
      [4, 'ORG_AMBIGUOUS'],
      [6, 'ORG_AMBIGUOUS'],
    ]);
    expect(report.errors[0].message).toMatch(
      /^有 17 个党组织名为“建筑业流动党支部”，请连同上级写明，如“驻北京.+流动党委\/建筑业流动党支部”$/,
    );
  });

  it('commits the checked sheet whole by its stage, once, in one audit event without personal data', async () => {
    const before = await memberCount();
    const data = await messySheet(true);
    const checked = (await upload(tongzhou, { orgId: String(tongzhouId) }, file(data))).json();
    expect(checked).toMatchObject({ total: 8, valid: 8, errors: [], committed: false });
    expect(checked.stage.byOrg.reduce((n: number, o: { count: number }) => n + o.count, 0)).toBe(8);
    expect(checked.stage.byOrg).toContainEqual({
      orgId: tongzhouId,
      orgName: '驻北京通州区流动党委',
      memberType: 'probationary',
      count: 1,
    });
    expect(Date.parse(checked.stage.expiresAt) - Date.now()).toBeGreaterThan(29 * 60_000);
    expect(await memberCount()).toBe(before);

    // Only the user who checked the file may commit it; to anyone else it does not exist.
    const byOffice = await commit(office, checked.stage.id);
    expect(byOffice.statusCode).toBe(404);
    expect(byOffice.json()).toMatchObject({ code: 'IMPORT_STAGE_NOT_FOUND' });
    expect((await commit(undefined, checked.stage.id)).statusCode).toBe(401);
    const badId = (await commit(tongzhou, 'not-a-stage')).json();
    expect(badId).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'stageId' }] });

    const res = await commit(tongzhou, checked.stage.id);
    expect(res.json()).toEqual({ total: 8, valid: 8, errors: [], committed: true, imported: 8 });
    expect(await memberCount()).toBe(before + 8);
    expect(await stageRows()).toBe(0);
    const again = await commit(tongzhou, checked.stage.id);
    expect(again.statusCode).toBe(404);
    expect(again.json().message).toContain('可能已经导入过');
    expect(await memberCount()).toBe(before + 8);

    const li = await memberOf(B, tongzhou);
    expect(li).toMatchObject({
      name: '李四',
      gender: 'female',
      ethnicity: '11',
      birthDate: '1992-03-15',
      education: '30',
      joinedAt: '2015-06-01',
      memberType: 'probationary',
      homeCounty: '130732',
      hostDistrict: '110112',
      hostAddress: '北京市通州区宋庄镇',
      orgId: tongzhouId,
      source: 'imported',
      status: 'active',
      notes: null,
    });
    const timeline = await t.request({
      method: 'GET',
      url: `/api/v1/members/${li.id}/activity`,
      cookie: tongzhou,
    });
    expect(timeline.json().items).toMatchObject([
      { kind: 'status_changed', title: '批量导入', statusChange: { fromStatus: null, toStatus: 'active' } },
    ]);
    expect(await memberOf(A, tongzhou)).toMatchObject({
      name: '张三',
      orgName: '建筑业流动党支部',
      tags: ['联络员', '宣传员'],
      joinedAt: '2012-07-01',
      fullMemberAt: '2013-07-01',
      leftHomeAt: '2010-03-01',
    });
    expect(await memberOf(C, tongzhou)).toMatchObject({
      orgName: '商贸物流流动党支部',
      homeCounty: '130723',
    });
    expect(await memberOf(D, tongzhou)).toMatchObject({ joinedAt: '2005-10-01', fullMemberAt: '2006-10-01' });

    const audit = (
      await t.request({ method: 'GET', url: '/api/v1/audit?action=member.imported', cookie: auditor })
    ).json();
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0]).toMatchObject({
      actorName: 'tongzhou',
      targetId: String(tongzhouId),
      after: {
        count: 8,
        fileName: '通州党员.xlsx',
        fileSha256: createHash('sha256').update(data).digest('hex'),
        orgId: tongzhouId,
      },
    });
    expect(JSON.stringify(audit.items[0])).not.toContain(A.slice(-6));
  });

  it('reports every row of the same sheet imported again as a duplicate', async () => {
    const before = await memberCount();
    const res = await upload(tongzhou, { orgId: String(tongzhouId) }, file(await messySheet(true)));
    const report = res.json();
    expect(report).toMatchObject({ total: 8, valid: 0, committed: false, imported: 0, stage: null });
    expect(report.errors).toHaveLength(8);
    expect(report.errors.every((e: { code: string }) => e.code === 'MEMBER_DUPLICATE')).toBe(true);
    expect(report.errors[0].message).toContain('张三');
    expect(await memberCount()).toBe(before);
  });

  it('does not say who holds a duplicate outside the actor’s scope', async () => {
    const data = await plainSheet([['张三', A, '13800138000', '2012-07-01', '赤城县']]);
    const report = (await upload(haidian, { orgId: String(haidianId) }, file(data))).json();
    expect(report.errors).toEqual([
      {
        row: 2,
        column: '身份证号',
        value: A,
        code: 'MEMBER_DUPLICATE',
        message: '该党员已在其他党组织登记，请联系流动党委办公室核实',
      },
    ]);
  });

  it.each([
    ['shared strings stored after the sheet (WPS, LibreOffice)', XLSX_VARIANTS.sharedStringsAfterSheet, 921],
    ['inline strings and no shared strings', XLSX_VARIANTS.inlineStrings, 923],
  ])('imports a sheet written with %s', async (_, layout, seq) => {
    const first = synthId('130732', '19930101', seq);
    const second = synthId('130723', '19940202', seq + 1);
    const data = await plainSheet(
      [
        ['郑二', first, '13800138020', new Date(Date.UTC(2014, 6, 1)), '赤城县'],
        ['冯三', second, 13800138021, '2015-07-01', '康保县'],
      ],
      false,
      layout,
    );
    const orgId = String(tongzhouId);
    const checked = (await upload(tongzhou, { orgId }, file(data))).json();
    expect(checked).toMatchObject({ total: 2, valid: 2, errors: [], committed: false, imported: 0 });

    const before = await memberCount();
    const res = await commit(tongzhou, checked.stage.id);
    expect(res.json()).toEqual({ total: 2, valid: 2, errors: [], committed: true, imported: 2 });
    expect(await memberCount()).toBe(before + 2);
    expect(await memberOf(first, tongzhou)).toMatchObject({
      name: '郑二',
      phoneMasked: '138****8020',
      joinedAt: '2014-07-01',
      homeCounty: '130732',
    });
    expect(await memberOf(second, tongzhou)).toMatchObject({
      name: '冯三',
      phoneMasked: '138****8021',
      joinedAt: '2015-07-01',
      homeCounty: '130723',
    });
  });

  it('streams progress lines and the report when asked for application/x-ndjson', async () => {
    const data = await xlsxOf((wb) => {
      const ws = wb.addWorksheet('s');
      ws.addRow(['姓名', '身份证号', '手机号', '入党日期', '户籍县区', '所在党组织']);
      ws.addRow([
        '郑一',
        synthId('130732', '19910101', 913),
        '13800138010',
        '2013-07-01',
        '赤城县',
        '驻北京海淀区流动党委',
      ]);
    });
    const res = await upload(haidian, { dryRun: 'true' }, file(data), 'application/x-ndjson');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/x-ndjson');
    const lines = ndjson(res.body);
    expect(lines).toEqual([
      { type: 'progress', phase: 'validate', processed: 0 },
      {
        type: 'report',
        total: 1,
        valid: 1,
        errors: [],
        committed: false,
        imported: 0,
        stage: expect.objectContaining({ byOrg: [expect.objectContaining({ count: 1 })] }),
      },
    ]);
    const committed = await t.request({
      method: 'POST',
      url: `/api/v1/members/import/stages/${(lines[1]!.stage as { id: string }).id}/commit`,
      headers: { accept: 'application/x-ndjson' },
      cookie: haidian,
    });
    expect(ndjson(committed.body)).toEqual([
      { type: 'progress', phase: 'commit', processed: 0 },
      { type: 'report', total: 1, valid: 1, errors: [], committed: true, imported: 1 },
    ]);
  });
});
