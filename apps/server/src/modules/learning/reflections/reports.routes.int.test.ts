/** Yearly reports: a member submits, the secretary is told and acknowledges, the home county reads. */
import { describe, expect, it } from 'vitest';
import { faultyFields } from '../../../../test/app';
import {
  auditor,
  haidian,
  kangbao,
  member,
  memberLogin,
  office,
  REPORTS,
  t,
  take,
  tongzhou,
  useReflectionsWorld,
} from './reflections.fixture';

useReflectionsWorld();

const year = new Date().getFullYear();
const get = (url: string, cookie?: string) =>
  t.request({ method: 'GET', url, ...(cookie ? { cookie } : {}) });
const idsOf = (res: { json(): unknown }) =>
  (res.json() as { items: { id: number }[] }).items.map((i) => i.id);
const submit = (cookie: string, extra: Record<string, unknown> = {}) =>
  t.request({
    method: 'POST',
    url: REPORTS,
    cookie,
    payload: {
      year,
      kind: 'thought',
      title: `${year}年度思想汇报`,
      body: '一年来，我认真学习党的理论……',
      ...extra,
    },
  });

describe('member reports: 401, 403, 400', () => {
  it('answers 401 without a session, 403 to those without the action, 400 naming the fields', async () => {
    for (const url of [REPORTS, `${REPORTS}/mine`, `${REPORTS}/1`])
      expect((await get(url)).statusCode).toBe(401);
    for (const cookie of [member, auditor]) expect((await get(REPORTS, cookie)).statusCode).toBe(403);
    for (const cookie of [office, kangbao])
      expect((await get(`${REPORTS}/mine`, cookie)).statusCode).toBe(403);
    expect((await submit(tongzhou)).statusCode).toBe(403);
    const bad = await submit(member, { year: 1999, kind: 'poem', title: '' });
    expect(bad.statusCode).toBe(400);
    expect(faultyFields(bad)).toEqual(['kind', 'title', 'year']);
    const ahead = await submit(member, { year: year + 1 });
    expect(ahead.statusCode).toBe(400);
    expect(faultyFields(ahead)).toEqual(['year']);
    const ack = await t.request({
      method: 'POST',
      url: `${REPORTS}/1/acknowledge`,
      cookie: kangbao,
      payload: { version: 0 },
    });
    expect(ack.statusCode).toBe(403);
  });
});

describe('submitting and acknowledging', () => {
  it('a member owes this year’s report until submitted; one of each kind a year', async () => {
    const m = take();
    const cookie = await memberLogin(m.id);
    expect((await get(`${REPORTS}/mine`, cookie)).json()).toMatchObject({ year, owed: true, items: [] });
    const res = await submit(cookie);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ state: 'submitted', kindLabel: '思想汇报', policies: { edit: true } });
    expect((await get(`${REPORTS}/mine`, cookie)).json()).toMatchObject({ owed: false });
    const again = await submit(cookie);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('REPORT_EXISTS');
    expect((await submit(cookie, { kind: 'situation', title: `${year}年度情况报告` })).statusCode).toBe(201);
    // 通州's secretary is told.
    const inbox = (await get('/api/v1/inbox?limit=50', tongzhou)).json().items as {
      title: string;
      link: string;
    }[];
    expect(inbox.find((i) => i.link === `/reports/${res.json().id}`)?.title).toContain('思想汇报');
  });

  it('scope: the secretary of the subtree and the member’s home county read it; others find nothing', async () => {
    const home = take((m) => m.homeCounty === '130723');
    const elsewhere = take((m) => m.homeCounty !== '130723');
    const a = (await submit(await memberLogin(home.id))).json();
    const b = (await submit(await memberLogin(elsewhere.id))).json();
    const tz = idsOf(await get(`${REPORTS}?year=${year}&limit=100`, tongzhou));
    expect(tz).toEqual(expect.arrayContaining([a.id, b.id]));
    const kb = idsOf(await get(`${REPORTS}?year=${year}&limit=100`, kangbao));
    expect(kb).toContain(a.id);
    expect(kb).not.toContain(b.id);
    expect(idsOf(await get(`${REPORTS}?limit=100`, haidian))).not.toContain(a.id);
    expect((await get(`${REPORTS}/${a.id}`, kangbao)).statusCode).toBe(200);
    for (const [cookie, id] of [
      [kangbao, b.id],
      [haidian, a.id],
      [member, a.id],
    ] as const)
      expect((await get(`${REPORTS}/${id}`, cookie)).statusCode).toBe(404);
    // The home county reads but does not acknowledge.
    expect((await get(`${REPORTS}/${a.id}`, kangbao)).json().policies.acknowledge).toBe(false);
  });

  it('the secretary acknowledges with a comment; the report is then closed to edits', async () => {
    const m = take();
    const cookie = await memberLogin(m.id);
    const r = (await submit(cookie)).json();
    const edited = await t.request({
      method: 'PATCH',
      url: `${REPORTS}/${r.id}`,
      cookie,
      payload: { body: '补充：参加了志愿服务。', version: r.version },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(
      (
        await t.request({
          method: 'POST',
          url: `${REPORTS}/${r.id}/acknowledge`,
          cookie: haidian,
          payload: { comment: '已阅', version: edited.json().version },
        })
      ).statusCode,
    ).toBe(404);
    const stale = await t.request({
      method: 'POST',
      url: `${REPORTS}/${r.id}/acknowledge`,
      cookie: tongzhou,
      payload: { comment: '已阅', version: r.version },
    });
    expect(stale.statusCode).toBe(409);
    const ack = await t.request({
      method: 'POST',
      url: `${REPORTS}/${r.id}/acknowledge`,
      cookie: tongzhou,
      payload: { comment: '已阅，望继续保持', version: edited.json().version },
    });
    expect(ack.statusCode, ack.body).toBe(200);
    expect(ack.json()).toMatchObject({
      state: 'acknowledged',
      stateLabel: '已阅',
      ackComment: '已阅，望继续保持',
      ackByName: '通州流动党委书记',
    });
    const mine = (await get(`${REPORTS}/mine`, cookie)).json().items[0];
    expect(mine).toMatchObject({ stateLabel: '已阅', policies: { edit: false } });
    const late = await t.request({
      method: 'PATCH',
      url: `${REPORTS}/${r.id}`,
      cookie,
      payload: { title: '再改标题', version: ack.json().version },
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('REPORT_ACKNOWLEDGED');
  });
});
