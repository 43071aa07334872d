/** Sending notices (now or scheduled), the module's jobs, and the list of notices. */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, faultyFields, type TestApp } from '../../../test/app';
import { auditLog, inboxItems, notices } from '../../db/schema';
import { type NoticeWorld, noticeBody, noticeRecipients, noticeWorld, sendNotice } from './notices.fixture';

let t: TestApp;
let w: NoticeWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await noticeWorld(t);
});
afterAll(() => t.close());

const get = (url: string, cookie?: string) =>
  t.request({ method: 'GET', url, ...(cookie ? { cookie } : {}) });
const post = (url: string, payload: object | undefined, cookie?: string) =>
  t.request({ method: 'POST', url, ...(payload ? { payload } : {}), ...(cookie ? { cookie } : {}) });
const patch = (url: string, payload: object, cookie?: string) =>
  t.request({ method: 'PATCH', url, payload, ...(cookie ? { cookie } : {}) });
const send = (cookie: string, target: object, extra: object = {}) => sendNotice(t, cookie, target, extra);
const recipientsOf = (noticeId: number) => noticeRecipients(t, noticeId);
const sorted = (ids: number[]) => [...ids].sort((a, b) => a - b);

describe('POST /api/v1/notices', () => {
  it('401 without a session, 403 for those who may not send, 400 naming the fields', async () => {
    const target = { orgIds: [w.orgs.tongzhou.id] };
    expect((await post('/api/v1/notices', noticeBody(target))).statusCode).toBe(401);
    for (const who of ['member', 'auditor', 'kangbao', 'admin'] as const) {
      const res = await post('/api/v1/notices', noticeBody(target), w.cookie[who]);
      expect(res.statusCode, who).toBe(403);
      expect(res.json().code).toBe('FORBIDDEN');
    }
    const bad = await post('/api/v1/notices', { title: 'x', bodyHtml: '', target: {} }, w.cookie.office);
    expect(bad.statusCode).toBe(400);
    expect(faultyFields(bad)).toEqual(['bodyHtml', 'target.orgIds', 'title']);
    const role = await post('/api/v1/notices', noticeBody({ roles: ['security_admin'] }), w.cookie.office);
    expect(role.statusCode).toBe(400);
    expect(faultyFields(role)).toEqual(['target.roles.0']);
    const late = await post(
      '/api/v1/notices',
      noticeBody(target, { publishAt: '2030-01-02T08:00:00+08:00', replyBy: '2030-01-01T08:00:00+08:00' }),
      w.cookie.office,
    );
    expect(late.statusCode).toBe(400);
    expect(faultyFields(late)).toEqual(['replyBy']);
  });

  it('reaches exactly the targeted subtree: its staff and its members with a login, no one else', async () => {
    const n = await send(w.cookie.office, { orgIds: [w.orgs.tongzhou.id] });
    const everyone = w.reach.tongzhou.length;
    expect(n).toMatchObject({
      state: 'published',
      counts: { recipients: everyone, read: 0, unread: everyone },
    });
    expect(n.target.orgs).toEqual([{ id: w.orgs.tongzhou.id, name: '驻北京通州区流动党委' }]);
    expect(await recipientsOf(n.id)).toEqual(w.reach.tongzhou);
    expect(w.reach.tongzhou).toEqual(
      expect.arrayContaining([w.userId.tongzhou, w.userId.tzBranchSec, w.userId.member, w.userId.tzMember]),
    );
  });

  it('reaches the holders of a targeted role, and named members', async () => {
    const bySecretary = await send(w.cookie.office, { roles: ['secretary'] });
    expect(await recipientsOf(bySecretary.id)).toEqual(
      sorted([w.userId.tongzhou, w.userId.haidian, w.userId.tzBranchSec, w.userId.hdBranchSec]),
    );
    const byViewer = await send(w.cookie.office, { roles: ['home_viewer'] });
    expect(await recipientsOf(byViewer.id)).toEqual([w.userId.kangbao]);
    const named = await send(w.cookie.office, { memberIds: [w.members.hd.id] });
    expect(await recipientsOf(named.id)).toEqual([w.userId.hdMember]);
    expect(named.target.members).toEqual([{ id: w.members.hd.id, name: w.members.hd.name }]);
    const mixed = await send(w.cookie.office, { orgIds: [w.orgs.hdBranch.id], memberIds: [w.members.tz.id] });
    const hdInBranch =
      w.members.hd.orgPath.startsWith(`${w.orgs.hdBranch.path}.`) ||
      w.members.hd.orgPath === w.orgs.hdBranch.path;
    expect(await recipientsOf(mixed.id)).toEqual(
      sorted([w.userId.hdBranchSec, w.userId.tzMember, ...(hdInBranch ? [w.userId.hdMember] : [])]),
    );
  });

  it('lets a secretary send inside the subtree: its secretaries and its members by role', async () => {
    const members = await send(w.cookie.tongzhou, { roles: ['member'] });
    expect(members.senderOrg).toEqual({ id: w.orgs.tongzhou.id, name: '驻北京通州区流动党委' });
    expect(await recipientsOf(members.id)).toEqual(sorted([w.userId.member, w.userId.tzMember]));
    const secretaries = await send(w.cookie.tongzhou, { roles: ['secretary'] });
    expect(await recipientsOf(secretaries.id)).toEqual([w.userId.tzBranchSec]);
    const branch = await send(w.cookie.tongzhou, { orgIds: [w.orgs.tzBranch.id] });
    const reached = await recipientsOf(branch.id);
    expect(reached).toContain(w.userId.tzBranchSec);
    expect(reached).not.toContain(w.userId.tongzhou); // the sender, above the branch
    expect(reached).not.toContain(w.userId.office);
  });

  it('refuses a secretary a target outside the subtree, naming the field, and writes nothing', async () => {
    const before = await t.store.db.select({ id: inboxItems.id }).from(inboxItems);
    const org = await post('/api/v1/notices', noticeBody({ orgIds: [w.orgs.haidian.id] }), w.cookie.tongzhou);
    expect(org.statusCode).toBe(400);
    expect(org.json()).toMatchObject({ code: 'NOTICE_TARGET_OUT_OF_SCOPE' });
    expect(faultyFields(org)).toEqual(['target.orgIds']);
    const up = await post(
      '/api/v1/notices',
      noticeBody({ orgIds: [w.orgs.tongzhou.id] }),
      w.cookie.tzBranchSec,
    );
    expect(faultyFields(up)).toEqual(['target.orgIds']);
    const role = await post('/api/v1/notices', noticeBody({ roles: ['committee_admin'] }), w.cookie.tongzhou);
    expect(role.statusCode).toBe(400);
    expect(faultyFields(role)).toEqual(['target.roles']);
    // A member outside the scope and one that does not exist get the same answer.
    const outside = await post(
      '/api/v1/notices',
      noticeBody({ memberIds: [w.members.hd.id] }),
      w.cookie.tongzhou,
    );
    const missing = await post(
      '/api/v1/notices',
      noticeBody({ memberIds: [2_000_000_000] }),
      w.cookie.tongzhou,
    );
    expect(outside.statusCode).toBe(400);
    expect(faultyFields(outside)).toEqual(['target.memberIds']);
    expect(outside.json()).toEqual(missing.json());
    expect(await t.store.db.select({ id: inboxItems.id }).from(inboxItems)).toHaveLength(before.length);
  });

  it('keeps the allowed rich text and drops scripts and event handlers', async () => {
    const n = await send(
      w.cookie.office,
      { memberIds: [w.members.tz.id] },
      {
        bodyHtml:
          '<h2>安排</h2><p onclick="x()">请<strong>准时</strong>参加<script>alert(1)</script></p>' +
          '<img src="x" onerror="alert(2)"><a href="javascript:alert(3)">点此</a><a href="https://www.12371.cn/">链接</a>',
      },
    );
    const seen = (await get(`/api/v1/notices/${n.id}`, w.cookie.tzMember)).json();
    for (const html of [n.bodyHtml, seen.bodyHtml]) {
      expect(html).toContain('<h2>安排</h2><p>请<strong>准时</strong>参加</p>');
      expect(html).toContain('href="https://www.12371.cn/"');
      for (const bad of ['<script', 'alert', 'onerror', 'onclick', 'javascript:', '<img'])
        expect(html).not.toContain(bad);
    }
    const empty = await post(
      '/api/v1/notices',
      noticeBody({ orgIds: [w.orgs.tongzhou.id] }, { bodyHtml: '<script>alert(1)</script><p> </p>' }),
      w.cookie.office,
    );
    expect(empty.statusCode).toBe(400);
    expect(faultyFields(empty)).toEqual(['bodyHtml']);
  });

  it('audits the sending', async () => {
    const n = await send(w.cookie.tongzhou, { orgIds: [w.orgs.tzBranch.id] });
    const rows = await t.store.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.targetId, String(n.id)));
    const sent = rows.find((r) => r.action === 'notice.sent' && r.targetType === 'notice');
    expect(sent).toMatchObject({ actorName: 'tongzhou', targetLabel: n.title });
    expect(sent?.after).toMatchObject({
      recipients: n.counts.recipients,
      target: { orgIds: [w.orgs.tzBranch.id] },
    });
  });
});

describe('scheduled notices', () => {
  it('wait for their time, reach no one before it, and may be changed until then', async () => {
    const publishAt = new Date(Date.now() + 3_600_000).toISOString();
    const n = await send(w.cookie.tongzhou, { orgIds: [w.orgs.tzBranch.id] }, { publishAt });
    expect(n).toMatchObject({ state: 'scheduled', publishedAt: null, policies: { update: true } });
    expect(await recipientsOf(n.id)).toEqual([]);
    expect((await get(`/api/v1/notices/${n.id}`, w.cookie.tzBranchSec)).statusCode).toBe(404);

    expect((await patch(`/api/v1/notices/${n.id}`, { title: '改', version: 0 })).statusCode).toBe(401);
    expect(
      (await patch(`/api/v1/notices/${n.id}`, { title: '改', version: 0 }, w.cookie.member)).statusCode,
    ).toBe(403);
    const bad = await patch(`/api/v1/notices/${n.id}`, { title: '改' }, w.cookie.tongzhou);
    expect(faultyFields(bad)).toEqual(['title', 'version']);
    expect(
      (await patch(`/api/v1/notices/${n.id}`, { title: '改期', version: 0 }, w.cookie.haidian)).statusCode,
    ).toBe(404);
    const changed = await patch(
      `/api/v1/notices/${n.id}`,
      { title: '改期后的通知', version: 0 },
      w.cookie.tongzhou,
    );
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ title: '改期后的通知', version: 1, state: 'scheduled' });
    expect(
      (await patch(`/api/v1/notices/${n.id}`, { title: '再改', version: 0 }, w.cookie.tongzhou)).statusCode,
    ).toBe(409);

    expect(
      await t.services.notices.notices.publishDue(new Date(Date.now() + 7_200_000)),
    ).toBeGreaterThanOrEqual(1);
    expect(await recipientsOf(n.id)).toContain(w.userId.tzBranchSec);
    const after = (await get(`/api/v1/notices/${n.id}`, w.cookie.tongzhou)).json();
    expect(after).toMatchObject({ state: 'published', title: '改期后的通知', policies: { update: false } });
    const late = await patch(
      `/api/v1/notices/${n.id}`,
      { title: '发布后修改', version: after.version },
      w.cookie.tongzhou,
    );
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('NOTICE_PUBLISHED');
  });
});

describe('the jobs of the module', () => {
  it('publish a scheduled notice whose time has come, once, and remind on anniversaries daily', async () => {
    const jobs = t.app.platform.jobs;
    expect(jobs.find((j) => j.name === 'notices.anniversaries')).toMatchObject({ schedule: '0 8 * * *' });
    const publish = jobs.find((j) => j.name === 'notices.publish_due')!;
    const n = await send(
      w.cookie.office,
      { memberIds: [w.members.hd.id] },
      { publishAt: '2099-01-01T08:00:00+08:00' },
    );
    await publish.run();
    expect(await recipientsOf(n.id)).toEqual([]);
    await t.store.db
      .update(notices)
      .set({ publishAt: new Date(Date.now() - 1000) })
      .where(eq(notices.id, n.id));
    expect(await publish.run()).toBe(1);
    expect(await publish.run()).toBe(0);
    expect(await recipientsOf(n.id)).toEqual([w.userId.hdMember]);
    const [entry] = await t.store.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'notice.published'), eq(auditLog.targetId, String(n.id))));
    expect(entry).toMatchObject({ actorId: null, actorName: 'system' });
  });
});

describe('GET /api/v1/notices', () => {
  it('401, 403 and 400', async () => {
    expect((await get('/api/v1/notices')).statusCode).toBe(401);
    expect((await get('/api/v1/notices', w.cookie.member)).statusCode).toBe(403);
    expect((await get('/api/v1/notices', w.cookie.kangbao)).statusCode).toBe(403);
    const bad = await get('/api/v1/notices?limit=0&mine=maybe', w.cookie.office);
    expect(bad.statusCode).toBe(400);
    expect(faultyFields(bad)).toEqual(['limit', 'mine']);
  });

  it('lists what the user sent and what was sent within the user’s scope, newest first, with counts', async () => {
    const tz = await send(w.cookie.tongzhou, { orgIds: [w.orgs.tzBranch.id] }, { title: '通州的通知' });
    const hd = await send(w.cookie.haidian, { orgIds: [w.orgs.hdBranch.id] }, { title: '海淀的通知' });
    const office = (await get('/api/v1/notices?limit=100', w.cookie.office)).json();
    const officeIds = office.items.map((i: { id: number }) => i.id);
    expect(officeIds).toEqual(expect.arrayContaining([tz.id, hd.id]));
    expect(officeIds).toEqual([...officeIds].sort((a: number, b: number) => b - a));
    const mine = (await get('/api/v1/notices?limit=100&mine=true', w.cookie.office)).json();
    expect(mine.items.map((i: { id: number }) => i.id)).not.toContain(tz.id);

    const tzList = (await get('/api/v1/notices?limit=100', w.cookie.tongzhou)).json();
    const tzIds = tzList.items.map((i: { id: number }) => i.id);
    expect(tzIds).toContain(tz.id);
    expect(tzIds).not.toContain(hd.id);
    const row = tzList.items.find((i: { id: number }) => i.id === tz.id);
    expect(row).toMatchObject({
      title: '通州的通知',
      sender: { name: '通州流动党委书记' },
      senderOrg: { id: w.orgs.tongzhou.id },
      counts: { recipients: tz.counts.recipients, read: 0 },
    });
    // The branch secretary sees neither the committee's notices nor the office's.
    const branch = (await get('/api/v1/notices?limit=100', w.cookie.tzBranchSec)).json();
    expect(branch.items.map((i: { id: number }) => i.id)).not.toContain(tz.id);
    const found = (await get(`/api/v1/notices?q=${encodeURIComponent('海淀的')}`, w.cookie.haidian)).json();
    expect(found.items.map((i: { title: string }) => i.title)).toEqual(['海淀的通知']);
    const page = (await get('/api/v1/notices?limit=1', w.cookie.office)).json();
    expect(page.items).toHaveLength(1);
    const next = (await get(`/api/v1/notices?limit=1&before=${page.nextCursor}`, w.cookie.office)).json();
    expect(next.items[0].id).toBeLessThan(page.items[0].id);
  });
});
