/** The totals by county and year equal the sums of the records each actor may list, in every scope. */
import { describe, expect, it } from 'vitest';
import { faultyFields } from '../../../test/app';
import { loadXlsx, sheetRows, XLSX } from '../../../test/excel';
import { auditCount } from '../../../test/factories';
import {
  API,
  createDonation,
  createProject,
  haidian,
  haidianOrg,
  KANGBAO,
  kangbao,
  office,
  placementBody,
  t,
  tongzhou,
  useHometownWorld,
  xicheng,
  YUXIAN,
} from './hometown.fixture';

useHometownWorld();

type Figures = Record<string, number>;

/** Every item of a list, page after page. */
async function all<T>(cookie: string, path: string): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | null = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const url: string = `${API}${path}${sep}limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const page: { items: T[]; nextCursor: string | null } = (
      await t.request({ method: 'GET', url, cookie })
    ).json();
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

/** The figures by "county/year" as the listed records add up. */
async function sumsOfRecords(cookie: string) {
  const groups = new Map<string, Figures>();
  const add = (county: string, year: number | null, f: Figures) => {
    const key = `${county}/${year}`;
    const g = groups.get(key) ?? {};
    for (const [k, v] of Object.entries(f)) g[k] = (g[k] ?? 0) + v;
    groups.set(key, g);
  };
  const projects = await all<{
    id: number;
    county: { code: string };
    signedOn: string | null;
    signedFen: number;
    actualFen: number;
  }>(cookie, '/projects');
  for (const p of projects) {
    add(p.county.code, p.signedOn ? Number(p.signedOn.slice(0, 4)) : null, {
      projects: 1,
      signedFen: p.signedFen,
      actualFen: p.actualFen,
    });
    const detail = (await t.request({ method: 'GET', url: `${API}/projects/${p.id}`, cookie })).json();
    for (const y of detail.years as { year: number; outputFen: number; taxFen: number; jobs: number }[])
      add(p.county.code, y.year, { outputFen: y.outputFen, taxFen: y.taxFen, jobs: y.jobs });
  }
  for (const d of await all<{ county: { code: string }; donatedOn: string; kind: string; amountFen: number }>(
    cookie,
    '/donations',
  ))
    add(d.county.code, Number(d.donatedOn.slice(0, 4)), {
      donations: 1,
      [d.kind === 'funds' ? 'fundsFen' : 'goodsFen']: d.amountFen,
    });
  for (const l of await all<{ county: { code: string }; placedOn: string; personTimes: number }>(
    cookie,
    '/labour/placements',
  ))
    add(l.county.code, Number(l.placedOn.slice(0, 4)), { placements: 1, personTimes: l.personTimes });
  return groups;
}

/** The totals' rows by "county/year", keeping only figures that are not zero. */
async function totalsOf(cookie: string, query = '') {
  const res = await t.request({ method: 'GET', url: `${API}/totals${query}`, cookie });
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json();
  const groups = new Map<string, Figures>();
  for (const { county, year, ...figures } of body.rows as ({
    county: { code: string };
    year: number | null;
  } & Figures)[])
    groups.set(
      `${county.code}/${year}`,
      Object.fromEntries(Object.entries(figures).filter(([, v]) => v !== 0)),
    );
  return { groups, body };
}

describe('GET /api/v1/hometown/totals', () => {
  it('400 on a bad filter', async () => {
    const bad = await t.request({
      method: 'GET',
      url: `${API}/totals?year=20x1&countyCode=1307`,
      cookie: office,
    });
    expect(bad.statusCode).toBe(400);
    expect(faultyFields(bad)).toEqual(['countyCode', 'year']);
  });

  it('equals the sum of the listed records for the office, a secretary and a home viewer, and moves with a new record', async () => {
    const p1 = await createProject(tongzhou, {
      countyCode: KANGBAO,
      signedWan: '1234.567891',
      stageOn: '2021-05-01',
    });
    await t.request({
      method: 'PUT',
      url: `${API}/projects/${p1.id}/years`,
      cookie: tongzhou,
      payload: {
        years: [
          { year: 2021, outputWan: '8000.01', taxWan: '900', jobs: 500 },
          { year: 2022, outputWan: '100', taxWan: '10', jobs: 20 },
        ],
        version: p1.version,
      },
    });
    await createProject(tongzhou, { countyCode: YUXIAN, stageOn: '2019-01-01' });
    await createProject(tongzhou, {
      countyCode: KANGBAO,
      stage: 'negotiating',
      signedOn: null,
      signedWan: '50',
    });
    await createProject(haidian, {
      countyCode: KANGBAO,
      orgId: haidianOrg.id,
      stageOn: '2021-02-02',
      signedWan: '0.000001',
    });
    await createDonation(tongzhou, { amountYuan: '3000000.01', donatedOn: '2020-02-01' });
    await createDonation(haidian, {
      amountYuan: '0.99',
      donatedOn: '2021-02-01',
      orgId: haidianOrg.id,
      countyCode: YUXIAN,
    });
    await createDonation(tongzhou, {
      kind: 'goods',
      amountYuan: undefined,
      items: [{ name: '口罩', quantity: '10000', unit: '只', valueYuan: '5000.5' }],
      donatedOn: '2020-03-01',
    });
    for (const [cookie, extra] of [
      [tongzhou, { placedOn: '2021-03-01', personTimes: 7 }],
      [tongzhou, { placedOn: '2021-07-01', personTimes: 8, countyCode: YUXIAN }],
      [haidian, { placedOn: '2021-03-01', personTimes: 1000, orgId: haidianOrg.id }],
    ] as const)
      await t.request({
        method: 'POST',
        url: `${API}/labour/placements`,
        cookie,
        payload: placementBody(extra),
      });

    for (const cookie of [office, tongzhou, haidian, kangbao]) {
      const { groups, body } = await totalsOf(cookie);
      expect(groups).toEqual(await sumsOfRecords(cookie));
      // The grand total is the sum of the rows.
      const summed: Figures = {};
      for (const r of body.rows as Figures[])
        for (const k of Object.keys(body.total)) summed[k] = (summed[k] ?? 0) + r[k]!;
      expect(body.total).toEqual(summed);
    }
    // 康保's viewer sees 康保 only; 通州's secretary its own records only.
    expect([...(await totalsOf(kangbao)).groups.keys()].every((k) => k.startsWith(`${KANGBAO}/`))).toBe(true);
    expect((await totalsOf(tongzhou, `?countyCode=${KANGBAO}&year=2021`)).body.total).toMatchObject({
      projects: 1,
      signedFen: 1_234_567_891,
      outputFen: 8_000_010_000,
      taxFen: 900_000_000,
      jobs: 500,
      placements: 1,
      personTimes: 7,
    });
    const covid = (await totalsOf(office, '?year=2020')).body.byPurpose;
    expect(covid).toEqual([
      { purpose: 'covid', purposeLabel: '抗疫', year: 2020, donations: 2, amountFen: 300_000_001 + 500_050 },
    ]);

    // Each list's .xlsx holds what the list shows, in the same scope, and the export is audited.
    const audited = await auditCount(t.store, 'hometown.exported');
    for (const [path, list, amount] of [
      ['/projects/export?countyCode=130723', '/projects?countyCode=130723', 'signedFen'],
      ['/donations/export', '/donations', 'amountFen'],
      ['/labour/placements/export?year=2021', '/labour/placements?year=2021', 'personTimes'],
      ['/labour/postings/export', '/labour/postings', null],
    ] as const) {
      const res = await t.request({ method: 'GET', url: `${API}${path}`, cookie: tongzhou });
      expect(res.statusCode, `${path} ${res.body}`).toBe(200);
      expect(res.headers['content-type']).toBe(XLSX);
      const rows = sheetRows((await loadXlsx(res.rawPayload)).worksheets[0]!);
      const listed = await all<Record<string, number>>(tongzhou, list);
      expect(rows.length - 1, path).toBe(listed.length);
      if (amount) {
        const column = (rows[0] as string[]).findIndex((h) => /（万元）|（元）|人次/.test(h));
        const unit = amount === 'signedFen' ? 1_000_000 : amount === 'amountFen' ? 100 : 1;
        const sheetSum = rows.slice(1).reduce((s, r) => s + Math.round(Number(r[column]) * unit), 0);
        expect(sheetSum, path).toBe(listed.reduce((s, r) => s + r[amount]!, 0));
      }
    }
    expect(await auditCount(t.store, 'hometown.exported')).toBe(audited + 4);
    expect(
      (await t.request({ method: 'GET', url: `${API}/donations/export`, cookie: xicheng })).statusCode,
    ).toBe(403);

    // The office enters a project for 蔚县: that county's total moves by its amount.
    const before = (await totalsOf(office, `?countyCode=${YUXIAN}`)).body.total;
    await createProject(office, { countyCode: YUXIAN, signedWan: '2500', stageOn: '2024-06-01' });
    const after = (await totalsOf(office, `?countyCode=${YUXIAN}`)).body.total;
    expect(after.projects - before.projects).toBe(1);
    expect(after.signedFen - before.signedFen).toBe(2_500_000_000);
  });
});
