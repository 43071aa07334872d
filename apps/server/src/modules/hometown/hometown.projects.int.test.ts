/** Every hometown route's 401, 403 and 400; projects: record, scope, stages, yearly figures, introducers. */
import { describe, expect, it } from 'vitest';
import { faultyFields } from '../../../test/app';
import { auditCount } from '../../../test/factories';
import {
  API,
  auditor,
  createProject,
  haidian,
  haidianMember,
  haidianOrg,
  KANGBAO,
  kangbao,
  ledgerOf,
  member,
  office,
  projectBody,
  t,
  tongzhou,
  tongzhouMembers,
  useHometownWorld,
  xicheng,
  YUXIAN,
} from './hometown.fixture';

useHometownWorld();

describe('every route', () => {
  it('401 without a session, 403 to a role without the permission, 400 on a path id that is not a number', async () => {
    const p = await createProject(tongzhou);
    const routes: [string, string, 'read' | 'write'][] = [
      ['GET', `${API}/projects`, 'read'],
      ['POST', `${API}/projects`, 'write'],
      ['GET', `${API}/projects/${p.id}`, 'read'],
      ['PATCH', `${API}/projects/${p.id}`, 'write'],
      ['POST', `${API}/projects/${p.id}/stage`, 'write'],
      ['PUT', `${API}/projects/${p.id}/years`, 'write'],
      ['DELETE', `${API}/projects/${p.id}`, 'write'],
      ['GET', `${API}/donations`, 'read'],
      ['GET', `${API}/donations/honour-roll`, 'read'],
      ['POST', `${API}/donations`, 'write'],
      ['GET', `${API}/donations/1`, 'read'],
      ['PUT', `${API}/donations/1`, 'write'],
      ['DELETE', `${API}/donations/1`, 'write'],
      ['GET', `${API}/labour/postings`, 'read'],
      ['POST', `${API}/labour/postings`, 'write'],
      ['GET', `${API}/labour/postings/1`, 'read'],
      ['PUT', `${API}/labour/postings/1`, 'write'],
      ['DELETE', `${API}/labour/postings/1`, 'write'],
      ['GET', `${API}/labour/placements`, 'read'],
      ['POST', `${API}/labour/placements`, 'write'],
      ['GET', `${API}/labour/placements/1`, 'read'],
      ['PUT', `${API}/labour/placements/1`, 'write'],
      ['DELETE', `${API}/labour/placements/1`, 'write'],
      ['GET', `${API}/totals`, 'read'],
      ['GET', `${API}/projects/export`, 'read'],
      ['GET', `${API}/donations/export`, 'read'],
      ['GET', `${API}/labour/postings/export`, 'read'],
      ['GET', `${API}/labour/placements/export`, 'read'],
    ];
    const wrong: string[] = [];
    for (const [method, url, need] of routes) {
      const payload = method === 'GET' || method === 'DELETE' ? {} : { payload: {} };
      const anonymous = await t.request({ method: method as 'GET', url, ...payload });
      if (anonymous.statusCode !== 401) wrong.push(`${method} ${url} anonymous: ${anonymous.statusCode}`);
      // A host viewer, the auditor and a member never read the ledgers; a home viewer reads, never writes.
      for (const cookie of need === 'read'
        ? [xicheng, auditor, member]
        : [xicheng, auditor, member, kangbao]) {
        const res = await t.request({ method: method as 'GET', url, cookie, ...payload });
        if (res.statusCode !== 403) wrong.push(`${method} ${url}: ${res.statusCode}`);
      }
      if (/\/\d+/.test(url)) {
        const bad = await t.request({
          method: method as 'GET',
          url: url.replace(/\/\d+/, '/abc'),
          cookie: tongzhou,
          ...payload,
        });
        if (bad.statusCode !== 400) wrong.push(`${method} ${url} with /abc: ${bad.statusCode}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('POST /api/v1/hometown/projects', () => {
  it('400 naming every missing field, and money that is not an exact decimal in 万元', async () => {
    const empty = await t.request({ method: 'POST', url: `${API}/projects`, cookie: office, payload: {} });
    expect(empty.statusCode).toBe(400);
    expect(faultyFields(empty)).toEqual([
      'countyCode',
      'industry',
      'name',
      'orgId',
      'signedWan',
      'stage',
      'stageOn',
    ]);
    for (const signedWan of [12000.5, '1e4', '-5', '12.0000001', '1,2,3.4.5'])
      expect(
        faultyFields(
          await t.request({
            method: 'POST',
            url: `${API}/projects`,
            cookie: office,
            payload: projectBody({ signedWan }),
          }),
        ),
        String(signedWan),
      ).toEqual(['signedWan']);
  });

  it('refuses a county outside the home city, an org outside the scope, a member outside it, and a signed project without its day', async () => {
    const before = await auditCount(t.store, 'hometown.project_created');
    const cases: [string, Record<string, unknown>, string[]][] = [
      [tongzhou, { countyCode: '110105' }, ['countyCode']],
      [tongzhou, { orgId: haidianOrg.id }, ['orgId']],
      [tongzhou, { introducerIds: [tongzhouMembers[0]!.id, haidianMember.id] }, ['introducerIds.1']],
      [tongzhou, { stage: 'started', signedOn: null }, ['signedOn']],
    ];
    for (const [cookie, extra, fields] of cases) {
      const res = await t.request({
        method: 'POST',
        url: `${API}/projects`,
        cookie,
        payload: projectBody(extra),
      });
      expect(res.statusCode, JSON.stringify(extra)).toBe(400);
      expect(faultyFields(res)).toEqual(fields);
    }
    expect(await auditCount(t.store, 'hometown.project_created')).toBe(before);
  });

  it('stores 万元 as exact fen, starts the stage history, and gives each introducer a ledger entry', async () => {
    const [a, b] = tongzhouMembers as [{ id: number; name: string }, { id: number; name: string }];
    const res = await t.request({
      method: 'POST',
      url: `${API}/projects`,
      cookie: tongzhou,
      payload: projectBody({
        name: '京张家具城',
        signedWan: '0.1',
        actualWan: '0.2',
        introducerIds: [a.id, b.id],
      }),
    });
    expect(res.statusCode, res.body).toBe(201);
    const p = res.json();
    expect(p).toMatchObject({
      signedFen: 100_000,
      actualFen: 200_000,
      signedOn: '2021-03-15',
      stage: 'signed',
      stageLabel: '签约',
      county: { code: YUXIAN, name: '蔚县' },
      policies: { edit: true, delete: true },
    });
    expect(p.introducers.map((i: { id: number }) => i.id).sort()).toEqual([a.id, b.id].sort());
    expect(p.stages).toEqual([expect.objectContaining({ stage: 'signed', onDate: '2021-03-15' })]);
    expect(await ledgerOf(a.id)).toContainEqual({
      source_id: `project:${p.id}:${a.id}`,
      quantity: '0.00',
      title: '引进项目：京张家具城',
      occurred_on: '2021-03-15',
    });
    // Dropping an introducer takes back the entry, in the same change.
    const patched = await t.request({
      method: 'PATCH',
      url: `${API}/projects/${p.id}`,
      cookie: tongzhou,
      payload: { introducerIds: [b.id], name: '京张古典家具城', version: p.version },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect((await ledgerOf(a.id)).filter((e) => e.source_id.startsWith(`project:${p.id}:`))).toEqual([]);
    expect((await ledgerOf(b.id)).find((e) => e.source_id === `project:${p.id}:${b.id}`)?.title).toBe(
      '引进项目：京张古典家具城',
    );
    // Deleting the project takes back the rest.
    expect(
      (await t.request({ method: 'DELETE', url: `${API}/projects/${p.id}`, cookie: tongzhou })).statusCode,
    ).toBe(204);
    expect((await ledgerOf(b.id)).filter((e) => e.source_id.startsWith(`project:${p.id}:`))).toEqual([]);
    expect(await auditCount(t.store, 'hometown.project_deleted', p.id)).toBe(1);
  });
});

describe('reading projects in scope', () => {
  it('a secretary reads its subtree, a home viewer its county, neither more; out of scope is 404', async () => {
    const mine = await createProject(tongzhou, { countyCode: KANGBAO, name: '康保风电配套项目' });
    const elsewhere = await createProject(haidian, {
      countyCode: YUXIAN,
      name: '蔚县剪纸文创园',
      orgId: haidianOrg.id,
    });
    const ids = async (cookie: string, query = '') =>
      (
        (await t.request({ method: 'GET', url: `${API}/projects?limit=200${query}`, cookie })).json()
          .items as {
          id: number;
        }[]
      ).map((p) => p.id);
    expect(await ids(tongzhou)).toContain(mine.id);
    expect(await ids(tongzhou)).not.toContain(elsewhere.id);
    expect(await ids(haidian)).toContain(elsewhere.id);
    expect(await ids(haidian)).not.toContain(mine.id);
    expect(await ids(kangbao)).toContain(mine.id);
    expect(await ids(kangbao)).not.toContain(elsewhere.id);
    expect(await ids(office)).toEqual(expect.arrayContaining([mine.id, elsewhere.id]));
    expect(
      (await t.request({ method: 'GET', url: `${API}/projects/${elsewhere.id}`, cookie: tongzhou }))
        .statusCode,
    ).toBe(404);
    // The home viewer reads the project of its county but may not change it.
    const seen = await t.request({ method: 'GET', url: `${API}/projects/${mine.id}`, cookie: kangbao });
    expect(seen.json().policies).toEqual({ edit: false, delete: false });
    const other = await t.request({
      method: 'PATCH',
      url: `${API}/projects/${elsewhere.id}`,
      cookie: tongzhou,
      payload: { name: '改名', version: elsewhere.version },
    });
    expect(other.statusCode).toBe(404);
    // Filters: county, stage, and a bad filter names its field.
    expect(await ids(office, `&countyCode=${KANGBAO}`)).not.toContain(elsewhere.id);
    const bad = await t.request({
      method: 'GET',
      url: `${API}/projects?stage=done&year=1999`,
      cookie: office,
    });
    expect(bad.statusCode).toBe(400);
    expect(faultyFields(bad)).toEqual(['stage', 'year']);
  });

  it('pages by keyset with the totals of every matching project', async () => {
    for (const n of [1, 2, 3])
      await createProject(tongzhou, { name: `分页项目${n}`, signedWan: `${n}`, countyCode: '130731' });
    const first = (
      await t.request({ method: 'GET', url: `${API}/projects?countyCode=130731&limit=2`, cookie: tongzhou })
    ).json();
    expect(first.items).toHaveLength(2);
    expect(first.totals).toEqual({ count: 3, signedFen: 6_000_000, actualFen: 3 * 8_000_000_000 });
    const second = (
      await t.request({
        method: 'GET',
        url: `${API}/projects?countyCode=130731&limit=2&cursor=${encodeURIComponent(first.nextCursor)}`,
        cookie: tongzhou,
      })
    ).json();
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
  });
});

describe('stages and yearly figures', () => {
  it('moves through stages with a history, refuses the same stage, an earlier day and a stale version', async () => {
    const p = await createProject(tongzhou, {
      stage: 'negotiating',
      stageOn: '2020-05-01',
      signedOn: null,
      name: '谈判中的项目',
    });
    const stage = (payload: Record<string, unknown>) =>
      t.request({ method: 'POST', url: `${API}/projects/${p.id}/stage`, cookie: tongzhou, payload });
    expect(faultyFields(await stage({}))).toEqual(['onDate', 'stage', 'version']);
    expect((await stage({ stage: 'negotiating', onDate: '2020-06-01', version: p.version })).statusCode).toBe(
      409,
    );
    const early = await stage({ stage: 'signed', onDate: '2020-04-01', version: p.version });
    expect(early.statusCode).toBe(400);
    expect(faultyFields(early)).toEqual(['onDate']);
    const signed = await stage({
      stage: 'signed',
      onDate: '2020-07-01',
      note: '正式签约',
      version: p.version,
    });
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json()).toMatchObject({ stage: 'signed', signedOn: '2020-07-01' });
    expect((await stage({ stage: 'started', onDate: '2020-08-01', version: p.version })).statusCode).toBe(
      409,
    );
    const started = await stage({ stage: 'started', onDate: '2020-09-01', version: signed.json().version });
    expect(started.json().stages.map((s: { stageLabel: string }) => s.stageLabel)).toEqual([
      '洽谈',
      '签约',
      '开工',
    ]);
    expect(await auditCount(t.store, 'hometown.project_stage_changed', p.id)).toBe(2);
  });

  it('replaces the yearly figures, in 万元 to the fen', async () => {
    const p = await createProject(tongzhou, { name: '年度数据项目' });
    const put = (payload: Record<string, unknown>) =>
      t.request({ method: 'PUT', url: `${API}/projects/${p.id}/years`, cookie: tongzhou, payload });
    const dup = await put({
      years: [
        { year: 2021, outputWan: '8000', taxWan: '900', jobs: 500 },
        { year: 2021, outputWan: '1', taxWan: '1', jobs: 1 },
      ],
      version: p.version,
    });
    expect(dup.statusCode).toBe(400);
    expect(faultyFields(dup)).toEqual(['years']);
    const neg = await put({
      years: [{ year: 2021, outputWan: '8000', taxWan: '9.1234567', jobs: -1 }],
      version: p.version,
    });
    expect(faultyFields(neg)).toEqual(['years.0.jobs', 'years.0.taxWan']);
    const ok = await put({
      years: [
        { year: 2022, outputWan: '9100.25', taxWan: '1000', jobs: 520 },
        { year: 2021, outputWan: '8000', taxWan: '900', jobs: 500 },
      ],
      version: p.version,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().years).toEqual([
      { year: 2021, outputFen: 8_000_000_000, taxFen: 900_000_000, jobs: 500 },
      { year: 2022, outputFen: 9_100_250_000, taxFen: 1_000_000_000, jobs: 520 },
    ]);
    const stale = await put({ years: [], version: p.version });
    expect(stale.statusCode).toBe(409);
  });
});
