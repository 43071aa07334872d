import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, faultyFields, type TestApp } from '../../../../test/app';
import { branchOf } from '../../../../test/factories';
import { memberBody, syntheticIdNumber, syntheticPhone } from '../../../../test/member-factory';
import { queryRows } from '../../../db/client';
import { freshAddress, publicPost, registrationBody, solved, submitted } from './registrations.fixture';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({}, { members: 60 });
});
afterAll(() => t.close());

const SUBMIT = '/api/v1/public/registrations';
const STATUS = '/api/v1/public/registrations/status';

const count = async () =>
  (await queryRows<{ n: number }>(t.store.db, sql`select count(*)::int as n from registrations`))[0]!.n;

describe('GET /api/v1/public/challenge', () => {
  it('gives a picture and a token, without a session, never the answer in the body', async () => {
    const res = await t.request({
      method: 'GET',
      url: '/api/v1/public/challenge',
      remoteAddress: freshAddress(),
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.svg).toMatch(/^<svg/);
    expect(body.token).toMatch(/^[\w-]+\.[\w-]+$/);
    expect(Object.keys(body).sort()).toEqual(['expiresAt', 'svg', 'token']);
    expect(res.headers['x-test-challenge-answer']).toBeUndefined();
    expect(res.headers['cache-control']).toBe('no-store');
  });
});

describe('POST /api/v1/public/registrations', () => {
  it('takes a valid registration from anyone and stores the ID number and phone encrypted', async () => {
    const before = await count();
    const body = registrationBody(t);
    const res = await publicPost(t, SUBMIT, body);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ state: 'submitted' });
    expect(await count()).toBe(before + 1);
    const [row] = await queryRows<Record<string, string>>(
      t.store.db,
      sql`select r.*, o.name as review_org_name from registrations r join orgs o on o.id = r.review_org_id
          order by r.id desc limit 1`,
    );
    expect(row!.review_org_name).toBe('驻北京通州区流动党委');
    expect(row!.id_masked).toBe(`${body.idNumber.slice(0, 6)}********${body.idNumber.slice(-4)}`);
    expect(JSON.stringify(row)).not.toContain(body.idNumber);
    expect(JSON.stringify(row)).not.toContain(body.phone);
    expect(row!.consent_version).toBe(body.consentVersion);
  });

  it('sends a district without a committee of its own to the top committee', async () => {
    await t.store.db.execute(sql`update orgs set closed_at = now() where name = '驻北京海淀区流动党委'`);
    try {
      await submitted(t, { hostDistrict: '110108' });
      const [row] = await queryRows<{ name: string }>(
        t.store.db,
        sql`select o.name from registrations r join orgs o on o.id = r.review_org_id order by r.id desc limit 1`,
      );
      expect(row!.name).toBe('中共张家口市驻京流动党员联合委员会');
    } finally {
      await t.store.db.execute(sql`update orgs set closed_at = null where name = '驻北京海淀区流动党委'`);
    }
  });

  it('names every faulty field in Chinese and stores nothing', async () => {
    const before = await count();
    const cases: [Record<string, unknown>, string[]][] = [
      [{ name: '' }, ['name']],
      [{ name: '张\u0000三' }, ['name']],
      [{ idNumber: '130723198803150000' }, ['idNumber']],
      [{ idNumber: '' }, ['idNumber']],
      [{ phone: '1234' }, ['phone']],
      [{ homeCounty: '13072' }, ['homeCounty']],
      [{ homeOrg: '' }, ['homeOrg']],
      [{ joinedAt: '2099-01-01' }, ['joinedAt']],
      [{ joinedAt: '1990-01-01' }, ['joinedAt']], // under 18 at joining
      [{ hostDistrict: 'abc' }, ['hostDistrict']],
      [{ hostAddress: '\u202e北京' }, ['hostAddress']],
      [{ employer: 'x'.repeat(101) }, ['employer']],
      [{ consent: false }, ['consent']],
      [{ consentVersion: 'old' }, ['consentVersion']],
      [{ challengeAnswer: '' }, ['challengeAnswer']],
      [{ name: '', phone: '', idNumber: '' }, ['idNumber', 'name', 'phone']],
    ];
    for (const [patch, fields] of cases) {
      const res = await publicPost(t, SUBMIT, registrationBody(t, patch as never));
      expect(res.statusCode, JSON.stringify(patch)).toBe(400);
      expect(faultyFields(res), JSON.stringify(patch)).toEqual(fields);
      expect(res.json().message).toMatch(/\p{Script=Han}/u);
    }
    expect(await count()).toBe(before);
  });

  it('refuses a county or district outside the configured cities, and a wrong or reused challenge', async () => {
    const before = await count();
    const county = await publicPost(t, SUBMIT, registrationBody(t, { homeCounty: '110112' }));
    expect([county.statusCode, faultyFields(county)]).toEqual([400, ['homeCounty']]);
    const district = await publicPost(t, SUBMIT, registrationBody(t, { hostDistrict: '130723' }));
    expect([district.statusCode, faultyFields(district)]).toEqual([400, ['hostDistrict']]);
    const wrong = await publicPost(t, SUBMIT, registrationBody(t, { challengeAnswer: 'zzzz!' }));
    expect([wrong.statusCode, wrong.json().code, faultyFields(wrong)]).toEqual([
      400,
      'CHALLENGE_FAILED',
      ['challengeAnswer'],
    ]);
    const forged = await publicPost(t, SUBMIT, registrationBody(t, { challengeToken: 'abc.def' }));
    expect(forged.json().code).toBe('CHALLENGE_FAILED');
    expect(await count()).toBe(before);
    // A solved challenge is good for one submission only.
    const body = registrationBody(t);
    expect((await publicPost(t, SUBMIT, body)).statusCode).toBe(201);
    const replay = await publicPost(t, SUBMIT, {
      ...body,
      idNumber: syntheticIdNumber('130723', '19900101'),
    });
    expect([replay.statusCode, replay.json().message]).toEqual([400, '验证码已使用，请刷新后重新输入']);
  });

  it('answers a huge body 413, broken JSON and wrong types 400, never a 500, and stores nothing', async () => {
    const before = await count();
    const huge = await publicPost(t, SUBMIT, registrationBody(t, { employer: 'x'.repeat(9000) }));
    expect([huge.statusCode, huge.json().code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    const broken = await publicPost(t, SUBMIT, '{"name": "张三",');
    expect([broken.statusCode, broken.json().code]).toEqual([400, 'INVALID_JSON']);
    for (const payload of [
      '[]',
      '"x"',
      '{}',
      'null',
      JSON.stringify({ ...registrationBody(t), consent: 'true' }),
    ]) {
      const res = await publicPost(t, SUBMIT, payload);
      expect(res.statusCode, payload).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    const nul = await publicPost(t, SUBMIT, JSON.stringify(registrationBody(t, { homeOrg: 'a\u0000b' })));
    expect([nul.statusCode, faultyFields(nul)]).toEqual([400, ['homeOrg']]);
    expect(await count()).toBe(before);
  });

  it('queues an ID number once: a second submission is 409 until the first is decided', async () => {
    const first = await submitted(t);
    const before = await count();
    const again = await publicPost(
      t,
      SUBMIT,
      registrationBody(t, { idNumber: first.idNumber, phone: syntheticPhone() }),
    );
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'REGISTRATION_QUEUED', fields: [{ path: 'idNumber' }] });
    expect(await count()).toBe(before);
  });

  it('answers an ID number already on the rolls exactly like any other (it tells a stranger nothing)', async () => {
    const branch = await branchOf(t.store, '驻北京通州区流动党委');
    const office = await t.login('office');
    const member = memberBody(branch.id, { idNumber: syntheticIdNumber('130723', '19790909') });
    const created = await t.request({
      method: 'POST',
      url: '/api/v1/members',
      payload: member,
      cookie: office,
    });
    expect(created.statusCode, created.body).toBe(201);
    const fresh = await publicPost(t, SUBMIT, registrationBody(t));
    const known = await publicPost(t, SUBMIT, registrationBody(t, { idNumber: member.idNumber }));
    expect(known.statusCode).toBe(fresh.statusCode);
    expect(known.json()).toEqual(fresh.json());
  });
});

describe('POST /api/v1/public/registrations/status', () => {
  it('answers only for the exact pair, the same 404 whichever part is wrong', async () => {
    const body = await submitted(t);
    const ok = await publicPost(t, STATUS, { idNumber: body.idNumber, phone: body.phone, ...solved(t) });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({
      state: 'submitted',
      stateLabel: '待审核',
      reason: null,
      contact: '驻北京通州区流动党委',
    });
    const wrongPhone = await publicPost(t, STATUS, {
      idNumber: body.idNumber,
      phone: syntheticPhone(),
      ...solved(t),
    });
    const wrongId = await publicPost(t, STATUS, {
      idNumber: syntheticIdNumber('130723', '19700101'),
      phone: body.phone,
      ...solved(t),
    });
    for (const res of [wrongPhone, wrongId]) {
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({
        code: 'REGISTRATION_NOT_FOUND',
        message: '未找到登记信息，请核对身份证号和手机号',
      });
    }
    expect(wrongPhone.body).toBe(wrongId.body);
  });

  it('needs the challenge and valid fields', async () => {
    const body = await submitted(t);
    const noChallenge = await publicPost(t, STATUS, { idNumber: body.idNumber, phone: body.phone });
    expect([noChallenge.statusCode, faultyFields(noChallenge)]).toEqual([
      400,
      ['challengeAnswer', 'challengeToken'],
    ]);
    const bad = await publicPost(t, STATUS, { idNumber: '123', phone: 'abc', ...solved(t) });
    expect([bad.statusCode, faultyFields(bad)]).toEqual([400, ['idNumber', 'phone']]);
  });
});

describe('rate limits of the public routes', () => {
  it('slows a flood from one address with 429 while another address still gets through', async () => {
    const flooder = freshAddress();
    const answers: number[] = [];
    for (let i = 0; i < 25; i++) {
      const res = await publicPost(t, SUBMIT, registrationBody(t, { consent: false as never }), flooder);
      answers.push(res.statusCode);
    }
    expect(answers.slice(0, 20).every((s) => s === 400)).toBe(true);
    expect(answers.slice(20).every((s) => s === 429)).toBe(true);
    const limited = await publicPost(t, SUBMIT, registrationBody(t), flooder);
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(limited.json()).toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    expect(limited.json().message).toMatch(/操作过于频繁/);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await publicPost(t, SUBMIT, registrationBody(t))).statusCode).toBe(201);
  });

  it('limits submissions per phone whatever the address', async () => {
    const phone = syntheticPhone();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await publicPost(
        t,
        SUBMIT,
        registrationBody(t, { phone, idNumber: syntheticIdNumber('130722', '19811111') }),
      );
      statuses.push(res.statusCode);
    }
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
  });

  it('counts every public route against one budget per address', async () => {
    const flooder = freshAddress();
    let last = 0;
    for (let i = 0; i < 121; i++) {
      const url = i % 2 ? '/api/v1/public/challenge' : '/api/v1/public/registrations/status';
      const res =
        i % 2
          ? await t.request({ method: 'GET', url, remoteAddress: flooder })
          : await publicPost(t, url, {}, flooder);
      last = res.statusCode;
    }
    expect(last).toBe(429);
    const other = await t.request({
      method: 'GET',
      url: '/api/v1/public/challenge',
      remoteAddress: freshAddress(),
    });
    expect(other.statusCode).toBe(200);
  });
});
