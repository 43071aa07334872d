import { addDays, addMonths, localIsoDate } from '@ningxin/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, faultyFields, type TestApp } from '../../../../../test/app';
import { activeMembersIn, auditCount as auditCountOf, orgByName } from '../../../../../test/factories';
import { hasPoppler, inCI, pdfPages } from '../../../../../test/pdf';

let t: TestApp;
let office: string;
let tongzhou: string;
let haidian: string;
let kangbao: string;
let auditor: string;
/** Active members placed under 通州 (one certificate each, so each test takes its own). */
let pool: { id: number; name: string; homeCounty: string }[];
let haidianMember: { id: number; name: string };
const today = localIsoDate(new Date());
const URL = '/api/v1/certificates';

const take = () => {
  const m = pool.shift();
  if (!m) throw new Error('the pool of 通州 members is used up');
  return m;
};

const activeIn = (committee: string, limit: number) => activeMembersIn(t, office, committee, limit);

const issue = (cookie: string, payload: Record<string, unknown>) =>
  t.request({ method: 'POST', url: URL, cookie, payload });

const body = (memberId: number, extra: Record<string, unknown> = {}) => ({
  memberId,
  destination: '北京市通州区永顺镇',
  reason: '外出务工',
  validUntil: addMonths(today, 6),
  ...extra,
});

const auditCount = (action: string) => auditCountOf(t.store, action);

beforeAll(async () => {
  t = await createTestApp({}, { members: 300 });
  [office, tongzhou, haidian, kangbao, auditor] = (await Promise.all(
    ['office', 'tongzhou', 'haidian', 'kangbao', 'auditor'].map((u) => t.login(u)),
  )) as [string, string, string, string, string];
  pool = await activeIn('驻北京通州区流动党委', 60);
  haidianMember = (await activeIn('驻北京海淀区流动党委', 1))[0]!;
});
afterAll(() => t.close());

describe('POST /api/v1/certificates', () => {
  it('401 without a session, 403 without certificate.write, 400 naming every missing field', async () => {
    const m = pool[0]!;
    expect((await t.request({ method: 'POST', url: URL, payload: body(m.id) })).statusCode).toBe(401);
    for (const cookie of [kangbao, auditor]) expect((await issue(cookie, body(m.id))).statusCode).toBe(403);
    const empty = await issue(office, {});
    expect(empty.statusCode).toBe(400);
    expect(faultyFields(empty)).toEqual(['destination', 'memberId', 'reason', 'validUntil']);
  });

  it('404 for a member outside the secretary’s scope (通州 cannot issue for a 海淀 member)', async () => {
    const before = await auditCount('certificate.issued');
    const res = await issue(tongzhou, body(haidianMember.id));
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('NOT_FOUND');
    expect((await issue(tongzhou, body(2_147_483_000))).statusCode).toBe(404);
    expect(await auditCount('certificate.issued')).toBe(before);
  });

  it('numbers with the prefix the committee set: another home city is a setting, not a fork', async () => {
    const key = 'members.paperNumberPrefixes';
    const setting = (
      await t.request({ method: 'GET', url: `/api/v1/settings/${key}`, cookie: office })
    ).json();
    const changed = await t.request({
      method: 'PUT',
      url: `/api/v1/settings/${key}`,
      payload: { value: { certificate: '承流证', transfer: '承组转' }, version: setting.version },
      cookie: office,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    try {
      const res = await issue(tongzhou, body(take().id));
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().number).toBe(`承流证〔${today.slice(0, 4)}〕0001`);
    } finally {
      await t.request({ method: 'DELETE', url: `/api/v1/settings/${key}`, cookie: office });
    }
  });

  it('issues a numbered certificate in force, audited', async () => {
    const m = take();
    const before = await auditCount('certificate.issued');
    const res = await issue(tongzhou, body(m.id));
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json();
    expect(c.number).toMatch(new RegExp(`^张流证〔${today.slice(0, 4)}〕\\d{4}$`));
    expect(c).toMatchObject({
      member: { id: m.id, name: m.name },
      issuedOn: today,
      validUntil: addMonths(today, 6),
      status: 'valid',
      statusLabel: '有效',
      policies: { renew: true, revoke: true, print: true },
    });
    expect(c.member.idMasked).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    expect(c.issuingOrg.name).toContain('流动党支部');
    expect(await auditCount('certificate.issued')).toBe(before + 1);
    // One in force at a time: a second is refused, pointing at renewal.
    const again = await issue(tongzhou, body(m.id));
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('CERTIFICATE_CURRENT');
  });

  it('refuses a validity beyond the setting (12 months) on validUntil, and one ending before it starts', async () => {
    const m = take();
    const long = await issue(office, body(m.id, { validUntil: addDays(addMonths(today, 12), 1) }));
    expect(long.statusCode).toBe(400);
    expect(long.json().code).toBe('VALIDITY_TOO_LONG');
    expect(faultyFields(long)).toEqual(['validUntil']);
    const backwards = await issue(office, body(m.id, { issuedOn: today, validUntil: addDays(today, -1) }));
    expect(backwards.statusCode).toBe(400);
    expect(faultyFields(backwards)).toEqual(['validUntil']);
    expect((await issue(office, body(m.id, { validUntil: addMonths(today, 12) }))).statusCode).toBe(201);
  });

  it('refuses an issuing org that is not the member’s or above it', async () => {
    const m = take();
    const haidianOrg = await orgByName(t.store, '驻北京海淀区流动党委');
    const res = await issue(office, body(m.id, { issuingOrgId: haidianOrg.id }));
    expect(res.statusCode).toBe(400);
    expect(faultyFields(res)).toEqual(['issuingOrgId']);
    const tz = await orgByName(t.store, '驻北京通州区流动党委');
    const ok = await issue(office, body(m.id, { issuingOrgId: tz.id }));
    expect(ok.statusCode).toBe(201);
    expect(ok.json().issuingOrg).toEqual({ id: tz.id, name: tz.name });
  });

  it('numbers certificates issued at the same moment without collision', async () => {
    const people = Array.from({ length: 8 }, take);
    const results = await Promise.all(people.map((m) => issue(office, body(m.id))));
    for (const r of results) expect(r.statusCode, r.body).toBe(201);
    const numbers = results.map((r) => r.json().number as string);
    expect(new Set(numbers).size).toBe(numbers.length);
    const seqs = numbers.map((n) => Number(n.slice(-4))).sort((a, b) => a - b);
    expect(seqs.at(-1)! - seqs[0]!).toBe(seqs.length - 1);
  });
});

describe('GET /api/v1/certificates', () => {
  let expiredId: number;
  let expiringId: number;
  let kangbaoHolder: number | null = null;

  beforeAll(async () => {
    const a = take();
    const issuedOn = addDays(today, -400);
    const expired = await issue(office, body(a.id, { issuedOn, validUntil: addMonths(issuedOn, 12) }));
    expect(expired.statusCode, expired.body).toBe(201);
    expiredId = expired.json().id;
    const b = take();
    const expiring = await issue(office, body(b.id, { validUntil: addDays(today, 10) }));
    expiringId = expiring.json().id;
    const k = pool.find((m) => m.homeCounty === '130723');
    if (k) {
      pool.splice(pool.indexOf(k), 1);
      expect((await issue(office, body(k.id))).statusCode).toBe(201);
      kangbaoHolder = k.id;
    }
  });

  it('401 without a session, 403 without member.read, 400 for a bad filter or cursor', async () => {
    expect((await t.request({ method: 'GET', url: URL })).statusCode).toBe(401);
    expect((await t.request({ method: 'GET', url: URL, cookie: auditor })).statusCode).toBe(403);
    const bad = await t.request({ method: 'GET', url: `${URL}?status=soon&days=0`, cookie: office });
    expect(bad.statusCode).toBe(400);
    expect(faultyFields(bad)).toEqual(['days', 'status']);
    const cursor = await t.request({ method: 'GET', url: `${URL}?cursor=bm90LWEtY3Vyc29y`, cookie: office });
    expect(cursor.statusCode).toBe(400);
    expect(cursor.json().code).toBe('INVALID_CURSOR');
  });

  it('shows 已过期 for a certificate past its last day, 即将到期 within the days asked', async () => {
    const expired = (await t.request({ method: 'GET', url: `${URL}/${expiredId}`, cookie: office })).json();
    expect(expired).toMatchObject({ status: 'expired', statusLabel: '已过期' });
    expect(expired.daysLeft).toBeLessThan(0);
    const list = async (q: string) =>
      (
        (await t.request({ method: 'GET', url: `${URL}?${q}&limit=100`, cookie: office })).json().items as {
          id: number;
        }[]
      ).map((c) => c.id);
    expect(await list('status=expired')).toContain(expiredId);
    expect(await list('status=expired')).not.toContain(expiringId);
    expect(await list('status=expiring')).toContain(expiringId);
    expect(await list('status=expiring&days=5')).not.toContain(expiringId);
    expect(await list('status=valid')).toContain(expiringId);
    expect(await list('status=valid')).not.toContain(expiredId);
  });

  it('pages newest first by keyset, each item once', async () => {
    const first = (await t.request({ method: 'GET', url: `${URL}?limit=3`, cookie: office })).json();
    expect(first.items).toHaveLength(3);
    const second = (
      await t.request({ method: 'GET', url: `${URL}?limit=3&cursor=${first.nextCursor}`, cookie: office })
    ).json();
    const ids = [...first.items, ...second.items].map((c: { id: number }) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
  });

  it('keeps each reader to the holders in scope', async () => {
    const ofCookie = async (cookie: string) =>
      (await t.request({ method: 'GET', url: `${URL}?limit=100`, cookie })).json().items as {
        id: number;
        member: { id: number };
        policies: { renew: boolean };
      }[];
    const all = await ofCookie(office);
    expect(all.length).toBeGreaterThan(5);
    expect(await ofCookie(haidian)).toEqual([]);
    const tz = await ofCookie(tongzhou);
    expect(tz.map((c) => c.id).sort()).toEqual(all.map((c) => c.id).sort());
    const kb = await ofCookie(kangbao);
    if (kangbaoHolder !== null) expect(kb.map((c) => c.member.id)).toContain(kangbaoHolder);
    expect(kb.length).toBeLessThan(all.length);
    // The home side reads, and may not renew.
    for (const c of kb) expect(c.policies.renew).toBe(false);
    expect((await t.request({ method: 'GET', url: `${URL}/${expiredId}`, cookie: haidian })).statusCode).toBe(
      404,
    );
  });
});

describe('renew and revoke', () => {
  it('400/409 first: a reason is required, a stale version is refused', async () => {
    const m = take();
    const c = (await issue(tongzhou, body(m.id))).json();
    const noReason = await t.request({
      method: 'POST',
      url: `${URL}/${c.id}/revoke`,
      cookie: tongzhou,
      payload: { version: c.version },
    });
    expect(noReason.statusCode).toBe(400);
    expect(faultyFields(noReason)).toEqual(['reason']);
    const stale = await t.request({
      method: 'POST',
      url: `${URL}/${c.id}/renew`,
      cookie: tongzhou,
      payload: { validUntil: addMonths(today, 12), version: c.version + 1 },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    const outside = await t.request({
      method: 'POST',
      url: `${URL}/${c.id}/revoke`,
      cookie: haidian,
      payload: { reason: '核查收回', version: c.version },
    });
    expect(outside.statusCode).toBe(404);
  });

  it('renews an expired certificate with a new number pointing at the old one, which is superseded', async () => {
    const m = take();
    const issuedOn = addDays(today, -380);
    const old = (await issue(office, body(m.id, { issuedOn, validUntil: addMonths(issuedOn, 12) }))).json();
    expect(old.status).toBe('expired');
    const res = await t.request({
      method: 'POST',
      url: `${URL}/${old.id}/renew`,
      cookie: tongzhou,
      payload: {
        validUntil: addMonths(today, 12),
        destination: '北京市朝阳区望京街道',
        version: old.version,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const renewed = res.json();
    expect(renewed.number).not.toBe(old.number);
    expect(renewed).toMatchObject({
      renewsId: old.id,
      issuedOn: today,
      status: 'valid',
      destination: '北京市朝阳区望京街道',
      reason: old.reason,
    });
    const after = (await t.request({ method: 'GET', url: `${URL}/${old.id}`, cookie: office })).json();
    expect(after).toMatchObject({ status: 'superseded', statusLabel: '已换发', renewedById: renewed.id });
    expect(after.policies).toMatchObject({ renew: false, revoke: false });
    const twice = await t.request({
      method: 'POST',
      url: `${URL}/${old.id}/renew`,
      cookie: tongzhou,
      payload: { validUntil: addMonths(today, 6), version: after.version },
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('CERTIFICATE_NOT_CURRENT');
  });

  it('revokes with a reason; a revoked certificate is neither renewed nor in force', async () => {
    const m = take();
    const c = (await issue(tongzhou, body(m.id))).json();
    const res = await t.request({
      method: 'POST',
      url: `${URL}/${c.id}/revoke`,
      cookie: tongzhou,
      payload: { reason: '党员已返回原籍', version: c.version },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'revoked',
      statusLabel: '已收回',
      revokedOn: today,
      revokeReason: '党员已返回原籍',
    });
    const renew = await t.request({
      method: 'POST',
      url: `${URL}/${c.id}/renew`,
      cookie: tongzhou,
      payload: { validUntil: addMonths(today, 6), version: res.json().version },
    });
    expect(renew.statusCode).toBe(409);
    // With the old one revoked, a new one may be issued.
    expect((await issue(tongzhou, body(m.id))).statusCode).toBe(201);
  });
});

describe('GET /api/v1/certificates/:id.pdf and /export', () => {
  let cert: { id: number; number: string; member: { name: string } };
  beforeAll(async () => {
    cert = (await issue(tongzhou, body(take().id, { destination: '北京市大兴区亦庄镇' }))).json();
  });

  it('401, 403 without certificate.write, 400 for a bad id, 404 outside the scope', async () => {
    const url = `${URL}/${cert.id}.pdf`;
    expect((await t.request({ method: 'GET', url })).statusCode).toBe(401);
    expect((await t.request({ method: 'GET', url, cookie: kangbao })).statusCode).toBe(403);
    expect((await t.request({ method: 'GET', url: `${URL}/x1.pdf`, cookie: office })).statusCode).toBe(400);
    expect((await t.request({ method: 'GET', url, cookie: haidian })).statusCode).toBe(404);
  });

  it('prints the certificate, audited', async () => {
    const before = await auditCount('certificate.printed');
    const res = await t.request({ method: 'GET', url: `${URL}/${cert.id}.pdf`, cookie: tongzhou });
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(await auditCount('certificate.printed')).toBe(before + 1);
    if (!hasPoppler && !inCI) return;
    const text = pdfPages(res.rawPayload).join('\n').replace(/\s+/g, '');
    for (const word of ['流动党员活动证', cert.member.name, cert.number, '北京市大兴区亦庄镇', '*'.repeat(8)])
      expect(text).toContain(word.replace(/\s+/g, ''));
  });

  it('exports the ledger in scope as .xlsx, audited; 403 without member.export', async () => {
    expect((await t.request({ method: 'GET', url: `${URL}/export` })).statusCode).toBe(401);
    expect((await t.request({ method: 'GET', url: `${URL}/export`, cookie: auditor })).statusCode).toBe(403);
    const before = await auditCount('certificate.exported');
    const res = await t.request({ method: 'GET', url: `${URL}/export?status=valid`, cookie: tongzhou });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect(await auditCount('certificate.exported')).toBe(before + 1);
  });
});

describe('reminders and to-dos', () => {
  it('counts certificates expiring within 30 days on the workbench, in scope', async () => {
    const todo = async (cookie: string) =>
      (
        (await t.request({ method: 'GET', url: '/api/v1/workbench', cookie })).json().todos as {
          key: string;
          count: number;
        }[]
      ).find((x) => x.key === 'certificates.expiring');
    expect((await todo(office))?.count).toBeGreaterThan(0);
    expect(await todo(haidian)).toBeUndefined();
    expect(await todo(kangbao)).toBeUndefined();
  });

  it('puts a reminder into the issuing secretary’s inbox once', async () => {
    const first = await t.services.papers.expiryReminder.run();
    expect(first).toBeGreaterThan(0);
    expect(await t.services.papers.expiryReminder.run()).toBe(0);
    const inbox = (await t.request({ method: 'GET', url: '/api/v1/inbox', cookie: tongzhou })).json();
    expect(JSON.stringify(inbox)).toContain('活动证即将到期');
    const other = (await t.request({ method: 'GET', url: '/api/v1/inbox', cookie: haidian })).json();
    expect(JSON.stringify(other)).not.toContain('活动证即将到期');
  });
});
