/**
 * The demo's training classes and study trips, made by the committee office through the service
 * (every rule the screens keep): the yearly model class (示范培训班) of 2025 and 2026 for branch
 * secretaries, completed with certificates; the study trips to 延安 and 井冈山 (红色教育) with
 * sessions and attendance, completed; the themed education at 董存瑞烈士陵园纪念馆, one day with one
 * session; and one class open for enrolment now, full, with a few waitlisted. The people are the
 * first demo members on the rolls (synthetic), so a seed of the same demo gives the same classes;
 * the branch secretaries are named on their branches' 书记 positions first.
 */
import {
  addDays,
  localIsoDate,
  type MemberListItem,
  MemberListQuery,
  type SessionAttendanceStatus,
  TrainingCreateBody,
  type TrainingCreateInput,
} from '@ningxin/shared';
import type { Db } from '../../../db/client';
import type { Actor } from '../../../policy/policy';
import type { MembersService } from '../../members/record/members.service';
import type { OrgsService } from '../../orgs/orgs.service';
import type { PositionsService } from '../../orgs/positions.service';
import type { UsersService } from '../../users/users.service';
import type { TrainingClassesService } from './trainings.classes.service';
import type { TrainingCompletionService } from './trainings.completion.service';
import type { TrainingEnrolmentsService } from './trainings.enrolments.service';
import type { TrainingSessionsService } from './trainings.sessions.service';

export interface TrainingsSeedDeps {
  db: Db;
  users: Pick<UsersService, 'accountByUsername'>;
  orgs: { tree: Pick<OrgsService, 'get'>; positions: Pick<PositionsService, 'update'> };
  members: Pick<MembersService, 'list' | 'placements'>;
  trainings: {
    classes: Pick<TrainingClassesService, 'create' | 'changeState'>;
    enrolments: Pick<TrainingEnrolmentsService, 'nominate'>;
    sessions: Pick<TrainingSessionsService, 'createSession' | 'sessions' | 'recordAttendance'>;
    completion: Pick<TrainingCompletionService, 'complete'>;
  };
}

/** A time on a day in Beijing. */
const at = (day: string, hm: string) => new Date(`${day}T${hm}:00+08:00`).toISOString();

/** Attendance the same every seed: most signed, some late, a few on leave or absent. */
function statusOf(i: number, s: number): SessionAttendanceStatus {
  const k = (i * 7 + s * 3) % 20;
  if (k === 0) return 'absent';
  if (k === 1) return 'leave';
  if (k < 4) return 'late';
  return 'signed';
}

export function createTrainingsSeed({ db, users, orgs, members, trainings }: TrainingsSeedDeps) {
  return async function seedTrainings(): Promise<{ trainings: number }> {
    const office = await users.accountByUsername(db, 'office');
    if (!office) return { trainings: 0 };
    const actor: Actor = {
      userId: office.id,
      username: office.username,
      displayName: office.displayName,
      sessionId: 0,
      ip: null,
      memberId: null,
      assignments: [
        { id: 0, role: 'committee_admin', scopeKind: 'all', orgId: null, orgPath: null, division: null },
      ],
    };
    const page = await members.list(
      actor,
      MemberListQuery.parse({ status: 'active', sort: 'createdAt', order: 'asc', limit: '200' }),
    );
    // The demo member's own account applies on the phone: it is left out of the lists.
    const own = (await users.accountByUsername(db, 'member'))?.memberId ?? null;
    const people: MemberListItem[] = page.items.filter((m) => m.id !== own);
    if (people.length < 60) return { trainings: 0 };
    const [first] = await members.placements(db, [people[0]!.id]);
    const root = Number(first!.orgPath.split('.')[0]);
    let made = 0;

    // The branch secretaries: the first member of each of 12 branches is named its 书记.
    const secretaries: MemberListItem[] = [];
    for (const m of people) {
      if (secretaries.length === 12) break;
      if (secretaries.some((s) => s.orgId === m.orgId)) continue;
      const org = await orgs.tree.get(actor, m.orgId);
      const position = org.positions.find((p) => p.title === 'secretary' && !p.termEnd);
      if (!position) continue;
      await orgs.positions.update(actor, m.orgId, position.id, {
        holderName: m.name,
        version: position.version,
      });
      secretaries.push(m);
    }
    const others = people.filter((p) => !secretaries.includes(p));

    /** A class with its sessions, nominees, attendance and (when done) completion. */
    async function run(
      body: Omit<TrainingCreateInput, 'orgId'>,
      plan: {
        sessions: { title: string; day: string; time: string; place?: string }[];
        nominees: MemberListItem[];
        complete?: { minAttendancePercent?: number };
        state: 'open' | 'finished';
      },
    ) {
      const created = await trainings.classes.create(
        actor,
        TrainingCreateBody.parse({ ...body, orgId: root }),
      );
      made++;
      for (const s of plan.sessions)
        await trainings.sessions.createSession(actor, created.id, {
          title: s.title,
          startsAt: at(s.day, s.time),
          place: s.place ?? null,
        });
      let version = (
        await trainings.classes.changeState(actor, created.id, { to: 'open', version: created.version })
      ).version;
      await trainings.enrolments.nominate(actor, created.id, {
        memberIds: plan.nominees.map((n) => n.id),
        note: null,
      });
      if (plan.state === 'open') return;
      const sessions = (await trainings.sessions.sessions(actor, created.id)).items;
      for (const [s, session] of sessions.entries())
        await trainings.sessions.recordAttendance(actor, session.id, {
          records: plan.nominees.map((n, i) => ({ memberId: n.id, status: statusOf(i, s) })),
        });
      version = (await trainings.classes.changeState(actor, created.id, { to: 'closed', version })).version;
      await trainings.completion.complete(actor, created.id, plan.complete ?? {});
      await trainings.classes.changeState(actor, created.id, { to: 'finished', version });
    }

    const modelClass = (year: number, start: string) =>
      run(
        {
          title: `${year}年度流动党员党支部书记示范培训班`,
          kind: 'model_class',
          startsOn: start,
          endsOn: addDays(start, 4),
          place: '北京市通州区委党校',
          description: '学习党的创新理论，交流流动党员教育管理经验，提升支部书记履职能力。',
          quota: 40,
          audiencePositions: ['secretary'],
          studyHours: 32,
          costFen: 0,
        },
        {
          sessions: [
            { title: '开班式暨专题辅导', day: start, time: '09:00', place: '区委党校报告厅' },
            {
              title: '流动党员教育管理实务',
              day: addDays(start, 1),
              time: '09:00',
              place: '区委党校 201 教室',
            },
            { title: '支部工作经验交流', day: addDays(start, 3), time: '14:00', place: '区委党校 201 教室' },
            { title: '结业式', day: addDays(start, 4), time: '15:00', place: '区委党校报告厅' },
          ],
          nominees: year === 2025 ? secretaries.slice(0, 10) : secretaries,
          state: 'finished',
        },
      );
    await modelClass(2025, '2025-06-16');
    await modelClass(2026, '2026-06-15');

    await run(
      {
        title: '延安红色教育学习考察',
        kind: 'red_trip',
        startsOn: '2025-09-08',
        endsOn: '2025-09-12',
        place: '陕西省延安市',
        description: '赴延安革命纪念馆、枣园、杨家岭等地现场教学，重温入党誓词。',
        quota: 30,
        studyHours: 40,
        costFen: 180_000,
      },
      {
        sessions: [
          { title: '延安革命纪念馆现场教学', day: '2025-09-08', time: '14:00', place: '延安革命纪念馆' },
          { title: '枣园、杨家岭旧址参观', day: '2025-09-09', time: '09:00', place: '枣园革命旧址' },
          { title: '重温入党誓词', day: '2025-09-10', time: '09:30', place: '杨家岭革命旧址' },
        ],
        nominees: others.slice(0, 24),
        complete: { minAttendancePercent: 60 },
        state: 'finished',
      },
    );
    await run(
      {
        title: '井冈山红色教育学习考察',
        kind: 'red_trip',
        startsOn: '2026-04-13',
        endsOn: '2026-04-17',
        place: '江西省井冈山市',
        description: '追寻革命足迹，学习井冈山精神。',
        quota: 30,
        studyHours: 40,
        costFen: 200_000,
      },
      {
        sessions: [
          { title: '井冈山革命博物馆现场教学', day: '2026-04-13', time: '14:00', place: '井冈山革命博物馆' },
          { title: '黄洋界哨口旧址', day: '2026-04-14', time: '09:00', place: '黄洋界' },
          { title: '小井红军医院旧址', day: '2026-04-15', time: '09:00', place: '小井红军医院旧址' },
        ],
        nominees: others.slice(24, 50),
        complete: { minAttendancePercent: 60 },
        state: 'finished',
      },
    );
    await run(
      {
        title: '主题教育：走进董存瑞烈士纪念馆',
        kind: 'special',
        startsOn: '2026-05-04',
        endsOn: '2026-05-04',
        place: '河北省承德市隆化县董存瑞烈士陵园',
        description: '五四青年节主题党日：瞻仰董存瑞烈士纪念馆，学习英雄事迹。',
        quota: 50,
        studyHours: 4,
      },
      {
        sessions: [
          { title: '瞻仰纪念馆、敬献花篮', day: '2026-05-04', time: '09:30', place: '董存瑞烈士纪念馆' },
        ],
        nominees: others.slice(50, 80),
        state: 'finished',
      },
    );

    // One class open now: full, with a few waitlisted.
    const today = localIsoDate(new Date());
    const start = addDays(today, 21);
    await run(
      {
        title: '流动党员冬季专题培训班（线上+线下）',
        kind: 'special',
        startsOn: start,
        endsOn: addDays(start, 1),
        place: '流动党委党员活动室',
        description: '学习贯彻全会精神专题辅导，线上同步直播。',
        quota: 8,
        enrolOpensAt: new Date(Date.parse(`${today}T00:00:00+08:00`) - 7 * 86_400_000).toISOString(),
        enrolClosesAt: at(addDays(today, 14), '18:00'),
        studyHours: 8,
      },
      {
        sessions: [
          { title: '专题辅导（一）', day: start, time: '09:00', place: '流动党委党员活动室' },
          { title: '专题辅导（二）', day: addDays(start, 1), time: '09:00', place: '线上' },
        ],
        nominees: others.slice(80, 91),
        state: 'open',
      },
    );
    return { trainings: made };
  };
}
