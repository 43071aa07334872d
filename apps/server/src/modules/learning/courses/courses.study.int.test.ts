/**
 * A member's own courses: scope (only the courses addressed to them), and the completion rules
 * the server decides from heartbeats — seeking, 2× speed, a hidden tab and a second device earn
 * nothing; a replayed beat counts once; completion credits the course's hours once.
 */
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { faultyFields } from '../../../../test/app';
import { queryRows } from '../../../db/client';
import {
  API,
  activeIn,
  auditor,
  beat,
  createCourse,
  haidian,
  haidianOrg,
  ledgerOf,
  member,
  memberId,
  memberLogin,
  office,
  publishedCourse,
  t,
  tongzhou,
  useCoursesWorld,
  wait,
} from './courses.fixture';

useCoursesWorld();

const get = (url: string, cookie?: string) =>
  t.request({ method: 'GET', url, ...(cookie ? { cookie } : {}) });
const video = (extra: Record<string, unknown> = {}) =>
  publishedCourse(tongzhou, { kind: 'video', body: null, title: '视频：二十大报告解读', ...extra });
const dev = (n: number) => `device-${String(n).padStart(4, '0')}`;

describe('GET /courses/mine, GET /courses/mine/:id, POST /:id/progress, POST /:id/quiz', () => {
  it('401, 403 for staff without member.self, 400 on a bad beat', async () => {
    const c = await video();
    expect((await get(`${API}/mine`)).statusCode).toBe(401);
    expect((await beat(c.id, { deviceId: dev(1), seq: 1, visible: true }, '')).statusCode).toBe(401);
    for (const cookie of [office, tongzhou, auditor]) {
      expect((await get(`${API}/mine`, cookie)).statusCode).toBe(403);
      expect((await get(`${API}/mine/${c.id}`, cookie)).statusCode).toBe(403);
      expect((await beat(c.id, { deviceId: dev(1), seq: 1, visible: true }, cookie)).statusCode).toBe(403);
    }
    const bad = await beat(c.id, { deviceId: 'x', seq: 0, visible: 'yes', rate: 20 });
    expect(bad.statusCode).toBe(400);
    expect(faultyFields(bad).sort()).toEqual(['deviceId', 'rate', 'seq', 'visible']);
    const quiz = await t.request({
      method: 'POST',
      url: `${API}/${c.id}/quiz`,
      cookie: member,
      payload: { answers: 'A' },
    });
    expect(quiz.statusCode).toBe(400);
    expect(faultyFields(quiz)).toEqual(['answers']);
  });
});

describe('scope: a member sees only the courses addressed to them', () => {
  it('lists and opens those of their subtree, published, in the window, for their positions', async () => {
    const forAll = await publishedCourse(tongzhou, { title: '通州全体党员必修课' });
    const forHaidian = await publishedCourse(haidian, { title: '海淀专题课', orgId: haidianOrg.id });
    const forSecretaries = await publishedCourse(tongzhou, {
      title: '支部书记专题课',
      audiencePositions: ['secretary'],
    });
    const draft = await createCourse(tongzhou, { title: '草稿课程' });
    const later = await publishedCourse(tongzhou, {
      title: '下月开放的课程',
      publishFrom: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    });
    const ended = await publishedCourse(tongzhou, {
      title: '已截止的课程',
      publishFrom: new Date(Date.now() - 30 * 86_400_000).toISOString(),
      publishUntil: new Date(Date.now() - 86_400_000).toISOString(),
    });
    const [root] = await queryRows<{ id: number }>(
      t.store.db,
      sql`select id from orgs where parent_id is null`,
    );
    const committeeWide = await publishedCourse(office, { title: '全委必修课', orgId: root!.id });
    const ids = (await get(`${API}/mine`, member)).json().items.map((i: { id: number }) => i.id);
    expect(ids).toContain(forAll.id);
    expect(ids).toContain(committeeWide.id);
    for (const c of [forHaidian, forSecretaries, draft, later, ended]) {
      expect(ids).not.toContain(c.id);
      expect((await get(`${API}/mine/${c.id}`, member)).statusCode).toBe(404);
      expect((await beat(c.id, { deviceId: dev(2), seq: 1, visible: true })).statusCode).toBe(404);
    }
    const one = (await get(`${API}/mine/${forAll.id}`, member)).json();
    expect(one).toMatchObject({
      title: '通州全体党员必修课',
      required: true,
      body: expect.stringContaining('中国式现代化'),
    });
    // A member of 海淀 sees the 海淀 course and not 通州's.
    const [h] = await activeIn('驻北京海淀区流动党委', 1);
    const hCookie = await memberLogin(h!.id);
    const hIds = (await get(`${API}/mine`, hCookie)).json().items.map((i: { id: number }) => i.id);
    expect(hIds).toContain(forHaidian.id);
    expect(hIds).not.toContain(forAll.id);
  });
});

describe('the completion rules', () => {
  it('a video watched at normal speed for its planned time completes and credits its hours once', async () => {
    const c = await video({ plannedMinutes: 1, creditHours: 1.5 });
    const first = await beat(c.id, { deviceId: dev(3), seq: 1, visible: true, rate: 1, played: 0 });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ outcome: 'started', counted: 0 });
    await wait(c.id, 30);
    const second = (
      await beat(c.id, { deviceId: dev(3), seq: 2, visible: true, rate: 1, played: 30, position: 30 })
    ).json();
    expect(second).toMatchObject({ outcome: 'counted', counted: 30 });
    expect(second.progress.completedAt).toBeNull();
    await wait(c.id, 30);
    const third = (
      await beat(c.id, { deviceId: dev(3), seq: 3, visible: true, rate: 1, played: 30, position: 60 })
    ).json();
    expect(third.progress).toMatchObject({ countedSeconds: 60, requiredSeconds: 60, creditedHours: 1.5 });
    expect(third.progress.completedAt).not.toBeNull();
    expect(await ledgerOf(c.id)).toEqual([{ quantity: 1.5, source_module: 'learning' }]);
    // More beats after completion change nothing in the ledger.
    await wait(c.id, 30);
    expect(
      (await beat(c.id, { deviceId: dev(3), seq: 4, visible: true, rate: 1, played: 30 })).json().outcome,
    ).toBe('done');
    expect(await ledgerOf(c.id)).toHaveLength(1);
    const listed = (await get(`${API}/mine`, member)).json().items.find((i: { id: number }) => i.id === c.id);
    expect(listed.completedAt).not.toBeNull();
  });

  it('seeking to the end earns nothing', async () => {
    const c = await video({ plannedMinutes: 1 });
    await beat(c.id, { deviceId: dev(4), seq: 1, visible: true, rate: 1, played: 0 });
    await wait(c.id, 30);
    const res = (
      await beat(c.id, { deviceId: dev(4), seq: 2, visible: true, rate: 1, played: 1, position: 3600 })
    ).json();
    expect(res.progress.countedSeconds).toBe(1);
    expect(res.progress.completedAt).toBeNull();
    // Claiming the whole video played in 30 s of clock earns nothing either.
    await wait(c.id, 30);
    const claim = (
      await beat(c.id, { deviceId: dev(4), seq: 3, visible: true, rate: 1, played: 3600 })
    ).json();
    expect(claim).toMatchObject({ outcome: 'fast', counted: 0 });
    expect(await ledgerOf(c.id)).toEqual([]);
  });

  it('2× speed earns nothing', async () => {
    const c = await video({ plannedMinutes: 1 });
    await beat(c.id, { deviceId: dev(5), seq: 1, visible: true, rate: 1, played: 0 });
    for (let seq = 2; seq <= 4; seq++) {
      await wait(c.id, 30);
      const res = (await beat(c.id, { deviceId: dev(5), seq, visible: true, rate: 2, played: 30 })).json();
      expect(res).toMatchObject({ outcome: 'fast', counted: 0 });
    }
    expect((await get(`${API}/mine/${c.id}`, member)).json().progress.countedSeconds).toBe(0);
  });

  it('a hidden tab earns nothing (an article too)', async () => {
    const c = await publishedCourse(tongzhou, { plannedMinutes: 1 });
    await beat(c.id, { deviceId: dev(6), seq: 1, visible: true });
    for (let seq = 2; seq <= 4; seq++) {
      await wait(c.id, 30);
      expect((await beat(c.id, { deviceId: dev(6), seq, visible: false })).json()).toMatchObject({
        outcome: 'hidden',
        counted: 0,
      });
    }
    await wait(c.id, 30);
    expect((await beat(c.id, { deviceId: dev(6), seq: 5, visible: true })).json().counted).toBe(30);
  });

  it('a second device earns nothing while the first holds the course', async () => {
    const c = await video({ plannedMinutes: 1 });
    await beat(c.id, { deviceId: dev(7), seq: 1, visible: true, rate: 1, played: 0 });
    await beat(c.id, { deviceId: dev(8), seq: 1, visible: true, rate: 1, played: 0 });
    await wait(c.id, 30);
    const a = (await beat(c.id, { deviceId: dev(7), seq: 2, visible: true, rate: 1, played: 30 })).json();
    const b = (await beat(c.id, { deviceId: dev(8), seq: 2, visible: true, rate: 1, played: 30 })).json();
    expect(a).toMatchObject({ outcome: 'counted', counted: 30 });
    expect(b).toMatchObject({ outcome: 'other_device', counted: 0 });
    expect(b.progress.countedSeconds).toBe(30);
  });

  it('a heartbeat replayed is counted once', async () => {
    const c = await video({ plannedMinutes: 2 });
    await beat(c.id, { deviceId: dev(9), seq: 1, visible: true, rate: 1, played: 0 });
    await wait(c.id, 30);
    const payload = { deviceId: dev(9), seq: 2, visible: true, rate: 1, played: 30 };
    expect((await beat(c.id, payload)).json().counted).toBe(30);
    await wait(c.id, 30);
    const again = (await beat(c.id, payload)).json();
    expect(again).toMatchObject({ outcome: 'replayed', counted: 0 });
    expect(again.progress.countedSeconds).toBe(30);
  });

  it('a document needs its pages and time; a quiz must be passed before the course completes', async () => {
    const c = await publishedCourse(tongzhou, {
      kind: 'document',
      body: null,
      pageCount: 2,
      plannedMinutes: 1,
      creditHours: 1,
      quiz: {
        passMark: 100,
        questions: [
          { text: '党的二十大召开于哪一年？', options: ['2021', '2022'], answers: [1] },
          {
            text: '以下哪些属于“五位一体”？',
            options: ['经济', '政治', '旅游'],
            answers: [0, 1],
            multiple: true,
          },
        ],
      },
    });
    const early = await t.request({
      method: 'POST',
      url: `${API}/${c.id}/quiz`,
      cookie: member,
      payload: { answers: [[1], [0, 1]] },
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('QUIZ_NOT_YET');
    await beat(c.id, { deviceId: dev(10), seq: 1, visible: true, page: 1 });
    await wait(c.id, 40);
    await beat(c.id, { deviceId: dev(10), seq: 2, visible: true, page: 1 });
    await wait(c.id, 40);
    const onePage = (await beat(c.id, { deviceId: dev(10), seq: 3, visible: true, page: 1 })).json();
    expect(onePage.progress).toMatchObject({ countedSeconds: 80, pagesViewed: [1], studied: false });
    await wait(c.id, 10);
    const both = (await beat(c.id, { deviceId: dev(10), seq: 4, visible: true, page: 2 })).json();
    expect(both.progress).toMatchObject({ pagesViewed: [1, 2], studied: true, completedAt: null });
    const mine = (await get(`${API}/mine/${c.id}`, member)).json();
    expect(mine.quiz.questions[0]).toEqual({
      text: '党的二十大召开于哪一年？',
      options: ['2021', '2022'],
      multiple: false,
    });
    const short = await t.request({
      method: 'POST',
      url: `${API}/${c.id}/quiz`,
      cookie: member,
      payload: { answers: [[1]] },
    });
    expect(short.statusCode).toBe(400);
    expect(faultyFields(short)).toEqual(['answers']);
    const fail = await t.request({
      method: 'POST',
      url: `${API}/${c.id}/quiz`,
      cookie: member,
      payload: { answers: [[1], [0]] },
    });
    expect(fail.json()).toMatchObject({ score: 50, passed: false, progress: { completedAt: null } });
    expect(await ledgerOf(c.id)).toEqual([]);
    const pass = await t.request({
      method: 'POST',
      url: `${API}/${c.id}/quiz`,
      cookie: member,
      payload: { answers: [[1], [1, 0]] },
    });
    expect(pass.json()).toMatchObject({ score: 100, passed: true, progress: { creditedHours: 1 } });
    expect(pass.json().progress.quiz).toMatchObject({ attempts: 2, passed: true });
    expect(await ledgerOf(c.id, memberId)).toEqual([{ quantity: 1, source_module: 'learning' }]);
    // Once members study it, its rules are fixed; the same quiz sent again is no change.
    const got = (await get(`${API}/${c.id}`, tongzhou)).json();
    const same = await t.request({
      method: 'PATCH',
      url: `${API}/${c.id}`,
      cookie: tongzhou,
      payload: { version: got.version, quiz: got.quiz, plannedMinutes: 1, title: '党章修正案学习辅导' },
    });
    expect(same.statusCode, same.body).toBe(200);
    const changed = await t.request({
      method: 'PATCH',
      url: `${API}/${c.id}`,
      cookie: tongzhou,
      payload: { version: same.json().version, plannedMinutes: 5 },
    });
    expect(changed.statusCode).toBe(409);
    expect(changed.json().code).toBe('COURSE_NOT_EDITABLE');
  });
});
