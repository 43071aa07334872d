/** Managing courses and series: every route's 401/403/400, scope, publishing with its inbox notice. */
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { faultyFields } from '../../../../test/app';
import { pdf, uploadFile } from '../../../../test/files';
import { queryRows } from '../../../db/client';
import {
  API,
  activeIn,
  auditor,
  body,
  createCourse,
  haidian,
  haidianOrg,
  member,
  memberLogin,
  office,
  publishedCourse,
  t,
  tongzhou,
  useCoursesWorld,
} from './courses.fixture';

useCoursesWorld();

const req = (method: 'GET' | 'POST' | 'PATCH', url: string, cookie?: string, payload?: object) =>
  t.request({ method, url, ...(cookie ? { cookie } : {}), ...(payload !== undefined ? { payload } : {}) });

describe('POST /courses, GET /courses, GET /courses/:id', () => {
  it('401 without a session, 403 for roles without course.manage', async () => {
    expect((await req('GET', API)).statusCode).toBe(401);
    expect((await req('POST', API, undefined, body())).statusCode).toBe(401);
    for (const cookie of [auditor, member]) {
      expect((await req('GET', API, cookie)).statusCode).toBe(403);
      expect((await req('POST', API, cookie, body())).statusCode).toBe(403);
      expect((await req('GET', `${API}/series`, cookie)).statusCode).toBe(403);
    }
  });

  it('400 names the faulty fields', async () => {
    const bad = await req('POST', API, tongzhou, {
      ...body(),
      title: '',
      kind: 'podcast',
      plannedMinutes: 0,
      creditHours: 1.25,
    });
    expect(bad.statusCode).toBe(400);
    expect(faultyFields(bad).sort()).toEqual(['creditHours', 'kind', 'plannedMinutes', 'title']);
    const quiz = await req('POST', API, tongzhou, {
      ...body(),
      quiz: { passMark: 60, questions: [{ text: '题', options: ['甲', '乙'], answers: [3] }] },
    });
    expect(quiz.statusCode).toBe(400);
    expect(faultyFields(quiz)).toEqual(['quiz.questions.0.answers']);
    const optional = await req('POST', API, tongzhou, {
      ...body({ required: false }),
      quiz: { passMark: 60, questions: [{ text: '题', options: ['甲', '乙'], answers: [1] }] },
    });
    expect(optional.statusCode).toBe(400);
    expect(faultyFields(optional)).toEqual(['quiz']);
  });

  it('a secretary publishes only from their subtree and sees only its courses', async () => {
    const outside = await req('POST', API, tongzhou, body({ orgId: haidianOrg.id }));
    expect(outside.statusCode).toBe(400);
    expect(faultyFields(outside)).toEqual(['orgId']);
    const ours = await createCourse(tongzhou, { title: '通州专题课' });
    const theirs = await createCourse(haidian, { title: '海淀专题课', orgId: haidianOrg.id });
    expect((await req('GET', `${API}/${theirs.id}`, tongzhou)).statusCode).toBe(404);
    expect((await req('GET', `${API}/${ours.id}`, haidian)).statusCode).toBe(404);
    const list = (await req('GET', `${API}?limit=100`, tongzhou)).json();
    const ids = list.items.map((i: { id: number }) => i.id);
    expect(ids).toContain(ours.id);
    expect(ids).not.toContain(theirs.id);
    const all = (await req('GET', `${API}?limit=100`, office)).json().items.map((i: { id: number }) => i.id);
    expect(all).toEqual(expect.arrayContaining([ours.id, theirs.id]));
  });

  it('sanitizes an article’s text', async () => {
    const c = await createCourse(tongzhou, { body: '<p>学习<script>alert(1)</script>强国</p>' });
    const got = (await req('GET', `${API}/${c.id}`, tongzhou)).json();
    expect(got.body).toBe('<p>学习强国</p>');
  });
});

describe('series', () => {
  it('creates a series (400 on a short title) and puts courses in it', async () => {
    const bad = await req('POST', `${API}/series`, office, { title: '学' });
    expect(bad.statusCode).toBe(400);
    expect(faultyFields(bad)).toEqual(['title']);
    const s = await req('POST', `${API}/series`, office, { title: '学习二十大精神 系列' });
    expect(s.statusCode, s.body).toBe(201);
    const c = await createCourse(tongzhou, { seriesId: s.json().id });
    expect((await req('GET', `${API}/${c.id}`, tongzhou)).json().series).toEqual({
      id: s.json().id,
      title: '学习二十大精神 系列',
    });
    const missing = await req('POST', API, tongzhou, body({ seriesId: 2_000_000 }));
    expect(missing.statusCode).toBe(400);
    expect(faultyFields(missing)).toEqual(['seriesId']);
    const list = (await req('GET', `${API}/series`, tongzhou)).json();
    expect(list.items.find((i: { id: number }) => i.id === s.json().id).courses).toBe(1);
  });
});

describe('PATCH /courses/:id, POST /courses/:id/state', () => {
  it('401, 403, 400 and 409 on a stale version', async () => {
    const c = await createCourse(tongzhou);
    expect((await req('PATCH', `${API}/${c.id}`, undefined, { version: 0 })).statusCode).toBe(401);
    expect((await req('PATCH', `${API}/${c.id}`, member, { version: 0 })).statusCode).toBe(403);
    expect(
      (await req('POST', `${API}/${c.id}/state`, auditor, { to: 'published', version: 0 })).statusCode,
    ).toBe(403);
    const bad = await req('PATCH', `${API}/${c.id}`, tongzhou, { version: 0, plannedMinutes: -1 });
    expect(bad.statusCode).toBe(400);
    expect(faultyFields(bad)).toEqual(['plannedMinutes']);
    const badState = await req('POST', `${API}/${c.id}/state`, tongzhou, { to: 'draft', version: 0 });
    expect(badState.statusCode).toBe(400);
    expect(faultyFields(badState)).toEqual(['to']);
    expect(
      (await req('PATCH', `${API}/${c.id}`, tongzhou, { version: 0, title: '新的课程名称' })).statusCode,
    ).toBe(200);
    const stale = await req('PATCH', `${API}/${c.id}`, tongzhou, { version: 0, title: '又一个名称' });
    expect(stale.statusCode).toBe(409);
    expect(
      (await req('PATCH', `${API}/${c.id}`, haidian, { version: 1, title: '越权修改' })).statusCode,
    ).toBe(404);
  });

  it('publishing sends the audience an inbox notice, and a withdrawn course leaves the member’s list', async () => {
    const c = await publishedCourse(tongzhou, { title: '通州必修：党章学习' });
    const inbox = (await req('GET', '/api/v1/inbox?limit=50', member)).json();
    expect(inbox.items.map((i: { title: string }) => i.title)).toContain('必修课程：通州必修：党章学习');
    const [{ n }] = (await queryRows<{ n: number }>(
      t.store.db,
      sql`select count(*)::int as n from audit_log where action = 'course.published' and target_id = ${String(c.id)}`,
    )) as [{ n: number }];
    expect(n).toBe(1);
    const mine = async () =>
      (await req('GET', `${API}/mine`, member)).json().items.map((i: { id: number }) => i.id) as number[];
    expect(await mine()).toContain(c.id);
    const w = await req('POST', `${API}/${c.id}/state`, tongzhou, { to: 'withdrawn', version: c.version });
    expect(w.statusCode, w.body).toBe(200);
    expect(w.json().stateLabel).toBe('已撤回');
    expect(await mine()).not.toContain(c.id);
    const again = await req('POST', `${API}/${c.id}/state`, tongzhou, {
      to: 'withdrawn',
      version: w.json().version,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('COURSE_TRANSITION_NOT_ALLOWED');
  });

  it('an article without text cannot be published', async () => {
    const c = await createCourse(tongzhou, { body: '<p> </p>' });
    const res = await req('POST', `${API}/${c.id}/state`, tongzhou, { to: 'published', version: c.version });
    expect(res.statusCode).toBe(400);
    expect(faultyFields(res)).toEqual(['body']);
  });
});

describe('a course’s files (owner course)', () => {
  it('managers upload within their subtree; members read those of a course addressed to them only', async () => {
    const c = await publishedCourse(tongzhou, {
      kind: 'document',
      body: null,
      pageCount: 1,
      title: '文档课程',
    });
    const fields = { ownerType: 'course', ownerId: String(c.id), purpose: 'attachment' };
    const file = { name: '二十大报告.pdf', data: pdf(), type: 'application/pdf' };
    expect((await uploadFile(t, haidian, fields, file)).statusCode).toBe(404);
    expect((await uploadFile(t, member, fields, file)).statusCode).toBe(403);
    const up = await uploadFile(t, tongzhou, fields, file);
    expect(up.statusCode, up.body).toBe(201);
    const list = `/api/v1/files?ownerType=course&ownerId=${c.id}`;
    expect((await req('GET', list, member)).json().items.map((i: { id: number }) => i.id)).toEqual([
      up.json().id,
    ]);
    expect((await req('GET', `/api/v1/files/${up.json().id}`, member)).statusCode).toBe(200);
    expect((await req('GET', list, haidian)).statusCode).toBe(404);
    const [h] = await activeIn('驻北京海淀区流动党委', 1);
    const outsider = await memberLogin(h!.id);
    expect((await req('GET', list, outsider)).statusCode).toBe(404);
    expect((await req('GET', `/api/v1/files/${up.json().id}`, outsider)).statusCode).toBe(404);
    // The player shows the PDF in the page.
    const doc = await req('GET', `${API}/mine/${c.id}/document`, member);
    expect(doc.statusCode).toBe(200);
    expect(doc.headers['content-disposition']).toBe('inline');
    expect(doc.headers['content-type']).toBe('application/pdf');
    expect((await req('GET', `${API}/mine/${c.id}/document`, outsider)).statusCode).toBe(404);
    expect((await req('GET', `${API}/mine/${c.id}/document`, tongzhou)).statusCode).toBe(403);
  });
});
