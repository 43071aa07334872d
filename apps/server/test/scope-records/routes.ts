/**
 * The routes that read one record (or what hangs off it) by its id, with the records the matrix
 * walks behind each and who may read each one; and those it does not walk, by why.
 */
import type { Action } from '@ningxin/shared';
import { sql } from 'drizzle-orm';
import type { TestApp } from '../app';
import { accountSources } from './accounts';
import type { ScopedRecord } from './model';
import { recordSources } from './sources';

export interface RecordRoute {
  path: string;
  /** The action the records' reads name by default (the route's permission unless named here). */
  action?: Action;
  records: () => Promise<ScopedRecord[]>;
}

/**
 * Routes that read a record by its id and are not walked, by why. A new such route joins the
 * walk or this list.
 */
export const NOT_WALKED: Record<string, string[]> = {
  // courses.routes.int.test.ts asks for a course's document as a member of another committee: 404.
  'a course’s document, served only for a course that has one (every such demo course is addressed to all)': [
    '/api/v1/courses/mine/:id/document',
  ],
  // reports.int.test.ts asks for a run as another account.
  'a run is its starter’s alone, kept in memory; starting one builds every county’s PDFs': [
    '/api/v1/stats/reports/feedback-runs/:id',
  ],
  // Nothing lies outside the scope of a demo role that may read them: the 403 walk covers the rest.
  'read with a scope over everything only, or by every signed-in account': [
    ...['/api/v1/users/:id', '/api/v1/points/runs/:id/verify', '/api/v1/settings/:key'],
  ],
};

/** Routes that read a record, with who may read it: the route's action over a target, or as named. */
export function recordRoutes(t: () => TestApp): RecordRoute[] {
  const sources = recordSources(() => t().store.db);
  const { placed, inOrgs, ofMembers, meetings, rounds, sampleMembers, sampleOrgs, spread } = sources;
  const people = accountSources(sources, () => t().services.orgs.positions);
  const table = (name: string) => sql.identifier(name);
  return [
    ...['', '/history', '/activity', '/contacts'].map((s) => ({
      path: `/api/v1/members/:id${s}`,
      records: sampleMembers,
    })),
    { path: '/api/v1/orgs/:id', records: sampleOrgs },
    // An archive item and its loans: read over the org that keeps it.
    ...['', '/loans'].map((s) => ({
      path: `/api/v1/archives/:id${s}`,
      records: () => placed(sql`select id, org_path, null, null from archive_items ${spread(60)}`),
    })),
    // A member's dues: the member's record decides. Dues records: read over their org.
    { path: '/api/v1/dues/members/:memberId', records: sampleMembers },
    // A member's study hours: the member's record decides (study.read; 20 members: a year's
    // hours take a while to work out).
    {
      path: '/api/v1/study/hours/members/:id',
      records: () => ofMembers(sql`select id, id from members ${spread(20)}`),
    },
    ...[
      ['bases', 'dues_bases'],
      ['months', 'dues_months'],
      ['payments', 'dues_payments'],
      ['reliefs', 'dues_reliefs'],
    ].map(([route, name]) => ({
      path: `/api/v1/dues/${route}/:id`,
      records: () => inOrgs(sql`select id, org_path from ${table(name!)} ${spread(30)}`),
    })),
    {
      path: '/api/v1/dues/months/:id/report',
      records: () => inOrgs(sql`select id, org_path from dues_months ${spread(12)}`),
    },
    // A meeting is read over its branch, and by its attendees.
    { path: '/api/v1/meetings/:id', action: 'meeting.read', records: meetings },
    ...['/attendance', '/sign-in-code'].map((s) => ({
      path: `/api/v1/meetings/:id${s}`,
      records: () => placed(sql`select id, org_path, null, null from meetings`),
    })),
    ...['', '/sessions', '/enrolments'].map((s) => ({
      path: `/api/v1/trainings/:id${s}`,
      records: () => placed(sql`select id, org_path, null, null from trainings`),
    })),
    // A class's session is managed as its class is.
    ...['/attendance', '/sign-in-code'].map((s) => ({
      path: `/api/v1/trainings/sessions/:sessionId${s}`,
      records: () =>
        inOrgs(
          sql`select s.id, t.org_path from training_sessions s join trainings t on t.id = s.training_id`,
        ),
    })),
    // A round is read over its branch, and by the home viewer of any of its participants.
    ...['', '/participants', '/peer-reviews', '/appeals'].map((s) => ({
      path: `/api/v1/evaluations/:id${s}`,
      records: rounds,
    })),
    // A campaign is read over its organizer's subtree and by the viewer of its host district.
    ...['', '/shifts', '/summary', '/roster', '/rounds', '/incidents'].map((s) => ({
      path: `/api/v1/volunteer/campaigns/:id${s}`,
      records: () => placed(sql`select id, org_path, null, host_district from volunteer_campaigns`),
    })),
    // A post's code: the campaign's managers and the post's leader (campaigns.access.ts ledPost).
    { path: '/api/v1/volunteer/campaigns/:id/posts/:postId/code', records: people.postCodes },
    // A course: read by the demo member when addressed to them.
    { path: '/api/v1/courses/mine/:id', records: people.courses },
    // Hometown records are read over the recording org and by the viewer of the county they serve.
    ...[
      ['projects', 'hometown_projects'],
      ['donations', 'hometown_donations'],
      ['labour/postings', 'hometown_job_postings'],
      ['labour/placements', 'hometown_placements'],
    ].map(([route, name]) => ({
      path: `/api/v1/hometown/${route}/:id`,
      records: () => placed(sql`select id, org_path, county_code, null from ${table(name!)}`),
    })),
    // Care records are read over the org that keeps them and by the viewer of the member's home county.
    ...[
      ['care/visits', 'care_visits'],
      ['care/help', 'care_help'],
      ['honours', 'honours'],
    ].map(([route, name]) => ({
      path: `/api/v1/${route}/:id`,
      records: () =>
        placed(sql`select r.id, r.org_path, m.home_county, null from ${table(name!)} r
          left join members m on m.id = r.member_id`),
    })),
    // Papers are read as their holder's member record is (member.read).
    ...[
      ['certificates', 'certificates'],
      ['transfers', 'transfers'],
    ].map(([route, name]) => ({
      path: `/api/v1/${route}/:id`,
      records: () => ofMembers(sql`select id, member_id from ${table(name!)}`),
    })),
    // A self-registration is reviewed over the org it was routed to.
    {
      path: '/api/v1/registrations/:id',
      records: () => inOrgs(sql`select id, review_org_path from registrations order by id`),
    },
    // Finding campaigns are managed over their org; a lead also by the finder it is assigned to.
    ...['', '/leads', '/progress'].map((s) => ({
      path: `/api/v1/finding/campaigns/:id${s}`,
      records: () => inOrgs(sql`select id, org_path from finding_campaigns`),
    })),
    { path: '/api/v1/finding/leads/:id', records: people.leads },
    { path: '/api/v1/notices/:id', records: people.notices },
    { path: '/api/v1/notices/:id/receipts', records: people.noticeReceipts },
    // Courses are managed over the publishing org.
    { path: '/api/v1/courses/:id', records: () => inOrgs(sql`select id, org_path from courses`) },
    ...['', '/comments'].map((s) => ({ path: `/api/v1/reflections/:id${s}`, records: people.reflections })),
    { path: '/api/v1/member-reports/:id', records: people.memberReports },
    // A file is read as the record it belongs to (the seeds make courses' files only).
    { path: '/api/v1/files/:id', records: people.courseFiles },
  ];
}
