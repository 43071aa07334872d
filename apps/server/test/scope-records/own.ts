/**
 * The write routes decided by the caller's account or by the member's own part rather than by an
 * org scope: one's own sessions and inbox, the files of a course one manages, a volunteer post one
 * leads (or whose campaign one manages), and as a member: one's report of hours, one's place on a
 * shift, one's enrolment in a class, a course addressed to one. Each record is read by the account
 * or member it belongs to; every other caller must be refused with nothing changed.
 */
import { inTrainingAudience } from '@ningxin/shared';
import { type SQL, sql } from 'drizzle-orm';
import { audienceHolds } from '../../src/modules/service/campaigns/campaigns.access';
import type { CampaignRow } from '../../src/modules/service/campaigns/campaigns.repository';
import type { TestApp } from '../app';
import { accountSources } from './accounts';
import { member, org, type Read, type ScopedRecord } from './model';
import { callAs } from './nested';
import type { RecordSources } from './sources';
import { demoMember } from './write-bodies';
import type { WriteRoute } from './writes';

/** The demo member's own part of a record, as the member.self routes decide it. */
const own = (memberId: number): Read => ({
  action: 'member.self',
  target: member(Number(memberId), '-', null, null),
});

export function ownRoutes(t: () => TestApp, sources: RecordSources): WriteRoute[] {
  const { rows, inOrgs } = sources;
  const people = accountSources(sources, () => t().services.orgs.positions);
  const v1 = (s: string) => s.replace(' /', ' /api/v1/');
  /** The office's calls, for the records a walk needs inside the demo member's own part. */
  const office = async () => callAs(t(), await t().login('office'));
  const one = async <T>(query: SQL) => (await rows<T>(query))[0];

  /** Records of a query's rows (id, org path), each the own part of the members a second query links to it (r, m). */
  async function linked(records: SQL, links: SQL): Promise<ScopedRecord[]> {
    const [found, pairs] = [await inOrgs(records), await rows<{ r: number; m: number }>(links)];
    return found.map((record) => ({
      id: record.id,
      reads: pairs.filter((p) => Number(p.r) === record.id).map((p) => own(p.m)),
    }));
  }

  /** Sessions opened for the walk alone (no cookie of the matrix is among them): each its account's. */
  async function spareSessions(): Promise<ScopedRecord[]> {
    const before = (await one<{ n: number }>(sql`select coalesce(max(id), 0)::int as n from sessions`))!.n;
    for (const username of ['tongzhou', 'haidian', 'member']) await t().login(username);
    return (
      await rows<{ id: number; user_id: number }>(
        sql`select id, user_id from sessions where id > ${before} order by id`,
      )
    ).map((s) => ({ id: Number(s.id), reads: [{ user: Number(s.user_id) }] }));
  }

  /** Messages in the inbox: each its recipient's. */
  async function inboxItems(): Promise<ScopedRecord[]> {
    return (
      await rows<{ id: number; user_id: number }>(
        sql`select id, user_id from inbox_items order by user_id, id`,
      )
    ).map((i) => ({ id: Number(i.id), reads: [{ user: Number(i.user_id) }] }));
  }

  /** A course's files: deleted by who manages the course; who may read one is told 403. */
  async function courseFileWrites(): Promise<ScopedRecord[]> {
    return (await people.courseFiles()).map((f) => ({
      id: f.id,
      reads: f.reads.filter((r) => 'action' in r && r.action === 'course.manage'),
      knows: f.reads,
    }));
  }

  /** Volunteer campaigns' posts and their assignments: who manages the campaign or leads the post. */
  async function posts(query: SQL): Promise<ScopedRecord[]> {
    return (await rows<{ a: number; b: number | null; org_path: string; leader: number | null }>(query)).map(
      (p) => ({
        id: p.b === null ? Number(p.a) : [Number(p.a), Number(p.b)],
        reads: [
          { action: 'volunteer.manage', target: org(p.org_path) },
          ...(p.leader === null ? [] : [own(p.leader)]),
        ],
      }),
    );
  }
  const leaderOf = sql`(select p.leader_member_id from volunteer_posts p where p.campaign_id = c.id order by p.id limit 1)`;

  /** The campaign's first place on a shift and the post it is at: a body the route acts on. */
  const firstPlace = (campaign: number) =>
    one<{ id: number; version: number; post: number }>(
      sql`select a.id, a.version, s.post_id as post from volunteer_assignments a
        join volunteer_shifts s on s.id = a.shift_id where a.campaign_id = ${campaign} order by a.id limit 1`,
    );
  const campaignOf = (record: ScopedRecord) => [record.id].flat()[0]!;

  /** Places on shifts, each its member's (the demo member placed by the office first if on none). */
  async function ownPlaces(): Promise<ScopedRecord[]> {
    const mine = await one(sql`select 1 from volunteer_assignments where member_id = ${demoMember}`);
    if (!mine) {
      const shift = await one<{ id: number; campaign: number }>(
        sql`select s.id, s.campaign_id as campaign from volunteer_shifts s join volunteer_posts p on p.id = s.post_id
          where p.leader_member_id = ${demoMember} and s.starts_at > now() order by s.id limit 1`,
      );
      if (!shift) throw new Error('no shift ahead at the demo member’s post');
      await (await office())('POST', `/volunteer/campaigns/${shift.campaign}/roster`, {
        shiftId: Number(shift.id),
        memberId: (await one<{ id: number }>(sql`select ${demoMember} as id`))!.id,
      });
    }
    return (
      await rows<{ a: number; b: number; m: number }>(
        sql`select campaign_id as a, id as b, member_id as m from volunteer_assignments order by id`,
      )
    ).map((r) => ({ id: [Number(r.a), Number(r.b)], reads: [own(r.m)] }));
  }

  /** Reports of volunteer hours: each its member's (one of the demo member's awaiting review). */
  async function ownHours(): Promise<ScopedRecord[]> {
    await rows(sql`insert into volunteer_hours (member_id, org_id, org_path, served_on, hours, description)
      select id, org_id, org_path, current_date - 3, 2, '社区环境整治'
      from members m where id = ${demoMember}
        and not exists (select 1 from volunteer_hours h where h.member_id = m.id and h.state = 'submitted')`);
    return (
      await rows<{ id: number; m: number }>(sql`select id, member_id as m from volunteer_hours order by id`)
    ).map((r) => ({ id: Number(r.id), reads: [own(r.m)] }));
  }

  /** Classes: withdrawn from by their members in any state (the demo member enrolled in one first if in none). */
  async function ownEnrolments(): Promise<ScopedRecord[]> {
    const mine = await one(sql`select 1 from training_enrolments where member_id = ${demoMember}`);
    if (!mine) {
      const training = await one<{ id: number }>(
        sql`select t.id from trainings t, members m where m.id = ${demoMember}
          and m.org_path like t.org_path || '.%' and t.state in ('draft', 'open') order by t.id limit 1`,
      );
      if (!training) throw new Error('no class over the demo member’s branch');
      await (await office())('POST', `/trainings/${training.id}/enrolments`, {
        memberIds: [(await one<{ id: number }>(sql`select ${demoMember} as id`))!.id],
      });
    }
    return linked(
      sql`select id, org_path from trainings order by id`,
      sql`select training_id as r, member_id as m from training_enrolments`,
    );
  }

  /** Evaluation rounds: each participant's own part (self-assessment, reviews, ballot, appeal). */
  const ownRounds = () =>
    linked(
      sql`select id, org_path from evaluation_rounds order by id`,
      sql`select round_id as r, member_id as m from evaluation_participants`,
    );

  /** A round and one of its participants other than the demo member: the one reviewed. */
  async function ownReviews(): Promise<ScopedRecord[]> {
    const others = await rows<{ r: number; m: number }>(
      sql`select round_id as r, min(member_id) as m from evaluation_participants
        where member_id <> ${demoMember} group by round_id`,
    );
    return (await ownRounds()).flatMap((r) => {
      const other = others.find((o) => Number(o.r) === r.id);
      return other ? [{ id: [Number(r.id), Number(other.m)], reads: r.reads }] : [];
    });
  }

  /** Records of a round's table, as the state a refused call must leave. */
  const ofRound =
    (table: string) =>
    ([id]: number[]) =>
      sql`select * from ${sql.identifier(table)} where round_id = ${id} order by 1, 2`;

  /** Open classes: applied to by the members of their audience (the demo member's class opened first). */
  async function openClasses(): Promise<ScopedRecord[]> {
    const m = await people.me();
    const closed = await one<{ id: number; version: number }>(
      sql`select t.id, t.version from trainings t where t.state = 'draft'
        and (${m.orgPath} = t.org_path or ${m.orgPath} like t.org_path || '.%')
        and not exists (select 1 from trainings o where o.state = 'open'
          and (${m.orgPath} = o.org_path or ${m.orgPath} like o.org_path || '.%'))
        order by t.id limit 1`,
    );
    if (closed)
      await (await office())('POST', `/trainings/${closed.id}/state`, {
        to: 'open',
        version: closed.version,
      });
    const found = await rows<{
      id: number;
      state: string;
      org_path: string;
      audience_org_ids: number[];
      audience_positions: string[];
    }>(sql`select id, state, org_path, audience_org_ids, audience_positions from trainings order by id`);
    return found.map((t) => ({
      id: Number(t.id),
      reads:
        m.onRolls &&
        t.state === 'open' &&
        inTrainingAudience(
          {
            orgPath: t.org_path,
            audienceOrgIds: t.audience_org_ids.map(Number),
            audiencePositions: t.audience_positions,
          },
          m.orgPath,
          m.titles,
        )
          ? [own(m.memberId)]
          : [],
    }));
  }

  /**
   * Open volunteer campaigns: signed up for by their audience. The drafts with a shift ahead are
   * opened first, so that one is outside the demo member's audience only by its audience.
   */
  async function openCampaigns(): Promise<ScopedRecord[]> {
    const m = await people.me();
    const drafts = await rows<{ id: number; version: number }>(
      sql`select c.id, c.version from volunteer_campaigns c where c.state = 'draft'
        and exists (select 1 from volunteer_shifts s where s.campaign_id = c.id and s.starts_at > now())
        order by c.id`,
    );
    for (const draft of drafts)
      await (await office())('POST', `/volunteer/campaigns/${draft.id}/state`, {
        to: 'open',
        version: draft.version,
      });
    const found = await rows<{ id: number; state: string; org_path: string; audience_org_ids: number[] }>(
      sql`select id, state, org_path, audience_org_ids from volunteer_campaigns order by id`,
    );
    return found.map((c) => ({
      id: Number(c.id),
      reads:
        c.state === 'open' &&
        audienceHolds(
          { orgPath: c.org_path, audienceOrgIds: c.audience_org_ids.map(Number) } as CampaignRow,
          m.orgPath,
        )
          ? [own(m.memberId)]
          : [],
    }));
  }

  return [
    { route: v1('DELETE /auth/sessions/:id'), records: spareSessions, row: 'sessions' },
    { route: v1('POST /inbox/:id/read'), records: inboxItems, row: 'inbox_items' },
    { route: v1('DELETE /files/:id'), records: courseFileWrites, row: 'files' },
    ...['POST /courses/:id/progress', 'POST /courses/:id/quiz'].map((route) => ({
      route: v1(route),
      records: people.courses,
      row: ([id]: number[]) => sql`select * from course_progress where course_id = ${id} order by 1`,
    })),
    {
      route: v1('POST /volunteer/campaigns/:id/check-ins'),
      records: () =>
        posts(sql`select c.id as a, null as b, c.org_path, ${leaderOf} as leader from volunteer_campaigns c`),
      row: ([id]) => sql`select * from volunteer_assignments where campaign_id = ${id} order by id`,
      readAction: 'volunteer.read',
      body: async (record) => {
        const place = await firstPlace(campaignOf(record));
        return { assignmentId: Number(place?.id ?? 1), version: Number(place?.version ?? 0), action: 'in' };
      },
    },
    {
      route: v1('POST /volunteer/campaigns/:id/incidents'),
      records: () =>
        posts(sql`select c.id as a, null as b, c.org_path, ${leaderOf} as leader from volunteer_campaigns c`),
      row: ([id]) => sql`select * from volunteer_incidents where campaign_id = ${id} order by id`,
      readAction: 'volunteer.read',
      body: async (record) => ({
        postId: Number((await firstPlace(campaignOf(record)))?.post ?? 1),
        kind: 'hazard',
        occurredAt: new Date().toISOString(),
        description: '路口井盖松动，已设警示',
      }),
    },
    {
      route: v1('PATCH /volunteer/campaigns/:id/shifts/:shiftId'),
      records: () =>
        posts(sql`select c.id as a, s.id as b, c.org_path, p.leader_member_id as leader
          from volunteer_shifts s join volunteer_posts p on p.id = s.post_id
          join volunteer_campaigns c on c.id = s.campaign_id order by s.id`),
      row: 'volunteer_shifts',
      readAction: 'volunteer.read',
    },
    {
      route: v1('DELETE /volunteer/campaigns/:id/sign-ups/:assignmentId'),
      records: ownPlaces,
      row: 'volunteer_assignments',
    },
    { route: v1('POST /volunteer/hours/:id/withdraw'), records: ownHours, row: 'volunteer_hours' },
    {
      route: v1('POST /volunteer/campaigns/:id/sign-ups'),
      records: openCampaigns,
      row: ([id]) => sql`select * from volunteer_assignments where campaign_id = ${id} order by id`,
      body: async (record) => ({
        shiftId: Number(
          (
            await one<{
              id: number;
            }>(sql`select id from volunteer_shifts where campaign_id = ${campaignOf(record)}
              and starts_at > now() order by starts_at, id limit 1`)
          )?.id ?? 1,
        ),
      }),
    },
    // A reflection: commented on by whoever may read it (its author, its reviewers, anyone once featured).
    {
      route: v1('POST /reflections/:id/comments'),
      records: people.reflections,
      row: ([id]) => sql`select * from reflection_comments where reflection_id = ${id} order by id`,
    },
    { route: v1('PUT /evaluations/:id/self'), records: ownRounds, row: ofRound('evaluation_participants') },
    {
      route: v1('PUT /evaluations/:id/peer-reviews/:memberId'),
      records: ownReviews,
      row: ofRound('evaluation_peer_reviews'),
    },
    { route: v1('POST /evaluations/:id/ballots'), records: ownRounds, row: ofRound('evaluation_ballots') },
    { route: v1('POST /evaluations/:id/appeals'), records: ownRounds, row: ofRound('evaluation_appeals') },
    {
      route: v1('POST /trainings/:id/apply'),
      records: openClasses,
      row: ([id]) => sql`select * from training_enrolments where training_id = ${id} order by id`,
    },
    {
      route: v1('POST /trainings/:id/withdraw'),
      records: ownEnrolments,
      row: ([id]) => sql`select * from training_enrolments where training_id = ${id} order by id`,
    },
  ];
}
