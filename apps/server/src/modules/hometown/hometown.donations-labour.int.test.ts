/** Donations (funds, goods with items, the donor member's ledger entry, the honour roll) and labour export. */
import { describe, expect, it } from 'vitest';
import { faultyFields } from '../../../test/app';
import { auditCount } from '../../../test/factories';
import { pdf, uploadFile } from '../../../test/files';
import {
  API,
  createDonation,
  donationBody,
  haidian,
  haidianMember,
  haidianOrg,
  KANGBAO,
  kangbao,
  ledgerOf,
  office,
  placementBody,
  post,
  postingBody,
  statusOf,
  t,
  tongzhou,
  tongzhouMembers,
  tongzhouOrg,
  useHometownWorld,
  YUXIAN,
} from './hometown.fixture';

useHometownWorld();

describe('donations', () => {
  it('400 naming every missing field; the donor, amount and items must agree with the kinds', async () => {
    expect(faultyFields(await post('/donations', office, {}))).toEqual([
      'countyCode',
      'donatedOn',
      'donorKind',
      'kind',
      'orgId',
      'purpose',
    ]);
    const before = await auditCount(t.store, 'hometown.donation_created');
    const item = { name: '课桌椅', quantity: '200', unit: '套', valueYuan: '60000' };
    const cases: [Record<string, unknown>, string[]][] = [
      [{ amountYuan: '12.345' }, ['amountYuan']],
      [{ amountYuan: 300 }, ['amountYuan']],
      [{ amountYuan: '0' }, ['amountYuan']],
      [{ amountYuan: undefined }, ['amountYuan']],
      [{ items: [item] }, ['items']],
      [{ kind: 'goods', amountYuan: undefined }, ['items']],
      [{ kind: 'goods', items: [item] }, ['amountYuan']],
      [
        { kind: 'goods', amountYuan: undefined, items: [{ ...item, quantity: '-1', valueYuan: '0' }] },
        ['items.0.quantity', 'items.0.valueYuan'],
      ],
      [{ donorName: null }, ['donorName']],
      [{ donorKind: 'member', donorName: null }, ['donorMemberId']],
      [{ donorKind: 'member', donorMemberId: haidianMember.id }, ['donorMemberId']],
      [{ donorOrgId: tongzhouOrg.id }, ['donorOrgId']],
      [{ countyCode: '110102' }, ['countyCode']],
      [{ donatedOn: '2099-01-01' }, ['donatedOn']],
      [{ orgId: haidianOrg.id }, ['orgId']],
      [{ purpose: 'party' }, ['purpose']],
    ];
    for (const [extra, fields] of cases) {
      const res = await post('/donations', tongzhou, donationBody(extra));
      expect(res.statusCode, JSON.stringify(extra)).toBe(400);
      expect(faultyFields(res), JSON.stringify(extra)).toEqual(fields);
    }
    expect(await auditCount(t.store, 'hometown.donation_created')).toBe(before);
  });

  it('values goods as the sum of their items, to the fen', async () => {
    const res = await post(
      '/donations',
      tongzhou,
      donationBody({
        kind: 'goods',
        purpose: 'education',
        amountYuan: undefined,
        recipient: '康保县第二中学',
        items: [
          { name: '课桌椅', quantity: '200', unit: '套', valueYuan: '60000.10' },
          { name: '黑板', quantity: '20', unit: '块', valueYuan: '0.20' },
        ],
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      kind: 'goods',
      kindLabel: '物资',
      purposeLabel: '助学',
      amountFen: 6_000_030,
      items: [
        { name: '课桌椅', quantity: '200.00', unit: '套', valueFen: 6_000_010 },
        { name: '黑板', quantity: '20.00', unit: '块', valueFen: 20 },
      ],
    });
  });

  it("a member's donation is in the member's ledger, rewritten on change and taken back on delete", async () => {
    const donor = tongzhouMembers[2]!;
    const d = await createDonation(tongzhou, {
      donorKind: 'member',
      donorName: null,
      donorMemberId: donor.id,
      amountYuan: '5000.50',
    });
    const entry = async () => (await ledgerOf(donor.id)).find((e) => e.source_id === `donation:${d.id}`);
    expect(await entry()).toEqual({
      source_id: `donation:${d.id}`,
      quantity: '500050.00',
      title: '捐赠资金（抗疫）：康保县疫情防控指挥部',
      occurred_on: '2020-02-10',
    });
    const changed = await t.request({
      method: 'PUT',
      url: `${API}/donations/${d.id}`,
      cookie: tongzhou,
      payload: {
        ...donationBody({ donorKind: 'member', donorName: null, donorMemberId: donor.id }),
        amountYuan: '6000',
        orgId: undefined,
        version: d.version,
      },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().donorName).toBe(donor.name);
    expect((await entry())?.quantity).toBe('600000.00');
    // Changed into an enterprise's gift: the member's entry goes.
    const v = changed.json().version;
    const toEnterprise = await t.request({
      method: 'PUT',
      url: `${API}/donations/${d.id}`,
      cookie: tongzhou,
      payload: { ...donationBody(), orgId: undefined, version: v },
    });
    expect(toEnterprise.statusCode, toEnterprise.body).toBe(200);
    expect(await entry()).toBeUndefined();
    const stale = await t.request({
      method: 'PUT',
      url: `${API}/donations/${d.id}`,
      cookie: tongzhou,
      payload: { ...donationBody(), orgId: undefined, version: v },
    });
    expect(stale.statusCode).toBe(409);
    expect(await statusOf('DELETE', `/donations/${d.id}`, haidian)).toBe(404);
    expect(await statusOf('DELETE', `/donations/${d.id}`, tongzhou)).toBe(204);
    expect(await statusOf('GET', `/donations/${d.id}`, tongzhou)).toBe(404);
  });

  it('reads in scope, and the honour roll ranks donors by their sum in that scope', async () => {
    const a = await createDonation(tongzhou, {
      donorName: '光荣榜企业甲',
      amountYuan: '100',
      countyCode: YUXIAN,
      donatedOn: '2019-05-01',
    });
    await createDonation(tongzhou, {
      donorName: '光荣榜企业甲',
      amountYuan: '250',
      countyCode: YUXIAN,
      donatedOn: '2019-06-01',
    });
    await createDonation(tongzhou, {
      donorName: '光荣榜企业乙',
      amountYuan: '300',
      countyCode: YUXIAN,
      donatedOn: '2019-07-01',
    });
    const h = await createDonation(haidian, {
      donorName: '光荣榜企业丙',
      amountYuan: '999',
      countyCode: YUXIAN,
      orgId: haidianOrg.id,
      donatedOn: '2019-08-01',
    });
    const roll = async (cookie: string) =>
      (
        await t.request({
          method: 'GET',
          url: `${API}/donations/honour-roll?year=2019&countyCode=${YUXIAN}`,
          cookie,
        })
      ).json().items as { rank: number; donorName: string; amountFen: number; donations: number }[];
    expect((await roll(tongzhou)).map((r) => [r.rank, r.donorName, r.amountFen, r.donations])).toEqual([
      [1, '光荣榜企业甲', 35_000, 2],
      [2, '光荣榜企业乙', 30_000, 1],
    ]);
    expect((await roll(office)).map((r) => r.donorName)).toEqual([
      '光荣榜企业丙',
      '光荣榜企业甲',
      '光荣榜企业乙',
    ]);
    // 康保 reads the gifts to its county only.
    expect(await roll(kangbao)).toEqual([]);
    expect(await statusOf('GET', `/donations/${a.id}`, kangbao)).toBe(404);
    expect(await statusOf('GET', `/donations/${h.id}`, tongzhou)).toBe(404);
    const list = (
      await t.request({
        method: 'GET',
        url: `${API}/donations?year=2019&countyCode=${YUXIAN}`,
        cookie: tongzhou,
      })
    ).json();
    expect(list.totals).toEqual({ count: 3, amountFen: 65_000 });
    const bad = await t.request({
      method: 'GET',
      url: `${API}/donations/honour-roll?limit=0&purpose=x`,
      cookie: office,
    });
    expect(faultyFields(bad)).toEqual(['limit', 'purpose']);
  });
});

describe('proof files', () => {
  it('a donation holds proof documents: written by its secretaries, read in scope, out of scope 404', async () => {
    const d = await createDonation(tongzhou, { countyCode: KANGBAO });
    const fields = (ownerId: number, purpose = 'document') => ({
      ownerType: 'hometown_donation',
      ownerId: String(ownerId),
      purpose,
    });
    const up = await uploadFile(t, tongzhou, fields(d.id), {
      name: '捐赠收据.pdf',
      data: pdf(),
      type: 'application/pdf',
    });
    expect(up.statusCode, up.body).toBe(201);
    expect((await uploadFile(t, kangbao, fields(d.id), { name: 'x.pdf', data: pdf() })).statusCode).toBe(403);
    expect((await uploadFile(t, haidian, fields(d.id), { name: 'x.pdf', data: pdf() })).statusCode).toBe(404);
    expect(
      faultyFields(await uploadFile(t, tongzhou, fields(d.id, 'attachment'), { name: 'x.pdf', data: pdf() })),
    ).toEqual(['purpose']);
    const list = (cookie: string) =>
      t.request({ method: 'GET', url: `/api/v1/files?ownerType=hometown_donation&ownerId=${d.id}`, cookie });
    expect((await list(kangbao)).json().items.map((f: { name: string }) => f.name)).toEqual(['捐赠收据.pdf']);
    expect((await list(haidian)).statusCode).toBe(404);
    const p = (
      await post('/projects', tongzhou, {
        name: '附件项目',
        industry: '建材',
        countyCode: YUXIAN,
        stage: 'signed',
        stageOn: '2022-01-01',
        signedWan: '1',
        orgId: tongzhouOrg.id,
      })
    ).json();
    const photo = await uploadFile(
      t,
      tongzhou,
      { ownerType: 'hometown_project', ownerId: String(p.id), purpose: 'attachment' },
      { name: '协议.pdf', data: pdf(), type: 'application/pdf' },
    );
    expect(photo.statusCode, photo.body).toBe(201);
  });
});

describe('labour export', () => {
  it('postings: 400s, the pay range in 元, scope, change and delete', async () => {
    expect(faultyFields(await post('/labour/postings', office, {}))).toEqual([
      'employer',
      'headcount',
      'orgId',
      'place',
      'postedOn',
      'title',
    ]);
    const reversed = await post(
      '/labour/postings',
      tongzhou,
      postingBody({ payMinYuan: '6000', payMaxYuan: '5999.99' }),
    );
    expect(faultyFields(reversed)).toEqual(['payMaxYuan']);
    const early = await post('/labour/postings', tongzhou, postingBody({ closesOn: '2024-02-01' }));
    expect(faultyFields(early)).toEqual(['closesOn']);
    expect(
      faultyFields(
        await post('/labour/postings', tongzhou, postingBody({ employerMemberId: haidianMember.id })),
      ),
    ).toEqual(['employerMemberId']);
    const res = await post(
      '/labour/postings',
      tongzhou,
      postingBody({ employerMemberId: tongzhouMembers[0]!.id }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const p = res.json();
    expect(p).toMatchObject({
      payMinFen: 450_000,
      payMaxFen: 600_000,
      state: 'open',
      stateLabel: '招聘中',
      placedPersonTimes: 0,
    });
    expect(p.employerMember.name).toBe(tongzhouMembers[0]!.name);
    expect(await statusOf('GET', `/labour/postings/${p.id}`, kangbao)).toBe(200);
    expect(await statusOf('GET', `/labour/postings/${p.id}`, haidian)).toBe(404);
    const closed = await t.request({
      method: 'PUT',
      url: `${API}/labour/postings/${p.id}`,
      cookie: tongzhou,
      payload: { ...postingBody({ state: 'closed' }), orgId: undefined, version: p.version },
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json().stateLabel).toBe('已结束');
    // A placement through the posting counts on it.
    const placed = await post(
      '/labour/placements',
      tongzhou,
      placementBody({ postingId: p.id, personTimes: 25 }),
    );
    expect(placed.statusCode, placed.body).toBe(201);
    expect(placed.json().posting).toEqual({ id: p.id, title: '物业保洁员' });
    expect(
      (await t.request({ method: 'GET', url: `${API}/labour/postings/${p.id}`, cookie: tongzhou })).json()
        .placedPersonTimes,
    ).toBe(25);
    expect(await statusOf('DELETE', `/labour/postings/${p.id}`, tongzhou)).toBe(204);
    expect(
      (
        await t.request({
          method: 'GET',
          url: `${API}/labour/placements/${placed.json().id}`,
          cookie: tongzhou,
        })
      ).json().posting,
    ).toBeNull();
  });

  it('placements: 400s, person-times summed over the list, scope, change and delete', async () => {
    expect(faultyFields(await post('/labour/placements', office, {}))).toEqual([
      'countyCode',
      'employer',
      'orgId',
      'personTimes',
      'placedOn',
    ]);
    expect(
      faultyFields(await post('/labour/placements', tongzhou, placementBody({ personTimes: 0 }))),
    ).toEqual(['personTimes']);
    expect(
      faultyFields(await post('/labour/placements', tongzhou, placementBody({ countyCode: '999999' }))),
    ).toEqual(['countyCode']);
    const foreignPosting = (
      await post('/labour/postings', haidian, postingBody({ orgId: haidianOrg.id }))
    ).json();
    expect(
      faultyFields(
        await post('/labour/placements', tongzhou, placementBody({ postingId: foreignPosting.id })),
      ),
    ).toEqual(['postingId']);
    const a = (
      await post('/labour/placements', tongzhou, placementBody({ placedOn: '2018-03-01', personTimes: 300 }))
    ).json();
    await post('/labour/placements', tongzhou, placementBody({ placedOn: '2018-09-01', personTimes: 45 }));
    await post(
      '/labour/placements',
      haidian,
      placementBody({ placedOn: '2018-05-01', personTimes: 1000, orgId: haidianOrg.id }),
    );
    const list = async (cookie: string) =>
      (
        await t.request({
          method: 'GET',
          url: `${API}/labour/placements?year=2018&countyCode=${KANGBAO}`,
          cookie,
        })
      ).json();
    expect((await list(tongzhou)).totals).toEqual({ count: 2, personTimes: 345 });
    expect((await list(kangbao)).totals).toEqual({ count: 3, personTimes: 1345 });
    const changed = await t.request({
      method: 'PUT',
      url: `${API}/labour/placements/${a.id}`,
      cookie: tongzhou,
      payload: {
        ...placementBody({ placedOn: '2018-03-01', personTimes: 310 }),
        orgId: undefined,
        version: a.version,
      },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await list(tongzhou)).totals.personTimes).toBe(355);
    expect(await statusOf('DELETE', `/labour/placements/${a.id}`, kangbao)).toBe(403);
    expect(await statusOf('DELETE', `/labour/placements/${a.id}`, tongzhou)).toBe(204);
    expect((await list(tongzhou)).totals).toEqual({ count: 1, personTimes: 45 });
  });
});
