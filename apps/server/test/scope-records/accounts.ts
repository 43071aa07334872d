/**
 * The records read by accounts as well as over a scope: notices (their sender and recipients),
 * finding leads (the finder each is assigned to), reflections (their author, anyone once
 * featured) and yearly reports (their author), each as its module's access code decides.
 */
import { localIsoDate } from '@ningxin/shared';
import { sql } from 'drizzle-orm';
import { courseAudienceHolds, courseOpenAt } from '../../src/modules/learning/courses/courses.repository';
import type { PositionsService } from '../../src/modules/orgs/positions.service';
import { member, org, type Read, type ScopedRecord } from './model';
import type { RecordSources } from './sources';

export function accountSources(
  { db, rows, add, inOrgs, ofMembers, spread }: RecordSources,
  positions: () => Pick<PositionsService, 'titlesHeld'>,
) {
  /**
   * Notices: managed by their sender and by notice.send over the org they were sent from (over
   * everything, when sent by the office over everything); read too by each recipient of one
   * published (notices/notices.access.ts).
   */
  async function noticesOf(): Promise<{ id: number; managers: Read[]; recipients: Read[] }[]> {
    const found = await rows<{ id: number; sender_id: number; path: string | null }>(
      sql`select n.id, n.sender_id, o.path from notices n left join orgs o on o.id = n.sender_org_id order by n.id`,
    );
    const recipients = await rows<{ notice_id: number; user_id: number }>(
      sql`select i.notice_id, i.user_id from inbox_items i join notices n on n.id = i.notice_id
        where n.state = 'published'`,
    );
    return found.map((n) => ({
      id: Number(n.id),
      managers: [
        { action: 'notice.send', ...(n.path === null ? {} : { target: org(n.path) }) },
        { user: Number(n.sender_id) },
      ],
      recipients: recipients
        .filter((r) => Number(r.notice_id) === Number(n.id))
        .map((r) => ({ user: Number(r.user_id) })),
    }));
  }

  async function notices(): Promise<ScopedRecord[]> {
    return (await noticesOf()).map((n) => ({ id: n.id, reads: [...n.managers, ...n.recipients] }));
  }

  /** A notice's receipts: its managers who hold notice.send; its recipients are told 403. */
  async function noticeReceipts(): Promise<ScopedRecord[]> {
    return (await noticesOf()).map((n) => ({
      id: n.id,
      reads: n.managers.map((r) => ({ ...r, action: 'notice.send' as const })),
      knows: [...n.managers, ...n.recipients],
    }));
  }

  /** Leads: managed over their campaign's org, and worked by the finder each is assigned to. */
  async function leads(): Promise<ScopedRecord[]> {
    const records = await inOrgs(
      sql`select l.id, c.org_path from finding_leads l join finding_campaigns c on c.id = l.campaign_id
        order by l.id % 7, l.id limit 20`,
    );
    for (const r of records) r.reads[0] = { action: 'finding.manage', ...r.reads[0] };
    for (const l of await rows<{ id: number; finder_id: number }>(
      sql`select id, finder_id from finding_leads where finder_id is not null`,
    ))
      add(records, l.id, { user: Number(l.finder_id), action: 'finding.lead' });
    return records;
  }

  /** Reflections: read by their author, by reflection.review over their org, by anyone once featured. */
  async function reflections(): Promise<ScopedRecord[]> {
    const found = await rows<{ id: number; member_id: number; org_path: string; featured: boolean }>(
      sql`select id, member_id, org_path, state = 'approved' and featured_at is not null as featured
        from reflections ${spread(15)}`,
    );
    return found.map((r) => ({
      id: Number(r.id),
      reads: [
        { action: 'member.self', target: member(Number(r.member_id), '-', null, null) },
        { action: 'reflection.review', target: org(r.org_path) },
        ...(r.featured ? [{ user: 'anyone' as const }] : []),
      ],
    }));
  }

  /** Yearly reports: read by their author and by report.read over the member. */
  async function memberReports(): Promise<ScopedRecord[]> {
    const records = await ofMembers(sql`select id, member_id from member_reports ${spread(15)}`);
    return records.map((r) => ({
      id: r.id,
      reads: r.reads.flatMap((read) => [
        { ...read, action: 'report.read' as const },
        { ...read, action: 'member.self' as const },
      ]),
    }));
  }

  /** The demo member: their account, record, place and the positions they hold today. */
  async function me() {
    const [row] = await rows<{
      user_id: number;
      id: number;
      org_id: number;
      name: string;
      org_path: string;
      status: string;
    }>(
      sql`select u.id as user_id, m.id, m.org_id, m.name, m.org_path, m.status from users u
        join members m on m.id = u.member_id where u.username = 'member'`,
    );
    const key = { orgId: Number(row!.org_id), name: row!.name };
    const titles = (await positions().titlesHeld(db(), [key], localIsoDate(new Date()))).get(
      `${key.orgId}:${key.name}`,
    );
    return {
      userId: Number(row!.user_id),
      memberId: Number(row!.id),
      orgPath: row!.org_path,
      onRolls: ['active', 'lost'].includes(row!.status),
      titles: titles ?? [],
    };
  }

  /**
   * The courses addressed to the demo member now (open, and their audience holds the member's org
   * and positions: courses.study.ts), with the member's account.
   */
  async function addressedCourses(): Promise<{ userId: number; ids: Set<number> }> {
    const m = await me();
    const addressed = m.onRolls
      ? await rows<{ id: number }>(
          sql`select id from courses where ${courseOpenAt(new Date())} and ${courseAudienceHolds(m.orgPath, m.titles)}`,
        )
      : [];
    return { userId: m.userId, ids: new Set(addressed.map((c) => Number(c.id))) };
  }

  /** Courses: studied by the demo member when addressed to them. */
  async function courses(): Promise<ScopedRecord[]> {
    const { userId, ids } = await addressedCourses();
    return (await rows<{ id: number }>(sql`select id from courses order by id`)).map((c) => ({
      id: Number(c.id),
      reads: ids.has(Number(c.id)) ? [{ user: userId, action: 'member.self' as const }] : [],
    }));
  }

  /**
   * The courses' files (the only files the seeds make): read by course.manage over the course's
   * org, and by the demo member when the course is addressed to them (learning's `files.owners`).
   */
  async function courseFiles(): Promise<ScopedRecord[]> {
    const { userId, ids } = await addressedCourses();
    const found = await rows<{ id: number; course: number; org_path: string }>(
      sql`select f.id, c.id as course, c.org_path from files f join courses c on c.id::text = f.owner_id
        where f.owner_type = 'course' and f.deleted_at is null order by f.id`,
    );
    return found.map((f) => ({
      id: Number(f.id),
      reads: [
        { action: 'course.manage', target: org(f.org_path) },
        ...(ids.has(Number(f.course)) ? [{ user: userId, action: 'member.self' as const }] : []),
      ],
    }));
  }

  /** Volunteer posts' codes: for the campaign's managers (volunteer.manage over its org) and the post's leader. */
  async function postCodes(): Promise<ScopedRecord[]> {
    const found = await rows<{ campaign: number; id: number; org_path: string; leader: number | null }>(
      sql`select p.campaign_id as campaign, p.id, c.org_path, p.leader_member_id as leader
        from volunteer_posts p join volunteer_campaigns c on c.id = p.campaign_id order by p.id`,
    );
    return found.map((p) => ({
      id: [Number(p.campaign), Number(p.id)],
      reads: [
        { action: 'volunteer.manage', target: org(p.org_path) },
        ...(p.leader === null
          ? []
          : [{ action: 'member.self' as const, target: member(Number(p.leader), '-', null, null) }]),
      ],
    }));
  }

  return { me, postCodes, courses, courseFiles, notices, noticeReceipts, leads, reflections, memberReports };
}
