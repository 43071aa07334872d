/**
 * The records of the store the matrix walks, each with who may read it as the module's policy
 * says: over an org, as a member, by a place (a home county, a host district), by an account.
 */
import { type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../src/db/client';
import { memberTarget } from '../../src/modules/members/record/members.scope';
import { member, org, type Read, type ScopedRecord } from './model';

/** The first `n` rows by id in steps of 7: spread over the tree, in as many rows as the walk pays for. */
const spread = (n: number) => sql`order by id % 7, id limit ${n}`;

export function recordSources(db: () => Db) {
  const rows = <T>(query: SQL) => queryRows<T & Record<string, unknown>>(db(), query);
  /** Adds reads to the records by id. */
  const add = (records: ScopedRecord[], id: number, read: Read) =>
    records.find((r) => r.id === Number(id))?.reads.push(read);

  /**
   * Records of a query's rows (id, org path, home county, host district): each read in the org's
   * subtree, by the viewer of the county and by the viewer of the district (when named).
   */
  async function placed(query: SQL): Promise<ScopedRecord[]> {
    return (await rows(query)).map((r) => {
      const [id, path, county, district] = Object.values(r) as [number, string, string | null, string | null];
      return { id: Number(id), reads: [{ target: member(-1, path, county, district) }] };
    });
  }

  /** Records of a query's rows (id, org path) kept by an org: read over the org's subtree. */
  async function inOrgs(query: SQL): Promise<ScopedRecord[]> {
    return (await rows(query)).map((r) => {
      const [id, path] = Object.values(r) as [number, string];
      return { id: Number(id), reads: [{ target: org(path) }] };
    });
  }

  /** Records of a query's rows (id, member id) about a member: read as the member's record is. */
  async function ofMembers(query: SQL): Promise<ScopedRecord[]> {
    const found = await rows<{
      id: number;
      m: number;
      org_path: string;
      home_county: string;
      host: string | null;
    }>(
      sql`select r.id, m.id as m, m.org_path, m.home_county, m.host_district as host
        from (${query}) r (id, member_id) join members m on m.id = r.member_id order by r.id`,
    );
    return found.map((r) => ({
      id: Number(r.id),
      reads: [
        {
          target: memberTarget({
            id: Number(r.m),
            orgPath: r.org_path,
            homeCounty: r.home_county,
            hostDistrict: r.host,
          }),
        },
      ],
    }));
  }

  /** Meetings: read over their branch, and by their attendees. */
  async function meetings() {
    const records = await placed(sql`select id, org_path, null, null from meetings`);
    for (const a of await rows<{ meeting_id: number; member_id: number }>(
      sql`select meeting_id, member_id from meeting_attendees`,
    ))
      add(records, a.meeting_id, {
        action: 'member.self',
        target: member(Number(a.member_id), '-', null, null),
      });
    return records;
  }

  /** Evaluation rounds: read over their branch, and by the home viewer of any participant. */
  async function rounds() {
    const records = await placed(sql`select id, org_path, null, null from evaluation_rounds`);
    for (const p of await rows<{ round_id: number; home_county: string; host_district: string | null }>(
      sql`select p.round_id, m.home_county, m.host_district from evaluation_participants p
        join members m on m.id = p.member_id`,
    ))
      add(records, p.round_id, { target: member(-1, '-', p.home_county, p.host_district) });
    return records;
  }

  /** Up to 60 members and 60 orgs spread over the tree, each its own target. */
  const sampleMembers = () => ofMembers(sql`select id, id from members ${spread(60)}`);
  const sampleOrgs = () => inOrgs(sql`select id, path from orgs ${spread(60)}`);

  return { db, rows, add, placed, inOrgs, ofMembers, meetings, rounds, sampleMembers, sampleOrgs, spread };
}

export type RecordSources = ReturnType<typeof recordSources>;
