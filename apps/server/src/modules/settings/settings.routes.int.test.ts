import { DEFAULT_DUES_RULES, MEGABYTE, SETTING_KEYS, SETTINGS } from '@ningxin/shared';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, faultyFields, type TestApp } from '../../../test/app';
import { queryRows } from '../../db/client';

let t: TestApp;
let office: string;
let tongzhou: string;
let member: string;
let auditor: string;

beforeAll(async () => {
  t = await createTestApp({}, { members: 20 });
  [office, tongzhou, member, auditor] = (await Promise.all(
    ['office', 'tongzhou', 'member', 'auditor'].map((u) => t.login(u)),
  )) as [string, string, string, string];
});
afterAll(() => t.close());

const get = (url: string, cookie?: string) =>
  t.request({ method: 'GET', url, ...(cookie ? { cookie } : {}) });
const put = (key: string, payload: object, cookie?: string) =>
  t.request({ method: 'PUT', url: `/api/v1/settings/${key}`, payload, ...(cookie ? { cookie } : {}) });
const reset = (key: string, cookie?: string) =>
  t.request({ method: 'DELETE', url: `/api/v1/settings/${key}`, ...(cookie ? { cookie } : {}) });
const versionOf = async (key: string) => (await get(`/api/v1/settings/${key}`, office)).json().version;

interface AuditEntry {
  action: string;
  actorName: string;
  targetId: string;
  targetLabel: string;
  before: unknown;
  after: unknown;
}
const auditOf = async (key: string): Promise<AuditEntry[]> =>
  (await get(`/api/v1/audit?targetType=setting&targetId=${key}`, auditor)).json().items;

describe('GET /api/v1/settings', () => {
  it('401 without a session', async () => {
    const res = await get('/api/v1/settings');
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('UNAUTHENTICATED');
  });

  // No 403 and no 400: every signed-in user reads the rules, and the route takes no input.
  it('gives every signed-in user, a member or the auditor too, every setting', async () => {
    for (const cookie of [member, auditor, tongzhou]) {
      const res = await get('/api/v1/settings', cookie);
      expect(res.statusCode).toBe(200);
      expect(res.json().items.map((s: { key: string }) => s.key)).toEqual(SETTING_KEYS);
    }
  });

  it('shows the defaults of a store with no rows, with labels, groups and units', async () => {
    const rows = await queryRows<{ n: number }>(t.store.db, sql`select count(*)::int as n from settings`);
    expect(rows[0]?.n).toBe(0);
    const { items } = (await get('/api/v1/settings', office)).json();
    for (const s of items) {
      expect(s).toMatchObject({ changed: false, version: 0, updatedAt: null, updatedBy: null });
      expect(s.value).toEqual(s.defaultValue);
    }
    const byKey = Object.fromEntries(items.map((s: { key: string }) => [s.key, s]));
    expect(byKey['members.lostContactDays']).toMatchObject({
      label: '失联判定天数',
      group: 'members',
      groupLabel: '党员管理',
      unit: '天',
      value: 180,
      policies: { update: true, reset: false },
    });
    expect(byKey['upload.maxBytes']).toMatchObject({ unit: 'MB', value: 20 * MEGABYTE, group: 'system' });
    expect(byKey['dues.rules'].value).toEqual(DEFAULT_DUES_RULES);
    expect(await t.services.settings.get('members.lostContactDays')).toBe(180);
    expect(await t.services.settings.get('upload.maxBytes')).toBe(20 * MEGABYTE);
  });

  it('tells a reader without the right to change settings that they may not', async () => {
    const { items } = (await get('/api/v1/settings', tongzhou)).json();
    expect(items[0].policies).toEqual({ update: false, reset: false });
  });
});

describe('GET /api/v1/settings/:key', () => {
  it('401 without a session, 404 for a key no setting has', async () => {
    expect((await get('/api/v1/settings/upload.maxBytes')).statusCode).toBe(401);
    for (const key of ['nonexistent', 'toString', '__proto__', '12']) {
      const res = await get(`/api/v1/settings/${key}`, office);
      expect(res.statusCode, key).toBe(404);
      expect(res.json().code).toBe('NOT_FOUND');
    }
  });

  it('gives a member one setting', async () => {
    const res = await get('/api/v1/settings/learning.studyHours', member);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      key: 'learning.studyHours',
      label: '年度学时要求',
      value: { memberHours: 32, cadreHours: 56, cadreTrainings: 1 },
    });
  });
});

describe('PUT /api/v1/settings/:key', () => {
  it('401 without a session', async () => {
    expect((await put('members.lostContactDays', { value: 90, version: 0 })).statusCode).toBe(401);
  });

  it('403 for a secretary, the auditor and a member: only the committee office changes settings', async () => {
    for (const cookie of [tongzhou, auditor, member]) {
      const res = await put('members.lostContactDays', { value: 90, version: 0 }, cookie);
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('FORBIDDEN');
    }
    expect(await versionOf('members.lostContactDays')).toBe(0);
  });

  it('400 naming the field when the body is malformed', async () => {
    const res = await put('members.lostContactDays', { value: 90, version: -1 }, office);
    expect(res.statusCode).toBe(400);
    expect(faultyFields(res)).toEqual(['version']);
    const missing = await put('members.lostContactDays', { value: 90 }, office);
    expect(faultyFields(missing)).toEqual(['version']);
  });

  it('404 for a key no setting has', async () => {
    const res = await put('members.unknown', { value: 90, version: 0 }, office);
    expect(res.statusCode).toBe(404);
  });

  it('400 naming the field inside the value that its rules refuse, writing nothing', async () => {
    const gap = structuredClone(DEFAULT_DUES_RULES);
    gap.salaried[1]!.from = 350_000;
    gap.farmerFen = 200;
    const res = await put('dues.rules', { value: gap, version: 0 }, office);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('SETTING_VALUE_INVALID');
    expect(res.json().message).toMatch(/^党费交纳标准有误：/);
    expect(faultyFields(res)).toEqual(['value.farmerFen', 'value.salaried.1.from']);
    const tooSmall = await put('upload.maxBytes', { value: 1000, version: 0 }, office);
    expect(tooSmall.json().fields).toEqual([{ path: 'value', message: '上传文件大小上限不能小于 1 MB' }]);
    const wrongType = await put('members.lostContactDays', { value: '180', version: 0 }, office);
    expect(faultyFields(wrongType)).toEqual(['value']);
    const noValue = await put('learning.studyHours', { version: 0 }, office);
    expect(noValue.statusCode).toBe(400);
    expect(await versionOf('dues.rules')).toBe(0);
    expect(await auditOf('dues.rules')).toEqual([]);
  });

  it('changes a setting for everyone, audited with the value before and after', async () => {
    const res = await put('members.lostContactDays', { value: 90, version: 0 }, office);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      value: 90,
      defaultValue: 180,
      changed: true,
      version: 1,
      updatedBy: '流动党委办公室',
      policies: { update: true, reset: true },
    });
    expect(Date.now() - Date.parse(res.json().updatedAt)).toBeLessThan(60_000);
    expect(await t.services.settings.get('members.lostContactDays')).toBe(90);
    const asMember = (await get('/api/v1/settings/members.lostContactDays', member)).json();
    expect(asMember).toMatchObject({ value: 90, changed: true, updatedBy: null });
    const [entry] = await auditOf('members.lostContactDays');
    expect(entry).toMatchObject({
      action: 'settings.updated',
      actorName: 'office',
      targetLabel: '失联判定天数',
      before: { value: 180, version: 0, default: true },
      after: { value: 90, version: 1, default: false },
    });
  });

  it('stores the brackets of a valid dues scale and the dues follow them', async () => {
    const own = structuredClone(DEFAULT_DUES_RULES);
    own.salaried = [
      { from: 0, to: 400_000, rateBp: 50 },
      { from: 400_000, to: null, rateBp: 100 },
    ];
    own.farmerFen = 50;
    const res = await put('dues.rules', { value: own, version: 0 }, office);
    expect(res.statusCode).toBe(200);
    expect(res.json().value).toEqual(own);
    expect(await t.services.settings.get('dues.rules')).toEqual(own);
    const [entry] = await auditOf('dues.rules');
    expect(entry!.before).toMatchObject({ value: DEFAULT_DUES_RULES });
    expect(entry!.after).toMatchObject({ value: own });
  });

  it('409 on a stale version, before the value’s rules are looked at', async () => {
    const stale = await put('members.lostContactDays', { value: 120, version: 0 }, office);
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'VERSION_CONFLICT', fields: [{ path: 'version' }] });
    const staleAndInvalid = await put('members.lostContactDays', { value: 5, version: 0 }, office);
    expect(staleAndInvalid.statusCode).toBe(409);
    expect(await t.services.settings.get('members.lostContactDays')).toBe(90);
  });

  it('changes nothing when the value saved is the one it has', async () => {
    const before = (await auditOf('members.lostContactDays')).length;
    const res = await put('members.lostContactDays', { value: 90, version: 1 }, office);
    expect(res.statusCode).toBe(200);
    expect(res.json().version).toBe(1);
    expect(await auditOf('members.lostContactDays')).toHaveLength(before);
  });

  it('lets only one of two first changes made at once through', async () => {
    const [a, b] = await Promise.all([
      put(
        'learning.studyHours',
        { value: { memberHours: 40, cadreHours: 60, cadreTrainings: 1 }, version: 0 },
        office,
      ),
      put(
        'learning.studyHours',
        { value: { memberHours: 36, cadreHours: 56, cadreTrainings: 2 }, version: 0 },
        office,
      ),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expect(await versionOf('learning.studyHours')).toBe(1);
    expect(await auditOf('learning.studyHours')).toHaveLength(1);
  });
});

describe('DELETE /api/v1/settings/:key', () => {
  it('401 without a session, 403 for a secretary, 404 for a key no setting has', async () => {
    expect((await reset('members.lostContactDays')).statusCode).toBe(401);
    const secretary = await reset('members.lostContactDays', tongzhou);
    expect(secretary.statusCode).toBe(403);
    expect((await reset('members.lostContactDays', member)).statusCode).toBe(403);
    expect((await reset('nothing.here', office)).statusCode).toBe(404);
    expect(await t.services.settings.get('members.lostContactDays')).toBe(90);
  });

  it('puts a setting back to its default, audited, one version up', async () => {
    const res = await reset('members.lostContactDays', office);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      value: 180,
      changed: false,
      version: 2,
      updatedBy: '流动党委办公室',
      policies: { reset: false },
    });
    expect(await t.services.settings.get('members.lostContactDays')).toBe(180);
    const [entry] = await auditOf('members.lostContactDays');
    expect(entry).toMatchObject({
      action: 'settings.reset',
      before: { value: 90, version: 1, default: false },
      after: { value: 180, version: 2, default: true },
    });
  });

  it('keeps the version going up, so an edit based on the value before the reset is stale', async () => {
    const res = await put('members.lostContactDays', { value: 150, version: 1 }, office);
    expect(res.statusCode).toBe(409);
    const fresh = await put('members.lostContactDays', { value: 150, version: 2 }, office);
    expect(fresh.json()).toMatchObject({ value: 150, version: 3 });
    expect(await t.services.settings.versioned('members.lostContactDays')).toEqual({
      value: 150,
      version: 3,
    });
  });

  it('changes nothing when the setting already follows its default', async () => {
    const res = await reset('points.rules', office);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ changed: false, version: 0 });
    expect(await auditOf('points.rules')).toEqual([]);
  });
});

describe('the settings service', () => {
  it('gives other modules every value, the committee’s where changed', async () => {
    const all = await t.services.settings.all();
    expect(Object.keys(all)).toEqual(SETTING_KEYS);
    expect(all['members.lostContactDays']).toBe(150);
    expect(all['points.rules']).toEqual(SETTINGS['points.rules'].defaultValue);
  });

  it('hands out copies: changing one does not change the default', async () => {
    const rules = await t.services.settings.get('points.rules');
    rules.base = 99;
    expect((await t.services.settings.get('points.rules')).base).toBe(20);
  });
});
