/**
 * The demo's lecture hall: the 学习二十大精神 series published to the whole committee (articles,
 * synthetic videos and PDFs), and a year of completions for the members on the rolls — progress
 * rows and ledger entries written set-based, each member completing the first k of the series'
 * eight courses, k from a hash of the member id (0 to 24 hours), so that some stay below 32.
 */
import { Readable } from 'node:stream';
import type { CourseCreateInput, CourseQuizInput, FilePurpose } from '@ningxin/shared';
import { CourseCreateBody } from '@ningxin/shared';
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../../db/client';
import type { Actor } from '../../../policy/policy';
import type { ActivityService } from '../../activity/activity.service';
import type { FilesService } from '../../files/files.service';
import { membersOnRolls } from '../../members/members.fragments';
import type { OrgsService } from '../../orgs/orgs.service';
import type { UsersService } from '../../users/users.service';
import type { CoursesService } from './courses.service';
import { lecturePdf } from './demo/lecture-pdf';
import { LECTURE_MP4_BASE64 } from './demo/lecture-video';

export interface CoursesSeedDeps {
  db: Db;
  users: Pick<UsersService, 'actorFor'>;
  orgs: Pick<OrgsService, 'topCommittee'>;
  courses: CoursesService;
  files: Pick<FilesService, 'upload'>;
  activity: Pick<ActivityService, 'recordSelected'>;
}

export const DEMO_SERIES = '学习二十大精神 系列';
/** The required video course no demo member has completed (the browser test watches it). */
export const DEMO_VIDEO_COURSE = '二十大精神学习微视频';

const QUIZ: CourseQuizInput = {
  passMark: 60,
  questions: [
    {
      text: '全面从严治党的根本目的是什么？',
      options: ['保持党的先进性和纯洁性', '扩大党员数量', '减少组织生活'],
      answers: [0],
    },
    {
      text: '以下哪些属于“四个自信”？',
      options: ['道路自信', '理论自信', '制度自信', '文化自信'],
      answers: [0, 1, 2, 3],
      multiple: true,
    },
  ],
};

const para = (...lines: string[]) => lines.map((l) => `<p>${l}</p>`).join('');

/** The series' courses in the order members complete them (their hours sum to 24). */
const SERIES: (Omit<CourseCreateInput, 'orgId' | 'seriesId'> & { file?: FilePurpose })[] = [
  {
    title: '党的二十大报告全文导读',
    kind: 'article',
    required: true,
    plannedMinutes: 30,
    creditHours: 3,
    summary: '逐章导读党的二十大报告的主题、主线和重大论断。',
    body: para(
      '高举中国特色社会主义伟大旗帜，全面贯彻新时代中国特色社会主义思想，弘扬伟大建党精神。',
      '从现在起，中国共产党的中心任务就是团结带领全国各族人民全面建成社会主义现代化强国、实现第二个百年奋斗目标，以中国式现代化全面推进中华民族伟大复兴。',
    ),
  },
  {
    title: '中国式现代化的中国特色和本质要求',
    kind: 'article',
    plannedMinutes: 20,
    creditHours: 2,
    body: para(
      '中国式现代化，是中国共产党领导的社会主义现代化，既有各国现代化的共同特征，更有基于自己国情的中国特色。',
      '中国式现代化是人口规模巨大的现代化，是全体人民共同富裕的现代化，是物质文明和精神文明相协调的现代化，是人与自然和谐共生的现代化，是走和平发展道路的现代化。',
    ),
  },
  {
    title: '全面从严治党永远在路上',
    kind: 'article',
    required: true,
    plannedMinutes: 20,
    creditHours: 2,
    quiz: QUIZ,
    body: para(
      '全面从严治党永远在路上，党的自我革命永远在路上。',
      '流动党员离乡不离党、流动不流失，按时参加组织生活，自觉接受组织教育和监督。',
    ),
  },
  {
    title: '二十大精神专题辅导（视频）',
    kind: 'video',
    required: true,
    plannedMinutes: 1,
    creditHours: 3,
    summary: '专题辅导报告视频（演示用短片）。',
    file: 'video',
  },
  {
    title: '新时代十年的伟大变革（视频）',
    kind: 'video',
    plannedMinutes: 1,
    creditHours: 4,
    file: 'video',
  },
  {
    title: '党章修正案学习辅导（文档）',
    kind: 'document',
    required: true,
    pageCount: 3,
    plannedMinutes: 10,
    creditHours: 3,
    file: 'attachment',
  },
  {
    title: '二十大报告学习问答（文档）',
    kind: 'document',
    pageCount: 3,
    plannedMinutes: 10,
    creditHours: 4,
    file: 'attachment',
  },
  {
    title: '流动党员学习二十大精神体会摘编',
    kind: 'article',
    plannedMinutes: 15,
    creditHours: 3,
    body: para('在外务工的党员们结合岗位实际，谈学习二十大精神的体会和打算。'),
  },
];

export function createCoursesSeed({ db, users, orgs, courses, files, activity }: CoursesSeedDeps) {
  async function attach(actor: Actor, courseId: number, purpose: FilePurpose, title: string) {
    const data =
      purpose === 'video' ? Buffer.from(LECTURE_MP4_BASE64, 'base64') : lecturePdf('Study guide', 3);
    const fields = { ownerType: 'course', ownerId: String(courseId), purpose };
    await files.upload(actor, {
      fields,
      file: {
        fileName: `${title}.${purpose === 'video' ? 'mp4' : 'pdf'}`,
        claimedType: purpose === 'video' ? 'video/mp4' : 'application/pdf',
        stream: Readable.from([data]),
      },
      finish: async () => fields,
    });
  }

  async function publish(actor: Actor, input: (typeof SERIES)[number], orgId: number, seriesId: number) {
    const { file, ...rest } = input;
    const c = await courses.create(actor, CourseCreateBody.parse({ ...rest, orgId, seriesId }));
    if (file) await attach(actor, c.id, file, c.title);
    await courses.changeState(actor, c.id, { to: 'published', version: c.version });
    return c.id;
  }

  return async function seedCourses(): Promise<{ courses: number; completions: number }> {
    const office = await users.actorFor('office');
    const top = await orgs.topCommittee(db);
    if (!office || !top) return { courses: 0, completions: 0 };
    const [seen] = await queryRows<{ id: number }>(
      db,
      sql`select id from course_series where title = ${DEMO_SERIES} limit 1`,
    );
    if (seen) return { courses: 0, completions: 0 };
    const series = await courses.createSeries(office, {
      title: DEMO_SERIES,
      description: '党的二十大召开后开设的网上流动大讲堂专题系列。',
    });
    const ids: number[] = [];
    for (const input of SERIES) ids.push(await publish(office, input, top.id, series.id));
    await publish(
      office,
      {
        title: DEMO_VIDEO_COURSE,
        kind: 'video',
        required: true,
        plannedMinutes: 1,
        creditHours: 1,
        summary: '一分钟学习微视频（演示用短片）。',
        file: 'video',
      },
      top.id,
      series.id,
    );

    const completions = await db.transaction(async (tx) => {
      // Published on New Year's Day, when the series opened.
      await tx.execute(
        sql`update courses set published_at = date_trunc('year', now()) where series_id = ${series.id}`,
      );
      const order = sql.join(
        ids.map((id, i) => sql`(${id}::int, ${i + 1}::int)`),
        sql`, `,
      );
      const [added] = await queryRows<{ n: number }>(
        tx,
        sql`with s(course_id, n) as (values ${order}),
          r as (select member_id, (member_id::bigint * 2654435761) % 4294967296 % 9 as k from (${membersOnRolls()}) x),
          days as (select greatest(1, extract(doy from now())::int - 1) as span),
          added as (
            insert into course_progress
              (course_id, member_id, counted_seconds, pages_viewed, position, started_at, completed_at,
               last_beat_at, quiz_score, quiz_passed_at, quiz_attempts)
            select c.id, r.member_id, c.planned_minutes * 60,
              case when c.page_count is null then '{}'::int[] else array(select generate_series(1, c.page_count)) end,
              0, t.at - make_interval(mins => c.planned_minutes), t.at, t.at,
              case when c.quiz is null then null else 100 end,
              case when c.quiz is null then null else t.at end,
              case when c.quiz is null then 0 else 1 end
            from r join s on s.n <= r.k join courses c on c.id = s.course_id
              cross join days
              cross join lateral (select date_trunc('year', now())
                + make_interval(days => ((r.member_id * 31 + s.n * 53) % days.span)::int, hours => 12) as at) t
            on conflict do nothing
            returning 1)
          select count(*)::int as n from added`,
      );
      await activity.recordSelected(
        tx,
        'study_hours',
        'learning',
        sql`select p.member_id, (p.completed_at at time zone 'Asia/Shanghai')::date as occurred_on,
            c.credit_hours as quantity, 'course:' || c.id as source_id, r.org_id, r.org_path,
            '完成课程：' || c.title as title
          from course_progress p join courses c on c.id = p.course_id
            join (${membersOnRolls()}) r on r.member_id = p.member_id
          where c.series_id = ${series.id} and p.completed_at is not null`,
      );
      return added?.n ?? 0;
    });
    return { courses: ids.length + 1, completions };
  };
}
