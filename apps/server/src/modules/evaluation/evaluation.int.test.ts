/**
 * The yearly evaluation through the API: a round in the demo member's branch from creation to
 * appeals, scope, the secret ballot (once each, unlinkable), paper codes and the ≤ 1/3 rule.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, faultyFields, type TestApp } from '../../../test/app';
import { auditCount, columnsOf, createUser } from '../../../test/factories';
import { queryRows } from '../../db/client';

let t: TestApp;
let office: string;
let tongzhou: string;
let haidian: string;
let kangbao: string;
let member: string;
let second: string;
let branch: { id: number; path: string };
let me: number;
let others: { id: number; homeCounty: string }[];
let roundId: number;
let version: number;
/** Every response body a staff account received: none may carry a ballot id. */
const seen: string[] = [];

const API = '/api/v1/evaluations';
const req = async (method: 'GET' | 'POST' | 'PUT', url: string, cookie?: string, payload?: unknown) => {
  const res = await t.request({
    method,
    url,
    ...(cookie ? { cookie } : {}),
    ...(payload ? { payload } : {}),
  });
  seen.push(res.body);
  return res;
};

beforeAll(async () => {
  t = await createTestApp();
  office = await t.login('office');
  tongzhou = await t.login('tongzhou');
  haidian = await t.login('haidian');
  kangbao = await t.login('kangbao');
  member = await t.login('member');
  const [row] = await queryRows<{ member_id: number; org_id: number; org_path: string }>(
    t.store.db,
    sql`select m.id as member_id, m.org_id, m.org_path from users u join members m on m.id = u.member_id where u.username = 'member'`,
  );
  me = row!.member_id;
  branch = { id: row!.org_id, path: row!.org_path };
  others = (
    await queryRows<{ id: number; home_county: string }>(
      t.store.db,
      sql`select id, home_county from members where org_id = ${branch.id} and status in ('active', 'lost') and id <> ${me} order by id`,
    )
  ).map((r) => ({ id: r.id, homeCounty: r.home_county }));
  const account = await createUser(t.store, { role: 'member', scopeKind: 'self', memberId: others[0]!.id });
  second = await t.login(account.username, account.password);
});
afterAll(() => t.close());

/** A participant's columns that name a vote, a ballot or a time: the self-assessment's time, never a vote's. */
const PARTICIPANT_VOTE_COLUMNS = [
  ...['ballot_mode', 'self_at', 'voted'],
  ...['votes_basic', 'votes_excellent', 'votes_qualified', 'votes_unqualified'],
];

const body = { orgId: 0, year: 2026, opensOn: '2026-11-01', closesOn: '2026-12-20' };

describe('rounds', () => {
  it('401 without a session, 403 for a member, 400 naming the fields', async () => {
    expect((await req('GET', API)).statusCode).toBe(401);
    expect((await req('GET', API, member)).statusCode).toBe(403);
    expect((await req('POST', API, member, { ...body, orgId: branch.id })).statusCode).toBe(403);
    expect(faultyFields(await req('POST', API, tongzhou, {}))).toEqual([
      'closesOn',
      'opensOn',
      'orgId',
      'year',
    ]);
    expect(
      faultyFields(await req('POST', API, tongzhou, { ...body, orgId: branch.id, closesOn: '2026-10-01' })),
    ).toEqual(['closesOn']);
  });

  it('a secretary of the subtree creates one round per branch and year with its members', async () => {
    expect(faultyFields(await req('POST', API, haidian, { ...body, orgId: branch.id }))).toEqual(['orgId']);
    const res = await req('POST', API, tongzhou, { ...body, orgId: branch.id });
    expect(res.statusCode).toBe(201);
    const round = res.json();
    roundId = round.id;
    version = round.version;
    expect(round).toMatchObject({
      state: 'draft',
      title: '2026年度民主评议党员',
      participants: others.length + 1,
    });
    expect(round.maxExcellent).toBe(Math.floor((others.length + 1) / 3));
    const again = await req('POST', API, office, { ...body, orgId: branch.id });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('EVALUATION_ROUND_EXISTS');
    expect(await auditCount(t.store, 'evaluation.round_created', roundId)).toBe(1);
  });

  it('is read in scope: haidian does not see it, a county viewer sees the members of the county only', async () => {
    expect((await req('GET', `${API}/${roundId}`, haidian)).statusCode).toBe(404);
    expect(
      (await req('GET', `${API}?year=2026`, haidian)).json().items.map((r: { id: number }) => r.id),
    ).not.toContain(roundId);
    const all = (await req('GET', `${API}/${roundId}/participants`, office)).json().items;
    expect(all).toHaveLength(others.length + 1);
    const kangbaoIds = others.filter((o) => o.homeCounty === '130723').map((o) => o.id);
    const viewed = await req('GET', `${API}/${roundId}/participants`, kangbao);
    if (kangbaoIds.length === 0) expect(viewed.statusCode).toBe(404);
    else
      expect(
        viewed
          .json()
          .items.map((p: { member: { id: number } }) => p.member.id)
          .sort(),
      ).toEqual(kangbaoIds.sort());
  });

  it('moves step by step with the version; self and peer assessment in their steps', async () => {
    const stale = await req('POST', `${API}/${roundId}/step`, tongzhou, { version: version + 5, to: 'self' });
    expect(stale.statusCode).toBe(409);
    expect((await req('POST', `${API}/${roundId}/step`, tongzhou, { version, to: 'peer' })).json().code).toBe(
      'EVALUATION_WRONG_STEP',
    );
    expect(
      (
        await req('PUT', `${API}/${roundId}/self`, member, { grade: 'qualified', text: '按时参加组织生活' })
      ).json().code,
    ).toBe('EVALUATION_WRONG_STEP');
    // Paper codes go to one member (before the vote only).
    const modes = await req('PUT', `${API}/${roundId}/participants/ballot-modes`, tongzhou, {
      version,
      codeMemberIds: [others[1]!.id],
    });
    expect(modes.statusCode).toBe(200);
    version = modes.json().version;
    version = (await req('POST', `${API}/${roundId}/step`, tongzhou, { version, to: 'self' })).json().version;
    expect(
      faultyFields(await req('PUT', `${API}/${roundId}/self`, member, { grade: 'best', text: '' })),
    ).toEqual(['grade', 'text']);
    expect(
      (await req('PUT', `${API}/${roundId}/self`, office, { grade: 'qualified', text: 'x' })).statusCode,
    ).toBe(403);
    const self = await req('PUT', `${API}/${roundId}/self`, member, {
      grade: 'qualified',
      text: '按时参加组织生活',
    });
    expect(self.statusCode).toBe(200);
    expect(self.json().me).toMatchObject({ selfGrade: 'qualified', voted: false, ballotMode: 'online' });
    version = (await req('POST', `${API}/${roundId}/step`, tongzhou, { version, to: 'peer' })).json().version;
    expect(
      faultyFields(await req('PUT', `${API}/${roundId}/peer-reviews/${me}`, member, { comment: '自评' })),
    ).toEqual(['memberId']);
    const peer = await req('PUT', `${API}/${roundId}/peer-reviews/${others[0]!.id}`, member, {
      grade: 'excellent',
      comment: '工作积极，带头参加志愿服务',
    });
    expect(peer.statusCode).toBe(200);
    const reviews = (await req('GET', `${API}/${roundId}/peer-reviews`, tongzhou)).json().items;
    expect(reviews).toEqual([
      expect.objectContaining({ reviewer: expect.objectContaining({ id: me }), grade: 'excellent' }),
    ]);
    const parts = (await req('GET', `${API}/${roundId}/participants`, tongzhou)).json().items;
    expect(parts.find((p: { member: { id: number } }) => p.member.id === others[0]!.id).peerReviews).toBe(1);
    expect(parts.find((p: { member: { id: number } }) => p.member.id === me).selfGrade).toBe('qualified');
    version = (await req('POST', `${API}/${roundId}/step`, tongzhou, { version, to: 'voting' })).json()
      .version;
  });
});

const everyone = () => [me, ...others.map((o) => o.id)];
const ballot = (grade: (id: number, i: number) => string) => ({
  marks: everyone().map((memberId, i) => ({ memberId, grade: grade(memberId, i) })),
});

describe('the secret vote', () => {
  it('each votes once, even when two submissions race; a ballot must grade every participant', async () => {
    expect(faultyFields(await req('POST', `${API}/${roundId}/ballots`, member, { marks: [] }))).toEqual([
      'marks',
    ]);
    expect(
      faultyFields(
        await req('POST', `${API}/${roundId}/ballots`, member, {
          marks: [{ memberId: me, grade: 'qualified' }],
        }),
      ),
    ).toEqual(everyone().length > 1 ? ['marks'] : []);
    const first = await req(
      'POST',
      `${API}/${roundId}/ballots`,
      member,
      ballot((id) => (id === others[0]!.id ? 'excellent' : 'qualified')),
    );
    expect(first.statusCode).toBe(201);
    expect(first.json()).toEqual({ voted: true, ballots: 1 });
    const again = await req(
      'POST',
      `${API}/${roundId}/ballots`,
      member,
      ballot(() => 'qualified'),
    );
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('EVALUATION_ALREADY_VOTED');
    const race = await Promise.all(
      [0, 1].map(() =>
        req(
          'POST',
          `${API}/${roundId}/ballots`,
          second,
          ballot(() => 'qualified'),
        ),
      ),
    );
    expect(race.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect((await req('GET', `${API}/${roundId}`, tongzhou)).json()).toMatchObject({ ballots: 2, voted: 2 });
    expect(await auditCount(t.store, 'evaluation.voted', roundId)).toBe(2);
  });

  it('paper codes: shown once, one ballot each, never more code ballots than members given a code', async () => {
    const gen = await req('POST', `${API}/${roundId}/codes`, tongzhou, { count: 2 });
    expect(gen.statusCode).toBe(201);
    const [c1, c2] = gen.json().codes as string[];
    expect(c1).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
    const pub = (url: string, payload: unknown) => req('POST', `/api/v1/public${url}`, undefined, payload);
    expect(faultyFields(await pub('/evaluation-ballot', { code: 'x' }))).toEqual(['code']);
    expect((await pub('/evaluation-ballot', { code: 'ABCDEFGHJK' })).statusCode).toBe(404);
    const opened = await pub('/evaluation-ballot', { code: c1 });
    expect(opened.statusCode).toBe(200);
    expect(opened.json().members).toHaveLength(everyone().length);
    expect(
      (await pub('/evaluation-ballots', { code: c1!.toLowerCase(), ...ballot(() => 'basic') })).statusCode,
    ).toBe(201);
    const used = await pub('/evaluation-ballots', { code: c1, ...ballot(() => 'basic') });
    expect([used.statusCode, used.json().code]).toEqual([409, 'EVALUATION_CODE_USED']);
    const over = await pub('/evaluation-ballots', { code: c2, ...ballot(() => 'basic') });
    expect([over.statusCode, over.json().code]).toEqual([409, 'EVALUATION_CODES_EXHAUSTED']);
    // The holder of the code cannot also vote online.
    const holder = await createUser(t.store, { role: 'member', scopeKind: 'self', memberId: others[1]!.id });
    const holderCookie = await t.login(holder.username, holder.password);
    expect(
      (
        await req(
          'POST',
          `${API}/${roundId}/ballots`,
          holderCookie,
          ballot(() => 'qualified'),
        )
      ).json().code,
    ).toBe('EVALUATION_CODE_HOLDER');
    const slips = await t.request({
      method: 'POST',
      url: `${API}/${roundId}/codes/slips`,
      cookie: tongzhou,
      payload: { codes: [c2] },
    });
    expect(slips.statusCode).toBe(200);
    expect(slips.headers['content-type']).toBe('application/pdf');
    expect(
      faultyFields(await req('POST', `${API}/${roundId}/codes/slips`, tongzhou, { codes: [c2, c1] })),
    ).toEqual(['codes.1']);
  });

  it('a ballot cannot be linked to its voter: no voter or time column, no ballot id in the audit or any response', async () => {
    expect(await columnsOf(t.store, 'evaluation_ballots')).toEqual(['id', 'round_id']);
    // Nor do the tables beside it: no order or time on a mark, no ballot on a code, no time of voting.
    expect(await columnsOf(t.store, 'evaluation_ballot_marks')).toEqual(['ballot_id', 'grade', 'member_id']);
    expect(await columnsOf(t.store, 'evaluation_ballot_codes')).toEqual(['code_hash', 'round_id', 'used']);
    const participantColumns = await columnsOf(t.store, 'evaluation_participants');
    expect(participantColumns.filter((c) => /vot|ballot|_at$/.test(c))).toEqual(PARTICIPANT_VOTE_COLUMNS);
    const ballots = sql`select id::text as id from evaluation_ballots where round_id = ${roundId}`;
    const ids = (await queryRows<{ id: string }>(t.store.db, ballots)).map((r) => r.id);
    expect(ids).toHaveLength(3);
    const audit = await queryRows<{ row: string }>(
      t.store.db,
      sql`select row_to_json(a)::text as row from audit_log a where action like 'evaluation.%'`,
    );
    expect(audit.length).toBeGreaterThan(0);
    for (const id of ids) {
      for (const a of audit) expect(a.row).not.toContain(id);
      for (const body of seen) expect(body).not.toContain(id);
    }
  });
});

describe('count, grades and appeals', () => {
  it('counts the stored ballots per participant', async () => {
    expect((await req('POST', `${API}/${roundId}/count`, member, { version })).statusCode).toBe(403);
    const res = await req('POST', `${API}/${roundId}/count`, tongzhou, { version });
    expect(res.statusCode).toBe(200);
    version = res.json().version;
    const parts = (await req('GET', `${API}/${roundId}/participants`, tongzhou)).json().items as {
      member: { id: number };
      votes: Record<string, number>;
    }[];
    for (const p of parts) expect(Object.values(p.votes).reduce((a, b) => a + b, 0)).toBe(3);
    const top = parts.find((p) => p.member.id === others[0]!.id)!;
    expect(top.votes).toEqual({ excellent: 1, qualified: 1, basic: 1, unqualified: 0 });
    expect(
      (
        await req(
          'POST',
          `${API}/${roundId}/ballots`,
          member,
          ballot(() => 'qualified'),
        )
      ).json().code,
    ).toBe('EVALUATION_NOT_VOTING');
  });

  it('fixes grades: every participant, at most one third 优秀; the ledger and the inbox follow', async () => {
    const n = everyone().length;
    const max = Math.floor(n / 3);
    const grades = (excellent: number) =>
      everyone().map((memberId, i) => ({ memberId, grade: i < excellent ? 'excellent' : 'qualified' }));
    const decision = { decisionNote: '支部党员大会表决通过', decidedOn: '2026-12-01' };
    const tooMany = await req('PUT', `${API}/${roundId}/grades`, tongzhou, {
      version,
      grades: grades(max + 1),
      ...decision,
    });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().code).toBe('EVALUATION_TOO_MANY_EXCELLENT');
    expect(tooMany.json().message).toContain(`参评 ${n} 人`);
    expect(faultyFields(tooMany)).toEqual(['grades']);
    const partial = await req('PUT', `${API}/${roundId}/grades`, tongzhou, {
      version,
      grades: grades(0).slice(1),
      ...decision,
    });
    expect(faultyFields(partial)).toEqual(['grades']);
    const res = await req('PUT', `${API}/${roundId}/grades`, tongzhou, {
      version,
      grades: grades(max),
      ...decision,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ state: 'decided', grades: { excellent: max, qualified: n - max } });
    const ledger = await queryRows<{ quantity: string; title: string }>(
      t.store.db,
      sql`select quantity::text, title from member_activity where kind = 'evaluation' and source_id = ${`round:${roundId}:${me}`}`,
    );
    expect(ledger).toEqual([
      {
        quantity: max > 0 ? '4.00' : '3.00',
        title: max > 0 ? '2026年度民主评议：优秀' : '2026年度民主评议：合格',
      },
    ]);
    const inbox = await t.request({ method: 'GET', url: '/api/v1/inbox', cookie: member });
    expect(inbox.body).toContain('2026年度民主评议结果');
  });

  it('the member appeals once within the window; the secretary changes the grade and the ledger follows', async () => {
    const mine = (await req('GET', `${API}/mine`, member)).json();
    expect(mine.round).toMatchObject({ id: roundId, state: 'decided' });
    expect(mine.me.canAppeal).toBe(true);
    expect(faultyFields(await req('POST', `${API}/${roundId}/appeals`, member, { reason: '' }))).toEqual([
      'reason',
    ]);
    const appeal = await req('POST', `${API}/${roundId}/appeals`, member, {
      reason: '本人全年参加志愿服务，请求复核',
    });
    expect(appeal.statusCode).toBe(201);
    expect(appeal.json().me.appeal).toMatchObject({ state: 'submitted' });
    expect((await req('POST', `${API}/${roundId}/appeals`, member, { reason: '再次申诉' })).json().code).toBe(
      'EVALUATION_ALREADY_APPEALED',
    );
    const list = (await req('GET', `${API}/${roundId}/appeals`, tongzhou)).json().items;
    expect(list).toHaveLength(1);
    const url = `${API}/${roundId}/appeals/${list[0].id}/answer`;
    expect(faultyFields(await req('POST', url, tongzhou, { decision: 'changed', answer: '改定' }))).toEqual([
      'newGrade',
    ]);
    expect((await req('POST', url, haidian, { decision: 'upheld', answer: '维持' })).statusCode).toBe(404);
    const current = mine.me.finalGrade as string;
    const next = current === 'excellent' ? 'qualified' : 'basic';
    const answered = await req('POST', url, tongzhou, {
      decision: 'changed',
      newGrade: next,
      answer: '经支委会复核，改定等次',
    });
    expect(answered.statusCode).toBe(200);
    expect(answered.json().items[0]).toMatchObject({ state: 'changed', newGrade: next });
    expect((await req('POST', url, tongzhou, { decision: 'upheld', answer: '维持' })).json().code).toBe(
      'EVALUATION_APPEAL_ANSWERED',
    );
    const [entry] = await queryRows<{ title: string }>(
      t.store.db,
      sql`select title from member_activity where kind = 'evaluation' and source_id = ${`round:${roundId}:${me}`}`,
    );
    expect(entry!.title).toBe(`2026年度民主评议：${next === 'basic' ? '基本合格' : '合格'}`);
    expect((await req('GET', `${API}/mine`, member)).json().me.finalGrade).toBe(next);
  });
});
