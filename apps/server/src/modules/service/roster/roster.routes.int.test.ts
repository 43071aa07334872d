/**
 * API tests of the roster and check-in: assigning with conflicts and full shifts (also two
 * requests at once), self sign-up, check-in by the post leader, the QR scan and its replay, a
 * walk-in, and the hours in the activity ledger.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { faultyFields } from '../../../../test/app';
import { auditCount } from '../../../../test/factories';
import {
  assign,
  BASE,
  bjDay,
  codeOf,
  get,
  haidian,
  ledger,
  member,
  openCampaign,
  pool,
  post,
  t,
  tongzhou,
  useServiceApp,
  volunteer,
  volunteerMember,
  xicheng,
} from '../service.fixture';

useServiceApp();

const scan = (campaignId: number, postId: number, token: string, nonce: string, cookie = volunteer) =>
  post(`${BASE}/${campaignId}/posts/${postId}/scan`, cookie, { token, nonce });

describe('roster', () => {
  it('401, 403, 400 and 404 first', async () => {
    const c = await openCampaign();
    const url = `${BASE}/${c.id}/roster`;
    expect((await post(url, undefined, { shiftId: 1, memberId: 1 })).statusCode).toBe(401);
    expect((await post(url, member, { shiftId: 1, memberId: 1 })).statusCode).toBe(403);
    expect((await post(url, xicheng, { shiftId: 1, memberId: 1 })).statusCode).toBe(403);
    expect(faultyFields(await post(url, tongzhou, { shiftId: 'x' }))).toEqual(['memberId', 'shiftId']);
    expect((await assign(c.id, c.shifts[0]!.id, pool[0]!.id, haidian)).statusCode).toBe(404);
    // A member outside the secretary's scope, a shift of another campaign.
    const haidianMember = (await get('/api/v1/members?limit=1&q=', haidian)).json().items[0];
    const outside = await assign(c.id, c.shifts[0]!.id, haidianMember.id);
    expect(outside.statusCode).toBe(400);
    expect(faultyFields(outside)).toEqual(['memberId']);
    const d = await openCampaign();
    expect(faultyFields(await assign(c.id, d.shifts[0]!.id, pool[0]!.id))).toEqual(['shiftId']);
    expect((await get(url)).statusCode).toBe(401);
    expect((await get(url, haidian)).statusCode).toBe(404);
    expect((await get(`${url}?shiftId=abc`, tongzhou)).statusCode).toBe(400);
  });

  it('refuses overlapping shifts with a message naming the other, and a full shift', async () => {
    const a = await openCampaign({ headcount: 1, windows: [[60, 240]] });
    const b = await openCampaign({
      headcount: 2,
      windows: [
        [120, 300],
        [300, 420],
      ],
    });
    const [x, y] = [pool[0]!, pool[1]!];
    expect((await assign(a.id, a.shifts[0]!.id, x.id)).statusCode).toBe(201);
    const twice = await assign(a.id, a.shifts[0]!.id, x.id);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('ALREADY_ON_SHIFT');
    const conflict = await assign(b.id, b.shifts[0]!.id, x.id);
    expect(conflict.statusCode).toBe(409);
    expect(conflict.json().code).toBe('SHIFT_CONFLICT');
    expect(conflict.json().message).toContain('前门大街路口');
    expect(conflict.json().message).toContain('时间冲突');
    // The next shift starts when the first one ends: no overlap.
    expect((await assign(b.id, b.shifts[1]!.id, x.id)).statusCode).toBe(201);
    const full = await assign(a.id, a.shifts[0]!.id, y.id);
    expect(full.statusCode).toBe(409);
    expect(full.json().code).toBe('SHIFT_FULL');
    const roster = (await get(`${BASE}/${a.id}/roster`, xicheng)).json();
    expect(roster.items.map((i: { member: { id: number } }) => i.member.id)).toEqual([x.id]);
    expect(roster.items[0]).toMatchObject({
      state: 'scheduled',
      source: 'assigned',
      sourceLabel: '组织安排',
    });
  });

  it('two requests at once for the last place, or for overlapping shifts: one passes', async () => {
    const a = await openCampaign({ headcount: 1, windows: [[600, 700]] });
    const b = await openCampaign({ headcount: 5, windows: [[620, 680]] });
    const [x, y, z] = [pool[2]!, pool[3]!, pool[4]!];
    const race = await Promise.all([
      assign(a.id, a.shifts[0]!.id, x.id),
      assign(a.id, a.shifts[0]!.id, y.id),
    ]);
    expect(race.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const overlap = await Promise.all([
      assign(a.id, a.shifts[0]!.id, z.id),
      assign(b.id, b.shifts[0]!.id, z.id),
    ]);
    expect(overlap.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const both = await Promise.all([
      assign(b.id, b.shifts[0]!.id, pool[5]!.id),
      assign(b.id, b.shifts[0]!.id, pool[5]!.id),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
  });

  it('a member of the audience signs up and withdraws; others may not', async () => {
    const c = await openCampaign({ windows: [[60, 120]] });
    const open = (await get(`${BASE}/open`, volunteer)).json();
    const listed = open.items.find((i: { id: number }) => i.id === c.id);
    expect(listed.shifts[0]).toMatchObject({ id: c.shifts[0]!.id, filled: 0, mine: null });
    expect((await get(`${BASE}/open`, tongzhou)).statusCode).toBe(403);
    const signed = await post(`${BASE}/${c.id}/sign-ups`, volunteer, { shiftId: c.shifts[0]!.id });
    expect(signed.statusCode, signed.body).toBe(201);
    expect(signed.json()).toMatchObject({ source: 'self', member: { id: volunteerMember.id } });
    expect(await auditCount(t.store, 'volunteer.signed_up', c.id)).toBe(1);
    const mine = (await get(`${BASE}/mine`, volunteer)).json();
    expect(mine.upcoming.map((a: { id: number }) => a.id)).toContain(signed.json().id);
    const gone = await t.request({
      method: 'DELETE',
      url: `${BASE}/${c.id}/sign-ups/${signed.json().id}`,
      cookie: volunteer,
    });
    expect(gone.statusCode).toBe(204);
    // Someone else's place is not theirs to withdraw.
    const placed = (await assign(c.id, c.shifts[0]!.id, pool[6]!.id)).json();
    const notMine = await t.request({
      method: 'DELETE',
      url: `${BASE}/${c.id}/sign-ups/${placed.id}`,
      cookie: volunteer,
    });
    expect(notMine.statusCode).toBe(404);
    // Outside the audience: a campaign for 海淀's members only.
    const haidianOrg = (await get('/api/v1/members?limit=1', haidian)).json().items[0].orgId;
    const closed = await openCampaign({ extra: { audienceOrgIds: [haidianOrg] }, windows: [[60, 120]] });
    const refused = await post(`${BASE}/${closed.id}/sign-ups`, volunteer, { shiftId: closed.shifts[0]!.id });
    // Not for them: as if it did not exist, like a class outside their audience.
    expect(refused.statusCode).toBe(404);
    // A shift already running takes no sign-ups.
    const running = await openCampaign();
    const late = await post(`${BASE}/${running.id}/sign-ups`, volunteer, { shiftId: running.shifts[0]!.id });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('SIGN_UP_CLOSED');
  });

  it('the post leader checks in and out by hand; hours go to the ledger; others get 404', async () => {
    const c = await openCampaign();
    const a = (await assign(c.id, c.shifts[0]!.id, pool[7]!.id)).json();
    const body = (action: string, version: number, at?: string) => ({
      assignmentId: a.id,
      action,
      version,
      ...(at ? { at } : {}),
    });
    expect((await post(`${BASE}/${c.id}/check-ins`, undefined, body('in', 0))).statusCode).toBe(401);
    expect((await post(`${BASE}/${c.id}/check-ins`, volunteer, body('in', 0))).statusCode).toBe(404);
    expect((await post(`${BASE}/${c.id}/check-ins`, haidian, body('in', 0))).statusCode).toBe(404);
    expect(
      faultyFields(
        await post(`${BASE}/${c.id}/check-ins`, member, { assignmentId: a.id, action: 'dance', version: 0 }),
      ),
    ).toEqual(['action']);
    const out = await post(`${BASE}/${c.id}/check-ins`, member, body('out', 0));
    expect(out.statusCode).toBe(409);
    expect(out.json().code).toBe('CHECK_NOT_ALLOWED');
    const inAt = new Date(Date.now() - 25 * 60_000).toISOString();
    const checkedIn = await post(`${BASE}/${c.id}/check-ins`, member, body('in', 0, inAt));
    expect(checkedIn.json()).toMatchObject({
      state: 'checked_in',
      checkInChannel: 'manual',
      checkedInAt: inAt,
    });
    const early = await post(
      `${BASE}/${c.id}/check-ins`,
      member,
      body('out', 1, new Date(Date.now() - 60 * 60_000).toISOString()),
    );
    expect(faultyFields(early)).toEqual(['at']);
    const outAt = new Date(Date.now() + 95 * 60_000).toISOString();
    const done = await post(`${BASE}/${c.id}/check-ins`, tongzhou, body('out', 1, outAt));
    expect(done.json()).toMatchObject({ state: 'checked_out', hours: 2 });
    expect(await ledger(a.id)).toEqual([
      expect.objectContaining({
        member_id: pool[7]!.id,
        quantity: '2.00',
        title: '平安守望·社区志愿服务（前门大街路口）',
      }),
    ]);
    // The shift's own day: it began half an hour ago, the day before just after midnight.
    const onDate = bjDay(new Date(c.shifts[0]!.startsAt));
    const day = (await get(`${BASE}/leading?onDate=${onDate}`, member)).json();
    const shift = day.shifts.find((s: { id: number }) => s.id === c.shifts[0]!.id);
    expect(shift.roster.map((r: { id: number; state: string }) => [r.id, r.state])).toEqual([
      [a.id, 'checked_out'],
    ]);
    expect((await get(`${BASE}/leading`, tongzhou)).statusCode).toBe(403);
  });

  it("QR: the code is the leader's; a scan checks in, a replay acts once, a later scan checks out", async () => {
    const c = await openCampaign();
    expect((await get(`${BASE}/${c.id}/posts/${c.postId}/code`, volunteer)).statusCode).toBe(404);
    const code = await get(`${BASE}/${c.id}/posts/${c.postId}/code`, member);
    expect(code.json().url).toContain(`/volunteer/scan/${c.id}/${c.postId}?t=`);
    expect(code.json().qrSvg).toContain('<svg');
    const token = await codeOf(c.id, c.postId);
    const a = (await assign(c.id, c.shifts[0]!.id, volunteerMember.id)).json();
    expect((await scan(c.id, c.postId, token, 'n'.repeat(3))).statusCode).toBe(400);
    expect((await scan(c.id, c.postId, token, randomUUID(), tongzhou)).statusCode).toBe(403);
    const bad = await scan(c.id, c.postId, `${token}x`, randomUUID());
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('SCAN_CODE_INVALID');
    const other = await openCampaign();
    const foreign = await scan(c.id, c.postId, await codeOf(other.id, other.postId), randomUUID());
    expect(foreign.json().code).toBe('SCAN_OTHER_POST');

    const nonce = randomUUID();
    const first = await scan(c.id, c.postId, token, nonce);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({
      outcome: 'checked_in',
      assignment: { id: a.id, checkInChannel: 'qr' },
    });
    const replay = await scan(c.id, c.postId, token, nonce);
    expect(replay.json()).toMatchObject({
      outcome: 'checked_in',
      assignment: { checkedInAt: first.json().assignment.checkedInAt },
    });
    const repeat = await scan(c.id, c.postId, token, randomUUID());
    expect(repeat.json().outcome).toBe('already_in');
    expect(await auditCount(t.store, 'volunteer.scanned', c.id)).toBe(1);
    // Later: the next scan checks out, with the hours in the ledger; its replay acts once too.
    await t.store.db.execute(
      sql`update volunteer_assignments set checked_in_at = now() - interval '3 hours' where id = ${a.id}`,
    );
    const outNonce = randomUUID();
    const out = await scan(c.id, c.postId, token, outNonce);
    expect(out.json()).toMatchObject({
      outcome: 'checked_out',
      assignment: { state: 'checked_out', checkOutChannel: 'qr' },
    });
    expect(out.json().assignment.hours).toBeCloseTo(3, 1);
    expect(out.json().message).toContain('签退成功');
    const outReplay = await scan(c.id, c.postId, token, outNonce);
    expect(outReplay.json()).toMatchObject({
      outcome: 'checked_out',
      assignment: { checkedOutAt: out.json().assignment.checkedOutAt },
    });
    expect((await scan(c.id, c.postId, token, randomUUID())).json().outcome).toBe('already_out');
    expect(await ledger(a.id)).toHaveLength(1);
    expect(await auditCount(t.store, 'volunteer.scanned', c.id)).toBe(2);
  });

  it('not scheduled here now: told so, a walk-in the leader accepts; no shift now: 409', async () => {
    const c = await openCampaign();
    const token = await codeOf(c.id, c.postId);
    const nonce = randomUUID();
    // The leader's own account: the volunteer's earlier places overlap this shift.
    const res = await scan(c.id, c.postId, token, nonce, member);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      outcome: 'walk_in_pending',
      assignment: { source: 'walk_in', state: 'scheduled' },
    });
    expect(res.json().message).toContain('不在');
    expect((await scan(c.id, c.postId, token, nonce, member)).json().outcome).toBe('walk_in_pending');
    const pending = res.json().assignment;
    const accepted = await post(`${BASE}/${c.id}/check-ins`, member, {
      assignmentId: pending.id,
      action: 'accept',
      version: pending.version,
    });
    expect(accepted.json()).toMatchObject({ state: 'checked_in', sourceLabel: '现场加入' });
    const later = await openCampaign({ windows: [[600, 700]] });
    const none = await scan(
      later.id,
      later.postId,
      await codeOf(later.id, later.postId),
      randomUUID(),
      member,
    );
    expect(none.statusCode).toBe(409);
    expect(none.json().code).toBe('NO_SHIFT_NOW');
  });

  it('the daily job closes shifts past the grace period: auto check-out with hours, no-shows, the leader told once', async () => {
    const c = await openCampaign({ windows: [[-600, -300]] });
    const shift = c.shifts[0]!;
    const [a, b] = [
      (await assign(c.id, shift.id, pool[8]!.id)).json(),
      (await assign(c.id, shift.id, pool[9]!.id)).json(),
    ];
    const inAt = new Date(Date.parse(shift.startsAt) + 30 * 60_000).toISOString();
    const checked = await post(`${BASE}/${c.id}/check-ins`, member, {
      assignmentId: a.id,
      action: 'in',
      at: inAt,
      version: a.version,
    });
    expect(checked.statusCode, checked.body).toBe(200);
    expect(await t.services.service.closeShifts()).toBeGreaterThanOrEqual(1);
    const roster = (await get(`${BASE}/${c.id}/roster?shiftId=${shift.id}`, tongzhou)).json().items;
    const byId = new Map<number, { member: { name: string } }>(
      roster.map((r: { id: number; member: { name: string } }) => [r.id, r]),
    );
    expect(byId.get(a.id)).toMatchObject({
      state: 'checked_out',
      autoClosed: true,
      checkedOutAt: shift.endsAt,
      hours: 4.5,
    });
    expect(byId.get(b.id)).toMatchObject({ state: 'no_show' });
    expect(await ledger(a.id)).toEqual([expect.objectContaining({ quantity: '4.50' })]);
    const shifts = (await get(`${BASE}/${c.id}/shifts`, tongzhou)).json().items;
    expect(shifts[0]).toMatchObject({ autoClosed: true, checkedOut: 1 });
    expect(shifts[0].closedAt).not.toBeNull();
    // The leader's inbox: one message naming the volunteer; a second run adds none.
    const inbox = async () =>
      (await get('/api/v1/inbox?limit=50', member))
        .json()
        .items.filter((i: { kind: string }) => i.kind === 'volunteer_checkout');
    const messages = await inbox();
    expect(messages).toHaveLength(1);
    expect(messages[0].title).toContain(byId.get(a.id)!.member.name);
    expect(await t.services.service.closeShifts()).toBe(0);
    expect(await inbox()).toHaveLength(1);
    // A closed shift takes no more check-ins.
    const late = await post(`${BASE}/${c.id}/check-ins`, member, {
      assignmentId: b.id,
      action: 'in',
      version: b.version + 1,
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('SHIFT_CLOSED');
  });
});
