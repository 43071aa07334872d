/**
 * The demo's study hours besides the courses: the 党课 attendance the meeting history seeded,
 * credited as the meetings module credits it (the setting learning.lectureHours where a meeting
 * names no hours), and a year of offline study records (线下学习) the secretaries recorded.
 * Synthetic and deterministic (every choice is a hash of the member id), set-based: one INSERT …
 * SELECT per table, whatever the size of the demo.
 *
 * Run again, it adds nothing.
 *
 * The spread: a member has 0 to 4 offline records this year (by a hash of the id), of 2 to 4 hours
 * each, on days from 1 January to today — 0 to 16 hours — so that with the courses and the 党课
 * some members stay below the 32 hours a year and some pass it.
 */
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../../db/client';
import { studyRecords } from '../../../db/schema';
import type { ActivityService } from '../../activity/activity.service';
import { lectureAttendance } from '../../life/life.fragments';
import { membersOnRolls } from '../../members/members.fragments';
import { committeeDay } from '../../notices/anniversaries';
import type { SettingsService } from '../../settings/settings.service';
import { LEDGER_MODULE } from './study.ledger';

export interface StudySeedDeps {
  db: Db;
  activity: Pick<ActivityService, 'recordSelected'>;
  settings: Pick<SettingsService, 'get'>;
}

const TITLES = [
  '集中学习党的二十大报告',
  '自学《中国共产党章程》',
  '观看专题教育片《榜样》',
  '参加流动党员读书班',
  '学习习近平新时代中国特色社会主义思想',
  '参观红色教育基地',
];

export function createStudySeed({ db, activity, settings }: StudySeedDeps) {
  return async function seed(now = new Date()) {
    const today = committeeDay(now);
    const jan1 = `${today.slice(0, 4)}-01-01`;
    const lectureHours = await settings.get('learning.lectureHours');
    return db.transaction(async (tx) => {
      const lectures = await activity.recordSelected(
        tx,
        'study_hours',
        'life',
        sql`select l.member_id, l.occurred_on, coalesce(l.study_hours, ${lectureHours}) as quantity,
            'meeting:' || l.meeting_id as source_id, r.org_id, r.org_path, '党课：' || l.title as title
          from (${lectureAttendance()}) l join (${membersOnRolls()}) r on r.member_id = l.member_id
          where coalesce(l.study_hours, ${lectureHours}) > 0`,
      );
      const titles = sql`array[${sql.join(
        TITLES.map((t) => sql`${t}`),
        sql`, `,
      )}]::text[]`;
      const [made] = await queryRows<{ n: number }>(
        tx,
        sql`with added as (
          insert into ${studyRecords} (member_id, org_id, org_path, studied_on, hours, title)
          select r.member_id, r.org_id, r.org_path,
            ${jan1}::date + ((r.member_id * 37 + k * 101) % (${today}::date - ${jan1}::date + 1))::int,
            2 + (r.member_id + k) % 3,
            (${titles})[1 + (r.member_id + k * 5) % ${TITLES.length}]
          from (${membersOnRolls()}) r
          cross join generate_series(1, 4) k
          where k <= (r.member_id::bigint * 2654435761 % 1000003) % 5
            and not exists (select 1 from ${studyRecords})
          returning 1)
        select count(*)::int as n from added`,
      );
      const offline = await activity.recordSelected(
        tx,
        'study_hours',
        LEDGER_MODULE,
        sql`select s.member_id, s.studied_on as occurred_on, s.hours as quantity, 'study:' || s.id as source_id,
            s.org_id, s.org_path, '线下学习：' || s.title as title
          from ${studyRecords} s where s.deleted_at is null`,
      );
      return { lectures, records: made?.n ?? 0, offline };
    });
  };
}

export type StudySeed = ReturnType<typeof createStudySeed>;
