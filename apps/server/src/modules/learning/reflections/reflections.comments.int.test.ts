/** Comments on reflections: only on approved ones, each waiting for a reviewer to show or hide it. */
import { describe, expect, it } from 'vitest';
import { faultyFields } from '../../../../test/app';
import {
  API,
  haidian,
  kangbao,
  member,
  memberLogin,
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

describe('comments, moderated', () => {
  it('shows a comment once a reviewer approves it; a rejected one only to its author', async () => {
    const course = await publishedCourse(tongzhouOrg, '通州：学习二十大精神（三）');
    const r = await post(member, course, { title: '评论用的心得' });
    const other = await memberLogin(take().id);
    const onSubmitted = await t.request({
      method: 'POST',
      url: `${API}/${r.id}/comments`,
      cookie: tongzhou,
      payload: { body: '写得很好' },
    });
    expect(onSubmitted.statusCode).toBe(409);
    const ok = await t.request({
      method: 'POST',
      url: `${API}/${r.id}/review`,
      cookie: tongzhou,
      payload: { decision: 'approve', version: r.version },
    });
    const feat = await t.request({
      method: 'POST',
      url: `${API}/${r.id}/feature`,
      cookie: tongzhou,
      payload: { featured: true, version: ok.json().version },
    });
    expect(feat.statusCode).toBe(200);

    const bad = await t.request({
      method: 'POST',
      url: `${API}/${r.id}/comments`,
      cookie: other,
      payload: { body: '' },
    });
    expect(bad.statusCode).toBe(400);
    expect(faultyFields(bad)).toEqual(['body']);
    const good = await t.request({
      method: 'POST',
      url: `${API}/${r.id}/comments`,
      cookie: other,
      payload: { body: '很受启发，向你学习' },
    });
    expect(good.statusCode).toBe(201);
    expect(good.json()).toMatchObject({ state: 'pending', mine: true });
    const rude = await t.request({
      method: 'POST',
      url: `${API}/${r.id}/comments`,
      cookie: haidian,
      payload: { body: '与主题无关的内容' },
    });
    expect(rude.statusCode).toBe(201);

    const listOf = async (cookie: string) =>
      (await get(`${API}/${r.id}/comments`, cookie)).json().items as { id: number; state: string }[];
    expect((await listOf(member)).map((c) => c.id)).toEqual([]);
    expect((await listOf(other)).map((c) => c.id)).toEqual([good.json().id]);
    expect((await listOf(tongzhou)).map((c) => c.id)).toEqual([good.json().id, rude.json().id]);
    expect((await get(`${API}/${r.id}`, tongzhou)).json().counts).toEqual({
      comments: 0,
      pendingComments: 2,
    });
    expect(idsOf(await get(`${API}?pendingComments=true&limit=100`, tongzhou))).toContain(r.id);

    const moderate = (cookie: string, commentId: number, decision: string) =>
      t.request({
        method: 'POST',
        url: `${API}/${r.id}/comments/${commentId}/moderate`,
        cookie,
        payload: { decision },
      });
    expect((await moderate(haidian, good.json().id, 'approved')).statusCode).toBe(404);
    expect((await moderate(other, good.json().id, 'approved')).statusCode).toBe(403);
    expect((await moderate(tongzhou, good.json().id, 'approved')).statusCode).toBe(200);
    expect((await moderate(tongzhou, rude.json().id, 'rejected')).statusCode).toBe(200);
    expect((await moderate(tongzhou, rude.json().id, 'approved')).statusCode).toBe(409);

    expect((await listOf(member)).map((c) => c.id)).toEqual([good.json().id]);
    expect((await listOf(kangbao)).map((c) => c.id)).toEqual([good.json().id]);
    expect(await listOf(haidian)).toEqual([
      expect.objectContaining({ id: good.json().id, state: 'approved' }),
      expect.objectContaining({ id: rude.json().id, state: 'rejected' }),
    ]);
    expect((await get(`${API}/${r.id}`, member)).json().counts).toEqual({ comments: 1, pendingComments: 0 });
  });
});
