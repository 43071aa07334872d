/**
 * The demo's reflections and yearly reports. For members of several second-level committees
 * (the first on the rolls of each, synthetic people), a reflection on something they took part
 * in — a training class they joined, a meeting they attended, a course addressed to them, found
 * through the services that own them — in every state: most approved, some of those featured,
 * some awaiting review, one returned with the reviewer's comment; comments on the approved ones
 * (shown, waiting, hidden) by the demo accounts; and yearly reports (思想汇报、情况报告) of this
 * year and last, the older ones acknowledged. The committee's secretary account reviews where
 * the demo has one, else the office. The same demo gives the same rows.
 */
import { MemberListQuery, type ReflectionSubjectType } from '@ningxin/shared';
import type { Tx } from '../../../db/client';
import { memberReports, reflectionComments, reflections } from '../../../db/schema';
import type { Actor } from '../../../policy/policy';
import type { MembersService } from '../../members/record/members.service';
import type { OrgsService } from '../../orgs/orgs.service';
import type { UsersService } from '../../users/users.service';
import { placementOf, type ReflectionsDeps, thisYear } from './reflections.access';
import { courseVisibleTo, reflectionsRepository as repo } from './reflections.repository';

export interface ReflectionsSeedDeps extends ReflectionsDeps {
  tree: Pick<OrgsService, 'topCommittee' | 'idsInSubtrees' | 'lookupMany'>;
  accounts: Pick<UsersService, 'accountByUsername'>;
  list: Pick<MembersService, 'list'>;
}

/** Per committee: how many members write, and how many of them report. */
const WRITERS = 6;
const COMMITTEES = 5;

const TITLES: Record<ReflectionSubjectType, readonly string[]> = {
  course: ['学习二十大报告的几点体会', '在学思践悟中坚定理想信念', '以学促干，立足岗位作贡献'],
  meeting: ['参加组织生活的收获', '党课学习心得', '主题党日活动有感'],
  training: ['培训归来话收获', '传承红色基因，赓续精神血脉', '学习考察心得体会'],
};

const BODY = (subject: string) =>
  `通过参加“${subject}”，我对党的创新理论有了更深的理解。作为一名流动党员，虽然身在外地务工，` +
  '但始终牢记自己的党员身份，积极参加流动党委组织的各项活动。今后我将把学习成果转化为做好本职工作的' +
  '实际行动，在岗位上创先争优，带动身边的老乡共同进步，为家乡发展和所在地建设贡献力量。';

const REPORT_BODY = (year: number, kind: 'thought' | 'situation') =>
  kind === 'thought'
    ? `${year}年，我认真学习党的二十大精神，按时参加支部组织生活，按时足额交纳党费。在思想上，我始终同党中央保持一致；` +
      '在工作中，我踏实肯干，主动帮助身边的工友。不足之处是理论学习还不够系统，今后将加强自学。'
    : `${year}年，我在外务工情况稳定，工作单位和联系方式未发生变化。期间参加了流动党委组织的学习和志愿服务活动，` +
      '与流出地党组织保持联系，按时报告个人情况。';

export function createReflectionsSeed(deps: ReflectionsSeedDeps) {
  const { db, tree, accounts, list, members, attendance, trainings } = deps;

  const memberActor = (memberId: number): Actor => ({
    userId: 0,
    username: '',
    displayName: '',
    sessionId: 0,
    ip: null,
    memberId,
    assignments: [
      { id: 0, role: 'member', scopeKind: 'self', orgId: null, orgPath: null, division: null, memberId },
    ],
  });

  /** Something the member took part in: a class joined, a meeting attended, a course addressed to them. */
  async function subjectOf(memberId: number, turn: number) {
    const actor = memberActor(memberId);
    const found: { type: ReflectionSubjectType; id: number; title: string }[] = [];
    const classes = (await trainings.mine(actor)).enrolments.filter(
      (c) => c.mine && (c.mine.status === 'completed' || c.mine.status === 'enrolled'),
    );
    for (const c of classes) found.push({ type: 'training', id: c.id, title: c.title });
    const met = (await attendance.mine(actor)).past.filter(
      (m) => m.mine?.status === 'signed' || m.mine?.status === 'late',
    );
    for (const m of met) found.push({ type: 'meeting', id: m.id, title: m.topic });
    const p = await placementOf(deps, db, memberId);
    if (p) {
      const courses = await repo.visibleCourses(db, courseVisibleTo(p.orgPath, p.titles, new Date()));
      for (const c of courses.slice(0, 3)) found.push({ type: 'course', id: c.id, title: c.title });
    }
    return found.length ? found[turn % found.length]! : null;
  }

  return async function seedReflections(): Promise<{ reflections: number; reports: number }> {
    const office = await accounts.accountByUsername(db, 'office');
    const top = await tree.topCommittee(db);
    if (!office || !top) return { reflections: 0, reports: 0 };
    const admin: Actor = {
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
    const demo = Object.fromEntries(
      await Promise.all(
        ['tongzhou', 'haidian', 'member'].map(
          async (u) => [u, await accounts.accountByUsername(db, u)] as const,
        ),
      ),
    );
    const ownMember = demo.member?.memberId ?? null;
    const committees = (await tree.lookupMany(db, await tree.idsInSubtrees(db, [top.path])))
      .filter((o) => !o.closedAt && o.path.split('.').length === 2)
      .sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id)
      .slice(0, COMMITTEES);
    const reviewerOf = (name: string) =>
      (name.includes('通州') ? demo.tongzhou?.id : name.includes('海淀') ? demo.haidian?.id : undefined) ??
      office.id;
    const commenters = [demo.member?.id, demo.tongzhou?.id, office.id].filter((id): id is number => !!id);

    const now = Date.now();
    const daysAgo = (d: number) => new Date(now - d * 86_400_000);
    const year = thisYear();
    // First who writes about what (reading through the services), then every row in one transaction.
    const plan: {
      ci: number;
      i: number;
      k: number;
      reviewer: number;
      member: { id: number; orgId: number; orgPath: string };
      subject: { type: ReflectionSubjectType; id: number; title: string };
    }[] = [];
    for (const [ci, committee] of committees.entries()) {
      const page = await list.list(
        admin,
        MemberListQuery.parse({
          orgId: String(committee.id),
          status: 'active',
          sort: 'createdAt',
          order: 'asc',
          limit: '40',
        }),
      );
      const people = page.items.filter((m) => m.id !== ownMember);
      let written = 0;
      for (const [i, m] of people.entries()) {
        if (written >= WRITERS) break;
        const subject = await subjectOf(m.id, i);
        const [p] = await members.placements(db, [m.id]);
        if (!subject || !p) continue;
        plan.push({ ci, i, k: written, reviewer: reviewerOf(committee.name), member: p, subject });
        written++;
      }
    }
    let made = 0;
    let reports = 0;
    await db.transaction(async (tx: Tx) => {
      for (const { ci, i, k, reviewer, member: p, subject } of plan) {
        const m = { id: p.id };
        // In each committee: approved (the first two featured), the third awaiting review; one returned in all.
        const state = k === 2 ? 'submitted' : ci === 0 && k === 3 ? 'returned' : 'approved';
        const featured = state === 'approved' && k < 2;
        const submittedAt = daysAgo(60 - ci * 7 - k * 3);
        const title = TITLES[subject.type][(ci + k) % 3]!;
        const [row] = await tx
          .insert(reflections)
          .values({
            memberId: m.id,
            orgId: p.orgId,
            orgPath: p.orgPath,
            subjectType: subject.type,
            subjectId: subject.id,
            title,
            body: BODY(subject.title),
            state,
            reviewComment:
              state === 'returned'
                ? '请结合自己的工作和生活实际，谈谈具体的收获和打算。'
                : state === 'approved'
                  ? '写得很实在。'
                  : null,
            reviewedBy: state === 'submitted' ? null : reviewer,
            reviewedAt: state === 'submitted' ? null : daysAgo(55 - ci * 7 - k * 3),
            featuredAt: featured ? daysAgo(50 - ci * 7 - k) : null,
            featuredBy: featured ? reviewer : null,
            submittedAt,
            createdAt: submittedAt,
            updatedAt: submittedAt,
          })
          .returning({ id: reflections.id });
        made++;
        if (state === 'approved') {
          const states = featured ? ['approved', 'approved', 'pending'] : ['approved', 'rejected'];
          for (const [j, s] of states.entries()) {
            const authorId = commenters[(ci + j) % commenters.length]!;
            await tx.insert(reflectionComments).values({
              reflectionId: row!.id,
              authorId,
              body: ['向你学习！', '很受启发，写出了流动党员的心声。', '说得好，我们一起努力。'][j % 3]!,
              state: s,
              moderatedBy: s === 'pending' ? null : reviewer,
              // After the review, each a day apart; moderated the day after.
              moderatedAt: s === 'pending' ? null : daysAgo(54 - ci * 7 - k * 3 - j - 1),
              createdAt: daysAgo(54 - ci * 7 - k * 3 - j),
            });
          }
        }
        // Yearly reports: last year's acknowledged; this year's from every other writer, some acknowledged.
        const reportRows = [
          { year: year - 1, kind: 'situation' as const, ack: true },
          ...(i % 2 === 0 ? [{ year, kind: 'thought' as const, ack: k < 2 }] : []),
        ];
        for (const r of reportRows) {
          const at = r.year === year ? daysAgo(20 - k) : new Date(`${r.year}-12-${10 + k}T10:00:00+08:00`);
          await tx.insert(memberReports).values({
            memberId: m.id,
            orgId: p.orgId,
            orgPath: p.orgPath,
            year: r.year,
            kind: r.kind,
            title: `${r.year}年度${r.kind === 'thought' ? '思想汇报' : '个人情况报告'}`,
            body: REPORT_BODY(r.year, r.kind),
            state: r.ack ? 'acknowledged' : 'submitted',
            ackComment: r.ack ? '已阅。望继续保持，发挥党员先锋模范作用。' : null,
            ackBy: r.ack ? reviewer : null,
            ackAt: r.ack ? new Date(at.getTime() + 3 * 86_400_000) : null,
            submittedAt: at,
            createdAt: at,
            updatedAt: at,
          });
          reports++;
        }
      }
    });
    return { reflections: made, reports };
  };
}
