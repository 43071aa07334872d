/** API tests of the meeting record: planning, the list and detail, changes, holding, archiving and amending. */
import { addMonths, localIsoDate } from '@ningxin/shared';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { faultyFields } from '../../../../test/app';
import { orgByName } from '../../../../test/factories';
import { queryRows } from '../../../db/client';
import {
  auditCount,
  auditor,
  BASE,
  body,
  create,
  HOUR,
  haidian,
  haidianBranch,
  kangbao,
  me,
  meeting,
  member,
  office,
  t,
  tongzhou,
  useMeetingsApp,
} from './meetings.fixture';

useMeetingsApp();

describe('POST /api/v1/meetings', () => {
  it('401 without a session, 403 without meeting.write, 400 naming the fields', async () => {
    expect((await t.request({ method: 'POST', url: BASE, payload: body() })).statusCode).toBe(401);
    for (const cookie of [kangbao, auditor, member])
      expect((await create(cookie, body())).statusCode).toBe(403);
    const empty = await create(tongzhou, {});
    expect(empty.statusCode).toBe(400);
    expect(faultyFields(empty)).toEqual(['orgId', 'plannedAt', 'topic', 'type']);
    const custom = await create(tongzhou, body({ type: 'custom' }));
    expect(faultyFields(custom)).toEqual(['customType']);
  });

  it('refuses an org outside the secretary’s subtree with 400 orgId', async () => {
    const res = await create(haidian, body());
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('MEETING_ORG_OUT_OF_SCOPE');
    expect(faultyFields(res)).toEqual(['orgId']);
  });

  it('expects the members on the rolls of the org by default; remove and add adjust it, guests are 列席', async () => {
    const roll = await queryRows<{ id: number }>(
      t.store.db,
      sql`select id from members where org_id = ${me.orgId} and status in ('active', 'lost') order by id`,
    );
    const base = await meeting();
    expect(base.counts.due).toBe(roll.length);
    const other = roll.find((r) => Number(r.id) !== me.id)!;
    const adjusted = await meeting({ removeMemberIds: [Number(other.id)] });
    expect(adjusted.counts.due).toBe(roll.length - 1);
    const list = await t.request({
      method: 'GET',
      url: `${BASE}/${adjusted.id}/attendance`,
      cookie: tongzhou,
    });
    expect(list.json().items.map((i: { memberId: number }) => i.memberId)).not.toContain(Number(other.id));
    expect(list.json().items.find((i: { memberId: number }) => i.memberId === me.id)).toMatchObject({
      name: me.name,
      role: 'expected',
      status: 'pending',
      statusLabel: '未签到',
    });
  });

  it('refuses attendees the secretary may not read and who hold no certificate', async () => {
    const [outsider] = await queryRows<{ id: number }>(
      t.store.db,
      sql`select m.id from members m where m.org_path like ${`${(await orgByName(t.store, '驻北京海淀区流动党委')).path}.%`}
        and m.status = 'active' and not exists (select 1 from certificates c where c.member_id = m.id and c.state = 'valid')
        order by m.id limit 1`,
    );
    const res = await create(tongzhou, body({ addMemberIds: [Number(outsider!.id)] }));
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('MEETING_ATTENDEE_NOT_USABLE');
    expect(faultyFields(res)).toEqual(['addMemberIds']);
  });
  it('takes a floating member from outside the subtree who holds a 活动证 in force (host-side attendance)', async () => {
    const [flowing] = await queryRows<{ id: number }>(
      t.store.db,
      sql`select m.id from members m where m.org_path like ${`${(await orgByName(t.store, '驻北京海淀区流动党委')).path}.%`}
        and m.status = 'active' order by m.id desc limit 1`,
    );
    const flowId = Number(flowing!.id);
    expect((await create(tongzhou, body({ addMemberIds: [flowId] }))).statusCode).toBe(400);
    const issued = await t.request({
      method: 'POST',
      url: '/api/v1/certificates',
      cookie: office,
      payload: {
        memberId: flowId,
        destination: '北京市通州区永顺镇',
        reason: '外出务工',
        validUntil: addMonths(localIsoDate(new Date()), 3),
      },
    });
    expect(issued.statusCode, issued.body).toBe(201);
    const m = await meeting({ addMemberIds: [flowId] });
    const list = (
      await t.request({ method: 'GET', url: `${BASE}/${m.id}/attendance?limit=500`, cookie: tongzhou })
    ).json();
    expect(list.items.map((i: { memberId: number }) => i.memberId)).toContain(flowId);
  });
});

describe('GET /api/v1/meetings and /:id', () => {
  it('401, 403 and 400 first', async () => {
    expect((await t.request({ method: 'GET', url: BASE })).statusCode).toBe(401);
    for (const cookie of [kangbao, auditor, member])
      expect((await t.request({ method: 'GET', url: BASE, cookie })).statusCode).toBe(403);
    const bad = await t.request({ method: 'GET', url: `${BASE}?month=2026-13&type=x`, cookie: tongzhou });
    expect(bad.statusCode).toBe(400);
    expect(faultyFields(bad)).toEqual(['month', 'type']);
    const anyMeeting = await meeting();
    // The detail is a session route: an account that may read no meeting finds none.
    expect(
      (await t.request({ method: 'GET', url: `${BASE}/${anyMeeting.id}`, cookie: kangbao })).statusCode,
    ).toBe(404);
    expect((await t.request({ method: 'GET', url: `${BASE}/abc`, cookie: tongzhou })).statusCode).toBe(400);
  });

  it('a secretary sees the meetings of the subtree only; the office sees all; outside is 404', async () => {
    const mine = await meeting({ topic: '通州支部的会议' });
    const theirs = await meeting({ orgId: haidianBranch.id, topic: '海淀支部的会议' }, haidian);
    const ids = async (cookie: string) =>
      (await t.request({ method: 'GET', url: `${BASE}?limit=100`, cookie }))
        .json()
        .items.map((i: { id: number }) => i.id);
    expect(await ids(tongzhou)).toContain(mine.id);
    expect(await ids(tongzhou)).not.toContain(theirs.id);
    expect(await ids(haidian)).toContain(theirs.id);
    expect(await ids(office)).toEqual(expect.arrayContaining([mine.id, theirs.id]));
    expect(
      (await t.request({ method: 'GET', url: `${BASE}/${theirs.id}`, cookie: tongzhou })).statusCode,
    ).toBe(404);
    expect(
      (await t.request({ method: 'GET', url: `${BASE}/${theirs.id}/attendance`, cookie: tongzhou }))
        .statusCode,
    ).toBe(404);
    const month = new Date(Date.now() + 8 * HOUR).toISOString().slice(0, 7);
    const filtered = await t.request({
      method: 'GET',
      url: `${BASE}?orgId=${me.orgId}&type=theme_day&state=planned&month=${month}`,
      cookie: office,
    });
    expect(filtered.json().items.every((i: { org: { id: number } }) => i.org.id === me.orgId)).toBe(true);
    expect(filtered.json().items.map((i: { id: number }) => i.id)).toContain(mine.id);
  });

  it('pages by keyset without repeats', async () => {
    const first = (await t.request({ method: 'GET', url: `${BASE}?limit=2`, cookie: office })).json();
    expect(first.items).toHaveLength(2);
    const second = (
      await t.request({ method: 'GET', url: `${BASE}?limit=2&cursor=${first.nextCursor}`, cookie: office })
    ).json();
    const a = first.items.map((i: { id: number }) => i.id);
    for (const i of second.items) expect(a).not.toContain(i.id);
  });

  it('a member sees a meeting they attend (with their own attendance), no other', async () => {
    const mine = await meeting();
    const res = await t.request({ method: 'GET', url: `${BASE}/${mine.id}`, cookie: member });
    expect(res.statusCode).toBe(200);
    expect(res.json().mine).toMatchObject({ memberId: me.id, status: 'pending' });
    expect(res.json().policies).toMatchObject({ update: false, signInCode: false, requestLeave: true });
    const other = await meeting({ orgId: haidianBranch.id }, haidian);
    expect((await t.request({ method: 'GET', url: `${BASE}/${other.id}`, cookie: member })).statusCode).toBe(
      404,
    );
  });
});

describe('changing, holding, archiving and amending', () => {
  it('PATCH: 401/403/400, 409 on a stale version, sanitized minutes', async () => {
    const m = await meeting();
    const patch = (cookie: string | undefined, payload: Record<string, unknown>) =>
      t.request({ method: 'PATCH', url: `${BASE}/${m.id}`, payload, ...(cookie ? { cookie } : {}) });
    expect((await patch(undefined, { version: 0 })).statusCode).toBe(401);
    expect((await patch(member, { version: 0 })).statusCode).toBe(403);
    expect(faultyFields(await patch(tongzhou, { topic: 'x' }))).toEqual(['topic', 'version']);
    expect((await patch(haidian, { version: 0, topic: '改一下' })).statusCode).toBe(404);
    const ok = await patch(tongzhou, {
      version: 0,
      minutes: '<p>会议记录<script>alert(1)</script><a href="javascript:alert(1)">x</a></p>',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().minutes).toBe(
      '<p>会议记录<a target="_blank" rel="noopener noreferrer nofollow">x</a></p>',
    );
    const stale = await patch(tongzhou, { version: 0, topic: '过期的修改' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
  });

  it('hold → archive locks the record; a correction is an audited amendment listed on the meeting', async () => {
    const m = await meeting();
    const held = await t.request({
      method: 'POST',
      url: `${BASE}/${m.id}/hold`,
      cookie: tongzhou,
      payload: { version: m.version },
    });
    expect(held.statusCode, held.body).toBe(200);
    expect(held.json()).toMatchObject({
      state: 'held',
      stateLabel: '已召开',
      policies: { archive: true, hold: false },
    });
    expect(held.json().heldAt).not.toBeNull();
    const archived = await t.request({
      method: 'POST',
      url: `${BASE}/${m.id}/archive`,
      cookie: tongzhou,
      payload: { version: held.json().version },
    });
    expect(archived.statusCode, archived.body).toBe(200);
    expect(archived.json()).toMatchObject({ state: 'archived', policies: { update: false, amend: true } });
    // 未签到 at archiving is recorded as 缺席.
    expect(archived.json().counts.pending).toBe(0);
    expect(archived.json().counts.absent).toBe(archived.json().counts.due);
    const plain = await t.request({
      method: 'PATCH',
      url: `${BASE}/${m.id}`,
      cookie: tongzhou,
      payload: { version: archived.json().version, minutes: '<p>改写</p>' },
    });
    expect(plain.statusCode).toBe(409);
    expect(plain.json().code).toBe('MEETING_ARCHIVED');
    const record = await t.request({
      method: 'PUT',
      url: `${BASE}/${m.id}/attendance/${me.id}`,
      cookie: tongzhou,
      payload: { status: 'signed' },
    });
    expect(record.json().code).toBe('MEETING_ARCHIVED');
    const amendPath = `${BASE}/${m.id}/amendments`;
    expect((await t.request({ method: 'POST', url: amendPath, payload: {} })).statusCode).toBe(401);
    expect(
      (await t.request({ method: 'POST', url: amendPath, cookie: member, payload: {} })).statusCode,
    ).toBe(403);
    expect(
      faultyFields(
        await t.request({ method: 'POST', url: amendPath, cookie: tongzhou, payload: { field: 'state' } }),
      ),
    ).toEqual(['after', 'field', 'reason']);
    const amended = await t.request({
      method: 'POST',
      url: amendPath,
      cookie: tongzhou,
      payload: { field: 'minutes', after: '<p>更正后的记录</p>', reason: '漏记一名发言人' },
    });
    expect(amended.statusCode, amended.body).toBe(201);
    expect(amended.json().minutes).toBe('<p>更正后的记录</p>');
    expect(amended.json().amendments).toEqual([
      expect.objectContaining({
        field: 'minutes',
        fieldLabel: '会议记录',
        before: null,
        after: '<p>更正后的记录</p>',
        reason: '漏记一名发言人',
      }),
    ]);
    expect(await auditCount('meeting.amended', m.id)).toBe(1);
    // An amendment of a meeting that is not archived is refused.
    const planned = await meeting();
    const early = await t.request({
      method: 'POST',
      url: `${BASE}/${planned.id}/amendments`,
      cookie: tongzhou,
      payload: { field: 'topic', after: '新议题', reason: '更正' },
    });
    expect(early.json().code).toBe('MEETING_NOT_ARCHIVED');
  });
});
