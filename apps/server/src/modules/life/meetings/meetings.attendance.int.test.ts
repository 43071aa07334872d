/** API tests of attendance: a secretary's record with its ledger entry, leave, and a member's own meetings. */
import { describe, expect, it } from 'vitest';
import { faultyFields } from '../../../../test/app';
import {
  auditCount,
  BASE,
  HOUR,
  haidian,
  haidianBranch,
  ledger,
  me,
  meeting,
  member,
  office,
  t,
  tongzhou,
  useMeetingsApp,
} from './meetings.fixture';

useMeetingsApp();

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
