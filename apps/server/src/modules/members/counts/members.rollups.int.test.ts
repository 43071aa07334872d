import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app';
import { branchOf } from '../../../../test/factories';
import { withRollupBumped } from '../../../../test/member-counts';
import { queryRows } from '../../../db/client';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({}, { members: 200 });
});
afterAll(() => t.close());

interface Run {
  outcome: string;
  rows: number | null;
  error: string | null;
}

async function check(): Promise<Run> {
  const result = await t.services.jobs.runNow('members.rollup_check');
  expect(result.status).toBe('ran');
  return (result as { run: Run }).run;
}

describe('the members.rollup_check job', () => {
  it('succeeds when the rollups equal the members, counting the groups it compared', async () => {
    const [{ groups }] = (await queryRows<{ groups: number }>(
      t.store.db,
      sql`select (select count(*) from member_counts) + (select count(*) from member_org_counts)
                 + (select count(*) from member_facet_counts)
                 + (select count(*) from member_facet_totals)
                 + (select count(*) from member_facet_org_totals) as groups`,
    )) as [{ groups: number }];
    const run = await check();
    expect(run).toMatchObject({ outcome: 'succeeded', error: null });
    expect(run.rows).toBe(Number(groups));
    expect(run.rows).toBeGreaterThan(0);
  });

  it('fails on a tampered group of member_counts, naming the group and nobody in it', async () => {
    const branch = await branchOf(t.store, '驻北京通州区流动党委');
    const key = { orgId: branch.id, status: 'active', homeCounty: '130723', hostDistrict: '110102' };
    const [{ n }] = (await queryRows<{ n: number }>(
      t.store.db,
      sql`select count(*)::int as n from members where org_id = ${branch.id} and status = 'active'
          and home_county = '130723' and host_district = '110102'`,
    )) as [{ n: number }];
    const run = await withRollupBumped(t.store.db, key, 3, check);
    expect(run.outcome).toBe('failed');
    expect(run.error).toBe(
      `党员统计汇总与党员记录不一致，共 1 处；首处为 member_counts（按组织、流出地、流入地、状态）中` +
        `组织「${branch.name}」（编号 ${branch.id}）、流出地 康保县 130723、流入地 西城区 110102、状态「在册」：` +
        `汇总 ${n + 3} 人，实有 ${n} 人。统计数字可能有误，请按部署文档（docs/deployment.md）核对并重建汇总表。`,
    );
    // Back in order once the rollup is.
    expect((await check()).outcome).toBe('succeeded');
  });

  it('fails on a tampered (org, status) pair of member_org_counts', async () => {
    const branch = await branchOf(t.store, '驻北京海淀区流动党委');
    const run = await withRollupBumped(t.store.db, { orgId: branch.id, status: 'deceased' }, 2, check);
    expect(run.outcome).toBe('failed');
    expect(run.error).toContain(
      `首处为 member_org_counts（按组织、状态）中组织「${branch.name}」（编号 ${branch.id}）、状态「已故」：汇总`,
    );
  });

  it('fails on a tampered row of member_facet_counts, naming its facet and value', async () => {
    const [row] = await queryRows<{ org_id: number; status: string; value: string; n: number }>(
      t.store.db,
      sql`select org_id, status, value, n from member_facet_counts where facet = 'member_type'
          order by org_id, home_county, host_district, status, value limit 1`,
    );
    const where = sql`facet = 'member_type' and org_id = ${row!.org_id} and status = ${row!.status}
                      and value = ${row!.value}`;
    await t.store.db.execute(sql`update member_facet_counts set n = n + 1 where ${where}`);
    try {
      const run = await check();
      expect(run.outcome).toBe('failed');
      expect(run.error).toMatch(
        /首处为 member_facet_counts（按组织、流出地、流入地、状态、分项）中.*党员类别「(full|probationary)」：汇总/,
      );
    } finally {
      await t.store.db.execute(sql`update member_facet_counts set n = n - 1 where ${where}`);
    }
    expect((await check()).outcome).toBe('succeeded');
  });

  it('fails on a tampered row of member_facet_totals, naming its county, facet and value and no org', async () => {
    const [row] = await queryRows<{ home_county: string; value: string }>(
      t.store.db,
      sql`select home_county, value from member_facet_totals where facet = 'gender' and status = 'active'
          order by home_county, value limit 1`,
    );
    const where = sql`facet = 'gender' and home_county = ${row!.home_county} and status = 'active'
                      and value = ${row!.value}`;
    await t.store.db.execute(sql`update member_facet_totals set n = n + 2 where ${where}`);
    try {
      const run = await check();
      expect(run.outcome).toBe('failed');
      expect(run.error).toMatch(
        /共 1 处；首处为 member_facet_totals（按流出地、状态、分项）中流出地 \S+ \d{6}、状态「在册」、性别「(male|female)」：汇总 \d+ 人/,
      );
    } finally {
      await t.store.db.execute(sql`update member_facet_totals set n = n - 2 where ${where}`);
    }
    expect((await check()).outcome).toBe('succeeded');
  });

  it('fails on a tampered row of member_facet_org_totals, naming its org, facet and value and no county', async () => {
    const branch = await branchOf(t.store, '驻北京通州区流动党委');
    const [row] = await queryRows<{ value: string }>(
      t.store.db,
      sql`select value from member_facet_org_totals where facet = 'education' and org_id = ${branch.id}
          and status = 'active' order by value limit 1`,
    );
    const where = sql`facet = 'education' and org_id = ${branch.id} and status = 'active'
                      and value = ${row!.value}`;
    await t.store.db.execute(sql`update member_facet_org_totals set n = n - 1 where ${where}`);
    try {
      const run = await check();
      expect(run.outcome).toBe('failed');
      expect(run.error).toMatch(
        new RegExp(
          `共 1 处；首处为 member_facet_org_totals（按组织、状态、分项）中组织「${branch.name}」（编号 ${branch.id}）、状态「在册」、学历「(\\d+|未填)」：汇总 \\d+ 人`,
        ),
      );
    } finally {
      await t.store.db.execute(sql`update member_facet_org_totals set n = n + 1 where ${where}`);
    }
    expect((await check()).outcome).toBe('succeeded');
  });

  it('fails on a group of members the rollups have lost', async () => {
    const [row] = await queryRows<{
      org_id: number;
      home_county: string;
      host_district: string;
      status: string;
      n: number;
    }>(
      t.store.db,
      sql`select org_id, home_county, host_district, status, n from member_counts order by org_id, home_county, host_district, status limit 1`,
    );
    await t.store.db.execute(
      sql`delete from member_counts where org_id = ${row!.org_id} and home_county = ${row!.home_county}
          and host_district = ${row!.host_district} and status = ${row!.status}`,
    );
    try {
      const run = await check();
      expect(run.outcome).toBe('failed');
      expect(run.error).toContain(`汇总 0 人，实有 ${row!.n} 人`);
    } finally {
      await t.store.db.execute(
        sql`insert into member_counts (org_id, home_county, host_district, status, n)
            values (${row!.org_id}, ${row!.home_county}, ${row!.host_district}, ${row!.status}, ${row!.n})`,
      );
    }
    expect((await check()).outcome).toBe('succeeded');
  });
});
