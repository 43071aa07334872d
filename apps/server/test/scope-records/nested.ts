/**
 * The records below the walked ones, one of each kind per side (create.ts): a lost-contact flag on
 * a member of the side's branch, an appeal in a round of the branch decided today, a place on the
 * roster of a shift of the side's volunteer post, and the member's report of volunteer hours
 * awaiting review. What the write walk resolves, answers, takes off the roster and decides inside
 * and outside each role's scope.
 */
import { localIsoDate } from '@ningxin/shared';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/db/client';
import type { TestApp } from '../app';

/** A call as one account that must succeed (2xx): its JSON answer, else throws with the refusal. */
export type Call = (
  method: 'POST' | 'PUT',
  url: string,
  payload: Record<string, unknown>,
) => Promise<{ id: number; version: number }>;

export function callAs(t: TestApp, cookie: string): Call {
  return async (method, url, payload) => {
    const res = await t.request({ method, url: `/api/v1${url}`, cookie, payload });
    if (res.statusCode >= 300)
      throw new Error(`${method} ${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
    return res.json();
  };
}

export interface NestedSide {
  /** The side's branch: its members take part in the round; its first is flagged, placed, reporting. */
  branch: { id: number; path: string };
  /** The side's volunteer campaign and its post. */
  campaign: number;
  post: number;
}

const inDays = (days: number) => localIsoDate(new Date(Date.now() + days * 86_400_000));

/** A round of last year in the branch, taken through its steps to decided today: open to appeals. */
async function decidedRound(t: TestApp, call: Call, branch: number): Promise<number> {
  const round = await call('POST', '/evaluations', {
    orgId: branch,
    year: 2025,
    opensOn: '2025-11-01',
    closesOn: '2025-12-20',
  });
  let { version } = round;
  for (const to of ['self', 'peer', 'voting'])
    ({ version } = await call('POST', `/evaluations/${round.id}/step`, { version, to }));
  ({ version } = await call('POST', `/evaluations/${round.id}/count`, { version }));
  const participants = await queryRows<{ member_id: number }>(
    t.store.db,
    sql`select member_id from evaluation_participants where round_id = ${round.id} order by member_id`,
  );
  if (participants.length === 0) throw new Error(`no participant in the round of org ${branch}`);
  await call('PUT', `/evaluations/${round.id}/grades`, {
    version,
    grades: participants.map((p) => ({ memberId: Number(p.member_id), grade: 'qualified' })),
    decisionNote: '支部党员大会表决通过',
    decidedOn: localIsoDate(new Date()),
  });
  return round.id;
}

/**
 * Creates the side's nested records: the round, the shift and the roster place through the API as
 * the office; the flag, the appeal and the report as the daily job and the members would write
 * them (the members of one side have no account).
 */
export async function createNestedRecords(t: TestApp, call: Call, side: NestedSide): Promise<void> {
  const db = t.store.db;
  const [member] = await queryRows<{ id: number }>(
    db,
    sql`select id from members where status = 'active' and org_path = ${side.branch.path} order by id limit 1`,
  );
  if (!member) throw new Error(`no active member in ${side.branch.path}`);
  const memberId = Number(member.id);
  await queryRows(
    db,
    sql`insert into member_flags (member_id, kind, raised_on) values (${memberId}, 'no_contact', ${inDays(0)})`,
  );

  const round = await decidedRound(t, call, side.branch.id);
  await queryRows(
    db,
    sql`insert into evaluation_appeals (round_id, member_id, reason)
      select round_id, member_id, '本人全年按时参加组织生活，申请复核评议等次'
      from evaluation_participants where round_id = ${round} order by member_id limit 1`,
  );

  await call('POST', `/volunteer/campaigns/${side.campaign}/shifts`, {
    postId: side.post,
    onDates: [inDays(2)],
    startTime: '08:00',
    endTime: '12:00',
  });
  const [shift] = await queryRows<{ id: number }>(
    db,
    sql`select id from volunteer_shifts where post_id = ${side.post} order by id desc limit 1`,
  );
  await call('POST', `/volunteer/campaigns/${side.campaign}/roster`, {
    shiftId: Number(shift!.id),
    memberId,
  });

  await queryRows(
    db,
    sql`insert into volunteer_hours (member_id, org_id, org_path, served_on, hours, description)
      select id, org_id, org_path, ${inDays(-2)}::date, 3, '社区疫情防控值守'
      from members where id = ${memberId}`,
  );
}
