/** API tests of campaigns, posts, shifts and the board: access, scope, bad input, the figures. */
import { describe, expect, it } from 'vitest';
import { faultyFields } from '../../../../test/app';
import { loadXlsx, sheetRows, XLSX } from '../../../../test/excel';
import { auditCount, orgByName } from '../../../../test/factories';
import { jpeg, uploadFile } from '../../../../test/files';
import { hasPoppler, inCI, pdfPages } from '../../../../test/pdf';
import {
  assign,
  BASE,
  bjDay,
  campaignBody,
  get,
  haidian,
  kangbao,
  me,
  member,
  office,
  openCampaign,
  pool,
  post,
  t,
  tongzhou,
  useServiceApp,
  xicheng,
} from '../service.fixture';

useServiceApp();

describe('campaigns', () => {
  it('401, 403 and 400 first', async () => {
    expect((await get(BASE)).statusCode).toBe(401);
    expect((await get(BASE, member)).statusCode).toBe(403);
    expect((await get(BASE, kangbao)).statusCode).toBe(403);
    expect((await post(BASE, xicheng, campaignBody())).statusCode).toBe(403);
    const bad = await post(BASE, tongzhou, { title: '', orgId: 0, startsOn: '2026-13-01', endsOn: 'x' });
    expect(bad.statusCode).toBe(400);
    expect(faultyFields(bad)).toEqual(['endsOn', 'orgId', 'startsOn', 'title']);
    const reversed = await post(
      BASE,
      tongzhou,
      campaignBody({ startsOn: '2026-10-08', endsOn: '2026-10-01' }),
    );
    expect(faultyFields(reversed)).toEqual(['endsOn']);
    const otherOrg = await post(BASE, haidian, campaignBody());
    expect(otherOrg.statusCode).toBe(400);
    expect(faultyFields(otherOrg)).toEqual(['orgId']);
  });

  it('creates a draft, edits it, adds posts and shifts, opens it; audited', async () => {
    const res = await post(BASE, tongzhou, campaignBody({ coOrgIds: [] }));
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json();
    expect(c).toMatchObject({
      state: 'draft',
      stateLabel: '草稿',
      partnerName: '大栅栏街道',
      hostDistrict: '110102',
    });
    expect(c.org.name).toBe('驻北京通州区流动党委');
    expect(await auditCount(t.store, 'volunteer.campaign_created', c.id)).toBe(1);

    const patched = await t.request({
      method: 'PATCH',
      url: `${BASE}/${c.id}`,
      cookie: tongzhou,
      payload: { title: '平安守望·国庆专场', version: c.version },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json().title).toBe('平安守望·国庆专场');
    const stale = await t.request({
      method: 'PATCH',
      url: `${BASE}/${c.id}`,
      cookie: tongzhou,
      payload: { title: '旧版本', version: c.version },
    });
    expect(stale.statusCode).toBe(409);

    // A custom task needs its name; a leader must be a member in scope.
    const noName = await post(`${BASE}/${c.id}/posts`, tongzhou, {
      name: '煤市街',
      task: 'custom',
      headcount: 2,
    });
    expect(faultyFields(noName)).toEqual(['customTask']);
    const badLeader = await post(`${BASE}/${c.id}/posts`, haidian, {
      name: '煤市街',
      task: 'patrol',
      headcount: 2,
    });
    expect(badLeader.statusCode).toBe(404);
    const p = await post(`${BASE}/${c.id}/posts`, tongzhou, {
      name: '煤市街',
      task: 'custom',
      customTask: '文明劝导',
      headcount: 2,
      leaderMemberId: me.id,
    });
    expect(p.statusCode, p.body).toBe(201);
    expect(p.json()).toMatchObject({ taskLabel: '文明劝导', leader: { id: me.id } });

    const day = c.startsOn;
    const outside = await post(`${BASE}/${c.id}/shifts`, tongzhou, {
      postId: p.json().id,
      onDates: [day, '2020-01-01'],
      startTime: '08:00',
      endTime: '12:00',
    });
    expect(faultyFields(outside)).toEqual(['onDates.1']);
    const badTime = await post(`${BASE}/${c.id}/shifts`, tongzhou, {
      postId: p.json().id,
      onDates: [day],
      startTime: '25:00',
      endTime: '12:00',
    });
    expect(faultyFields(badTime)).toEqual(['startTime']);
    const night = await post(`${BASE}/${c.id}/shifts`, tongzhou, {
      postId: p.json().id,
      onDates: [day],
      startTime: '20:00',
      endTime: '02:00',
    });
    expect(night.statusCode, night.body).toBe(201);
    const [shift] = night.json().items;
    expect(new Date(shift.endsAt).getTime() - new Date(shift.startsAt).getTime()).toBe(6 * 3_600_000);
    expect(shift).toMatchObject({ onDate: day, headcount: 2, filled: 0 });

    const detail = (await get(`${BASE}/${c.id}`, tongzhou)).json();
    expect(detail.posts.map((x: { name: string }) => x.name)).toEqual(['煤市街']);
    expect(detail.counts).toMatchObject({ posts: 1, shifts: 1 });
    const opened = await post(`${BASE}/${c.id}/state`, tongzhou, { to: 'open', version: detail.version });
    expect(opened.json().state).toBe('open');
    const again = await post(`${BASE}/${c.id}/state`, tongzhou, {
      to: 'open',
      version: opened.json().version,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('CAMPAIGN_TRANSITION_NOT_ALLOWED');
  });

  it('scope: the organizer subtree reads and manages, co-organizers and the host district read, others see 404', async () => {
    const c = await openCampaign();
    const other = await openCampaign({ extra: { hostDistrict: '110105' } });
    expect((await get(`${BASE}/${c.id}`, haidian)).statusCode).toBe(404);
    expect((await get(`${BASE}/${c.id}/shifts`, haidian)).statusCode).toBe(404);
    expect((await get(`${BASE}/${c.id}`, xicheng)).statusCode).toBe(200);
    expect((await get(`${BASE}/${other.id}`, xicheng)).statusCode).toBe(404);
    expect((await get(`${BASE}/${c.id}`, office)).json().policies.manage).toBe(true);
    expect((await get(`${BASE}/${c.id}`, xicheng)).json().policies.manage).toBe(false);
    const listed = (await get(`${BASE}?limit=100`, xicheng)).json().items.map((i: { id: number }) => i.id);
    expect(listed).toContain(c.id);
    expect(listed).not.toContain(other.id);
    expect(
      (await get(`${BASE}?limit=100`, haidian)).json().items.map((i: { id: number }) => i.id),
    ).not.toContain(c.id);
    // A host viewer reads but does not manage.
    const refused = await post(`${BASE}/${c.id}/posts`, xicheng, {
      name: '甲',
      task: 'patrol',
      headcount: 1,
    });
    expect(refused.statusCode).toBe(403);
    const page = await get(`${BASE}?limit=1`, tongzhou);
    expect(page.json().nextCursor).toBeTruthy();
    const next = await get(`${BASE}?limit=1&cursor=${page.json().nextCursor}`, tongzhou);
    expect(next.json().items[0].id).not.toBe(page.json().items[0].id);
    expect((await get(`${BASE}?cursor=zzz`, tongzhou)).statusCode).toBe(400);
    // A co-organizer's secretaries read the campaign (listed too) but do not manage it.
    const haidianOrg = await orgByName(t.store, '驻北京海淀区流动党委');
    const joint = await openCampaign({ extra: { coOrgIds: [haidianOrg.id] } });
    const seen = await get(`${BASE}/${joint.id}`, haidian);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().coOrgs.map((o: { id: number }) => o.id)).toEqual([haidianOrg.id]);
    expect(seen.json().policies.manage).toBe(false);
    expect((await get(`${BASE}?limit=100`, haidian)).json().items.map((i: { id: number }) => i.id)).toContain(
      joint.id,
    );
    expect(
      (await post(`${BASE}/${joint.id}/posts`, haidian, { name: '乙', task: 'patrol', headcount: 1 }))
        .statusCode,
    ).toBe(404);
  });

  it('the board sums volunteers, shifts filled, hours and people served by post and day', async () => {
    const c = await openCampaign({ headcount: 2 });
    const shift = c.shifts[0]!;
    const places = [];
    for (const m of pool.slice(0, 2)) {
      const r = await assign(c.id, shift.id, m.id);
      expect(r.statusCode, r.body).toBe(201);
      places.push(r.json());
    }
    const startedAt = new Date(Date.now() - 20 * 60_000).toISOString();
    const endedAt = new Date(Date.now() + 70 * 60_000).toISOString();
    for (const a of places) {
      const i = await post(`${BASE}/${c.id}/check-ins`, member, {
        assignmentId: a.id,
        action: 'in',
        at: startedAt,
        version: a.version,
      });
      expect(i.statusCode, i.body).toBe(200);
      const o = await post(`${BASE}/${c.id}/check-ins`, member, {
        assignmentId: a.id,
        action: 'out',
        at: endedAt,
        version: i.json().version,
      });
      expect(o.json()).toMatchObject({ state: 'checked_out', hours: 1.5, checkOutChannel: 'manual' });
    }
    const served = await t.request({
      method: 'PATCH',
      url: `${BASE}/${c.id}/shifts/${shift.id}`,
      cookie: member,
      payload: { servedCount: 137, version: 0 },
    });
    expect(served.statusCode, served.body).toBe(200);
    expect(served.json().servedCount).toBe(137);
    expect((await get(`${BASE}/${c.id}/summary`)).statusCode).toBe(401);
    expect((await get(`${BASE}/${c.id}/summary`, haidian)).statusCode).toBe(404);
    const board = (await get(`${BASE}/${c.id}/summary`, xicheng)).json();
    expect(board.totals).toMatchObject({
      volunteers: 2,
      shifts: 1,
      shiftsFilled: 1,
      places: 2,
      checkedOut: 2,
      hours: 3,
      served: 137,
    });
    expect(board.byPost[0]).toMatchObject({ name: '前门大街路口', hours: 3, served: 137, volunteers: 2 });
    expect(board.byDay).toEqual([
      expect.objectContaining({ onDate: bjDay(new Date(shift.startsAt)), hours: 3 }),
    ]);

    // The board as a spreadsheet and a one-page report, audited; the reader's scope holds.
    expect((await get(`${BASE}/${c.id}/summary.xlsx`)).statusCode).toBe(401);
    expect((await get(`${BASE}/${c.id}/summary.xlsx`, haidian)).statusCode).toBe(404);
    expect((await get(`${BASE}/${c.id}/summary.pdf`, kangbao)).statusCode).toBe(403);
    const xlsx = await get(`${BASE}/${c.id}/summary.xlsx`, xicheng);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toBe(XLSX);
    const book = await loadXlsx(xlsx.rawPayload);
    expect(sheetRows(book.getWorksheet('按点位')!)[1]!.slice(0, 2)).toEqual(['前门大街路口', '交通疏导']);
    const pdf = await get(`${BASE}/${c.id}/summary.pdf`, tongzhou);
    expect(pdf.statusCode, pdf.body.slice(0, 200)).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['x-pdf-pages']).toBe('1');
    if (hasPoppler || inCI) {
      const text = pdfPages(pdf.rawPayload).join('\n').replace(/\s+/g, '');
      expect(text).toContain('志愿服务活动报告');
      expect(text).toContain('服务群众137人次');
    }
    expect(await auditCount(t.store, 'volunteer.summary_exported', c.id)).toBe(2);
  });

  it('rounds and incidents: managers record rounds, the post leader an incident; photos follow the records', async () => {
    const c = await openCampaign();
    const place = (await assign(c.id, c.shifts[0]!.id, pool[2]!.id)).json();
    const rounds = `${BASE}/${c.id}/rounds`;
    const round = {
      inspector: '市委组织部 李督导',
      at: new Date().toISOString(),
      findings: '人员在岗在位',
      postId: c.postId,
    };
    expect((await post(rounds, undefined, round)).statusCode).toBe(401);
    expect((await post(rounds, member, round)).statusCode).toBe(403);
    expect((await post(rounds, haidian, round)).statusCode).toBe(404);
    expect(faultyFields(await post(rounds, tongzhou, { inspector: '', at: 'x' }))).toEqual([
      'at',
      'findings',
      'inspector',
    ]);
    expect(faultyFields(await post(rounds, tongzhou, { ...round, postId: 999_999 }))).toEqual(['postId']);
    const r = await post(rounds, tongzhou, round);
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({
      inspector: '市委组织部 李督导',
      post: { id: c.postId, name: '前门大街路口' },
    });
    expect((await get(rounds, xicheng)).json().items).toHaveLength(1);
    expect((await get(rounds, haidian)).statusCode).toBe(404);

    const incidents = `${BASE}/${c.id}/incidents`;
    const injury = {
      kind: 'injury',
      postId: c.postId,
      memberId: place.member.id,
      description: '志愿者足部受伤，拄拐坚守岗位',
      occurredAt: new Date().toISOString(),
    };
    expect((await post(incidents, haidian, injury)).statusCode).toBe(404);
    expect(faultyFields(await post(incidents, member, { ...injury, memberId: pool[5]!.id }))).toEqual([
      'memberId',
    ]);
    const i = await post(incidents, member, injury);
    expect(i.statusCode, i.body).toBe(201);
    expect(i.json()).toMatchObject({ kind: 'injury', kindLabel: '受伤', member: { id: place.member.id } });
    expect(await auditCount(t.store, 'volunteer.incident_recorded', c.id)).toBe(1);
    expect((await get(incidents, xicheng)).json().items.map((x: { id: number }) => x.id)).toEqual([
      i.json().id,
    ]);

    const photo = { ownerType: 'volunteer_incident', ownerId: String(i.json().id), purpose: 'photo' };
    expect((await uploadFile(t, member, photo, { name: 'crutches.jpg', data: jpeg() })).statusCode).toBe(201);
    expect((await uploadFile(t, haidian, photo, { name: 'x.jpg', data: jpeg() })).statusCode).toBe(404);
    const campaignPhoto = { ownerType: 'volunteer_campaign', ownerId: String(c.id), purpose: 'photo' };
    expect(
      (await uploadFile(t, tongzhou, campaignPhoto, { name: 'team.jpg', data: jpeg() })).statusCode,
    ).toBe(201);
    expect((await uploadFile(t, xicheng, campaignPhoto, { name: 'x.jpg', data: jpeg() })).statusCode).toBe(
      403,
    );
    const listed = await get(`/api/v1/files?ownerType=volunteer_campaign&ownerId=${c.id}`, xicheng);
    expect(listed.json().items).toHaveLength(1);
  });
});
