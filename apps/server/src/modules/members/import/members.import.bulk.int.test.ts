import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app';
import { multipart, ndjson, streamedXlsx, synthId } from '../../../../test/excel';
import { orgByName } from '../../../../test/factories';
import { rollupDrift } from '../../../../test/member-counts';
import { testStoreKind } from '../../../../test/store';
import { queryRows } from '../../../db/client';

/** 20,000 rows through the streaming path (the 100,000-row figure is the benchmarks'). */
const ROWS = 20_000;

let t: TestApp;
let office: string;

beforeAll(async () => {
  t = await createTestApp({}, { members: 0 });
  office = await t.login('office');
});
afterAll(() => t.close());

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华';
const COUNTIES = ['赤城县', '张家口市康保县', '130722', '蔚县', '宣化区', '怀来'];
const DISTRICTS = ['通州区', '朝阳区', '110108', null];

function* rows(): Generator<unknown[]> {
  yield ['张家口市驻京流动党员名册（批量）'];
  yield [
    '姓名',
    '性别',
    '身份证号',
    '手机号',
    '学历',
    '入党日期',
    '户籍县区',
    '居住区',
    '工作单位',
    '所在党组织',
    '标签',
  ];
  const start = Date.UTC(1960, 0, 1);
  for (let i = 0; i < ROWS; i++) {
    // 5,000 birth days × 4 sequences: every ID number differs.
    const birth = new Date(start + (i % 5000) * 86_400_000 * 3);
    const ymd = birth.toISOString().slice(0, 10).replaceAll('-', '');
    const seq = 101 + Math.floor(i / 5000) * 2 + (i % 2 ? 0 : 1);
    const male = seq % 2 === 1;
    const joined = `${birth.getUTCFullYear() + 25}-07-01`;
    yield [
      SURNAMES[i % SURNAMES.length]! +
        GIVEN[(i * 7) % GIVEN.length]! +
        (i % 3 ? GIVEN[(i * 11) % GIVEN.length] : ''),
      male ? '男' : '女',
      synthId('130723', ymd, seq),
      `139${String(i).padStart(8, '0')}`,
      i % 2 ? '大学本科' : '高中',
      i % 4 === 0 ? new Date(`${joined}T00:00:00Z`) : joined,
      COUNTIES[i % COUNTIES.length],
      DISTRICTS[i % DISTRICTS.length],
      `第${i % 50}建筑公司`,
      i % 5 === 0 ? '驻北京通州区流动党委/建筑业流动党支部' : null,
      i % 100 === 0 ? '联络员' : null,
    ];
  }
}

it(`checks ${ROWS.toLocaleString()} rows, then commits them in one transaction, streaming progress`, {
  timeout: 240_000,
}, async () => {
  const daxing = await orgByName(t.store, '驻北京大兴区流动党委');
  const data = await streamedXlsx('党员信息', rows());
  const { payload, headers } = await multipart({ orgId: String(daxing.id) }, { name: 'bulk.xlsx', data });
  const started = performance.now();
  const res = await t.request({
    method: 'POST',
    url: '/api/v1/members/import',
    payload,
    headers: { ...headers, accept: 'application/x-ndjson' },
    cookie: office,
  });
  const checked = ndjson(res.body);
  const validateMs = Math.round(performance.now() - started);
  const stage = checked.at(-1)?.stage as { id: string; byOrg: { count: number }[] };
  const commit = await t.request({
    method: 'POST',
    url: `/api/v1/members/import/stages/${stage.id}/commit`,
    headers: { accept: 'application/x-ndjson' },
    cookie: office,
  });
  const ms = Math.round(performance.now() - started);
  console.info(
    `[bulk import] ${testStoreKind()}: ${ROWS} rows (${(data.length / 1e6).toFixed(1)} MB): ` +
      `check ${validateMs} ms, commit ${ms - validateMs} ms`,
  );

  expect(res.statusCode).toBe(200);
  expect(commit.statusCode).toBe(200);
  const lines = [...checked, ...ndjson(commit.body)];
  const progress = (phase: string) =>
    lines.filter((l) => l.type === 'progress' && l.phase === phase).map((l) => l.processed);
  const steps = Array.from({ length: ROWS / 1000 }, (_, i) => (i + 1) * 1000);
  expect(progress('validate')).toEqual([0, ...steps]);
  expect(progress('commit')).toEqual([0, ...steps]);
  expect(stage.byOrg.reduce((n, o) => n + o.count, 0)).toBe(ROWS);
  expect(lines.at(-1)).toEqual({
    type: 'report',
    total: ROWS,
    valid: ROWS,
    errors: [],
    committed: true,
    imported: ROWS,
  });

  const [counts] = await queryRows<{ n: number; events: number; branch: number }>(
    t.store.db,
    sql`select (select count(*)::int from members) as n,
               (select count(*)::int from member_status_events) as events,
               (select count(*)::int from members m join orgs o on o.id = m.org_id
                 where o.name = '建筑业流动党支部') as branch`,
  );
  expect(counts).toEqual({ n: ROWS, events: ROWS, branch: ROWS / 5 });
  // Both member rollups followed the import's statements.
  expect(await rollupDrift(t.store.db)).toEqual([]);
});
