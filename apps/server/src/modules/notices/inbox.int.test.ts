import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, faultyFields, type TestApp } from '../../../test/app';
import { createUser } from '../../../test/factories';
import { inboxItems, members } from '../../db/schema';
import { type NoticeWorld, noticeWorld } from './notices.fixture';

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

async function send(target: object, title = '学习贯彻会议精神的通知') {
  const res = await post(
    '/api/v1/notices',
    { title, bodyHtml: '<p>请认真学习。</p>', target },
    w.cookie.office,
  );
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const inbox = async (cookie: string, query = '') => {
  const res = await get(`/api/v1/inbox${query}`, cookie);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

describe('GET /api/v1/inbox', () => {
  it('401, 403 before the first password change, 400 naming the field', async () => {
    expect((await get('/api/v1/inbox')).statusCode).toBe(401);
    const fresh = await createUser(t.store, { role: 'member', scopeKind: 'self', mustChangePassword: true });
    const res = await get('/api/v1/inbox', await t.login(fresh.username, fresh.password));
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('PASSWORD_CHANGE_REQUIRED');
    const bad = await get('/api/v1/inbox?unread=maybe&limit=101', w.cookie.member);
    expect(bad.statusCode).toBe(400);
    expect(faultyFields(bad)).toEqual(['limit', 'unread']);
  });

  it('holds the notices sent to the user, newest first, with the unread count', async () => {
    const before = await inbox(w.cookie.tzMember);
    const a = await send({ memberIds: [w.members.tz.id] }, '第一份通知');
    const b = await send({ orgIds: [w.orgs.tongzhou.id] }, '第二份通知');
    const now = await inbox(w.cookie.tzMember);
    expect(now.unread).toBe(before.unread + 2);
    expect(now.items.slice(0, 2)).toMatchObject([
      {
        kind: 'notice',
        kindLabel: '通知',
        title: '第二份通知',
        noticeId: b.id,
        link: `/notices/${b.id}`,
        readAt: null,
      },
      { title: '第一份通知', noticeId: a.id },
    ]);
    // Not in anyone else's.
    const other = await inbox(w.cookie.hdMember);
    expect(other.items.map((i: { noticeId: number }) => i.noticeId)).not.toContain(a.id);
    const page = await inbox(w.cookie.tzMember, '?limit=1');
    expect(page.items).toHaveLength(1);
    const next = await inbox(w.cookie.tzMember, `?limit=1&before=${page.nextCursor}`);
    expect(next.items[0].id).toBeLessThan(page.items[0].id);
  });
});

describe('POST /api/v1/inbox/:id/read', () => {
  it('401, 400 and 404 for another account’s item', async () => {
    const n = await send({ memberIds: [w.members.tz.id] });
    const [item] = await t.store.db.select().from(inboxItems).where(eq(inboxItems.noticeId, n.id));
    expect((await post(`/api/v1/inbox/${item!.id}/read`, undefined)).statusCode).toBe(401);
    const bad = await post('/api/v1/inbox/1e3/read', undefined, w.cookie.tzMember);
    expect(bad.statusCode).toBe(400);
    expect(faultyFields(bad)).toEqual(['id']);
    expect((await post(`/api/v1/inbox/${item!.id}/read`, undefined, w.cookie.hdMember)).statusCode).toBe(404);
    expect(
      (await post('/api/v1/inbox/99999999999999999/read', undefined, w.cookie.tzMember)).statusCode,
    ).toBe(404);
    const [still] = await t.store.db.select().from(inboxItems).where(eq(inboxItems.id, item!.id));
    expect(still!.readAt).toBeNull();
  });

  it('opening an item marks it read once, and the sender sees the receipt', async () => {
    const n = await send({ orgIds: [w.orgs.tongzhou.id] });
    const mine = await inbox(w.cookie.tongzhou);
    const item = mine.items.find((i: { noticeId: number }) => i.noticeId === n.id);
    const opened = await post(`/api/v1/inbox/${item.id}/read`, undefined, w.cookie.tongzhou);
    expect(opened.statusCode).toBe(200);
    expect(opened.json()).toMatchObject({ id: item.id, noticeId: n.id });
    expect(opened.json().readAt).not.toBeNull();
    expect((await inbox(w.cookie.tongzhou)).unread).toBe(mine.unread - 1);
    const again = await post(`/api/v1/inbox/${item.id}/read`, undefined, w.cookie.tongzhou);
    expect(again.json().readAt).toBe(opened.json().readAt);
    const seen = (await get(`/api/v1/notices/${n.id}`, w.cookie.office)).json();
    expect(seen.counts).toEqual({
      recipients: w.reach.tongzhou.length,
      read: 1,
      unread: w.reach.tongzhou.length - 1,
    });
    const receipts = (await get(`/api/v1/notices/${n.id}/receipts?state=read`, w.cookie.office)).json();
    expect(receipts.items).toEqual([
      expect.objectContaining({ userId: w.userId.tongzhou, readAt: opened.json().readAt }),
    ]);
  });
});

describe('POST /api/v1/inbox/read-all', () => {
  it('401, then marks every item of the user read and no one else’s', async () => {
    expect((await post('/api/v1/inbox/read-all', undefined)).statusCode).toBe(401);
    await send({ orgIds: [w.orgs.tongzhou.id] });
    const otherBefore = (await inbox(w.cookie.tzMember)).unread;
    const res = await post('/api/v1/inbox/read-all', undefined, w.cookie.member);
    expect(res.statusCode).toBe(200);
    expect(res.json().unread).toBe(0);
    expect(res.json().updated).toBeGreaterThan(0);
    expect((await inbox(w.cookie.member)).unread).toBe(0);
    expect((await inbox(w.cookie.tzMember)).unread).toBe(otherBefore);
  });
});

describe('inbox.post, for other modules', () => {
  it('puts a system message once per account and dedupe key', async () => {
    const post = (userIds: number[]) =>
      t.store.db.transaction((tx) =>
        t.services.notices.inbox.post(tx, {
          userIds,
          kind: 'review',
          title: '有 3 条自主报到待审核',
          link: '/finding/registrations',
          dedupeKey: 'review:2026-05-01',
        }),
      );
    expect(await post([w.userId.tongzhou, w.userId.haidian])).toBe(2);
    expect(await post([w.userId.tongzhou, w.userId.haidian, w.userId.office])).toBe(1);
    const msgs = await inbox(w.cookie.tongzhou, '?unread=true&limit=100');
    const review = msgs.items.filter((i: { kind: string }) => i.kind === 'review');
    expect(review).toEqual([
      expect.objectContaining({
        title: '有 3 条自主报到待审核',
        link: '/finding/registrations',
        kindLabel: '系统消息',
      }),
    ]);
  });

  it('refuses a link to another site and the kind reserved for notices', async () => {
    const attempt = (link: string, kind = 'review') =>
      t.store.db.transaction((tx) =>
        t.services.notices.inbox.post(tx, { userIds: [w.userId.office], kind, title: '消息', link }),
      );
    await expect(attempt('//evil.example/')).rejects.toThrow();
    await expect(attempt('https://evil.example/')).rejects.toThrow();
    await expect(attempt('/members', 'notice')).rejects.toThrow();
  });

  it('counts the unread on the workbench', async () => {
    const unread = (await inbox(w.cookie.haidian)).unread;
    const res = await get('/api/v1/workbench', w.cookie.haidian);
    expect(res.statusCode).toBe(200);
    expect(res.json().todos).toContainEqual(
      expect.objectContaining({ key: 'inbox.unread', count: unread, link: '/inbox' }),
    );
  });
});

describe('the Party anniversary reminder (政治生日)', () => {
  const at = (day: string) => new Date(`${day}T08:00:00+08:00`);
  const itemsKeyed = (key: string) =>
    t.store.db.select().from(inboxItems).where(like(inboxItems.dedupeKey, key));

  it('tells the secretaries above the member and the member, once per member and year', async () => {
    await t.store.db.update(members).set({ joinedAt: '2001-06-15' }).where(eq(members.id, w.members.tz.id));
    const reminder = t.services.notices.anniversaries;
    expect(await reminder.run(at('2026-06-15'))).toBeGreaterThanOrEqual(2);
    const sent = await itemsKeyed(`anniversary:2026:${w.members.tz.id}`);
    const to = sent.map((i) => i.userId);
    expect(to).toContain(w.userId.tongzhou);
    expect(to).toContain(w.userId.tzMember);
    expect(to).not.toContain(w.userId.haidian);
    expect(to).not.toContain(w.userId.office);
    const p = w.members.tz.orgPath;
    const tzBranchHolds = p === w.orgs.tzBranch.path || p.startsWith(`${w.orgs.tzBranch.path}.`);
    expect(to.includes(w.userId.tzBranchSec)).toBe(tzBranchHolds);
    const secretaryItem = sent.find((i) => i.userId === w.userId.tongzhou)!;
    expect(secretaryItem).toMatchObject({ kind: 'anniversary', link: `/members/${w.members.tz.id}` });
    expect(secretaryItem.title).toContain(`${w.members.tz.name}（2001-06-15 入党，25 周年）`);
    expect(sent.find((i) => i.userId === w.userId.tzMember)).toMatchObject({ link: '/me' });

    // Run again that day (another instance, a retry): nothing new.
    await reminder.run(at('2026-06-15'));
    expect(await itemsKeyed(`anniversary:2026:${w.members.tz.id}`)).toHaveLength(sent.length);
    // The next day: not this member.
    await reminder.run(at('2026-06-16'));
    expect(await itemsKeyed(`anniversary:%:${w.members.tz.id}`)).toHaveLength(sent.length);
    // A year later: again.
    await reminder.run(at('2027-06-15'));
    expect(await itemsKeyed(`anniversary:2027:${w.members.tz.id}`)).toHaveLength(sent.length);
    const shown = await inbox(w.cookie.tzMember, '?limit=100');
    expect(shown.items).toContainEqual(
      expect.objectContaining({ kind: 'anniversary', kindLabel: '政治生日' }),
    );
  });

  it('remembers a 29 February joining on 28 February of other years, and not members off the rolls', async () => {
    await t.store.db.update(members).set({ joinedAt: '2004-02-29' }).where(eq(members.id, w.members.hd.id));
    const reminder = t.services.notices.anniversaries;
    await reminder.run(at('2027-02-28'));
    expect((await itemsKeyed(`anniversary:2027:${w.members.hd.id}`)).map((i) => i.userId)).toContain(
      w.userId.hdMember,
    );
    await reminder.run(at('2028-02-28'));
    expect(await itemsKeyed(`anniversary:2028:${w.members.hd.id}`)).toEqual([]);
    await reminder.run(at('2028-02-29'));
    expect((await itemsKeyed(`anniversary:2028:${w.members.hd.id}`)).length).toBeGreaterThan(0);

    await t.store.db
      .update(members)
      .set({ status: 'transferred_out' })
      .where(and(eq(members.id, w.members.hd.id)));
    await reminder.run(at('2032-02-29'));
    expect(await itemsKeyed(`anniversary:2032:${w.members.hd.id}`)).toEqual([]);
  });
});
