/** Reflections: posting on what one may see, the review flow, featuring, scope. */
import { describe, expect, it } from 'vitest';
import { faultyFields } from '../../../../test/app';
import { jpeg, pdf, uploadFile } from '../../../../test/files';
import {
  API,
  auditor,
  haidian,
  haidianOrg,
  kangbao,
  member,
  memberLogin,
  office,
  post,
  publishedCourse,
  t,
  take,
  tongzhou,
  tongzhouOrg,
  useReflectionsWorld,
} from './reflections.fixture';

useReflectionsWorld();

const get = (url: string, cookie?: string) =>
  t.request({ method: 'GET', url, ...(cookie ? { cookie } : {}) });
const idsOf = (res: { json(): unknown }) =>
  (res.json() as { items: { id: number }[] }).items.map((i) => i.id);

describe('reflections: 401, 403, 400', () => {
  it('answers 401 without a session, 403 to those without the action, 400 naming the fields', async () => {
    for (const url of [API, `${API}/mine`, `${API}/featured`, `${API}/subjects`, `${API}/1`])
      expect((await get(url)).statusCode, url).toBe(401);
    expect((await t.request({ method: 'POST', url: API, payload: {} })).statusCode).toBe(401);
    for (const cookie of [member, auditor, kangbao]) expect((await get(API, cookie)).statusCode).toBe(403);
    for (const cookie of [office, tongzhou, auditor])
      expect((await get(`${API}/mine`, cookie)).statusCode).toBe(403);
    const staffPost = await t.request({
      method: 'POST',
      url: API,
      cookie: tongzhou,
      payload: { subjectType: 'course', subjectId: 1, title: '标题标题', body: '正文正文正文正文正文正文' },
    });
    expect(staffPost.statusCode).toBe(403);
    const bad = await t.request({
      method: 'POST',
      url: API,
      cookie: member,
      payload: { subjectType: 'book', subjectId: 0, title: '', body: '短' },
    });
    expect(bad.statusCode).toBe(400);
    expect(faultyFields(bad)).toEqual(['body', 'subjectId', 'subjectType', 'title']);
    const badReview = await t.request({
      method: 'POST',
      url: `${API}/1/review`,
      cookie: tongzhou,
      payload: { decision: 'maybe', version: -1 },
    });
    expect(badReview.statusCode).toBe(400);
    expect(faultyFields(badReview)).toEqual(['decision', 'version']);
  });
});

describe('posting on a course, meeting or training', () => {
  it('posts on a course addressed to the member; not on another committee’s course or a meeting not attended', async () => {
    const ours = await publishedCourse(tongzhouOrg, '通州：学习二十大精神（一）');
    const theirs = await publishedCourse(haidianOrg, '海淀：学习二十大精神（一）');
    const subjects = (await get(`${API}/subjects`, member)).json().items as { type: string; id: number }[];
    expect(subjects.filter((s) => s.type === 'course').map((s) => s.id)).toContain(ours);
    expect(subjects.filter((s) => s.type === 'course').map((s) => s.id)).not.toContain(theirs);

    const r = await post(member, ours);
    expect(r).toMatchObject({ state: 'submitted' });
    const one = (await get(`${API}/${r.id}`, member)).json();
    expect(one).toMatchObject({
      stateLabel: '待审核',
      subject: { type: 'course', title: '通州：学习二十大精神（一）' },
      policies: { edit: true, review: false },
    });

    for (const [subjectType, subjectId] of [
      ['course', theirs],
      ['meeting', 999_999],
      ['training', 999_999],
    ] as const) {
      const res = await t.request({
        method: 'POST',
        url: API,
        cookie: member,
        payload: { subjectType, subjectId, title: '不该成功的心得', body: '这条心得不应当被保存下来。' },
      });
      expect(res.statusCode, subjectType).toBe(400);
      expect(res.json().code).toBe('SUBJECT_NOT_VISIBLE');
      expect(faultyFields(res)).toEqual(['subjectId']);
    }
  });
});

describe('posting on a training class', () => {
  it('a member holding a place in a class writes about it; one without a place may not', async () => {
    const created = await t.request({
      method: 'POST',
      url: '/api/v1/trainings',
      cookie: tongzhou,
      payload: {
        title: '通州区流动党员专题培训班',
        kind: 'special',
        orgId: tongzhouOrg.id,
        startsOn: '2026-03-01',
        endsOn: '2026-03-02',
        quota: 5,
        studyHours: 8,
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const placed = take();
    const nominated = await t.request({
      method: 'POST',
      url: `/api/v1/trainings/${created.json().id}/enrolments`,
      cookie: tongzhou,
      payload: { memberIds: [placed.id] },
    });
    expect(nominated.statusCode, nominated.body).toBeLessThan(300);
    const cookie = await memberLogin(placed.id);
    const subjects = (await get(`${API}/subjects`, cookie)).json().items as { type: string; id: number }[];
    expect(subjects).toContainEqual(expect.objectContaining({ type: 'training', id: created.json().id }));
    const r = await post(cookie, created.json().id, { subjectType: 'training' });
    expect((await get(`${API}/${r.id}`, cookie)).json().subject).toMatchObject({
      type: 'training',
      typeLabel: '培训班',
      title: '通州区流动党员专题培训班',
    });
    const outsider = await t.request({
      method: 'POST',
      url: API,
      cookie: member,
      payload: {
        subjectType: 'training',
        subjectId: created.json().id,
        title: '未参加的培训',
        body: '没有参加这个培训班也想写心得。',
      },
    });
    expect(outsider.statusCode).toBe(400);
  });
});

describe('the review flow: submit, return with a comment, resubmit, approve, feature', () => {
  it('walks a reflection through review, within the reviewer’s subtree only', async () => {
    const course = await publishedCourse(tongzhouOrg, '通州：学习二十大精神（二）');
    const r = await post(member, course, { title: '我的第一篇心得' });

    // Scope: 通州's secretary and the office see it; 海淀's does not; nor another member.
    expect(idsOf(await get(`${API}?state=submitted&limit=100`, tongzhou))).toContain(r.id);
    expect(idsOf(await get(`${API}?limit=100`, office))).toContain(r.id);
    expect(idsOf(await get(`${API}?limit=100`, haidian))).not.toContain(r.id);
    const other = await memberLogin(take().id);
    for (const cookie of [haidian, other, kangbao])
      expect((await get(`${API}/${r.id}`, cookie)).statusCode).toBe(404);
    const outside = await t.request({
      method: 'POST',
      url: `${API}/${r.id}/review`,
      cookie: haidian,
      payload: { decision: 'approve', version: r.version },
    });
    expect(outside.statusCode).toBe(404);
    expect(
      (
        await t.request({
          method: 'POST',
          url: `${API}/${r.id}/review`,
          cookie: member,
          payload: { decision: 'approve', version: r.version },
        })
      ).statusCode,
    ).toBe(403);

    // Returning needs a comment.
    const noComment = await t.request({
      method: 'POST',
      url: `${API}/${r.id}/review`,
      cookie: tongzhou,
      payload: { decision: 'return', version: r.version },
    });
    expect(noComment.statusCode).toBe(400);
    expect(faultyFields(noComment)).toEqual(['comment']);
    const returned = await t.request({
      method: 'POST',
      url: `${API}/${r.id}/review`,
      cookie: tongzhou,
      payload: { decision: 'return', comment: '请结合本职工作谈谈体会', version: r.version },
    });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json()).toMatchObject({ state: 'returned', reviewComment: '请结合本职工作谈谈体会' });

    // The author sees the comment, and may not be featured while returned.
    const mine = (await get(`${API}/mine`, member)).json().items.find((i: { id: number }) => i.id === r.id);
    expect(mine).toMatchObject({
      stateLabel: '已退回',
      reviewComment: '请结合本职工作谈谈体会',
      policies: { edit: true },
    });
    const early = await t.request({
      method: 'POST',
      url: `${API}/${r.id}/feature`,
      cookie: tongzhou,
      payload: { featured: true, version: returned.json().version },
    });
    expect(early.statusCode).toBe(409);

    // A stale version is refused; the fresh one resubmits.
    const stale = await t.request({
      method: 'PATCH',
      url: `${API}/${r.id}`,
      cookie: member,
      payload: { body: '修改后的正文：结合物流行业的工作谈体会。', version: r.version },
    });
    expect(stale.statusCode).toBe(409);
    const resubmitted = await t.request({
      method: 'PATCH',
      url: `${API}/${r.id}`,
      cookie: member,
      payload: { body: '修改后的正文：结合物流行业的工作谈体会。', version: returned.json().version },
    });
    expect(resubmitted.statusCode, resubmitted.body).toBe(200);
    expect(resubmitted.json()).toMatchObject({
      state: 'submitted',
      body: '修改后的正文：结合物流行业的工作谈体会。',
    });

    const approved = await t.request({
      method: 'POST',
      url: `${API}/${r.id}/review`,
      cookie: tongzhou,
      payload: { decision: 'approve', version: resubmitted.json().version },
    });
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ state: 'approved', policies: { feature: true, review: false } });
    const editApproved = await t.request({
      method: 'PATCH',
      url: `${API}/${r.id}`,
      cookie: member,
      payload: { title: '再改标题', version: approved.json().version },
    });
    expect(editApproved.statusCode).toBe(409);

    // Not featured yet: others see nothing.
    expect(idsOf(await get(`${API}/featured?limit=50`, haidian))).not.toContain(r.id);
    const featured = await t.request({
      method: 'POST',
      url: `${API}/${r.id}/feature`,
      cookie: tongzhou,
      payload: { featured: true, version: approved.json().version },
    });
    expect(featured.statusCode).toBe(200);
    expect(featured.json().featuredAt).not.toBeNull();

    // Featured: the whole committee reads it, whatever their scope.
    for (const cookie of [haidian, kangbao, other, auditor]) {
      expect(idsOf(await get(`${API}/featured?limit=50`, cookie))).toContain(r.id);
      expect((await get(`${API}/${r.id}`, cookie)).statusCode).toBe(200);
    }
    const inbox = (await get('/api/v1/inbox?limit=50', member)).json().items as { title: string }[];
    expect(inbox.map((i) => i.title)).toContain('您的心得体会“我的第一篇心得”被评为精选，全委员会可见');

    const unfeatured = await t.request({
      method: 'POST',
      url: `${API}/${r.id}/feature`,
      cookie: tongzhou,
      payload: { featured: false, version: featured.json().version },
    });
    expect(unfeatured.statusCode).toBe(200);
    expect(idsOf(await get(`${API}/featured?limit=50`, other))).not.toContain(r.id);
    expect((await get(`${API}/${r.id}`, other)).statusCode).toBe(404);
  });
});

describe('the yearly feedback', () => {
  it('counts and names the member’s approved reflections of the year; one awaiting review is left out', async () => {
    const home = take((m) => m.homeCounty === '130723');
    const cookie = await memberLogin(home.id);
    const course = await publishedCourse(tongzhouOrg, '通州：学习二十大精神（四）');
    const approved = await post(cookie, course, { title: '学而信、学而用、学而行' });
    const ok = await t.request({
      method: 'POST',
      url: `${API}/${approved.id}/review`,
      cookie: tongzhou,
      payload: { decision: 'approve', version: approved.version },
    });
    expect(ok.statusCode).toBe(200);
    await post(cookie, course, { title: '还在审核中的心得' });
    const year = new Date().getFullYear();
    let cursor: string | null = null;
    let found: { figures: { reflections: number; reflectionTitles: string[] } } | undefined;
    do {
      const res = await get(
        `/api/v1/feedback?year=${year}&county=130723&limit=200${cursor ? `&cursor=${cursor}` : ''}`,
        kangbao,
      );
      expect(res.statusCode, res.body).toBe(200);
      found ??= res.json().items.find((i: { member: { id: number } }) => i.member.id === home.id);
      cursor = res.json().nextCursor;
    } while (cursor && !found);
    expect(found?.figures).toMatchObject({ reflections: 1, reflectionTitles: ['学而信、学而用、学而行'] });
  });
});

describe('photos and report files (the files module asks this one)', () => {
  it('the author adds photos while in review; readers list them; others may not upload', async () => {
    const course = await publishedCourse(tongzhouOrg, '通州：学习二十大精神（五）');
    const r = await post(member, course, { title: '带照片的心得' });
    const owner = { ownerType: 'reflection', ownerId: String(r.id), purpose: 'photo' };
    const up = await uploadFile(t, member, owner, { name: 'photo.jpg', data: jpeg() });
    expect(up.statusCode, up.body).toBe(201);
    const other = await memberLogin(take().id);
    expect((await uploadFile(t, other, owner, { name: 'x.jpg', data: jpeg() })).statusCode).toBe(404);
    expect((await uploadFile(t, tongzhou, owner, { name: 'x.jpg', data: jpeg() })).statusCode).toBe(404);
    const listed = (cookie: string) => get(`/api/v1/files?ownerType=reflection&ownerId=${r.id}`, cookie);
    expect((await listed(tongzhou)).json().items).toHaveLength(1);
    expect((await listed(other)).statusCode).toBe(404);
    await t.request({
      method: 'POST',
      url: `${API}/${r.id}/review`,
      cookie: tongzhou,
      payload: { decision: 'approve', version: r.version },
    });
    expect((await uploadFile(t, member, owner, { name: 'late.jpg', data: jpeg() })).statusCode).toBe(409);

    const report = await t.request({
      method: 'POST',
      url: '/api/v1/member-reports',
      cookie: member,
      payload: { year: new Date().getFullYear(), kind: 'situation', title: '年度情况报告（附件）' },
    });
    expect(report.statusCode, report.body).toBe(201);
    const file = { ownerType: 'member_report', ownerId: String(report.json().id), purpose: 'attachment' };
    expect((await uploadFile(t, member, file, { name: 'report.pdf', data: pdf() })).statusCode).toBe(201);
    expect((await uploadFile(t, tongzhou, file, { name: 'x.pdf', data: pdf() })).statusCode).toBe(404);
    const reportFiles = (cookie: string) =>
      get(`/api/v1/files?ownerType=member_report&ownerId=${report.json().id}`, cookie);
    expect((await reportFiles(tongzhou)).json().items).toHaveLength(1);
    expect((await reportFiles(haidian)).statusCode).toBe(404);
  });
});
