import { localIsoDate } from '@ningxin/shared';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, faultyFields, type TestApp } from '../../../../test/app';
import { branchOf, orgByName } from '../../../../test/factories';
import { memberBody } from '../../../../test/member-factory';
import {
  glyphSignature,
  hasPoppler,
  inCI,
  ink,
  pdfPages,
  referencePdf,
  renderArea,
  similarity,
  wordBoxes,
} from '../../../../test/pdf';
import { queryRows } from '../../../db/client';
import { FORM_FONT_SIZE } from '../../../lib/pdf/pdf-blocks';
import { TOP_COMMITTEE } from '../../../seed/demo-committee';

let t: TestApp;
let office: string;
let tongzhou: string;
let kangbao: string;
let auditor: string;
let memberCookie: string;
/** A member placed under 通州 whose name has characters beyond GB2312, with the full numbers. */
let zhe: { id: number; name: string; idNumber: string; idMasked: string; phone: string; phoneMasked: string };
let tongzhouIds: number[];
let haidianId: number;

const FORM = '/api/v1/members/forms.pdf';
const formUrl = (id: number | string) => `/api/v1/members/${id}/form.pdf`;

async function listIds(cookie: string, query: string): Promise<number[]> {
  const res = await t.request({ method: 'GET', url: `/api/v1/members?limit=20&${query}`, cookie });
  return (res.json() as { items: { id: number }[] }).items.map((m) => m.id);
}

async function printed(ids: number[]) {
  const rows = await queryRows<{ after: { count: number; ids: number[] }; target_id: string | null }>(
    t.store.db,
    sql`select after, target_id from audit_log where action = 'member.form_printed' order by seq desc limit 1`,
  );
  const last = rows[0];
  return last && JSON.stringify(last.after.ids) === JSON.stringify(ids) ? last : null;
}

const auditCount = async () =>
  (
    await queryRows<{ n: number }>(
      t.store.db,
      sql`select count(*)::int as n from audit_log where action = 'member.form_printed'`,
    )
  )[0]!.n;

beforeAll(async () => {
  t = await createTestApp({}, { members: 200 });
  [office, tongzhou, kangbao, auditor, memberCookie] = (await Promise.all(
    ['office', 'tongzhou', 'kangbao', 'auditor', 'member'].map((u) => t.login(u)),
  )) as [string, string, string, string, string];
  const branch = await branchOf(t.store, '驻北京通州区流动党委');
  const body = memberBody(branch.id, { name: '张喆堃', homeCounty: '130723' });
  const created = await t.request({ method: 'POST', url: '/api/v1/members', cookie: office, payload: body });
  expect(created.statusCode, created.body).toBe(201);
  const m = created.json();
  zhe = {
    id: m.id,
    name: m.name,
    idNumber: body.idNumber,
    idMasked: m.idNumberMasked,
    phone: body.phone,
    phoneMasked: m.phoneMasked,
  };
  const tz = await orgByName(t.store, '驻北京通州区流动党委');
  const hd = await orgByName(t.store, '驻北京海淀区流动党委');
  tongzhouIds = (await listIds(office, `orgId=${tz.id}&sort=name&order=asc`)).filter((id) => id !== zhe.id);
  haidianId = (await listIds(office, `orgId=${hd.id}`))[0]!;
});
afterAll(() => t.close());

describe('GET /api/v1/members/:id/form.pdf', () => {
  it('401 without a session, 403 without member.export, 400 for an id that is not a number', async () => {
    expect((await t.request({ method: 'GET', url: formUrl(zhe.id) })).statusCode).toBe(401);
    for (const cookie of [auditor, memberCookie]) {
      const denied = await t.request({ method: 'GET', url: formUrl(zhe.id), cookie });
      expect(denied.statusCode).toBe(403);
      expect(denied.json().code).toBe('FORBIDDEN');
    }
    const bad = await t.request({ method: 'GET', url: formUrl('abc'), cookie: office });
    expect(bad.statusCode).toBe(400);
    expect(faultyFields(bad)).toEqual(['id']);
  });

  it('404 for a member that does not exist or lies outside the scope, and nothing is audited', async () => {
    const before = await auditCount();
    expect((await t.request({ method: 'GET', url: formUrl(2_147_483_647), cookie: office })).statusCode).toBe(
      404,
    );
    expect((await t.request({ method: 'GET', url: formUrl(99_999_999), cookie: office })).statusCode).toBe(
      404,
    );
    const outside = await t.request({ method: 'GET', url: formUrl(haidianId), cookie: tongzhou });
    expect(outside.statusCode).toBe(404);
    expect(outside.json().code).toBe('NOT_FOUND');
    expect(await auditCount()).toBe(before);
  });

  it('downloads the form as a PDF named after the member, and audits the print', async () => {
    const res = await t.request({ method: 'GET', url: formUrl(zhe.id), cookie: tongzhou });
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="member-form-${zhe.id}.pdf"; filename*=UTF-8''${encodeURIComponent(`党员信息采集表_${zhe.name}.pdf`)}`,
    );
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const audit = await printed([zhe.id]);
    expect(audit).not.toBeNull();
    expect(audit!.after.count).toBe(1);
    expect(audit!.target_id).toBe(String(zhe.id));
  });

  it('a home-county viewer prints members of the county only', async () => {
    expect((await t.request({ method: 'GET', url: formUrl(zhe.id), cookie: kangbao })).statusCode).toBe(200);
    const elsewhere = (await listIds(office, 'homeCounty=130722'))[0]!;
    expect((await t.request({ method: 'GET', url: formUrl(elsewhere), cookie: kangbao })).statusCode).toBe(
      404,
    );
  });
});

describe('POST /api/v1/members/forms.pdf', () => {
  const post = (payload: unknown, cookie?: string) =>
    t.request({ method: 'POST', url: FORM, payload: payload as object, ...(cookie ? { cookie } : {}) });

  it('401 without a session, 403 without member.export, 400 for a bad selection', async () => {
    expect((await post({ ids: [zhe.id] })).statusCode).toBe(401);
    expect((await post({ ids: [zhe.id] }, auditor)).statusCode).toBe(403);
    expect((await post({ ids: [zhe.id] }, memberCookie)).statusCode).toBe(403);
    for (const payload of [
      {},
      { ids: [] },
      { ids: 'all' },
      { ids: Array.from({ length: 501 }, (_, i) => i + 1) },
    ]) {
      const bad = await post(payload, office);
      expect(bad.statusCode, JSON.stringify(payload).slice(0, 80)).toBe(400);
      expect(faultyFields(bad)).toEqual(['ids']);
    }
    for (const id of [0, -1, 1.5, '1', 2_147_483_648]) {
      const bad = await post({ ids: [zhe.id, id] }, office);
      expect(bad.statusCode, String(id)).toBe(400);
      expect(faultyFields(bad)).toEqual(['ids.1']);
    }
  });

  it('404 for the whole selection when one member does not exist or lies outside the scope', async () => {
    const before = await auditCount();
    expect((await post({ ids: [zhe.id, 99_999_999] }, office)).statusCode).toBe(404);
    const outside = await post({ ids: [tongzhouIds[0]!, haidianId] }, tongzhou);
    expect(outside.statusCode).toBe(404);
    expect(await auditCount()).toBe(before);
  });

  it('prints a selection as one file, in the order selected, and audits the count and ids', async () => {
    const ids = [tongzhouIds[2]!, zhe.id, tongzhouIds[0]!];
    const res = await post({ ids }, tongzhou);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['x-pdf-pages']).toBe('3');
    const day = localIsoDate(new Date()).replaceAll('-', '');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="member-forms-${day}.pdf"; filename*=UTF-8''${encodeURIComponent(`党员信息采集表_3人_${day}.pdf`)}`,
    );
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const audit = await printed(ids);
    expect(audit?.after.count).toBe(3);
    expect(audit?.target_id).toBeNull();
  });

  it('prints a member named twice once', async () => {
    const res = await post({ ids: [zhe.id, zhe.id] }, office);
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-pdf-pages']).toBe('1');
    expect((await printed([zhe.id]))?.after.count).toBe(1);
  });
});

describe.runIf(hasPoppler || inCI)('what the printed form shows (poppler-utils)', () => {
  it('has pdftotext and pdftoppm (poppler-utils) to read PDFs with', () => {
    expect(hasPoppler, 'install poppler-utils: apt-get install poppler-utils').toBe(true);
  });

  it('holds the name, the masked ID number and phone, never the full ones', async () => {
    const res = await t.request({ method: 'GET', url: formUrl(zhe.id), cookie: office });
    const [page, ...rest] = pdfPages(res.rawPayload);
    expect(rest).toEqual([]);
    expect(page).toContain('党员信息采集表');
    expect(page).toContain(TOP_COMMITTEE.name);
    expect(page!.replace(/\s/g, '')).toContain('第1页/共1页');
    for (const heading of ['基本信息', '党籍信息', '流动信息', '联系方式']) expect(page).toContain(heading);
    expect(page).toContain(zhe.name);
    expect(page).toContain(zhe.idMasked);
    expect(page).toContain(zhe.phoneMasked);
    expect(page).toContain('驻北京通州区流动党委');
    expect(page).toContain('在册');
    expect(page).toContain('本人签字');
    const digits = page!.replace(/\s/g, '');
    expect(digits).not.toContain(zhe.idNumber);
    expect(digits).not.toContain(zhe.idNumber.slice(6, 14)); // the birth date part is masked
    expect(digits).not.toContain(zhe.phone);
  });

  it('prints a selection of 3 as 3 pages, each with its own member', async () => {
    const ids = [tongzhouIds[1]!, zhe.id, tongzhouIds[3]!];
    const res = await t.request({ method: 'POST', url: FORM, payload: { ids }, cookie: office });
    expect(res.statusCode).toBe(200);
    const members: { id: number; name: string; idNumberMasked: string }[] = await Promise.all(
      ids.map(async (id) =>
        (await t.request({ method: 'GET', url: `/api/v1/members/${id}`, cookie: office })).json(),
      ),
    );
    const pages = pdfPages(res.rawPayload);
    expect(pages).toHaveLength(3);
    pages.forEach((page, i) => {
      const own = members[i]!;
      expect(page).toContain(own.name);
      expect(page).toContain(own.idNumberMasked);
      expect(page.replace(/\s/g, '')).toContain(`第${i + 1}页/共3页`);
      for (const other of members) {
        if (other.name !== own.name) expect(page).not.toContain(other.name);
        if (other.idNumberMasked !== own.idNumberMasked) expect(page).not.toContain(other.idNumberMasked);
      }
    });
  });

  it('draws the name in the font, not as boxes (pdftoppm -r 72)', async () => {
    const res = await t.request({ method: 'GET', url: formUrl(zhe.id), cookie: office });
    const pdf = res.rawPayload;
    const box = wordBoxes(pdf, 1).find((w) => w.text === zhe.name);
    expect(box, 'the name is a word of the text layer').toBeDefined();
    const drawn = renderArea(pdf, 1, box!);
    // The same characters, and as many boxes (code points the font has no glyph for), drawn
    // straight from the font file at the form's size.
    const count = [...zhe.name].length;
    const reference = await referencePdf(zhe.name, FORM_FONT_SIZE);
    const refBox = wordBoxes(reference, 1).find((w) => w.text === zhe.name)!;
    const tofu = await referencePdf(
      String.fromCodePoint(...[...zhe.name].map((_, i) => 0xe000 + i)),
      FORM_FONT_SIZE,
    );
    const expected = renderArea(reference, 1, refBox);
    const boxes = renderArea(tofu, 1, refBox);
    expect(ink(drawn), 'the name area is not blank').toBeGreaterThan(0.05);
    expect(ink(boxes), 'the box reference shows boxes').toBeGreaterThan(0.05);
    const sig = glyphSignature(drawn, count);
    const likeFont = similarity(sig, glyphSignature(expected, count));
    const likeBoxes = similarity(sig, glyphSignature(boxes, count));
    expect(likeFont, 'the name looks like the font draws it').toBeGreaterThan(0.85);
    expect(likeBoxes, 'the name does not look like boxes').toBeLessThan(0.7);
  });
});
