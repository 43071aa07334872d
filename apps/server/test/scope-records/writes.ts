/**
 * The routes that change one record (or what hangs off it) by its id, with the records the matrix
 * walks behind each, the row that must not change when the caller is refused, and who may read
 * the record (told 403 or 404 rather than 404 alone). Those it does not walk: write-bodies.ts.
 */
import type { Action } from '@ningxin/shared';
import { type SQL, sql } from 'drizzle-orm';
import { LEAD_SHEET } from '../../src/modules/finding/campaigns/leads.sheet';
import type { TestApp } from '../app';
import { multipart, xlsxOf } from '../excel';
import { accountSources } from './accounts';
import { member, org, type ScopedRecord } from './model';
import { ownRoutes } from './own';
import { recordSources } from './sources';
import { bodiesOf, demoMember, ownReport, ROUTE_NOTES } from './write-bodies';

export interface WriteRoute {
  /** `METHOD path`, as the OpenAPI document names the operation. */
  route: string;
  records: () => Promise<ScopedRecord[]>;
  /** The row a refused call must leave as it was: the table's row of the record's last id, or a query. */
  row: string | ((ids: number[]) => SQL);
  /** The read of the same record: who holds it may be told 403 FORBIDDEN instead of 404. */
  readAction?: Action;
  /**
   * A body of the route's own where the contract's plainest one does not pass its validation, or
   * where it names what hangs off the record (a place on the campaign's roster).
   */
  body?: (record: ScopedRecord) => Promise<Record<string, unknown>>;
  /** For an upload: the multipart form sent instead of a JSON body. */
  upload?: (record: ScopedRecord) => Promise<{ payload: Buffer; headers: Record<string, string> }>;
  /** Codes the route answers only past the scope, from rules that look at the record. */
  ruleCodes?: string[];
  /** Why no call inside a scope is walked, where none is. */
  notInside?: string;
}

/** The one row of the walk's lead import, by column. */
const ONE_LEAD: Record<string, string> = {
  姓名: '王建国',
  户籍县区: '康保县',
  所在区县: '通州区',
  线索说明: '老乡反映在通州务工',
  线索来源: '党员提供',
};

/** The write routes walked, with their records. */
export function writeRoutes(t: () => TestApp): WriteRoute[] {
  const bodies = bodiesOf(t);
  return routesOf(t).map((r) => ({
    ...r,
    ...(bodies[r.route] ? { body: bodies[r.route] } : {}),
    ...ROUTE_NOTES[r.route],
  }));
}

function routesOf(t: () => TestApp): WriteRoute[] {
  const sources = recordSources(() => t().store.db);
  const { rows, placed, inOrgs, ofMembers, meetings, sampleMembers, sampleOrgs, spread } = sources;
  const people = accountSources(sources, () => t().services.orgs.positions);
  const table = (name: string) => sql.identifier(name);
  /** Records of a query's rows (parent id, child id, org path): the child, managed over the org. */
  const pairs = async (query: SQL): Promise<ScopedRecord[]> =>
    (await rows(query)).map((r) => {
      const [a, b, path] = Object.values(r) as [number, number, string];
      return { id: [Number(a), Number(b)], reads: [{ target: org(path) }] };
    });
  const on = (
    routes: string[],
    records: () => Promise<ScopedRecord[]>,
    row: WriteRoute['row'],
    readAction?: Action,
  ): WriteRoute[] => routes.map((route) => ({ route, records, row, ...(readAction ? { readAction } : {}) }));
  const v1 = (s: string) => s.replace(' /', ' /api/v1/');
  /** Routes under a record's path: `PATCH` is the path itself, `POST /state` one below it. */
  const under = (path: string, ops: string[]) =>
    ops.map((m) => {
      const [method, tail] = m.split(' ');
      return v1(`${method} ${path}${tail ?? ''}`);
    });

  return [
    ...on(
      ['PUT /archives/:id', 'POST /archives/:id/loans', 'DELETE /archives/:id'].map(v1),
      () => placed(sql`select id, org_path, null, null from archive_items ${spread(30)}`),
      'archive_items',
      'archive.read',
    ),
    ...on(
      [v1('POST /archives/loans/:id/return')],
      () =>
        inOrgs(sql`select l.id, i.org_path from archive_loans l join archive_items i on i.id = l.item_id`),
      'archive_loans',
      'archive.read',
    ),
    ...[
      ['care/visits', 'care_visits'],
      ['care/help', 'care_help'],
      ['honours', 'honours'],
    ].flatMap(([route, name]) =>
      on(
        [`PUT /${route}/:id`, `DELETE /${route}/:id`].map(v1),
        () =>
          placed(sql`select r.id, r.org_path, m.home_county, null from ${table(name!)} r
            left join members m on m.id = r.member_id`),
        name!,
        'care.read',
      ),
    ),
    ...on(
      ['POST /certificates/:id/renew', 'POST /certificates/:id/revoke'].map(v1),
      () => ofMembers(sql`select id, member_id from certificates`),
      'certificates',
      'member.read',
    ),
    ...on(
      ['POST /transfers/:id/cancel', 'POST /transfers/:id/receipt'].map(v1),
      () => ofMembers(sql`select id, member_id from transfers`),
      'transfers',
      'member.read',
    ),
    ...on(
      ['PATCH /courses/:id', 'POST /courses/:id/state'].map(v1),
      () => inOrgs(sql`select id, org_path from courses`),
      'courses',
    ),
    ...[
      ['PUT /dues/bases/:id', 'dues_bases'],
      ['POST /dues/months/:id/close', 'dues_months'],
      ['POST /dues/payments/:id/reverse', 'dues_payments'],
      ['POST /dues/reliefs/:id/review', 'dues_reliefs'],
      ['POST /dues/reliefs/:id/decide', 'dues_reliefs'],
    ].flatMap(([route, name]) =>
      on(
        [v1(route!)],
        () => inOrgs(sql`select id, org_path from ${table(name!)} ${spread(30)}`),
        name!,
        'dues.read',
      ),
    ),
    ...on(
      ['codes', 'codes/slips', 'count', 'grades', 'participants/ballot-modes', 'step'].map((s) =>
        v1(`${s === 'grades' || s.startsWith('part') ? 'PUT' : 'POST'} /evaluations/:id/${s}`),
      ),
      () => placed(sql`select id, org_path, null, null from evaluation_rounds`),
      'evaluation_rounds',
      'evaluation.read',
    ),
    ...on(
      [v1('PUT /feedback/:memberId/:year')],
      async () => (await sampleMembers()).slice(0, 30).map((r) => ({ ...r, id: [Number(r.id), 2025] })),
      ([m, year]) => sql`select * from member_feedback where member_id = ${m} and year = ${year}`,
      'feedback.read',
    ),
    ...on(
      ['PATCH /finding/campaigns/:id', 'POST /finding/campaigns/:id/leads'].map(v1),
      () => inOrgs(sql`select id, org_path from finding_campaigns`),
      'finding_campaigns',
    ),
    // An upload: a sheet of one lead, added to the campaign by who manages it.
    {
      route: v1('POST /finding/campaigns/:id/leads/import'),
      records: () => inOrgs(sql`select id, org_path from finding_campaigns`),
      row: ([id]) => sql`select * from finding_leads where campaign_id = ${id} order by id`,
      upload: async () =>
        multipart(
          {},
          {
            name: '线索名单.xlsx',
            data: await xlsxOf((wb) => {
              const ws = wb.addWorksheet('线索名单');
              ws.addRow([...LEAD_SHEET.headers]);
              ws.addRow(LEAD_SHEET.headers.map((h) => ONE_LEAD[h] ?? ''));
            }),
          },
        ),
    },
    // A lead: managed over its campaign's org (finding.manage), worked by its finder (finding.lead).
    ...on(
      ['PATCH /finding/leads/:id', 'POST /finding/leads/:id/found', 'POST /finding/leads/:id/visits'].map(v1),
      people.leads,
      'finding_leads',
    ),
    ...[
      ['donations', 'hometown_donations', ['PUT', 'DELETE']],
      ['labour/placements', 'hometown_placements', ['PUT', 'DELETE']],
      ['labour/postings', 'hometown_job_postings', ['PUT', 'DELETE']],
      ['projects', 'hometown_projects', ['PATCH', 'POST /stage', 'PUT /years', 'DELETE']],
    ].flatMap(([route, name, methods]) =>
      on(
        under(`/hometown/${route}/:id`, methods as string[]),
        () => placed(sql`select id, org_path, county_code, null from ${table(name as string)}`),
        name as string,
        'hometown.read',
      ),
    ),
    ...on(
      ['PATCH /meetings/:id', 'POST /meetings/:id/amendments', 'POST /meetings/:id/hold'].map(v1),
      () => placed(sql`select id, org_path, null, null from meetings`),
      'meetings',
      'meeting.read',
    ),
    ...on(
      ['POST /meetings/:id/archive', 'POST /meetings/:id/cancel'].map(v1),
      () => placed(sql`select id, org_path, null, null from meetings`),
      'meetings',
      'meeting.read',
    ),
    ...on(
      ['PUT /meetings/:id/attendance/:memberId', 'POST /meetings/:id/attendance/:memberId/leave'].map(v1),
      () =>
        pairs(sql`select a.meeting_id, a.member_id, m.org_path from meeting_attendees a
          join meetings m on m.id = a.meeting_id order by a.meeting_id, a.member_id`),
      ([m, member]) => sql`select * from meeting_attendees where meeting_id = ${m} and member_id = ${member}`,
      'meeting.read',
    ),
    // A member's own leave: by the meeting's attendees.
    ...on([v1('POST /meetings/:id/leave')], meetings, 'meetings'),
    ...on(
      ['PATCH /meetings/exemptions/:id', 'DELETE /meetings/exemptions/:id'].map(v1),
      () => inOrgs(sql`select id, org_path from meeting_exemptions`),
      'meeting_exemptions',
      'meeting.read',
    ),
    // A yearly report: changed by its author, acknowledged by reflection.review over the member.
    ...on(
      [v1('PATCH /member-reports/:id')],
      async () => {
        await ownReport(t());
        const records = await ofMembers(sql`select id, member_id from member_reports
          order by member_id = ${demoMember} desc, id % 7, id limit 15`);
        return records.map((r) => ({
          id: r.id,
          reads: r.reads.map((read) => ({ ...read, action: 'member.self' as const })),
        }));
      },
      'member_reports',
      'report.read',
    ),
    ...on(
      [v1('POST /member-reports/:id/acknowledge')],
      () => ofMembers(sql`select id, member_id from member_reports ${spread(15)}`),
      'member_reports',
      'report.read',
    ),
    ...on(
      under('/members/:id', ['PATCH', 'POST /account', 'POST /contacts', 'POST /reveal', 'POST /status']),
      async () => (await sampleMembers()).slice(0, 40),
      'members',
      'member.read',
    ),
    ...on(['PATCH /notices/:id', 'POST /notices/:id/remind'].map(v1), people.noticeReceipts, 'notices'),
    ...on(
      ['PATCH /orgs/:id', 'POST /orgs/:id/positions', 'POST /orgs/:id/move', 'POST /orgs/:id/close'].map(v1),
      sampleOrgs,
      'orgs',
    ),
    ...on(
      ['PATCH /orgs/:id/positions/:positionId', 'DELETE /orgs/:id/positions/:positionId'].map(v1),
      () =>
        pairs(sql`select o.id as a, p.id as b, o.path from org_positions p join orgs o on o.id = p.org_id
          order by p.id % 7, p.id limit 30`),
      'org_positions',
    ),
    // A reflection: changed by its author (member.self), reviewed over its org.
    ...on(
      ['POST /reflections/:id/review', 'POST /reflections/:id/feature'].map(v1),
      people.reflections,
      'reflections',
    ),
    ...on(
      [v1('PATCH /reflections/:id')],
      async () =>
        (
          await rows<{ id: number; m: number }>(sql`select id, member_id as m from reflections
          order by member_id = ${demoMember} desc, id % 7, id limit 15`)
        ).map((r) => ({
          id: Number(r.id),
          reads: [{ action: 'member.self' as const, target: member(Number(r.m), '-', null, null) }],
        })),
      'reflections',
    ),
    ...on(
      [v1('POST /reflections/:id/comments/:commentId/moderate')],
      () =>
        pairs(sql`select r.id as a, c.id as b, r.org_path from reflection_comments c
          join reflections r on r.id = c.reflection_id order by c.id % 7, c.id limit 20`),
      'reflection_comments',
    ),
    ...on(
      ['accept', 'duplicate', 'return'].map((s) => v1(`POST /registrations/:id/${s}`)),
      () => inOrgs(sql`select id, review_org_path from registrations order by id`),
      'registrations',
    ),
    ...on(
      [v1('DELETE /study/records/:id')],
      () => ofMembers(sql`select id, member_id from study_records ${spread(20)}`),
      'study_records',
      'study.read',
    ),
    ...on(
      under('/trainings/:id', [
        'PATCH',
        'POST /complete',
        'POST /enrolments',
        'POST /sessions',
        'POST /state',
      ]),
      () => placed(sql`select id, org_path, null, null from trainings`),
      'trainings',
    ),
    ...on(
      ['PATCH /trainings/:id/sessions/:sessionId', 'DELETE /trainings/:id/sessions/:sessionId'].map(v1),
      () =>
        pairs(
          sql`select t.id as a, s.id as b, t.org_path from training_sessions s join trainings t on t.id = s.training_id`,
        ),
      'training_sessions',
    ),
    ...on(
      [v1('PUT /trainings/sessions/:sessionId/attendance')],
      () =>
        inOrgs(
          sql`select s.id, t.org_path from training_sessions s join trainings t on t.id = s.training_id`,
        ),
      'training_sessions',
    ),
    ...on(
      [v1('POST /trainings/:id/enrolments/:enrolmentId/withdraw')],
      () =>
        pairs(sql`select t.id as a, e.id as b, t.org_path from training_enrolments e
          join trainings t on t.id = e.training_id`),
      'training_enrolments',
    ),
    ...on(
      under('/volunteer/campaigns/:id', [
        'PATCH',
        'POST /posts',
        'POST /roster',
        'POST /rounds',
        'POST /shifts',
        'POST /state',
      ]),
      () => placed(sql`select id, org_path, null, host_district from volunteer_campaigns`),
      'volunteer_campaigns',
      'volunteer.read',
    ),
    ...on(
      [v1('PATCH /volunteer/campaigns/:id/posts/:postId')],
      people.postCodes,
      'volunteer_posts',
      'volunteer.read',
    ),
    // The records below the others (nested.ts). A flag: resolved by member.write over its member.
    ...on(
      [v1('POST /contacts/flags/:id/resolve')],
      () => ofMembers(sql`select id, member_id from member_flags`),
      'member_flags',
      'member.read',
    ),
    // An appeal, a roster place: managed over the round's branch, the campaign's organizer (404 outside).
    ...on(
      [v1('POST /evaluations/:id/appeals/:appealId/answer')],
      () =>
        pairs(sql`select r.id as a, a.id as b, r.org_path from evaluation_appeals a
          join evaluation_rounds r on r.id = a.round_id order by a.id`),
      'evaluation_appeals',
    ),
    ...on(
      [v1('DELETE /volunteer/campaigns/:id/roster/:assignmentId')],
      () =>
        pairs(sql`select c.id as a, a.id as b, c.org_path from volunteer_assignments a
          join volunteer_campaigns c on c.id = a.campaign_id order by a.id`),
      'volunteer_assignments',
    ),
    // A report of hours: decided by volunteer.manage over the member's org when reported (404 outside).
    ...on(
      [v1('POST /volunteer/hours/:id/decide')],
      () => inOrgs(sql`select id, org_path from volunteer_hours order by id`),
      'volunteer_hours',
    ),
    // Decided by the caller's account, or by the member's own part (own.ts).
    ...ownRoutes(t, sources),
  ];
}
