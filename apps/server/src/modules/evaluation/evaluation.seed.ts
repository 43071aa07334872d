/**
 * The demo's evaluations, set-based and deterministic:
 *
 * - 2025: one decided round for every open branch with members on the rolls. Probationary members
 *   take part without a vote. Ballots (and their marks) are stored for the first `BALLOT_BRANCHES`
 *   branches by id and the demo member's branch; there the tallies are counted from the stored
 *   ballots, as `/count` does. Every other branch has tallies only (no ballots: ≈ n² marks per
 *   branch would make the seed slow), so its round shows 0 ballots. Grades keep within the
 *   one-third rule; each graded member has the ledger entry the API would write. Two appeals: one
 *   upheld with an answer, one awaiting an answer.
 * - 2026: one round in the voting step in the demo member's branch (self-assessments and a few
 *   peer comments written, nobody has voted yet), so the demo member can vote.
 */
import { type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows, type Tx } from '../../db/client';
import {
  evaluationAppeals as appeals,
  evaluationBallots as ballots,
  evaluationBallotMarks as marks,
  evaluationParticipants as participants,
  evaluationPeerReviews as reviews,
  evaluationRounds as rounds,
} from '../../db/schema';
import type { ActivityService } from '../activity/activity.service';
import { membersOnRolls } from '../members/members.fragments';
import { openOrgsOfKinds } from '../orgs/orgs.fragments';
import type { UsersService } from '../users/users.service';
import { SOURCE } from './evaluation.access';

export const BALLOT_BRANCHES = 4;

export interface EvaluationSeedDeps {
  db: Db;
  accounts: Pick<UsersService, 'accountByUsername'>;
  activity: Pick<ActivityService, 'recordSelected'>;
}

const SELF_TEXT =
  '一年来认真学习党的创新理论，按时参加组织生活，按月交纳党费；在务工单位立足岗位、踏实工作，参加社区志愿服务。不足是理论学习还不够系统，今后要加强学习，发挥好党员先锋模范作用。';

/** Grade of ballot k for member m: a member's standing (m % 10) raises the chance of 优秀. */
const markGrade = (k: SQL, m: SQL) => sql`case
  when ((${k} * 7919 + ${m} * 104729) % 100) < 15 + (${m} % 10) * 4 then 'excellent'
  when ((${k} * 7919 + ${m} * 104729) % 100) < 94 then 'qualified'
  when ((${k} * 7919 + ${m} * 104729) % 100) < 99 then 'basic'
  else 'unqualified' end`;

export function createEvaluationSeed({ db, accounts, activity }: EvaluationSeedDeps) {
  return async function seedEvaluations(): Promise<{ rounds: number; ballots: number }> {
    const demo = await accounts.accountByUsername(db, 'member');
    const [demoRow] = demo?.memberId
      ? await queryRows<{ org_id: number }>(
          db,
          sql`select m.org_id from (${membersOnRolls()}) m where m.member_id = ${demo.memberId}`,
        )
      : [];
    const demoBranch = demoRow?.org_id ?? 0;

    return db.transaction(async (tx: Tx) => {
      // 2025: a decided round per branch with members.
      await tx.execute(sql`insert into ${rounds}
          (org_id, org_path, year, title, state, opens_on, closes_on, decision_note, decided_on, version)
        select b.id, b.path, 2025, '2025年度民主评议党员', 'decided', '2025-11-03', '2025-12-12',
          '经支部党员大会讨论，按照优秀不超过参评党员三分之一的要求，确定评议等次。', '2025-12-19', 5
        from (${openOrgsOfKinds(['branch'])}) b
        where exists (select 1 from (${membersOnRolls()}) m where m.org_id = b.id)
        on conflict do nothing`);
      await tx.execute(sql`insert into ${participants}
          (round_id, member_id, ballot_mode, voted, self_grade, self_text, self_at)
        select r.id, m.member_id,
          case when m.member_type = 'probationary' then 'none' else 'online' end,
          m.member_type <> 'probationary',
          case when m.member_id % 11 = 0 then 'excellent' else 'qualified' end,
          ${SELF_TEXT}, '2025-11-10 20:00:00+08'
        from ${rounds} r join (${membersOnRolls()}) m on m.org_id = r.org_id
        where r.year = 2025
        on conflict do nothing`);
      // Ballots where they are stored: one per voter, marks for every participant.
      const ballotRounds = sql`(select r.id from ${rounds} r where r.year = 2025
        and (r.org_id = ${demoBranch} or r.org_id in (
          select r2.org_id from ${rounds} r2 where r2.year = 2025 order by r2.org_id limit ${BALLOT_BRANCHES})))`;
      await tx.execute(sql`with made as (
          insert into ${ballots} (round_id)
          select p.round_id from ${participants} p
          where p.round_id in ${ballotRounds} and p.voted
          returning id, round_id),
        numbered as (select id, round_id, row_number() over (partition by round_id order by id) as k from made)
        insert into ${marks} (ballot_id, member_id, grade)
        select n.id, p.member_id, ${markGrade(sql`n.k`, sql`p.member_id`)}
        from numbered n join ${participants} p on p.round_id = n.round_id`);
      // The tallies of the stored ballots, counted in one pass over their marks.
      await tx.execute(sql`with t as (
          select b.round_id, mk.member_id,
            count(*) filter (where mk.grade = 'excellent')::int as e,
            count(*) filter (where mk.grade = 'qualified')::int as q,
            count(*) filter (where mk.grade = 'basic')::int as b,
            count(*) filter (where mk.grade = 'unqualified')::int as u
          from ${marks} mk join ${ballots} b on b.id = mk.ballot_id
          where b.round_id in ${ballotRounds}
          group by b.round_id, mk.member_id)
        update ${participants} p set votes_excellent = t.e, votes_qualified = t.q,
          votes_basic = t.b, votes_unqualified = t.u
        from t where p.round_id = t.round_id and p.member_id = t.member_id`);
      // Tallies only elsewhere: the same distribution, summed over the voters.
      await tx.execute(sql`with v as (
          select p.round_id, p.member_id,
            (count(*) filter (where p.voted) over (partition by p.round_id))::int as voters
          from ${participants} p join ${rounds} r on r.id = p.round_id
          where r.year = 2025 and p.round_id not in ${ballotRounds}),
        t as (select round_id, member_id, voters,
            (voters * (15 + (member_id % 10) * 4)) / 100 as e,
            (voters * 5) / 100 as b,
            case when voters >= 20 and member_id % 10 = 0 then 1 else 0 end as u
          from v)
        update ${participants} p set votes_excellent = t.e, votes_basic = t.b, votes_unqualified = t.u,
          votes_qualified = t.voters - t.e - t.b - t.u
        from t where p.round_id = t.round_id and p.member_id = t.member_id`);
      // Grades: the most 优秀 votes first, at most a fifth (never over a third) 优秀; 基本合格 where
      // a third of the votes say so; the rest 合格.
      await tx.execute(sql`with ranked as (
          select p.round_id, p.member_id, p.votes_excellent, p.votes_basic + p.votes_unqualified as low,
            count(*) over (partition by p.round_id) as n,
            count(*) filter (where p.voted) over (partition by p.round_id) as voters,
            row_number() over (partition by p.round_id order by p.votes_excellent desc, p.member_id) as rk
          from ${participants} p join ${rounds} r on r.id = p.round_id where r.year = 2025)
        update ${participants} p set final_grade = case
            when ranked.rk <= greatest(1, ranked.n / 5) and ranked.rk <= ranked.n / 3 and ranked.votes_excellent > 0 then 'excellent'
            when ranked.voters > 0 and ranked.low * 3 > ranked.voters then 'basic'
            else 'qualified' end
        from ranked where p.round_id = ranked.round_id and p.member_id = ranked.member_id`);
      await activity.recordSelected(
        tx,
        'evaluation',
        SOURCE,
        sql`select p.member_id, r.decided_on as occurred_on,
            case p.final_grade when 'excellent' then 4 when 'qualified' then 3 when 'basic' then 2 else 1 end as quantity,
            'round:' || r.id || ':' || p.member_id as source_id, r.org_id, r.org_path,
            '2025年度民主评议：' || case p.final_grade when 'excellent' then '优秀' when 'qualified' then '合格'
              when 'basic' then '基本合格' else '不合格' end as title
          from ${participants} p join ${rounds} r on r.id = p.round_id where r.year = 2025`,
      );
      // Two appeals: the first 合格 member of the first two rounds.
      await tx.execute(sql`with firsts as (
          select r.id as round_id,
            (select p.member_id from ${participants} p where p.round_id = r.id and p.final_grade = 'qualified'
              order by p.member_id limit 1) as member_id,
            row_number() over (order by r.org_id) as i
          from ${rounds} r where r.year = 2025 order by r.org_id limit 2)
        insert into ${appeals} (round_id, member_id, reason, state, answer, answered_at, created_at)
        select f.round_id, f.member_id,
          case f.i when 1 then '本人全年参加平安守望志愿服务 120 小时，获评社区优秀志愿者，请求复核评议等次。'
            else '评议期间本人在外地务工，未能参加互评，请求复核。' end,
          case f.i when 1 then 'upheld' else 'submitted' end,
          case f.i when 1 then '经支委会复核，本支部优秀名额已按得票确定，维持原等次。你的志愿服务表现已记入履历。' end,
          case f.i when 1 then timestamptz '2025-12-26 10:00:00+08' end,
          timestamptz '2025-12-22 09:00:00+08' + (f.i || ' hours')::interval
        from firsts f where f.member_id is not null`);

      // 2026: the demo member's branch is voting.
      if (demoBranch) {
        const [made] = await queryRows<{ id: number }>(
          tx,
          sql`insert into ${rounds} (org_id, org_path, year, title, state, opens_on, closes_on, version)
            select b.id, b.path, 2026, '2026年度民主评议党员', 'voting', '2026-11-02', '2026-12-31', 3
            from (${openOrgsOfKinds(['branch'])}) b where b.id = ${demoBranch}
            on conflict do nothing returning id`,
        );
        if (made) {
          await tx.execute(sql`insert into ${participants} (round_id, member_id, ballot_mode, self_grade, self_text, self_at)
            select ${made.id}, m.member_id, case when m.member_type = 'probationary' then 'none' else 'online' end,
              'qualified', ${SELF_TEXT.replace('一年来', '2026 年')}, '2026-11-09 20:30:00+08'
            from (${membersOnRolls()}) m where m.org_id = ${demoBranch}
            on conflict do nothing`);
          await tx.execute(sql`insert into ${reviews} (round_id, reviewer_member_id, member_id, grade, comment, created_at)
            select ${made.id}, a.member_id, b.member_id, 'qualified',
              '工作踏实，能按时参加支部活动，希望今后多参加志愿服务。', '2026-11-20 19:00:00+08'
            from ${participants} a join ${participants} b on b.round_id = a.round_id and b.member_id <> a.member_id
            where a.round_id = ${made.id} and (a.member_id + b.member_id) % 4 = 0
            on conflict do nothing`);
        }
      }
      const [n] = await queryRows<{ rounds: number; ballots: number }>(
        tx,
        sql`select (select count(*)::int from ${rounds}) as rounds, (select count(*)::int from ${ballots}) as ballots`,
      );
      return n ?? { rounds: 0, ballots: 0 };
    });
  };
}

export type EvaluationSeed = ReturnType<typeof createEvaluationSeed>;
