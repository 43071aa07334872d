/**
 * Hostile input, one class at a time: each was once answered with a 500 (or worse). Every
 * answer here is a 4xx problem with a stable code, and nothing is written by a refused request.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, faultyFields, type TestApp } from '../test/app';
import { branchOf, createUser } from '../test/factories';
import { memberBody, syntheticIdNumber } from '../test/member-factory';
import { queryRows } from './db/client';
import { appendAudit, verifyChain } from './modules/audit/audit.service';

let t: TestApp;
let office: string;
let branch: number;
let member: { id: number; version: number };

const get = (url: string, cookie?: string) =>
  t.request({ method: 'GET', url, ...(cookie ? { cookie } : {}) });
const send = (method: 'POST' | 'PATCH', url: string, payload: unknown, cookie?: string) =>
  t.request({
    method,
    url,
    headers: { 'content-type': 'application/json' },
    payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
    ...(cookie ? { cookie } : {}),
  });
const count = async (table: string) =>
  (await queryRows<{ n: number }>(t.store.db, sql.raw(`select count(*)::int as n from ${table}`)))[0]!.n;
const chain = () => verifyChain(t.store.db);

beforeAll(async () => {
  t = await createTestApp({}, { members: 50 });
  office = await t.login('office');
  branch = (await branchOf(t.store, '驻北京通州区流动党委')).id;
  const created = await send(
    'POST',
    '/api/v1/members',
    memberBody(branch, { name: '韩立冬', idNumber: syntheticIdNumber('130723', '19800315', 'male') }),
    office,
  );
  expect(created.statusCode).toBe(201);
  member = { id: created.json().id, version: created.json().version };
});
afterAll(() => t.close());

describe('text the database cannot hold', () => {
  it('refuses NUL in the user name at sign-in, without a session, and the audit chain stays intact', async () => {
    const before = await count('audit_log');
    const res = await send('POST', '/api/v1/auth/login', '{"username":"off\\u0000ice","password":"x"}');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'username' }] });
    expect(res.json().message).toContain('用户名含有无法保存的控制字符');
    expect(await count('audit_log')).toBe(before);
    expect((await chain()).status).toBe('intact');
  });

  it('refuses a lone surrogate in the user name, which would be stored as U+FFFD', async () => {
    const res = await send('POST', '/api/v1/auth/login', '{"username":"\\ud800office","password":"x"}');
    expect(res.statusCode).toBe(400);
    expect(faultyFields(res)).toEqual(['username']);
    expect((await chain()).status).toBe('intact');
  });

  it('keeps the chain verifiable whatever text reaches the log by another way', async () => {
    await t.store.db.transaction((tx) =>
      appendAudit(
        tx,
        { actorId: null, actorName: 'a\u0000b\ud800', ip: '\udfff' },
        {
          action: 'auth.login_failed',
          targetLabel: '\u0000',
          after: { 'k\u0000': 'v\ud83d', list: ['\u0000', 1, null] },
        },
      ),
    );
    expect(await chain()).toMatchObject({ status: 'intact', firstBrokenSeq: null });
  });

  it.each([
    ['the search words', '/api/v1/members?q=%E5%BC%A0%00', 'q'],
    ['an audit filter', '/api/v1/audit?actor=a%00b', 'actor'],
    ['a list filter', '/api/v1/members?tags=%E8%81%94%00', 'tags.0'],
  ])('refuses NUL in %s', async (_what, url, field) => {
    const cookie = url.includes('/audit') ? await t.login('auditor') : office;
    const res = await get(url, cookie);
    expect(res.statusCode).toBe(400);
    expect(faultyFields(res)).toEqual([field]);
  });

  it('refuses control characters in member, org and position fields, and writes nothing', async () => {
    const members = await count('members');
    const orgs = await count('orgs');
    const bad = [
      send('POST', '/api/v1/members', memberBody(branch, { name: '张\u0000三' }), office),
      send('POST', '/api/v1/members', memberBody(branch, { employer: '某\u202e公司' }), office),
      send('POST', '/api/v1/orgs', { parentId: branch, name: '支部\u0007', kind: 'group' }, office),
      send(
        'POST',
        `/api/v1/orgs/${branch}/positions`,
        { title: 'secretary', holderName: '李\u0000四', termStart: '2024-01-01' },
        office,
      ),
    ];
    const fields = (await Promise.all(bad)).map((r) => [r.statusCode, faultyFields(r)]);
    expect(fields).toEqual([
      [400, ['name']],
      [400, ['employer']],
      [400, ['name']],
      [400, ['holderName']],
    ]);
    expect([await count('members'), await count('orgs')]).toEqual([members, orgs]);
  });

  it('counts a name of invisible characters only as empty, and stores names in one normal form', async () => {
    const empty = await send(
      'POST',
      '/api/v1/members',
      memberBody(branch, { name: '\u200b\u200f\u3000' }),
      office,
    );
    expect(empty.statusCode).toBe(400);
    expect(empty.json().fields).toEqual([{ path: 'name', message: '姓名至少 2 个字' }]);
    const spaced = await send(
      'POST',
      '/api/v1/members',
      memberBody(branch, { name: '\u200e 王\u200b五 ' }),
      office,
    );
    expect(spaced.statusCode).toBe(201);
    expect(spaced.json().name).toBe('王五');
  });
});

describe('integers beyond the column', () => {
  it('answers 404 for a path id of digits beyond the column, 400 for anything but digits', async () => {
    for (const url of [
      '/api/v1/members/2147483648',
      '/api/v1/orgs/99999999999999999999',
      '/api/v1/members/0',
    ]) {
      const res = await get(url, office);
      expect([url, res.statusCode, res.json().code]).toEqual([url, 404, 'NOT_FOUND']);
    }
    for (const id of ['1e3', '0x10', '%201', '-1', '1.0']) {
      const res = await get(`/api/v1/members/${id}`, office);
      expect([id, res.statusCode]).toEqual([id, 400]);
      expect(faultyFields(res)).toEqual(['id']);
    }
  });

  it('answers 400 naming the field for ids and versions in bodies and queries', async () => {
    const orgs = await count('orgs');
    const parent = await send(
      'POST',
      '/api/v1/orgs',
      { parentId: 2147483648, name: '新支部', kind: 'group' },
      office,
    );
    expect([parent.statusCode, faultyFields(parent)]).toEqual([400, ['parentId']]);
    const version = await send(
      'PATCH',
      `/api/v1/members/${member.id}`,
      { notes: '备注', version: 2 ** 31 },
      office,
    );
    expect([version.statusCode, faultyFields(version)]).toEqual([400, ['version']]);
    const query = await get('/api/v1/members?orgId=2147483648', office);
    expect([query.statusCode, faultyFields(query)]).toEqual([400, ['orgId']]);
    const loose = await get('/api/v1/members?limit=1e2', office);
    expect([loose.statusCode, faultyFields(loose)]).toEqual([400, ['limit']]);
    const seq = await get('/api/v1/audit?before=100000000000000000000', await t.login('auditor'));
    expect([seq.statusCode, faultyFields(seq)]).toEqual([400, ['before']]);
    expect(await count('orgs')).toBe(orgs);
  });
});

describe('page cursors', () => {
  const crafted = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  it.each([
    ['a huge id', crafted([null, 1e30])],
    ['an id beyond the column', crafted(['2024-01-01 00:00:00+00', 2147483648])],
    ['wrong types', crafted([1, '1'])],
    ['an object', crafted({ a: 1 })],
    ['NUL in the value', crafted(['a\u0000', 1])],
    ['not base64', '***'],
    ['base64 of nothing JSON', Buffer.from('not json').toString('base64url')],
  ])('answers 400 INVALID_CURSOR for %s', async (_what, cursor) => {
    const res = await get(`/api/v1/members?cursor=${cursor}`, office);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'INVALID_CURSOR', fields: [{ path: 'cursor' }] });
  });
});

describe('multipart without a boundary', () => {
  it.each([
    ['no boundary', 'multipart/form-data'],
    ['an empty boundary', 'multipart/form-data; boundary='],
    ['a boundary the body does not use', 'multipart/form-data; boundary=abc'],
  ])('answers 400 UPLOAD_MALFORMED for %s', async (_what, contentType) => {
    const res = await t.request({
      method: 'POST',
      url: '/api/v1/members/import',
      cookie: office,
      headers: { 'content-type': contentType },
      payload:
        '--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\n\r\nabc\r\n--xyz--\r\n',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'UPLOAD_MALFORMED', fields: [{ path: 'file' }] });
  });
});

describe('dates and the rules between them', () => {
  it('refuses a joining date before the Party was founded', async () => {
    const res = await send('POST', '/api/v1/members', memberBody(branch, { joinedAt: '1899-07-01' }), office);
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toContainEqual({ path: 'joinedAt', message: '入党日期不能早于 1921-07-01' });
  });

  it('checks an update against the stored record: a birth date that contradicts the stored ID number', async () => {
    const res = await send(
      'PATCH',
      `/api/v1/members/${member.id}`,
      { birthDate: '1981-03-15', version: member.version },
      office,
    );
    expect(res.statusCode).toBe(400);
    expect(faultyFields(res)).toEqual(['birthDate']);
    expect((await get(`/api/v1/members/${member.id}`, office)).json()).toMatchObject({
      birthDate: '1980-03-15',
      version: member.version,
    });
  });

  it('refuses a joining date that makes the stored member under 18, and a full-member date before it', async () => {
    const young = await send(
      'PATCH',
      `/api/v1/members/${member.id}`,
      { joinedAt: '1997-01-01', version: member.version },
      office,
    );
    expect([young.statusCode, faultyFields(young)]).toEqual([400, ['joinedAt']]);
    const early = await send(
      'PATCH',
      `/api/v1/members/${member.id}`,
      { fullMemberAt: '2000-01-01', version: member.version },
      office,
    );
    expect([early.statusCode, faultyFields(early)]).toEqual([400, ['fullMemberAt']]);
  });

  it('takes a new ID number with its own birth date and gender', async () => {
    const idNumber = syntheticIdNumber('130723', '19790520', 'female');
    const res = await send(
      'PATCH',
      `/api/v1/members/${member.id}`,
      { idNumber, version: member.version },
      office,
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ birthDate: '1979-05-20', gender: 'female' });
    member.version = res.json().version;
  });
});

describe('personal data in logs', () => {
  it('logs a failed statement with its code and text, never the member values', async () => {
    const lines: string[] = [];
    const logged = await createTestApp(
      { LOG_LEVEL: 'info' },
      { members: 0, logStream: { write: (l) => lines.push(l) } },
    );
    try {
      const cookie = await logged.login('office');
      const org = (await branchOf(logged.store, '驻北京通州区流动党委')).id;
      await logged.store.db.execute(
        sql.raw(
          `alter table members add constraint nx_sabotage check (employer is distinct from '故障测试单位')`,
        ),
      );
      const body = memberBody(org, {
        name: '欧阳芷若',
        employer: '故障测试单位',
        idNumber: syntheticIdNumber('130723', '19860214', 'female'),
      });
      const res = await logged.request({ method: 'POST', url: '/api/v1/members', payload: body, cookie });
      expect(res.statusCode).toBe(500);
      expect(res.json().code).toBe('INTERNAL_ERROR');
      const log = lines.join('\n');
      const failure = lines.map((l) => JSON.parse(l)).find((l) => l.msg === 'unhandled error');
      expect(failure.err).toMatchObject({ sqlState: '23514', constraint: 'nx_sabotage' });
      expect(failure.err.query).toContain('insert into "members"');
      const hash = logged.services.members.record.hashes.idNumber(body.idNumber);
      for (const value of [
        '欧阳芷若',
        'ouyang',
        '故障测试单位',
        '1986-02-14',
        body.idNumber,
        body.phone,
        hash,
      ]) {
        expect(log, value).not.toContain(value);
      }
    } finally {
      await logged.close();
    }
  });
});

describe('races answer 409 before any rule', () => {
  it('a stale status change gets 409 even when the winner set the same status', async () => {
    const current = (await get(`/api/v1/members/${member.id}`, office)).json();
    const change = {
      status: 'lost',
      effectiveDate: '2024-01-01',
      reason: '多次联系未果',
      version: current.version,
    };
    const first = await send('POST', `/api/v1/members/${member.id}/status`, change, office);
    expect(first.statusCode).toBe(200);
    const stale = await send('POST', `/api/v1/members/${member.id}/status`, change, office);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
  });

  it('a stale org edit gets 409, not the rule the newer org breaks', async () => {
    const child = await send(
      'POST',
      '/api/v1/orgs',
      { parentId: branch, name: '第九党小组', kind: 'group' },
      office,
    );
    const { id, version } = child.json();
    const closed = await send('POST', `/api/v1/orgs/${id}/close`, { reason: '撤并', version }, office);
    expect(closed.statusCode).toBe(200);
    const stale = await send('PATCH', `/api/v1/orgs/${id}`, { name: '第十党小组', version }, office);
    expect([stale.statusCode, stale.json().code]).toEqual([409, 'VERSION_CONFLICT']);
  });
});

describe('guessing the current password through a session', () => {
  it('counts toward the sign-in lock, is audited, and ends the guessing session at the lock', async () => {
    const user = await createUser(t.store, { role: 'committee_admin', scopeKind: 'all' });
    const cookie = await t.login(user.username, user.password);
    const guess = (n: number) =>
      send(
        'POST',
        '/api/v1/auth/password',
        { currentPassword: `Guess-${n}-2026`, newPassword: 'New-Pass-2026' },
        cookie,
      );
    for (let n = 1; n <= 4; n++) {
      const res = await guess(n);
      expect([res.statusCode, res.json().code, res.json().details]).toEqual([
        400,
        'WRONG_PASSWORD',
        { remainingAttempts: 5 - n },
      ]);
    }
    const locked = await guess(5);
    expect([locked.statusCode, locked.json().code]).toEqual([429, 'ACCOUNT_LOCKED']);
    expect((await get('/api/v1/auth/me', cookie)).statusCode).toBe(401);
    const login = await send('POST', '/api/v1/auth/login', {
      username: user.username,
      password: user.password,
    });
    expect([login.statusCode, login.json().code]).toEqual([429, 'ACCOUNT_LOCKED']);
    const audited = await queryRows<{ action: string; n: number }>(
      t.store.db,
      sql`select action, count(*)::int as n from audit_log where actor_id = ${user.id} group by action order by action`,
    );
    expect(audited).toEqual(
      expect.arrayContaining([
        { action: 'auth.locked', n: 1 },
        { action: 'auth.password_change_failed', n: 5 },
      ]),
    );
  });
});
