/**
 * API tests of where study hours come from: a member's hours are the sum of their sources (courses,
 * training classes, 党课, offline study); a 党课 credit is written and reversed with the attendance.
 */
import type { MemberStudyHoursResponse, OrgStudyHoursResponse } from '@ningxin/shared';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../../../db/client';
import {
  BASE,
  get,
  hoursOf,
  ledgerOf,
  me,
  member,
  recorded,
  t,
  tongzhou,
  useStudyApp,
  YEAR,
} from './study.fixture';

useStudyApp();

const MEETINGS = '/api/v1/meetings';

async function lecture(extra: Record<string, unknown> = {}) {
  const res = await t.request({
    method: 'POST',
    url: MEETINGS,
    cookie: tongzhou,
    payload: {
      orgId: me.orgId,
      type: 'party_lecture',
      topic: '传承红色基因',
      plannedAt: new Date(Date.now() + 10 * 60_000).toISOString(),
      ...extra,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; version: number };
}

const attend = async (meetingId: number, status: string) => {
  const res = await t.request({
    method: 'PUT',
    url: `${MEETINGS}/${meetingId}/attendance/${me.id}`,
    cookie: tongzhou,
    payload: { status },
  });
  expect(res.statusCode, res.body).toBe(200);
};

const credit = async (meetingId: number) =>
  (await ledgerOf('life', `meeting:${meetingId}`)).map((r) => Number(r.quantity));

const sourceHours = (h: MemberStudyHoursResponse) =>
  Object.fromEntries(h.bySource.map((s) => [s.source, s.hours]));
const sum = (xs: number[]) => Math.round(xs.reduce((a, b) => a + b, 0) * 10) / 10;

describe('hours are the sum of their sources', () => {
  it('courses, training classes, 党课 and offline study add up; other kinds and other years do not count', async () => {
    const base = await hoursOf(me.id);
    const { activity } = t.services;
    await t.store.db.transaction(async (tx) => {
      await activity.record(tx, {
        memberId: me.id,
        kind: 'study_hours',
        occurredOn: `${YEAR}-02-10`,
        quantity: 4,
        sourceModule: 'learning',
        sourceId: 'course:900001',
        title: '课程：学习二十大报告',
      });
      await activity.record(tx, {
        memberId: me.id,
        kind: 'study_hours',
        occurredOn: `${YEAR}-05-20`,
        quantity: 6,
        sourceModule: 'trainings',
        sourceId: 'training:900001',
        title: '结业：示范培训班',
      });
      // Last year's hours and a meeting attended are not this year's study.
      await activity.record(tx, {
        memberId: me.id,
        kind: 'study_hours',
        occurredOn: `${YEAR - 1}-12-31`,
        quantity: 9,
        sourceModule: 'learning',
        sourceId: 'course:900002',
        title: '课程：去年的课',
      });
      await activity.record(tx, {
        memberId: me.id,
        kind: 'meeting_attended',
        occurredOn: `${YEAR}-03-03`,
        quantity: 1,
        sourceModule: 'life',
        sourceId: 'meeting:900003',
        title: '主题党日',
      });
    });
    await recorded({ hours: 3.5 });
    const m = await lecture({ studyHours: 1.5 });
    await attend(m.id, 'signed');

    const h = await hoursOf(me.id);
    const was = sourceHours(base);
    expect(sourceHours(h)).toEqual({
      course: was.course! + 4,
      training: was.training! + 6,
      lecture: was.lecture! + 1.5,
      offline: was.offline! + 3.5,
      other: was.other!,
    });
    expect(h.hours).toBeCloseTo(base.hours + 15, 5);
    expect(h.hours).toBeCloseTo(sum(h.bySource.map((s) => s.hours)), 5);
    expect(h.hours).toBeCloseTo(sum(h.entries.map((e) => e.hours)), 5);
    expect(h.gap).toBeCloseTo(Math.max(0, 32 - h.hours), 5);
    expect(h.entries.map((e) => e.title)).toEqual(
      expect.arrayContaining([
        '课程：学习二十大报告',
        '结业：示范培训班',
        '党课：传承红色基因',
        '线下学习：集中学习党的二十大报告',
      ]),
    );
    expect(h.entries.some((e) => e.title === '课程：去年的课')).toBe(false);
    // Last year holds the 9 hours, and only them.
    expect(
      (await hoursOf(me.id, tongzhou, YEAR - 1)).bySource.find((s) => s.source === 'course')!.hours,
    ).toBe(9);

    // The member sees the same on their own.
    const mine = await get(`${BASE}/hours/mine?year=${YEAR}`, member);
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toEqual(h);

    // The org's hours are the sums of its members' and of its sources.
    const org = (
      await get(`${BASE}/hours?year=${YEAR}&orgId=${me.orgId}`, tongzhou)
    ).json() as OrgStudyHoursResponse;
    const [item] = org.items;
    expect(org.items.map((i) => i.orgId)).toEqual([me.orgId]);
    const [all] = await queryRows<{ hours: number; n: number }>(
      t.store.db,
      sql`select coalesce(sum(a.quantity), 0)::float8 as hours, (select count(*)::int from members where org_id = ${me.orgId} and status in ('active', 'lost')) as n
        from member_activity a join members m on m.id = a.member_id
        where a.kind = 'study_hours' and m.org_id = ${me.orgId} and m.status in ('active', 'lost')
          and a.occurred_on between ${`${YEAR}-01-01`}::date and ${`${YEAR}-12-31`}::date`,
    );
    expect(item!.hours).toBeCloseTo(all!.hours, 5);
    expect(item!.members).toBe(all!.n);
    expect(item!.hours).toBeCloseTo(sum(item!.bySource.map((s) => s.hours)), 5);
    expect(org.total.hours).toBe(item!.hours);
    expect(org.thresholds).toEqual({ memberHours: 32, cadreHours: 56 });
  });
});

describe('the 党课 credit', () => {
  it('is written with the attendance (setting when the meeting names no hours) and reversed with it', async () => {
    const m = await lecture();
    await attend(m.id, 'signed');
    expect(await credit(m.id)).toEqual([2]);
    await attend(m.id, 'absent');
    expect(await credit(m.id)).toEqual([]);
    await attend(m.id, 'late');
    expect(await credit(m.id)).toEqual([2]);
    await attend(m.id, 'leave');
    expect(await credit(m.id)).toEqual([]);
  });

  it('follows the setting learning.lectureHours; another meeting type credits nothing', async () => {
    const office = await t.login('office');
    const setting = (await get('/api/v1/settings/learning.lectureHours', office)).json();
    const changed = await t.request({
      method: 'PUT',
      url: '/api/v1/settings/learning.lectureHours',
      cookie: office,
      payload: { value: 3, version: setting.version },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const m = await lecture();
    await attend(m.id, 'signed');
    expect(await credit(m.id)).toEqual([3]);
    const day = await t.request({
      method: 'POST',
      url: MEETINGS,
      cookie: tongzhou,
      payload: {
        orgId: me.orgId,
        type: 'theme_day',
        topic: '重温入党誓词',
        plannedAt: new Date(Date.now() + 600_000).toISOString(),
        studyHours: 2,
      },
    });
    await attend(day.json().id, 'signed');
    expect(await credit(day.json().id)).toEqual([]);
  });

  it('is written again when the meeting changes its hours or type, and removed when it is no 党课', async () => {
    const m = await lecture({ studyHours: 2.5 });
    await attend(m.id, 'signed');
    let version = (await get(`${MEETINGS}/${m.id}`, tongzhou)).json().version as number;
    const change = async (payload: Record<string, unknown>) => {
      const res = await t.request({
        method: 'PATCH',
        url: `${MEETINGS}/${m.id}`,
        cookie: tongzhou,
        payload: { version, ...payload },
      });
      expect(res.statusCode, res.body).toBe(200);
      version = res.json().version;
    };
    await change({ studyHours: 1 });
    expect(await credit(m.id)).toEqual([1]);
    await change({ type: 'theme_day' });
    expect(await credit(m.id)).toEqual([]);
    await change({ type: 'party_lecture', studyHours: null });
    expect(await credit(m.id)).toEqual([await t.services.settings.get('learning.lectureHours')]);
  });

  it('a QR sign-in credits it; cancelling the meeting removes it', async () => {
    const m = await lecture({ studyHours: 2.5 });
    const code = await get(`${MEETINGS}/${m.id}/sign-in-code`, tongzhou);
    const token = new URL(code.json().url).searchParams.get('t')!;
    const signed = await t.request({
      method: 'POST',
      url: `${MEETINGS}/${m.id}/sign-in`,
      cookie: member,
      payload: { token },
    });
    expect(signed.statusCode, signed.body).toBe(200);
    expect(await credit(m.id)).toEqual([2.5]);
    const cancelled = await t.request({
      method: 'POST',
      url: `${MEETINGS}/${m.id}/cancel`,
      cookie: tongzhou,
      payload: { version: m.version, reason: '改期' },
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(await credit(m.id)).toEqual([]);
  });
});

describe('the reminder of the last quarter', () => {
  it('reminds a member behind once a month from October, never before', async () => {
    const { reminder } = t.services.study;
    const inbox = async () =>
      (
        await queryRows<{ n: number }>(
          t.store.db,
          sql`select count(*)::int as n from inbox_items i join users u on u.id = i.user_id
            where u.username = 'member' and i.kind = 'study_behind'`,
        )
      )[0]!.n;
    const behind = (await hoursOf(me.id)).gap > 0;
    expect(behind).toBe(true);
    expect(await reminder.run(new Date(`${YEAR}-09-30T02:00:00Z`))).toBe(0);
    expect(await inbox()).toBe(0);
    expect(await reminder.run(new Date(`${YEAR}-11-02T02:00:00Z`))).toBeGreaterThan(0);
    expect(await inbox()).toBe(1);
    await reminder.run(new Date(`${YEAR}-11-20T02:00:00Z`));
    expect(await inbox()).toBe(1);
    await reminder.run(new Date(`${YEAR}-12-01T02:00:00Z`));
    expect(await inbox()).toBe(2);
  });
});
