import { PassThrough } from 'node:stream';
import { MemberListQuery, parseIdNumber } from '@ningxin/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app';
import { loadXlsx, sheetRows } from '../../../../test/excel';
import { createUser, orgByName } from '../../../../test/factories';
import { fieldCryptoFor } from '../../../app';
import { roleAssignments } from '../../../db/schema';
import { createXlsxStream } from '../../../lib/excel/xlsx-writer';
import { CANONICAL_HEADERS } from '../members.sheet';
import { createMemberExport } from './members.export';

let t: TestApp;
let office: string;
let tongzhou: string;
let auditor: string;
let kangbao: string;
let tongzhouId: number;
let haidianId: number;

beforeAll(async () => {
  t = await createTestApp();
  [office, tongzhou, auditor, kangbao] = (await Promise.all(
    ['office', 'tongzhou', 'auditor', 'kangbao'].map((u) => t.login(u)),
  )) as [string, string, string, string];
  tongzhouId = (await orgByName(t.store, '驻北京通州区流动党委')).id;
  haidianId = (await orgByName(t.store, '驻北京海淀区流动党委')).id;
});
afterAll(() => t.close());

const get = (url: string, cookie?: string) =>
  t.request({ method: 'GET', url, ...(cookie ? { cookie } : {}) });

const ID = CANONICAL_HEADERS.indexOf('身份证号');
const PHONE = CANONICAL_HEADERS.indexOf('手机号');
const COUNTY = CANONICAL_HEADERS.indexOf('户籍县区');

/** The exported rows (header dropped). */
async function exported(query: string, cookie: string) {
  const res = await get(`/api/v1/members/export${query}`, cookie);
  expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
  const rows = sheetRows((await loadXlsx(res.rawPayload)).getWorksheet('党员名单')!);
  return { res, header: rows[0]!, rows: rows.slice(1) };
}

const NAME = CANONICAL_HEADERS.indexOf('姓名');
/** A row's identity as far as masked data tells (a masked ID number alone may repeat). */
const key = (r: unknown[]) => `${r[NAME]}|${r[ID]}|${r[PHONE]}`;

/** The identity of every member the list shows the session for the query, in list order. */
async function listed(query: string, cookie: string): Promise<string[]> {
  const out: string[] = [];
  let cursor: string | null = null;
  do {
    const sep = query ? '&' : '?';
    const page: {
      items: { name: string; idNumberMasked: string; phoneMasked: string }[];
      nextCursor: string | null;
    } = (
      await get(`/api/v1/members${query}${sep}limit=200${cursor ? `&cursor=${cursor}` : ''}`, cookie)
    ).json();
    out.push(
      ...page.items.map(
        (m: { name: string; idNumberMasked: string; phoneMasked: string }) =>
          `${m.name}|${m.idNumberMasked}|${m.phoneMasked}`,
      ),
    );
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

describe('GET /api/v1/members/export', () => {
  it('401 without a session, 403 for the audit admin, 400 for a bad query', async () => {
    expect((await get('/api/v1/members/export')).statusCode).toBe(401);
    const denied = await get('/api/v1/members/export', auditor);
    expect(denied.statusCode).toBe(403);
    expect(denied.json().code).toBe('FORBIDDEN');
    const bad = await get('/api/v1/members/export?reveal=maybe&status=alive', office);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('VALIDATION_FAILED');
  });

  it('gives the Tongzhou secretary exactly the Tongzhou members, masked, under a Chinese file name', async () => {
    const { res, header, rows } = await exported('', tongzhou);
    expect(res.headers['content-disposition']).toMatch(
      new RegExp(
        `^attachment; filename="members-\\d{8}\\.xlsx"; filename\\*=UTF-8''${encodeURIComponent('党员名单_')}\\d{8}\\.xlsx$`,
      ),
    );
    expect(header).toEqual([...CANONICAL_HEADERS, '状态', '组织关系', '最近联系日期']);
    const keys = rows.map(key);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys).toEqual(await listed('', tongzhou)); // same order: the list's default sort
    const haidian = await listed(`?orgId=${haidianId}`, office);
    expect(haidian.length).toBeGreaterThan(0);
    expect(keys.filter((k) => haidian.includes(k))).toEqual([]);
    for (const r of rows) {
      expect(r[ID]).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
      expect(r[PHONE]).toMatch(/^1\d{2}\*{4}\d{4}$/);
    }
  });

  it('applies the list filters', async () => {
    const { rows } = await exported('?homeCounty=130723', office);
    expect(rows.length).toBe((await listed('?homeCounty=130723', office)).length);
    expect(new Set(rows.map((r) => r[COUNTY]))).toEqual(new Set(['康保县']));
  });

  it('shows full ID numbers and phones only with reveal and the permission for every row', async () => {
    const masked = await exported(`?orgId=${tongzhouId}&sort=name&order=asc`, office);
    const full = await exported(`?orgId=${tongzhouId}&sort=name&order=asc&reveal=true`, office);
    expect(full.rows).toHaveLength(masked.rows.length);
    full.rows.forEach((r, i) => {
      const id = parseIdNumber(r[ID] as string);
      expect(id.ok).toBe(true);
      expect(r[ID]).not.toBe(masked.rows[i]![ID]);
      expect(masked.rows[i]![ID]).toBe(
        `${(r[ID] as string).slice(0, 6)}********${(r[ID] as string).slice(-4)}`,
      );
      expect(r[PHONE]).toMatch(/^1\d{10}$/);
    });
    // The secretary may reveal within the subtree, which is all they can export.
    expect((await get('/api/v1/members/export?reveal=true', tongzhou)).statusCode).toBe(200);

    // A home-county viewer may export but never reveal.
    const viewer = await get('/api/v1/members/export?reveal=true', kangbao);
    expect(viewer.statusCode).toBe(403);
    expect(viewer.json().code).toBe('EXPORT_REVEAL_FORBIDDEN');
    expect((await get('/api/v1/members/export', kangbao)).statusCode).toBe(200);
  });

  it('refuses reveal when some exported rows lie outside the reveal scope', async () => {
    // Secretary of Tongzhou (may reveal there) and home viewer of 康保 (may export, not reveal).
    const user = await createUser(t.store, { role: 'secretary', scopeKind: 'org', orgId: tongzhouId });
    await t.store.db
      .insert(roleAssignments)
      .values({ userId: user.id, role: 'home_viewer', scopeKind: 'home', division: '130723' });
    const both = await t.login(user.username, user.password);
    const res = await get('/api/v1/members/export?reveal=true', both);
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('EXPORT_REVEAL_FORBIDDEN');
    const inside = await exported(`?reveal=true&orgId=${tongzhouId}`, both);
    expect(inside.rows.every((r) => parseIdNumber(r[ID] as string).ok)).toBe(true);
  });

  it('audits each export with its filter, its row count and whether it revealed', async () => {
    const { rows } = await exported('?homeCounty=130732&status=active', tongzhou);
    const audit = (await get('/api/v1/audit?action=member.exported&limit=1', auditor)).json();
    expect(audit.items[0]).toMatchObject({
      actorName: 'tongzhou',
      action: 'member.exported',
      after: {
        filter: { homeCounty: ['130732'], status: ['active'], sort: 'createdAt', order: 'desc' },
        count: rows.length,
        revealed: false,
      },
    });
    await exported(`?orgId=${tongzhouId}&reveal=true`, office);
    const revealed = (await get('/api/v1/audit?action=member.exported&limit=1', auditor)).json();
    expect(revealed.items[0]).toMatchObject({ actorName: 'office', after: { revealed: true } });
  });

  it.each([
    ['by name', '?sort=name&order=asc&homeCounty=130732'],
    ['newest first, the default', '?homeCounty=130732'],
  ])('writes page after page in the list order (%s) without losing or repeating a row', async (_, filter) => {
    const actor = await t.actorOf(office);
    const exporter = createMemberExport({
      db: t.store.db,
      reads: t.store.reads,
      crypto: fieldCryptoFor(t.config),
      orgs: t.services.orgs.tree,
      members: t.services.members.record,
      pageSize: 7,
    });
    const query = MemberListQuery.parse(Object.fromEntries(new URLSearchParams(filter)));
    const job = await exporter.prepare(actor, query, false);
    const { workbook, stream } = createXlsxStream();
    const chunks: Buffer[] = [];
    const sink = new PassThrough();
    sink.on('data', (c: Buffer) => chunks.push(c));
    const ended = new Promise((resolve) => sink.on('end', resolve));
    stream.pipe(sink);
    await job.write(workbook, stream);
    await ended;
    const rows = sheetRows((await loadXlsx(Buffer.concat(chunks))).getWorksheet('党员名单')!).slice(1);
    expect(rows.length).toBe(job.count);
    expect(rows.length).toBeGreaterThan(14);
    expect(rows.map(key)).toEqual(await listed(filter, office));
  });
});
