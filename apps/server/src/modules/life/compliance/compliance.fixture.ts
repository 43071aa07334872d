/**
 * Test factories of the compliance board: meetings and attendance written straight into the life
 * tables (the board only reads them), so each test states the exact meetings it counts.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Store } from '../../../db/client';

export interface MeetingFixture {
  type: string;
  /** The start as an instant (ISO with offset, e.g. `2024-03-10T14:30:00+08:00`). */
  at: string;
  state?: 'planned' | 'held' | 'archived' | 'cancelled';
}

/** Inserts meetings of an org; returns their ids in the given order. */
export async function holdMeetings(store: Store, org: { id: number; path: string }, list: MeetingFixture[]) {
  const ids: number[] = [];
  for (const m of list) {
    const state = m.state ?? 'held';
    const held = state === 'held' || state === 'archived';
    const [row] = await queryRows<{ id: number }>(
      store.db,
      sql`insert into meetings (org_id, org_path, type, topic, planned_at, held_at, state)
        values (${org.id}, ${org.path}, ${m.type}, ${`测试会议 ${m.type}`}, ${m.at}::timestamptz,
          ${held ? m.at : null}::timestamptz, ${state})
        returning id`,
    );
    ids.push(row!.id);
  }
  return ids;
}

/** Monthly meetings of a type on the 10th of each listed month of a year. */
export const monthly = (type: string, year: number, months: number[]): MeetingFixture[] =>
  months.map((m) => ({ type, at: `${year}-${String(m).padStart(2, '0')}-10T14:30:00+08:00` }));

/** Records a member's attendance at a meeting. */
export async function attend(store: Store, meetingId: number, memberId: number, status: string) {
  await store.db.execute(sql`insert into meeting_attendees (meeting_id, member_id, role, status)
    values (${meetingId}, ${memberId}, 'expected', ${status})`);
}

/** The open branches under a second-level committee, in tree order. */
export async function branchesUnder(store: Store, committeeName: string) {
  return queryRows<{ id: number; path: string; name: string }>(
    store.db,
    sql`select b.id, b.path, b.name from orgs b join orgs c on b.parent_id = c.id
      where c.name = ${committeeName} and b.kind = 'branch' and b.closed_at is null order by b.sort_order, b.id`,
  );
}

/** Members on the rolls of an org, by id. */
export async function membersOf(store: Store, orgId: number) {
  return queryRows<{ id: number; name: string; memberType: string }>(
    store.db,
    sql`select id, name, member_type as "memberType" from members
      where org_id = ${orgId} and status in ('active', 'lost') order by id`,
  );
}
