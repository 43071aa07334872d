import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, faultyFields, type TestApp } from '../../../../test/app';
import { branchOf } from '../../../../test/factories';
import { memberBody, syntheticIdNumber } from '../../../../test/member-factory';
import { queryRows } from '../../../db/client';

let t: TestApp;
let office: string;
let tongzhou: string;
let auditor: string;
let kangbao: string;
let xicheng: string;
let tongzhouBranch: number;
let haidianBranch: number;
let haidianMember: { id: number; idNumber: string };

beforeAll(async () => {
  t = await createTestApp();
  [office, tongzhou, auditor, kangbao, xicheng] = (await Promise.all(
    ['office', 'tongzhou', 'auditor', 'kangbao', 'xicheng'].map((u) => t.login(u)),
  )) as [string, string, string, string, string];
  tongzhouBranch = (await branchOf(t.store, '驻北京通州区流动党委')).id;
  haidianBranch = (await branchOf(t.store, '驻北京海淀区流动党委')).id;
  const body = memberBody(haidianBranch, { name: '欧阳青松', homeCounty: '130723', hostDistrict: '110102' });
  const res = await post('/api/v1/members', body, office);
  expect(res.statusCode).toBe(201);
  haidianMember = { id: res.json().id, idNumber: body.idNumber };
});
afterAll(() => t.close());

const get = (url: string, cookie?: string) =>
  t.request({ method: 'GET', url, ...(cookie ? { cookie } : {}) });
const post = (url: string, payload: object, cookie?: string) =>
  t.request({ method: 'POST', url, payload, ...(cookie ? { cookie } : {}) });
const patch = (url: string, payload: object, cookie?: string) =>
  t.request({ method: 'PATCH', url, payload, ...(cookie ? { cookie } : {}) });
const countWhere = async (where: ReturnType<typeof sql>) =>
  (await queryRows<{ n: number }>(t.store.db, sql`select count(*)::int as n from members where ${where}`))[0]!
    .n;

describe('GET /api/v1/members', () => {
  it('401, 403 and 400', async () => {
    expect((await get('/api/v1/members')).statusCode).toBe(401);
    expect((await get('/api/v1/members', auditor)).statusCode).toBe(403);
    const bad = await get('/api/v1/members?limit=0&status=alive', office);
    expect(bad.statusCode).toBe(400);
    expect(faultyFields(bad)).toEqual(['limit', 'status.0']);
  });

  it('gives each role exactly its scope', async () => {
    const all = (await get('/api/v1/members?limit=200', office)).json();
    expect(all.total).toBe(await countWhere(sql`true`));

    const tz = (await get('/api/v1/members?limit=200', tongzhou)).json();
    const tongzhouPath = (
      await queryRows<{ path: string }>(
        t.store.db,
        sql`select path from orgs where name = '驻北京通州区流动党委'`,
      )
    )[0]!.path;
    expect(tz.total).toBe(
      await countWhere(sql`org_path = ${tongzhouPath} or org_path like ${`${tongzhouPath}.%`}`),
    );
    expect(tz.items.map((m: { id: number }) => m.id)).not.toContain(haidianMember.id);

    const kb = (await get('/api/v1/members?limit=200', kangbao)).json();
    expect(kb.total).toBe(await countWhere(sql`home_county = '130723'`));
    expect(kb.items.every((m: { homeCounty: string }) => m.homeCounty === '130723')).toBe(true);
    expect(kb.items.map((m: { id: number }) => m.id)).toContain(haidianMember.id);

    const xc = (await get('/api/v1/members?limit=200', xicheng)).json();
    expect(xc.total).toBe(await countWhere(sql`host_district = '110102'`));
    expect(xc.items.every((m: { hostDistrict: string }) => m.hostDistrict === '110102')).toBe(true);
  });

  it('finds a member by name substring, pinyin, initials, phone and ID tails, masked', async () => {
    const created = memberBody(tongzhouBranch, { name: '司马长风' });
    const id = (await post('/api/v1/members', created, tongzhou)).json().id;
    for (const q of [
      '长风',
      '司马长',
      'smcf',
      'simachangfeng',
      'SiMa',
      created.phone.slice(-4),
      created.idNumber.slice(-4),
    ]) {
      const res = (await get(`/api/v1/members?q=${encodeURIComponent(q)}`, tongzhou)).json();
      expect(
        res.items.map((m: { id: number }) => m.id),
        `q=${q}`,
      ).toContain(id);
    }
    const [hit] = (await get('/api/v1/members?q=smcf', tongzhou)).json().items;
    expect(hit.phoneMasked).toMatch(/^1\d{2}\*{4}\d{4}$/);
    expect(hit.idNumberMasked).toBe(`${created.idNumber.slice(0, 6)}********${created.idNumber.slice(-4)}`);
    expect(JSON.stringify(hit)).not.toContain(created.phone);
    // Outside the scope a search finds nothing.
    expect((await get('/api/v1/members?q=oyqs', tongzhou)).json().total).toBe(0);
    expect((await get('/api/v1/members?q=oyqs', office)).json().items[0].name).toBe('欧阳青松');
  });

  it('pages with a keyset cursor in every sort and order, each row once', async () => {
    // Bulk-seeded rows share a creation time to the microsecond, and some birth dates are empty:
    // the cursor must keep both apart.
    for (const sort of ['createdAt', 'name', 'joinedAt', 'birthDate']) {
      for (const order of ['asc', 'desc']) {
        const url = `/api/v1/members?limit=37&sort=${sort}&order=${order}`;
        const first = (await get(url, office)).json();
        const seen: number[] = first.items.map((m: { id: number }) => m.id);
        let cursor = first.nextCursor;
        while (cursor) {
          const page = (await get(`${url}&cursor=${cursor}`, office)).json();
          seen.push(...page.items.map((m: { id: number }) => m.id));
          cursor = page.nextCursor;
        }
        expect(seen, `${sort} ${order}`).toHaveLength(first.total);
        expect(new Set(seen).size, `${sort} ${order}`).toBe(first.total);
      }
    }
  });

  it('refuses a cursor that is not one it made with 400, never 500', async () => {
    const forged = (value: unknown) => Buffer.from(JSON.stringify([value, 5])).toString('base64url');
    for (const cursor of ['garbage', forged('not a time'), forged(12), forged('2026-13-45')]) {
      const res = await get(`/api/v1/members?cursor=${cursor}`, office);
      expect(res.statusCode, cursor).toBe(400);
      expect(res.json().fields).toEqual([{ path: 'cursor', message: '游标无效' }]);
    }
    const res = await get(`/api/v1/members?sort=birthDate&cursor=${forged('1990-02-31')}`, office);
    expect(res.statusCode).toBe(400);
  });
});

describe('GET /api/v1/members/:id', () => {
  it('401, 403 and 400', async () => {
    expect((await get(`/api/v1/members/${haidianMember.id}`)).statusCode).toBe(401);
    expect((await get(`/api/v1/members/${haidianMember.id}`, auditor)).statusCode).toBe(403);
    expect((await get('/api/v1/members/x', office)).statusCode).toBe(400);
  });

  it('answers 404 outside the scope, and lets the home-side viewer read but not write', async () => {
    expect((await get(`/api/v1/members/${haidianMember.id}`, tongzhou)).statusCode).toBe(404);
    const asKangbao = await get(`/api/v1/members/${haidianMember.id}`, kangbao);
    expect(asKangbao.statusCode).toBe(200);
    expect(asKangbao.json().policies).toEqual({ update: false, changeStatus: false, reveal: false });
    const edit = await patch(`/api/v1/members/${haidianMember.id}`, { notes: 'x', version: 0 }, kangbao);
    expect(edit.statusCode).toBe(403);
    const detail = (await get(`/api/v1/members/${haidianMember.id}`, office)).json();
    expect(detail).toMatchObject({
      name: '欧阳青松',
      homeCountyName: '康保县',
      hostDistrictName: '西城区',
      status: 'active',
    });
    expect(detail.orgPathNames[1]).toBe('驻北京海淀区流动党委');
    const timeline = (await get(`/api/v1/members/${haidianMember.id}/activity`, office)).json();
    expect(timeline.items).toMatchObject([
      { kind: 'status_changed', title: '建立档案', statusChange: { fromStatus: null, toStatus: 'active' } },
    ]);
  });
});

describe('POST /api/v1/members', () => {
  it('401, 403 and 400 with the field at fault', async () => {
    const body = memberBody(tongzhouBranch);
    expect((await post('/api/v1/members', body)).statusCode).toBe(401);
    expect((await post('/api/v1/members', body, kangbao)).statusCode).toBe(403);
    const badId = await post(
      '/api/v1/members',
      {
        ...body,
        idNumber:
          `${body.idNumber.slice(0, 17)}0` === body.idNumber
            ? `${body.idNumber.slice(0, 17)}1`
            : `${body.idNumber.slice(0, 17)}0`,
      },
      office,
    );
    expect(badId.statusCode).toBe(400);
    expect(badId.json().fields[0]).toMatchObject({
      path: 'idNumber',
      message: expect.stringContaining('校验'),
    });
    const mismatch = await post('/api/v1/members', { ...body, gender: 'female' }, office);
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json().fields[0].path).toBe('gender');
    const county = await post('/api/v1/members', { ...body, homeCounty: '110105' }, office);
    expect(county.statusCode).toBe(400);
    expect(county.json().fields[0].path).toBe('homeCounty');
  });

  it('derives birth date and gender from the ID number and audits the creation', async () => {
    const body = memberBody(tongzhouBranch, { idNumber: syntheticIdNumber('130732', '19900215', 'female') });
    const res = await post('/api/v1/members', body, tongzhou);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ birthDate: '1990-02-15', gender: 'female', source: 'manual' });
    const audit = (await get(`/api/v1/members/${res.json().id}/history`, tongzhou)).json();
    expect(audit.items[0]).toMatchObject({ action: 'member.created', actorName: 'tongzhou' });
    expect(JSON.stringify(audit)).not.toContain(body.idNumber);
    expect(JSON.stringify(audit)).not.toContain(body.phone);
  });

  it('refuses a duplicate ID number: naming the record in scope, saying nothing more outside it', async () => {
    const inScope = await post(
      '/api/v1/members',
      memberBody(tongzhouBranch, { idNumber: haidianMember.idNumber }),
      office,
    );
    expect(inScope.statusCode).toBe(409);
    expect(inScope.json()).toMatchObject({
      code: 'MEMBER_DUPLICATE',
      details: { memberId: haidianMember.id },
    });
    const outside = await post(
      '/api/v1/members',
      memberBody(tongzhouBranch, { idNumber: haidianMember.idNumber }),
      tongzhou,
    );
    expect(outside.statusCode).toBe(409);
    expect(outside.json().code).toBe('MEMBER_REGISTERED_ELSEWHERE');
    expect(outside.json().details).toBeUndefined();
    expect(JSON.stringify(outside.json())).not.toContain('欧阳');
  });

  it('refuses a secretary placing a member in another committee', async () => {
    const res = await post('/api/v1/members', memberBody(haidianBranch), tongzhou);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('MEMBER_ORG_INVALID');
  });
});

describe('PATCH /api/v1/members/:id and status', () => {
  it('edits with the current version and answers 409 to a stale one', async () => {
    const m = (await post('/api/v1/members', memberBody(tongzhouBranch), tongzhou)).json();
    const ok = await patch(
      `/api/v1/members/${m.id}`,
      { employer: '北京某建筑公司', version: m.version },
      tongzhou,
    );
    expect(ok.statusCode).toBe(200);
    expect(ok.json().employer).toBe('北京某建筑公司');
    const stale = await patch(`/api/v1/members/${m.id}`, { employer: '别处', version: m.version }, office);
    expect(stale.statusCode).toBe(409);
    expect((await get(`/api/v1/members/${m.id}`, office)).json().employer).toBe('北京某建筑公司');
  });

  it('changes status only along allowed transitions, onto the timeline', async () => {
    const m = (await post('/api/v1/members', memberBody(tongzhouBranch), tongzhou)).json();
    expect((await post(`/api/v1/members/${m.id}/status`, { status: 'lost' }, tongzhou)).statusCode).toBe(400);
    const bad = await post(
      `/api/v1/members/${m.id}/status`,
      { status: 'suspended', effectiveDate: '2026-01-10', reason: '测试', version: m.version },
      tongzhou,
    );
    expect(bad.statusCode).toBe(409);
    expect(bad.json().code).toBe('MEMBER_STATUS_TRANSITION');
    const lost = await post(
      `/api/v1/members/${m.id}/status`,
      { status: 'lost', effectiveDate: '2026-01-10', reason: '电话停机，多次联系未果', version: m.version },
      tongzhou,
    );
    expect(lost.statusCode).toBe(200);
    expect(lost.json().status).toBe('lost');
    const timeline = (await get(`/api/v1/members/${m.id}/activity`, tongzhou)).json();
    expect(timeline.items.find((i: { occurredOn: string }) => i.occurredOn === '2026-01-10')).toMatchObject({
      kind: 'status_changed',
      occurredOn: '2026-01-10',
      title: '电话停机，多次联系未果',
      statusChange: {
        fromStatus: 'active',
        toStatus: 'lost',
        actorName: 'tongzhou',
        actorDisplayName: '通州流动党委书记',
      },
    });
  });
});

describe('POST /api/v1/members/:id/reveal', () => {
  it('401, 403 and 400', async () => {
    const body = { field: 'idNumber', reason: '核对身份信息' };
    expect((await post(`/api/v1/members/${haidianMember.id}/reveal`, body)).statusCode).toBe(401);
    expect((await post(`/api/v1/members/${haidianMember.id}/reveal`, body, kangbao)).statusCode).toBe(403);
    const bad = await post(`/api/v1/members/${haidianMember.id}/reveal`, { field: 'idNumber' }, office);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].path).toBe('reason');
  });

  it('shows the full value to one in scope and audits the reveal with its reason, not the value', async () => {
    expect(
      (
        await post(
          `/api/v1/members/${haidianMember.id}/reveal`,
          { field: 'idNumber', reason: '核对身份信息' },
          tongzhou,
        )
      ).statusCode,
    ).toBe(404);
    const res = await post(
      `/api/v1/members/${haidianMember.id}/reveal`,
      { field: 'idNumber', reason: '核对身份信息' },
      office,
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ field: 'idNumber', value: haidianMember.idNumber });
    expect(res.headers['cache-control']).toBe('no-store');
    const audit = (await get('/api/v1/audit?action=member.revealed', auditor)).json();
    expect(audit.items[0]).toMatchObject({
      actorName: 'office',
      targetId: String(haidianMember.id),
      after: { field: 'idNumber', reason: '核对身份信息' },
    });
    expect(JSON.stringify(audit)).not.toContain(haidianMember.idNumber);
  });
});
