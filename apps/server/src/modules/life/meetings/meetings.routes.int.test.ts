import { addMonths, localIsoDate } from '@ningxin/shared';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, faultyFields, type TestApp } from '../../../../test/app';
import { branchOf, orgByName } from '../../../../test/factories';
import { queryRows } from '../../../db/client';
import { createSignInCodes } from '../../../lib/sign-in-codes';

let t: TestApp;
let office: string;
let tongzhou: string;
let haidian: string;
let kangbao: string;
let auditor: string;
let member: string;
/** The demo member (account `member`) and the 通州 branch they are placed in. */
let me: { id: number; orgId: number; name: string };
let haidianBranch: { id: number };
const BASE = '/api/v1/meetings';
const HOUR = 3600_000;

const create = (cookie: string, payload: Record<string, unknown>) =>
  t.request({ method: 'POST', url: BASE, cookie, payload });

const body = (extra: Record<string, unknown> = {}) => ({
  orgId: me.orgId,
  type: 'theme_day',
  topic: '主题党日：重温入党誓词',
  plannedAt: new Date(Date.now() + 10 * 60_000).toISOString(),
  ...extra,
});

async function meeting(extra: Record<string, unknown> = {}, cookie = tongzhou) {
  const res = await create(cookie, body(extra));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; version: number; counts: { due: number } };
}

const auditCount = async (action: string, id: number) =>
  (
    await queryRows<{ n: number }>(
      t.store.db,
      sql`select count(*)::int as n from audit_log where action = ${action} and target_id = ${String(id)}`,
    )
  )[0]!.n;

const ledger = async (id: number) =>
  (
    await queryRows<{ member_id: number; occurred_on: string; title: string }>(
      t.store.db,
      sql`select member_id, occurred_on::text, title from member_activity
        where source_module = 'life' and source_id = ${`meeting:${id}`} and kind = 'meeting_attended'
        order by member_id`,
    )
  ).map((r) => ({ ...r, member_id: Number(r.member_id) }));

const codeOf = async (id: number, cookie = tongzhou) => {
  const res = await t.request({ method: 'GET', url: `${BASE}/${id}/sign-in-code`, cookie });
  expect(res.statusCode, res.body).toBe(200);
  return new URL(res.json().url).searchParams.get('t')!;
};

const signIn = (id: number, token: string, cookie = member) =>
  t.request({ method: 'POST', url: `${BASE}/${id}/sign-in`, cookie, payload: { token } });

beforeAll(async () => {
  t = await createTestApp();
  [office, tongzhou, haidian, kangbao, auditor, member] = (await Promise.all(
    ['office', 'tongzhou', 'haidian', 'kangbao', 'auditor', 'member'].map((u) => t.login(u)),
  )) as [string, string, string, string, string, string];
  me = (await t.request({ method: 'GET', url: '/api/v1/me/member', cookie: member })).json();
  haidianBranch = await branchOf(t.store, '驻北京海淀区流动党委');
});
afterAll(() => t.close());

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

describe('attendance and the activity ledger', () => {
  it('401/403/400 on recording; a secretary records only their subtree’s meetings', async () => {
    const m = await meeting();
    const put = (cookie: string | undefined, payload: Record<string, unknown>, memberId = me.id) =>
      t.request({
        method: 'PUT',
        url: `${BASE}/${m.id}/attendance/${memberId}`,
        payload,
        ...(cookie ? { cookie } : {}),
      });
    expect((await put(undefined, { status: 'signed' })).statusCode).toBe(401);
    expect((await put(member, { status: 'signed' })).statusCode).toBe(403);
    expect(faultyFields(await put(tongzhou, { status: 'here' }))).toEqual(['status']);
    expect((await put(haidian, { status: 'signed' })).statusCode).toBe(404);
    expect((await put(tongzhou, { status: 'signed' }, 2_000_000_000)).statusCode).toBe(404);
  });

  it('signed writes the ledger entry on the meeting’s day; absent removes it; late adds it back; audited', async () => {
    const m = await meeting();
    const put = (status: string) =>
      t.request({
        method: 'PUT',
        url: `${BASE}/${m.id}/attendance/${me.id}`,
        cookie: tongzhou,
        payload: { status, note: '手工登记' },
      });
    const signed = await put('signed');
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json()).toMatchObject({ status: 'signed', channel: 'manual', note: '手工登记' });
    expect(await ledger(m.id)).toEqual([
      expect.objectContaining({ member_id: me.id, title: '主题党日：重温入党誓词' }),
    ]);
    await put('absent');
    expect(await ledger(m.id)).toEqual([]);
    await put('late');
    expect((await ledger(m.id)).map((r) => r.member_id)).toEqual([me.id]);
    expect(await auditCount('meeting.attendance_recorded', m.id)).toBe(3);
    const detail = (await t.request({ method: 'GET', url: `${BASE}/${m.id}`, cookie: tongzhou })).json();
    expect(detail.counts).toMatchObject({ attended: 1, late: 1 });
    // The member's timeline shows it, wherever their home county looks from.
    const timeline = await t.request({
      method: 'GET',
      url: `/api/v1/members/${me.id}/activity`,
      cookie: office,
    });
    expect(timeline.json().items.some((e: { title: string }) => e.title === '主题党日：重温入党誓词')).toBe(
      true,
    );
  });

  it('a member asks for leave; the secretary approves it (请假) or rejects it', async () => {
    const m = await meeting();
    const ask = (cookie: string | undefined, payload: Record<string, unknown>, id = m.id) =>
      t.request({ method: 'POST', url: `${BASE}/${id}/leave`, payload, ...(cookie ? { cookie } : {}) });
    expect((await ask(undefined, { reason: '出差在外' })).statusCode).toBe(401);
    expect((await ask(tongzhou, { reason: '出差在外' })).statusCode).toBe(403);
    expect(faultyFields(await ask(member, {}))).toEqual(['reason']);
    const other = await meeting({ orgId: haidianBranch.id }, haidian);
    expect((await ask(member, { reason: '出差在外' }, other.id)).statusCode).toBe(404);
    const asked = await ask(member, { reason: '出差在外' });
    expect(asked.statusCode, asked.body).toBe(200);
    expect(asked.json()).toMatchObject({
      leaveState: 'requested',
      leaveReason: '出差在外',
      status: 'pending',
    });
    const decide = (cookie: string, payload: Record<string, unknown>) =>
      t.request({ method: 'POST', url: `${BASE}/${m.id}/attendance/${me.id}/leave`, cookie, payload });
    expect((await decide(member, { decision: 'approve' })).statusCode).toBe(403);
    expect(faultyFields(await decide(tongzhou, {}))).toEqual(['decision']);
    expect((await decide(haidian, { decision: 'approve' })).statusCode).toBe(404);
    const approved = await decide(tongzhou, { decision: 'approve' });
    expect(approved.json()).toMatchObject({ status: 'leave', statusLabel: '请假', leaveState: 'approved' });
    expect((await decide(tongzhou, { decision: 'reject' })).json().code).toBe('MEETING_NO_LEAVE_REQUEST');
  });
});

describe('QR sign-in', () => {
  it('sign-in-code: 401, 403 for a member, 404 outside the subtree', async () => {
    const m = await meeting();
    const path = `${BASE}/${m.id}/sign-in-code`;
    expect((await t.request({ method: 'GET', url: path })).statusCode).toBe(401);
    expect((await t.request({ method: 'GET', url: path, cookie: member })).statusCode).toBe(403);
    expect((await t.request({ method: 'GET', url: path, cookie: haidian })).statusCode).toBe(404);
    const code = (await t.request({ method: 'GET', url: path, cookie: tongzhou })).json();
    expect(code.url).toContain(`/sign-in/meeting/${m.id}?t=`);
    expect(code.qrSvg).toContain('<svg');
  });

  it('sign-in: 401, 403 without member.self, 400 without a token', async () => {
    const m = await meeting();
    expect(
      (await t.request({ method: 'POST', url: `${BASE}/${m.id}/sign-in`, payload: { token: 'x' } }))
        .statusCode,
    ).toBe(401);
    expect((await signIn(m.id, 'x', tongzhou)).statusCode).toBe(403);
    const empty = await t.request({
      method: 'POST',
      url: `${BASE}/${m.id}/sign-in`,
      cookie: member,
      payload: {},
    });
    expect(faultyFields(empty)).toEqual(['token']);
  });

  it('signs the member in once (a second scan answers already), writes the ledger, audited', async () => {
    const m = await meeting();
    const token = await codeOf(m.id);
    const first = await signIn(m.id, token);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({
      outcome: 'signed',
      role: 'expected',
      title: '主题党日：重温入党誓词',
    });
    const again = await signIn(m.id, token);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ outcome: 'already', signedAt: first.json().signedAt });
    expect((await ledger(m.id)).map((r) => r.member_id)).toEqual([me.id]);
    expect(await auditCount('meeting.qr_signed_in', m.id)).toBe(1);
    const mine = (
      await t.request({ method: 'GET', url: `${BASE}/${m.id}/attendance`, cookie: tongzhou })
    ).json();
    expect(mine.items.find((i: { memberId: number }) => i.memberId === me.id)).toMatchObject({
      status: 'signed',
      channel: 'qr',
    });
  });

  it('late after the start + 15 minutes', async () => {
    const m = await meeting({ plannedAt: new Date(Date.now() - 20 * 60_000).toISOString() });
    const res = await signIn(m.id, await codeOf(m.id));
    expect(res.json()).toMatchObject({ outcome: 'late' });
  });

  it('refuses a code of another meeting, an expired one, one too early, and a cancelled meeting', async () => {
    const a = await meeting();
    const b = await meeting();
    const other = await signIn(a.id, await codeOf(b.id));
    expect(other.statusCode).toBe(400);
    expect(other.json().code).toBe('SIGN_IN_OTHER_EVENT');
    // A code issued for yesterday's meeting has expired.
    const codes = createSignInCodes(t.app.platform.ctx.crypto.deriveKey('sign-in codes'));
    const past = new Date(Date.now() - 26 * HOUR);
    const old = codes.issue('meeting', a.id, past, { beforeMinutes: 30, afterMinutes: 120 }, past);
    const expired = await signIn(a.id, old.token);
    expect(expired.statusCode).toBe(400);
    expect(expired.json().code).toBe('SIGN_IN_CLOSED');
    const later = await meeting({ plannedAt: new Date(Date.now() + 7 * 24 * HOUR).toISOString() });
    const early = await signIn(later.id, await codeOf(later.id));
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('SIGN_IN_NOT_OPEN');
    const c = await meeting();
    const token = await codeOf(c.id);
    const cancelled = await t.request({
      method: 'POST',
      url: `${BASE}/${c.id}/cancel`,
      cookie: tongzhou,
      payload: { version: c.version, reason: '天气原因改期' },
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    const refused = await signIn(c.id, token);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('SIGN_IN_MEETING_CLOSED');
    expect(await ledger(c.id)).toEqual([]);
  });

  it('a member not expected: 403 SIGN_IN_NOT_INVITED, or 列席 when the meeting allows guests', async () => {
    const closed = await meeting({ removeMemberIds: [me.id] });
    const refused = await signIn(closed.id, await codeOf(closed.id));
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('SIGN_IN_NOT_INVITED');
    const open = await meeting({ removeMemberIds: [me.id], allowGuests: true });
    const guest = await signIn(open.id, await codeOf(open.id));
    expect(guest.json()).toMatchObject({ outcome: 'signed', role: 'guest' });
    const detail = (await t.request({ method: 'GET', url: `${BASE}/${open.id}`, cookie: tongzhou })).json();
    expect(detail.counts.guests).toBe(1);
  });
});

describe('GET /api/v1/meetings/mine', () => {
  it('401, 403 for staff; the member’s upcoming meetings and past ones with their attendance', async () => {
    expect((await t.request({ method: 'GET', url: `${BASE}/mine` })).statusCode).toBe(401);
    expect((await t.request({ method: 'GET', url: `${BASE}/mine`, cookie: tongzhou })).statusCode).toBe(403);
    const next = await meeting({
      plannedAt: new Date(Date.now() + 2 * 24 * HOUR).toISOString(),
      topic: '下周的党课',
    });
    const other = await meeting({ orgId: haidianBranch.id }, haidian);
    const res = await t.request({ method: 'GET', url: `${BASE}/mine`, cookie: member });
    expect(res.statusCode).toBe(200);
    const upcoming = res.json().upcoming as { id: number; canRequestLeave: boolean }[];
    expect(upcoming.find((m) => m.id === next.id)).toMatchObject({ canRequestLeave: true });
    expect(upcoming.map((m) => m.id)).not.toContain(other.id);
  });
});
