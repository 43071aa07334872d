/** A notice's page with its receipts, reminders to those who have not read it, and its attachments. */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, faultyFields, type TestApp } from '../../../test/app';
import { pdf, uploadFile } from '../../../test/files';
import { auditLog, inboxItems } from '../../db/schema';
import { type NoticeWorld, noticeWorld, sendNotice } from './notices.fixture';

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
const send = (cookie: string, target: object, extra: object = {}) => sendNotice(t, cookie, target, extra);
const sorted = (ids: number[]) => [...ids].sort((a, b) => a - b);

describe('GET /api/v1/notices/:id and its receipts', () => {
  it('401, 400 and 404 for one who neither sent nor received it', async () => {
    const n = await send(w.cookie.tongzhou, { orgIds: [w.orgs.tzBranch.id] });
    expect((await get(`/api/v1/notices/${n.id}`)).statusCode).toBe(401);
    const bad = await get('/api/v1/notices/abc', w.cookie.office);
    expect(bad.statusCode).toBe(400);
    expect(faultyFields(bad)).toEqual(['id']);
    for (const who of ['haidian', 'hdMember', 'kangbao'] as const) {
      const res = await get(`/api/v1/notices/${n.id}`, w.cookie[who]);
      expect(res.statusCode, who).toBe(404);
    }
    expect((await get('/api/v1/notices/999999', w.cookie.office)).json()).toEqual(
      (await get(`/api/v1/notices/${n.id}`, w.cookie.haidian)).json(),
    );
  });

  it('is read when a recipient opens it; the sender sees who read it and when', async () => {
    const n = await send(w.cookie.office, { orgIds: [w.orgs.tongzhou.id] });
    const asRecipient = await get(`/api/v1/notices/${n.id}`, w.cookie.tzMember);
    expect(asRecipient.statusCode).toBe(200);
    expect(asRecipient.json()).toMatchObject({
      target: null,
      counts: null,
      policies: { update: false, viewReceipts: false, remind: false },
    });
    expect(asRecipient.json().myReceipt.readAt).not.toBeNull();
    const asSender = (await get(`/api/v1/notices/${n.id}`, w.cookie.office)).json();
    expect(asSender).toMatchObject({
      counts: { recipients: w.reach.tongzhou.length, read: 1, unread: w.reach.tongzhou.length - 1 },
      myReceipt: null,
      policies: { viewReceipts: true, remind: true },
    });

    const receipts = (await get(`/api/v1/notices/${n.id}/receipts`, w.cookie.office)).json();
    expect(receipts.counts).toEqual({
      recipients: w.reach.tongzhou.length,
      read: 1,
      unread: w.reach.tongzhou.length - 1,
    });
    expect(receipts.items).toHaveLength(w.reach.tongzhou.length);
    const me = receipts.items.find((r: { userId: number }) => r.userId === w.userId.tzMember);
    expect(me).toMatchObject({
      kind: 'member',
      name: expect.any(String),
      orgName: expect.stringContaining('支部'),
    });
    expect(me.readAt).not.toBeNull();
    const secretary = receipts.items.find((r: { userId: number }) => r.userId === w.userId.tongzhou);
    expect(secretary).toMatchObject({
      kind: 'staff',
      name: '通州流动党委书记',
      orgName: '驻北京通州区流动党委',
      readAt: null,
    });
    const unread = (await get(`/api/v1/notices/${n.id}/receipts?state=unread`, w.cookie.office)).json();
    expect(unread.items.map((r: { userId: number }) => r.userId)).not.toContain(w.userId.tzMember);
    expect(
      unread.items.map((r: { userId: number }) => r.userId).sort((a: number, b: number) => a - b),
    ).toEqual(w.reach.tongzhouStaff);
    const read = (await get(`/api/v1/notices/${n.id}/receipts?state=read`, w.cookie.office)).json();
    expect(read.items.map((r: { userId: number }) => r.userId)).toEqual([w.userId.tzMember]);
  });

  it('receipts: 401, 403 for those who may not send or only received it, 400, 404 outside the scope', async () => {
    const n = await send(w.cookie.office, { orgIds: [w.orgs.tongzhou.id] });
    const url = `/api/v1/notices/${n.id}/receipts`;
    expect((await get(url)).statusCode).toBe(401);
    expect((await get(url, w.cookie.member)).statusCode).toBe(403);
    // The Tongzhou secretary received it but did not send it.
    expect((await get(url, w.cookie.tongzhou)).statusCode).toBe(403);
    expect((await get(url, w.cookie.haidian)).statusCode).toBe(404);
    const bad = await get(`${url}?state=maybe&limit=500`, w.cookie.office);
    expect(bad.statusCode).toBe(400);
    expect(faultyFields(bad)).toEqual(['limit', 'state']);
    // The office manages what a secretary sent.
    const tz = await send(w.cookie.tongzhou, { orgIds: [w.orgs.tzBranch.id] });
    expect((await get(`/api/v1/notices/${tz.id}/receipts`, w.cookie.office)).statusCode).toBe(200);
  });
});

describe('POST /api/v1/notices/:id/remind', () => {
  it('401, 403, 400 and 404', async () => {
    const n = await send(w.cookie.tongzhou, { orgIds: [w.orgs.tzBranch.id] });
    expect((await post(`/api/v1/notices/${n.id}/remind`, undefined)).statusCode).toBe(401);
    expect((await post(`/api/v1/notices/${n.id}/remind`, undefined, w.cookie.member)).statusCode).toBe(403);
    const bad = await post('/api/v1/notices/0x1/remind', undefined, w.cookie.tongzhou);
    expect(bad.statusCode).toBe(400);
    expect((await post(`/api/v1/notices/${n.id}/remind`, undefined, w.cookie.haidian)).statusCode).toBe(404);
  });

  it('reminds the unread once an hour, with a message in their inbox, audited', async () => {
    const n = await send(w.cookie.office, { orgIds: [w.orgs.tongzhou.id] });
    await get(`/api/v1/notices/${n.id}`, w.cookie.tzMember);
    const first = await post(`/api/v1/notices/${n.id}/remind`, undefined, w.cookie.office);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().reminded).toBe(w.reach.tongzhouStaff.length);
    const reminders = await t.store.db
      .select()
      .from(inboxItems)
      .where(eq(inboxItems.kind, 'notice_reminder'));
    const forThis = reminders.filter((r) => r.link === `/notices/${n.id}`);
    expect(sorted(forThis.map((r) => r.userId))).toEqual(w.reach.tongzhouStaff);

    const again = await post(`/api/v1/notices/${n.id}/remind`, undefined, w.cookie.office);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({
      code: 'NOTICE_REMIND_TOO_SOON',
      details: { nextRemindAt: first.json().nextRemindAt },
    });
    const shown = (await get(`/api/v1/notices/${n.id}`, w.cookie.office)).json();
    expect(shown.policies.remind).toBe(false);
    expect(shown.nextRemindAt).toBe(first.json().nextRemindAt);

    // An hour later it may go again.
    await t.store.db
      .update(inboxItems)
      .set({ remindedAt: new Date(Date.now() - 61 * 60_000) })
      .where(eq(inboxItems.noticeId, n.id));
    // Reading the notice ends its reminders too.
    await get(`/api/v1/notices/${n.id}`, w.cookie.member);
    const memberInbox = (await get('/api/v1/inbox?unread=true&limit=100', w.cookie.member)).json();
    expect(memberInbox.items.map((i: { link: string }) => i.link)).not.toContain(`/notices/${n.id}`);
    const later = await post(`/api/v1/notices/${n.id}/remind`, undefined, w.cookie.office);
    expect(later.statusCode).toBe(200);
    expect(later.json().reminded).toBe(4);

    const audit = await t.store.db.select().from(auditLog).where(eq(auditLog.action, 'notice.reminded'));
    expect(audit.filter((a) => a.targetId === String(n.id)).map((a) => a.after)).toEqual([
      { reminded: 5 },
      { reminded: 4 },
    ]);
  });

  it('lets only one of two reminders sent at the same moment through', async () => {
    const n = await send(w.cookie.office, { orgIds: [w.orgs.tongzhou.id] });
    const [a, b] = await Promise.all([
      post(`/api/v1/notices/${n.id}/remind`, undefined, w.cookie.office),
      post(`/api/v1/notices/${n.id}/remind`, undefined, w.cookie.office),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const stamped = await t.store.db
      .select()
      .from(inboxItems)
      .where(eq(inboxItems.link, `/notices/${n.id}`));
    // The notice itself for each recipient, and one reminder for each (all unread), not two.
    expect(stamped.filter((i) => i.kind === 'notice_reminder')).toHaveLength(w.reach.tongzhou.length);
  });

  it('says so when everyone has read it', async () => {
    const n = await send(w.cookie.office, { memberIds: [w.members.hd.id] });
    await get(`/api/v1/notices/${n.id}`, w.cookie.hdMember);
    const res = await post(`/api/v1/notices/${n.id}/remind`, undefined, w.cookie.office);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('NOTICE_ALL_READ');
  });
});

describe('attachments (files owned by a notice)', () => {
  it('are added by the sender and read by the recipients only', async () => {
    const n = await send(w.cookie.office, { orgIds: [w.orgs.tongzhou.id] });
    const fields = { ownerType: 'notice', ownerId: String(n.id), purpose: 'attachment' };
    const file = { name: '活动安排.pdf', data: pdf() };
    const up = await uploadFile(t, w.cookie.office, fields, file);
    expect(up.statusCode, up.body).toBe(201);
    // A recipient may read but not add; one who did not receive it sees nothing.
    expect((await uploadFile(t, w.cookie.tzMember, fields, file)).statusCode).toBe(403);
    expect((await uploadFile(t, w.cookie.hdMember, fields, file)).statusCode).toBe(404);
    const list = `/api/v1/files?ownerType=notice&ownerId=${n.id}`;
    const seen = await get(list, w.cookie.tzMember);
    expect(seen.statusCode).toBe(200);
    expect(JSON.stringify(seen.json())).toContain('活动安排.pdf');
    expect((await get(list, w.cookie.hdMember)).statusCode).toBe(404);
    const download = await get(`/api/v1/files/${up.json().id}`, w.cookie.tzMember);
    expect(download.statusCode).toBe(200);
    expect((await get(`/api/v1/files/${up.json().id}`, w.cookie.hdMember)).statusCode).toBe(404);
  });
});
