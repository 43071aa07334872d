import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { faultyFields } from '../../../../test/app';
import { branchOf, orgByName } from '../../../../test/factories';
import { memberBody } from '../../../../test/member-factory';
import { queryRows } from '../../../db/client';
import { api, c, campaignId, newLead, t, tongzhou, uid, useLeadsWorld } from './leads.fixture';

useLeadsWorld();

describe('POST /finding/campaigns/:id/leads', () => {
  it('401, 403 for a finder, 400 naming the fields', async () => {
    const url = `/campaigns/${campaignId}/leads`;
    expect((await api('POST', url, undefined, { name: '李大山' })).statusCode).toBe(401);
    expect((await api('POST', url, c.finder1, { name: '李大山' })).statusCode).toBe(403);
    const bad = await api('POST', url, c.office, { phone: '123', idNumber: '110105194912310021' });
    expect(bad.statusCode).toBe(400);
    expect(faultyFields(bad)).toEqual(['idNumber', 'name', 'phone']);
  });

  it('stores the phone encrypted and shows it masked; a finder outside the group is refused', async () => {
    const lead = await newLead();
    expect(lead).toMatchObject({ name: '李大山', phoneMasked: '138****5678', state: 'new', source: 'other' });
    const [row] = await queryRows<{ phone_cipher: string }>(
      t.store.db,
      sql`select phone_cipher from finding_leads where id = ${lead.id}`,
    );
    expect(row!.phone_cipher).not.toContain('13812345678');
    const outsider = await api('POST', `/campaigns/${campaignId}/leads`, c.office, {
      name: '李大山',
      finderId: uid.office,
    });
    expect(outsider.statusCode).toBe(400);
    expect(faultyFields(outsider)).toEqual(['finderId']);
  });

  it('turns a lost member the actor may read into a lead; not one on the rolls, not one outside the scope', async () => {
    const lost = await queryRows<{ id: number; org_path: string }>(
      t.store.db,
      sql`select id, org_path from members where status = 'lost' order by id`,
    );
    const inside = lost.find((m) => m.org_path.startsWith(`${tongzhou.path}.`));
    const outside = lost.find((m) => !m.org_path.startsWith(`${tongzhou.path}.`));
    expect(inside && outside).toBeTruthy();
    const res = await api('POST', `/campaigns/${campaignId}/leads`, c.tongzhou, { memberId: inside!.id });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ source: 'lost_contact', memberId: inside!.id });
    const again = await api('POST', `/campaigns/${campaignId}/leads`, c.tongzhou, { memberId: inside!.id });
    expect(again.json().code).toBe('FINDING_MEMBER_ALREADY_LEAD');
    const hidden = await api('POST', `/campaigns/${campaignId}/leads`, c.tongzhou, { memberId: outside!.id });
    expect(hidden.statusCode).toBe(404);
    const [active] = await queryRows<{ id: number }>(
      t.store.db,
      sql`select id from members where status = 'active' and org_path like ${`${tongzhou.path}.%`} limit 1`,
    );
    const onRolls = await api('POST', `/campaigns/${campaignId}/leads`, c.tongzhou, { memberId: active!.id });
    expect(onRolls.statusCode).toBe(400);
    expect(faultyFields(onRolls)).toEqual(['memberId']);
  });
});

describe('a finder sees only the leads assigned to them', () => {
  it('GET /leads/:id: 401; the assigned finder sees the full phone, another finder and another subtree 404', async () => {
    const lead = await newLead();
    expect((await api('GET', `/leads/${lead.id}`)).statusCode).toBe(401);
    const mine = await api('GET', `/leads/${lead.id}`, c.finder1);
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toMatchObject({ phone: '13812345678', policies: { work: true, update: false } });
    expect(mine.json().placements[0]).toMatchObject({ id: tongzhou.id });
    expect((await api('GET', `/leads/${lead.id}`, c.finder2)).statusCode).toBe(404);
    expect((await api('GET', `/leads/${lead.id}`, c.haidian)).statusCode).toBe(404);
    expect((await api('GET', `/leads/${lead.id}`, c.auditor)).statusCode).toBe(404);
    const manager = await api('GET', `/leads/${lead.id}`, c.tongzhou);
    expect(manager.json()).toMatchObject({
      phone: null,
      phoneMasked: '138****5678',
      policies: { update: true },
    });
    expect((await api('GET', '/leads/abc', c.office)).statusCode).toBe(400);
  });

  it('GET /my-leads: 401, 403 for managers, and only the finder’s own leads', async () => {
    await newLead({ finderId: uid.finder2, name: '赵二牛' });
    expect((await api('GET', '/my-leads')).statusCode).toBe(401);
    expect((await api('GET', '/my-leads', c.office)).statusCode).toBe(403);
    expect((await api('GET', '/my-leads?show=maybe', c.finder1)).statusCode).toBe(400);
    const items = (await api('GET', '/my-leads', c.finder1)).json().items as { finder: { id: number } }[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.finder.id === uid.finder1)).toBe(true);
    const other = (await api('GET', '/my-leads', c.finder2)).json().items as { name: string }[];
    expect(other.map((i) => i.name)).toEqual(['赵二牛']);
  });

  it('GET /campaigns/:id/leads filters by state, finder and district and pages by keyset', async () => {
    expect((await api('GET', `/campaigns/${campaignId}/leads`)).statusCode).toBe(401);
    expect((await api('GET', `/campaigns/${campaignId}/leads`, c.finder1)).statusCode).toBe(403);
    expect((await api('GET', `/campaigns/${campaignId}/leads?state=lost`, c.office)).statusCode).toBe(400);
    expect((await api('GET', `/campaigns/${campaignId}/leads`, c.haidian)).statusCode).toBe(404);
    const byFinder = (
      await api('GET', `/campaigns/${campaignId}/leads?finder=${uid.finder2}`, c.office)
    ).json();
    expect(byFinder.items.map((i: { name: string }) => i.name)).toEqual(['赵二牛']);
    const first = (
      await api('GET', `/campaigns/${campaignId}/leads?limit=2&district=110112`, c.office)
    ).json();
    const next = (
      await api(
        'GET',
        `/campaigns/${campaignId}/leads?limit=2&district=110112&cursor=${first.nextCursor}`,
        c.office,
      )
    ).json();
    expect(first.items[1].id).toBeGreaterThan(next.items[0].id);
  });
});

describe('PATCH /finding/leads/:id', () => {
  it('401, 403 for a finder, 400 naming the field; assigns a finder; 409 when stale', async () => {
    const lead = await newLead({ finderId: null });
    expect((await api('PATCH', `/leads/${lead.id}`, undefined, { version: 0 })).statusCode).toBe(401);
    expect((await api('PATCH', `/leads/${lead.id}`, c.finder1, { version: 0 })).statusCode).toBe(403);
    const bad = await api('PATCH', `/leads/${lead.id}`, c.office, { version: 0, phone: '999' });
    expect(faultyFields(bad)).toEqual(['phone']);
    const res = await api('PATCH', `/leads/${lead.id}`, c.tongzhou, { version: 0, finderId: uid.finder5 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ finder: { id: uid.finder5 }, version: 1 });
    expect(
      (await api('PATCH', `/leads/${lead.id}`, c.tongzhou, { version: 0, address: '梨园' })).statusCode,
    ).toBe(409);
    expect(
      (await api('PATCH', `/leads/${lead.id}`, c.haidian, { version: 1, address: '梨园' })).statusCode,
    ).toBe(404);
  });
});

describe('POST /finding/leads/:id/visits: state transitions', () => {
  it('401, 403 for a manager, 400 for a visit that claims found, 404 for another finder', async () => {
    const lead = await newLead();
    const visit = { visitedOn: '2026-01-05', method: 'phone', stateAfter: 'contacted', version: 0 };
    expect((await api('POST', `/leads/${lead.id}/visits`, undefined, visit)).statusCode).toBe(401);
    expect((await api('POST', `/leads/${lead.id}/visits`, c.office, visit)).statusCode).toBe(403);
    const found = await api('POST', `/leads/${lead.id}/visits`, c.finder1, { ...visit, stateAfter: 'found' });
    expect(faultyFields(found)).toEqual(['stateAfter']);
    expect((await api('POST', `/leads/${lead.id}/visits`, c.finder2, visit)).statusCode).toBe(404);
  });

  it('moves new → contacted → visited, refuses a step back and any visit once ended', async () => {
    const lead = await newLead();
    const log = (stateAfter: string, version: number) =>
      api('POST', `/leads/${lead.id}/visits`, c.finder1, {
        visitedOn: '2026-01-06',
        method: 'visit',
        note: '到工地见面',
        stateAfter,
        version,
      });
    const one = await log('contacted', 0);
    expect(one.json()).toMatchObject({ state: 'contacted', lastVisitOn: '2026-01-06', version: 1 });
    const two = await log('visited', 1);
    expect(two.json().state).toBe('visited');
    expect(two.json().visits).toHaveLength(2);
    const back = await log('contacted', 2);
    expect(back.statusCode).toBe(409);
    expect(back.json().code).toBe('FINDING_LEAD_TRANSITION');
    expect((await log('visited', 1)).statusCode).toBe(409); // stale version
    expect((await log('not_member', 2)).json().state).toBe('not_member');
    const closed = await log('visited', 3);
    expect(closed.statusCode).toBe(409);
    expect(closed.json().code).toBe('FINDING_LEAD_CLOSED');
  });
});

describe('POST /finding/leads/:id/found', () => {
  it('401, 403 for a manager, 400 without a mode', async () => {
    const lead = await newLead();
    const link = { mode: 'link', foundOn: '2026-01-07', idNumber: '11010519491231002X', version: 0 };
    expect((await api('POST', `/leads/${lead.id}/found`, undefined, link)).statusCode).toBe(401);
    expect((await api('POST', `/leads/${lead.id}/found`, c.tongzhou, link)).statusCode).toBe(403);
    expect((await api('POST', `/leads/${lead.id}/found`, c.finder1, { version: 0 })).statusCode).toBe(400);
    expect((await api('POST', `/leads/${lead.id}/found`, c.finder2, link)).statusCode).toBe(404);
  });

  it('creates the member through the members rules: source found, placed in the campaign’s subtree, the finder credited', async () => {
    const lead = await newLead();
    const branch = await branchOf(t.store, '驻北京通州区流动党委');
    const member = memberBody(branch.id, { name: '李大山' });
    const res = await api('POST', `/leads/${lead.id}/found`, c.finder1, {
      mode: 'create',
      foundOn: '2026-01-08',
      member,
      version: 0,
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ state: 'found', foundOn: '2026-01-08', finder: { id: uid.finder1 } });
    const created = await t.request({
      method: 'GET',
      url: `/api/v1/members/${body.memberId}`,
      cookie: c.tongzhou,
    });
    expect(created.json()).toMatchObject({ source: 'found', orgId: branch.id, name: '李大山' });
    const [entry] = await queryRows<{ kind: string; source_module: string }>(
      t.store.db,
      sql`select kind, source_module from member_activity where member_id = ${body.memberId} and kind = 'contact'`,
    );
    expect(entry).toMatchObject({ source_module: 'finding' });
    const [audit] = await queryRows<{ actor_name: string }>(
      t.store.db,
      sql`select actor_name from audit_log where action = 'member.created' and target_id = ${String(body.memberId)}`,
    );
    expect(audit!.actor_name).toBe('finder1');
  });

  it('refuses to place the member outside the campaign’s subtree, and refuses invalid member fields', async () => {
    const lead = await newLead();
    const haidian = await branchOf(t.store, '驻北京海淀区流动党委');
    const out = await api('POST', `/leads/${lead.id}/found`, c.finder1, {
      mode: 'create',
      foundOn: '2026-01-08',
      member: memberBody(haidian.id),
      version: 0,
    });
    expect(out.statusCode).toBe(400);
    expect(faultyFields(out)).toEqual(['member.orgId']);
    const bad = await api('POST', `/leads/${lead.id}/found`, c.finder1, {
      mode: 'create',
      foundOn: '2026-01-08',
      member: memberBody(tongzhou.id, { idNumber: '130723198506121230' }),
      version: 0,
    });
    expect(bad.statusCode).toBe(400);
    expect(faultyFields(bad)).toContain('member.idNumber');
    const [count] = await queryRows<{ n: number }>(
      t.store.db,
      sql`select count(*)::int as n from finding_leads where id = ${lead.id} and state = 'new'`,
    );
    expect(count!.n).toBe(1);
  });

  it('a duplicate ID number answers 409 with the link path; linking by the ID number marks it found', async () => {
    const [existing] = await queryRows<{ id: number }>(
      t.store.db,
      sql`select id from members order by id limit 1`,
    );
    const idNumber = await t.services.members.record
      .visibleMember(
        t.store.db,
        {
          assignments: [
            { id: 0, role: 'committee_admin', scopeKind: 'all', orgId: null, orgPath: null, division: null },
          ],
        } as never,
        existing!.id,
        'member.read',
      )
      .then((m) => t.app.platform.ctx.crypto.decrypt('idNumber', m.idCipher));
    const lead = await newLead();
    const dup = await api('POST', `/leads/${lead.id}/found`, c.finder1, {
      mode: 'create',
      foundOn: '2026-01-09',
      member: memberBody(tongzhou.id, { idNumber }),
      version: 0,
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'FINDING_MEMBER_EXISTS' });
    const [members] = await queryRows<{ n: number }>(t.store.db, sql`select count(*)::int as n from members`);
    const missing = await api('POST', `/leads/${lead.id}/found`, c.finder1, {
      mode: 'link',
      foundOn: '2026-01-09',
      idNumber: '11010519491231002X',
      version: 0,
    });
    expect(missing.statusCode).toBe(404);
    const link = await api('POST', `/leads/${lead.id}/found`, c.finder1, {
      mode: 'link',
      foundOn: '2026-01-09',
      idNumber,
      version: 0,
    });
    expect(link.statusCode, link.body).toBe(200);
    expect(link.json()).toMatchObject({ state: 'found', memberId: existing!.id, policies: { work: false } });
    const [after] = await queryRows<{ n: number }>(t.store.db, sql`select count(*)::int as n from members`);
    expect(after!.n).toBe(members!.n);
    const twice = await api('POST', `/leads/${lead.id}/found`, c.finder1, {
      mode: 'link',
      foundOn: '2026-01-09',
      idNumber,
      version: 1,
    });
    expect(twice.json().code).toBe('FINDING_LEAD_CLOSED');
  });
});

describe('GET /finding/campaigns/:id/progress', () => {
  it('counts from known data: found per day as a cumulative curve, by district, by finder', async () => {
    const org = await orgByName(t.store, '驻北京大兴区流动党委');
    const campaign = (
      await api('POST', '/campaigns', c.office, {
        name: '进度核对行动',
        orgId: org.id,
        startsOn: '2025-03-01',
        endsOn: '2025-03-05',
        targetCount: 4,
        finderIds: [uid.finder1, uid.finder2],
      })
    ).json();
    const lead = async (name: string, finderId: number, hostDistrict: string) =>
      (
        await api('POST', `/campaigns/${campaign.id}/leads`, c.office, { name, finderId, hostDistrict })
      ).json() as { id: number };
    const a = await lead('甲一', uid.finder1, '110115');
    const b = await lead('乙二', uid.finder1, '110115');
    const d = await lead('丙三', uid.finder2, '110105');
    const e = await lead('丁四', uid.finder2, '110105');
    const [m1, m2, m3] = await queryRows<{ id: number; id_cipher: string }>(
      t.store.db,
      sql`select id, id_cipher from members order by id desc limit 3`,
    );
    const id = (m: { id_cipher: string }) => t.app.platform.ctx.crypto.decrypt('idNumber', m.id_cipher);
    const found = (leadId: number, cookie: string, foundOn: string, m: { id_cipher: string }) =>
      api('POST', `/leads/${leadId}/found`, cookie, { mode: 'link', foundOn, idNumber: id(m), version: 0 });
    expect((await found(a.id, c.finder1, '2025-03-02', m1!)).statusCode).toBe(200);
    expect((await found(b.id, c.finder1, '2025-03-02', m2!)).statusCode).toBe(200);
    expect((await found(d.id, c.finder2, '2025-03-04', m3!)).statusCode).toBe(200);
    const visit = await api('POST', `/leads/${e.id}/visits`, c.finder2, {
      visitedOn: '2025-03-03',
      method: 'wechat',
      stateAfter: 'contacted',
      version: 0,
    });
    expect(visit.statusCode, visit.body).toBe(200);

    expect((await api('GET', `/campaigns/${campaign.id}/progress`)).statusCode).toBe(401);
    expect((await api('GET', `/campaigns/${campaign.id}/progress`, c.finder1)).statusCode).toBe(403);
    expect((await api('GET', '/campaigns/x/progress', c.office)).statusCode).toBe(400);
    const p = (await api('GET', `/campaigns/${campaign.id}/progress`, c.office)).json();
    expect(p.totals).toEqual({ leads: 4, found: 3, open: 1, notMember: 0, notFound: 0 });
    expect(p.daily).toEqual([
      { day: '2025-03-01', found: 0, cumulative: 0 },
      { day: '2025-03-02', found: 2, cumulative: 2 },
      { day: '2025-03-03', found: 0, cumulative: 2 },
      { day: '2025-03-04', found: 1, cumulative: 3 },
      { day: '2025-03-05', found: 0, cumulative: 3 },
    ]);
    expect(p.byDistrict).toEqual([
      { district: '110115', name: '大兴区', leads: 2, found: 2 },
      { district: '110105', name: '朝阳区', leads: 2, found: 1 },
    ]);
    expect(p.byFinder).toEqual([
      { finder: { id: uid.finder1, name: expect.any(String) }, leads: 2, open: 0, found: 2, visits: 0 },
      { finder: { id: uid.finder2, name: expect.any(String) }, leads: 2, open: 1, found: 1, visits: 1 },
    ]);
  });
});

describe('workbench to-dos', () => {
  it('shows a finder their open leads and a manager the leads without a finder', async () => {
    await newLead({ finderId: null, name: '无人认领' });
    const todos = async (cookie: string) =>
      (await t.request({ method: 'GET', url: '/api/v1/workbench', cookie })).json().todos as {
        key: string;
        count: number;
      }[];
    const mine = (await todos(c.finder1)).find((x) => x.key === 'finding.myLeads');
    const [open] = await queryRows<{ n: number }>(
      t.store.db,
      sql`select count(*)::int as n from finding_leads where finder_id = ${uid.finder1} and state in ('new','contacted','visited')`,
    );
    expect(mine?.count).toBe(open!.n);
    expect((await todos(c.tongzhou)).find((x) => x.key === 'finding.unassigned')?.count).toBeGreaterThan(0);
    expect((await todos(c.haidian)).find((x) => x.key === 'finding.unassigned')).toBeUndefined();
  });
});
