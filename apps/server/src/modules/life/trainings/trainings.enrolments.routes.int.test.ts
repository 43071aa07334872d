/** Enrolments: nominate, places and the waitlist, withdrawal, the quota under concurrent applications. */
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { faultyFields } from '../../../../test/app';
import { queryRows } from '../../../db/client';
import {
  API,
  haidian,
  haidianMember,
  kangbao,
  member,
  memberLogin,
  nominate,
  office,
  openClass,
  pool,
  t,
  take,
  tongzhou,
  useTrainingsWorld,
} from './trainings.fixture';

useTrainingsWorld();

describe('enrolments', () => {
  it('nominating: 401, 403, 400, 404 for a member outside the subtree, 400 for one outside the audience', async () => {
    const c = await openClass(tongzhou);
    expect(
      (await t.request({ method: 'POST', url: `${API}/${c.id}/enrolments`, payload: { memberIds: [1] } }))
        .statusCode,
    ).toBe(401);
    for (const cookie of [kangbao, member])
      expect((await nominate(cookie, c.id, [pool[0]!.id])).statusCode).toBe(403);
    const empty = await t.request({
      method: 'POST',
      url: `${API}/${c.id}/enrolments`,
      cookie: tongzhou,
      payload: {},
    });
    expect(faultyFields(empty)).toEqual(['memberIds']);
    expect((await nominate(tongzhou, c.id, [haidianMember.id])).statusCode).toBe(404);
    // The office may nominate anyone, but not outside the class's audience (通州's subtree).
    const outside = await nominate(office, c.id, [haidianMember.id]);
    expect(outside.statusCode).toBe(400);
    expect(outside.json().code).toBe('NOT_ELIGIBLE');
    expect(faultyFields(outside)).toEqual(['memberIds.0']);
    // Another secretary does not see the class at all.
    expect((await nominate(haidian, c.id, [haidianMember.id])).statusCode).toBe(404);
  });

  it('nominated in order: places first, then the waitlist; a duplicate is 409 with a code', async () => {
    const c = await openClass(tongzhou, { quota: 2 });
    const picks = [take(), take(), take(), take()];
    const res = await nominate(
      tongzhou,
      c.id,
      picks.map((p) => p.id),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().items.map((e: { status: string }) => e.status)).toEqual([
      'enrolled',
      'enrolled',
      'waitlisted',
      'waitlisted',
    ]);
    expect(res.json().items.map((e: { waitlistPosition: number | null }) => e.waitlistPosition)).toEqual([
      null,
      null,
      1,
      2,
    ]);
    const again = await nominate(tongzhou, c.id, [picks[0]!.id]);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('ALREADY_ENROLLED');
    const got = (await t.request({ method: 'GET', url: `${API}/${c.id}`, cookie: tongzhou })).json();
    expect(got.counts).toMatchObject({ enrolled: 2, waitlisted: 2 });
  });

  it('withdrawal frees the place for the first waitlisted, who is told in their inbox', async () => {
    const c = await openClass(tongzhou, { quota: 1 });
    const [a, b, d] = [take(), take(), take()];
    const bCookie = await memberLogin(b.id);
    const res = await nominate(tongzhou, c.id, [a.id, b.id, d.id]);
    const [ea] = res.json().items as { id: number }[];
    const w = await t.request({
      method: 'POST',
      url: `${API}/${c.id}/enrolments/${ea!.id}/withdraw`,
      cookie: tongzhou,
      payload: { reason: '工作冲突' },
    });
    expect(w.statusCode, w.body).toBe(200);
    expect(w.json().status).toBe('withdrawn');
    const list = (
      await t.request({ method: 'GET', url: `${API}/${c.id}/enrolments`, cookie: tongzhou })
    ).json();
    expect(
      list.items.map((e: { member: { id: number }; status: string; waitlistPosition: number | null }) => [
        e.member.id,
        e.status,
        e.waitlistPosition,
      ]),
    ).toEqual([
      [a.id, 'withdrawn', null],
      [b.id, 'enrolled', null],
      [d.id, 'waitlisted', 1],
    ]);
    const inbox = (await t.request({ method: 'GET', url: '/api/v1/inbox', cookie: bCookie })).json();
    expect(JSON.stringify(inbox)).toContain('您已从候补转为正式学员');
    // Withdrawing twice is refused.
    const twice = await t.request({
      method: 'POST',
      url: `${API}/${c.id}/enrolments/${ea!.id}/withdraw`,
      cookie: tongzhou,
      payload: {},
    });
    expect(twice.statusCode).toBe(409);
  });

  it('the quota holds under 50 concurrent applications: 10 enrolled, 40 waitlisted in order', async () => {
    const c = await openClass(tongzhou, { quota: 10, title: '并发报名测试班' });
    const applicants = Array.from({ length: 50 }, take);
    const cookies = [];
    for (const a of applicants) cookies.push(await memberLogin(a.id));
    const answers = await Promise.all(
      cookies.map((cookie) =>
        t.request({ method: 'POST', url: `${API}/${c.id}/apply`, cookie, payload: {} }),
      ),
    );
    expect(answers.map((r) => r.statusCode)).toEqual(Array(50).fill(201));
    const rows = await queryRows<{ status: string; seq: number }>(
      t.store.db,
      sql`select status, seq from training_enrolments where training_id = ${c.id} order by seq`,
    );
    expect(rows.filter((r) => r.status === 'enrolled')).toHaveLength(10);
    expect(rows.filter((r) => r.status === 'waitlisted')).toHaveLength(40);
    // Applications queue on the class's row, so the places went to the first ten in order.
    expect(rows.map((r) => r.status)).toEqual([
      ...Array(10).fill('enrolled'),
      ...Array(40).fill('waitlisted'),
    ]);
    const [{ enrolled_count }] = (await queryRows<{ enrolled_count: number }>(
      t.store.db,
      sql`select enrolled_count from trainings where id = ${c.id}`,
    )) as [{ enrolled_count: number }];
    expect(enrolled_count).toBe(10);
    // The waitlist is numbered in the order of application.
    const waitlist = (
      await t.request({
        method: 'GET',
        url: `${API}/${c.id}/enrolments?status=waitlisted&limit=100`,
        cookie: tongzhou,
      })
    ).json().items as { seq: number; waitlistPosition: number; member: { id: number } }[];
    expect(waitlist.map((e) => e.waitlistPosition)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect([...waitlist].sort((x, y) => x.seq - y.seq)).toEqual(waitlist);
    // An enrolled member withdraws: the first waitlisted moves up, the count stays at the quota.
    const enrolledIndex = answers.findIndex((r) => r.json().status === 'enrolled');
    const w = await t.request({
      method: 'POST',
      url: `${API}/${c.id}/withdraw`,
      cookie: cookies[enrolledIndex]!,
      payload: {},
    });
    expect(w.statusCode, w.body).toBe(200);
    const after = (
      await t.request({ method: 'GET', url: `${API}/${c.id}/enrolments?limit=100`, cookie: tongzhou })
    ).json().items as { member: { id: number }; status: string }[];
    expect(after.find((e) => e.member.id === waitlist[0]!.member.id)?.status).toBe('enrolled');
    expect(after.filter((e) => e.status === 'enrolled')).toHaveLength(10);
    // A second application by the same member answers 409 with a code (a member who has not
    // withdrawn: which one withdrew depends on the order the concurrent applications landed).
    const stillApplied = answers.findIndex((_, i) => i !== enrolledIndex);
    const dup = await t.request({
      method: 'POST',
      url: `${API}/${c.id}/apply`,
      cookie: cookies[stillApplied]!,
      payload: {},
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('ALREADY_ENROLLED');
  });
});
