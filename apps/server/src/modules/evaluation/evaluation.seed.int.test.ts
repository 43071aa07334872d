/** The demo's evaluations: tallies that agree with the stored ballots, grades within the rule, the ledger, the demo's vote. */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app';
import { queryRows } from '../../db/client';
import { BALLOT_BRANCHES } from './evaluation.seed';

let t: TestApp;
let made: { rounds: number; ballots: number };

beforeAll(async () => {
  t = await createTestApp();
  made = await t.services.evaluation.seed();
});
afterAll(() => t.close());

const rows = <T>(q: ReturnType<typeof sql>) => queryRows<T>(t.store.db, q);

describe('the evaluation seed', () => {
  it('decides a 2025 round per branch with members, within the one-third rule, each grade in the ledger', async () => {
    const [figures] = await rows<{
      rounds: number;
      branches: number;
      over: number;
      ungraded: number;
    }>(sql`select
      (select count(*)::int from evaluation_rounds where year = 2025 and state = 'decided') as rounds,
      (select count(distinct org_id)::int from members where status in ('active', 'lost')) as branches,
      (select count(*)::int from (select round_id from evaluation_participants group by round_id
        having count(*) filter (where final_grade = 'excellent') > count(*) / 3) x) as over,
      (select count(*)::int from evaluation_participants p join evaluation_rounds r on r.id = p.round_id
        where r.year = 2025 and p.final_grade is null) as ungraded`);
    expect(figures!.rounds).toBe(figures!.branches);
    expect(figures!.over).toBe(0);
    expect(figures!.ungraded).toBe(0);
    const [ledger] = await rows<{ entries: number; graded: number }>(sql`select
      (select count(*)::int from member_activity where kind = 'evaluation' and source_module = 'evaluation') as entries,
      (select count(*)::int from evaluation_participants p join evaluation_rounds r on r.id = p.round_id where r.year = 2025) as graded`);
    expect(ledger!.entries).toBe(ledger!.graded);
    const appeals = await rows<{ state: string }>(sql`select state from evaluation_appeals order by id`);
    expect(appeals.map((a) => a.state)).toEqual(['upheld', 'submitted']);
  });

  it('stores ballots for some branches only, and there every tally is the count of the stored marks', async () => {
    const withBallots = await rows<{
      round_id: number;
      ballots: number;
      voters: number;
    }>(sql`select b.round_id,
        count(*)::int as ballots,
        (select count(*)::int from evaluation_participants p where p.round_id = b.round_id and p.voted) as voters
      from evaluation_ballots b group by b.round_id`);
    expect(withBallots.length).toBeGreaterThan(0);
    expect(withBallots.length).toBeLessThanOrEqual(BALLOT_BRANCHES + 1);
    for (const r of withBallots) expect(r.ballots).toBe(r.voters);
    expect(made.ballots).toBe(withBallots.reduce((s, r) => s + r.ballots, 0));
    const [disagree] = await rows<{ n: number }>(sql`select count(*)::int as n from evaluation_participants p
      cross join lateral (select count(*) filter (where m.grade = 'excellent')::int as e,
          count(*) filter (where m.grade = 'qualified')::int as q, count(*) filter (where m.grade = 'basic')::int as b,
          count(*) filter (where m.grade = 'unqualified')::int as u
        from evaluation_ballot_marks m join evaluation_ballots b on b.id = m.ballot_id
        where b.round_id = p.round_id and m.member_id = p.member_id) c
      where p.round_id in (select round_id from evaluation_ballots)
        and (p.votes_excellent <> c.e or p.votes_qualified <> c.q or p.votes_basic <> c.b or p.votes_unqualified <> c.u)`);
    expect(disagree!.n).toBe(0);
    const [sums] = await rows<{ bad: number }>(sql`select count(*)::int as bad from evaluation_participants p
      join evaluation_rounds r on r.id = p.round_id where r.year = 2025
      and p.votes_excellent + p.votes_qualified + p.votes_basic + p.votes_unqualified
        <> (select count(*) from evaluation_participants q where q.round_id = p.round_id and q.voted)`);
    expect(sums!.bad).toBe(0);
  });

  it('opens the vote of 2026 in the demo member’s branch, so the demo member can vote', async () => {
    const cookie = await t.login('member');
    const mine = (await t.request({ method: 'GET', url: '/api/v1/evaluations/mine', cookie })).json();
    expect(mine.round).toMatchObject({ year: 2026, state: 'voting' });
    expect(mine.me).toMatchObject({ voted: false, ballotMode: 'online' });
    expect(mine.members.length).toBeGreaterThan(2);
  });
});
