/**
 * Member search at scale: every kind of search box query finds exactly the right members, and
 * `total` counts them, for the office (the whole base) and for tongzhou's secretary (the subtree
 * of 驻北京通州区流动党委), paging through every result with the cursor.
 *
 * SEARCH_SCALE_MEMBERS demo members (default 20,000) are loaded through the bulk path (COPY,
 * encryption in worker threads) as `seed-demo --members` does. What each query should find is
 * worked out here, apart from the search code: from the clear name columns, and from phone and
 * ID numbers decrypted with the field key (never from the tail or hash columns the search reads),
 * streamed through the table in keyset chunks so memory holds one chunk.
 *
 * At the default size the file's tests take 11 s on PostgreSQL and 24 s on PGlite on two quiet
 * cores (twice that on busy ones). A million members, on PostgreSQL only (about 11 minutes: 3 to
 * load, 1 to read, 5 to search, 4 of them paging through the most common surname, 2 to drop):
 *   SEARCH_SCALE_MEMBERS=1000000 TEST_DATABASE_URL=postgres://… \
 *     npx vitest run --project postgres apps/server/src/modules/members/members.search.scale.int.test.ts
 */
import { desc, eq, type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_FIELD_KEY, type TestApp } from '../../../../test/app';
import { orgSubtreeIds, type ReferenceMember } from '../../../../test/member-reference';
import {
  expectedSets,
  PROBE_KINDS,
  type Probe,
  type ProbeKind,
  pickProbes,
} from '../../../../test/search-probes';
import { queryRows } from '../../../db/client';
import { members, orgs } from '../../../db/schema';
import { createFieldCrypto } from '../../../lib/field-crypto';
import { topUpDemoMembers } from '../../../seed/demo-member-load';
import { searchCondition } from './members.search';

const MEMBERS = Number(process.env.SEARCH_SCALE_MEMBERS ?? 20_000);
// Fewer, and the sample the probes are drawn from may lack a kind (an ID number ending in X in scope).
if (!Number.isInteger(MEMBERS) || MEMBERS < 5000)
  throw new Error(`SEARCH_SCALE_MEMBERS must be a whole number of at least 5000, not ${MEMBERS}`);
const PAGE = 200;
/** Time allowed grows with the base: about a millisecond a member to load and read it, or to drop it. */
const SETUP_MS = Math.max(120_000, MEMBERS);
/**
 * Paging through the most common surname (8% of the base) in the default order costs more than
 * the base's size: each page's keyset condition is a filter, not an index range, so a page
 * re-reads the rows before it (at a million, 422 pages in about four minutes).
 */
const PROBE_MS = Math.max(60_000, MEMBERS * 0.9);

const masterKey = Buffer.from(TEST_FIELD_KEY, 'base64');
const crypto = createFieldCrypto(masterKey);

let t: TestApp;
const cookies: Record<'office' | 'tongzhou', string> = { office: '', tongzhou: '' };
let probes: Map<ProbeKind, Probe>;
let expected: Map<ProbeKind, { all: Set<number>; scoped: Set<number> }>;
let tongzhouOrgs: Set<number>;

beforeAll(async () => {
  t = await createTestApp({}, { members: 0 });
  await topUpDemoMembers(t.store.db, crypto, MEMBERS, { workers: { count: 2, masterKey } });
  tongzhouOrgs = await orgSubtreeIds(t.store.db, '驻北京通州区流动党委');
  const inScope = (m: ReferenceMember) => tongzhouOrgs.has(m.orgId);
  probes = await pickProbes(t.store.db, crypto, inScope);
  const reference = await expectedSets(t.store.db, crypto, probes, inScope);
  expect(reference.members).toBe(MEMBERS);
  expected = reference.sets;
  cookies.office = await t.login('office');
  cookies.tongzhou = await t.login('tongzhou');
}, SETUP_MS);
afterAll(() => t?.close(), SETUP_MS);

/** Every page of a search, as the user: the ids in order, each page's total, the page count. */
async function searchAll(cookie: string, q: string, sort: string) {
  const ids: number[] = [];
  const totals = new Set<number>();
  let cursor: string | null = null;
  let pages = 0;
  do {
    const params = new URLSearchParams({ q, limit: String(PAGE), ...(cursor ? { cursor } : {}) });
    const res = await t.request({ method: 'GET', url: `/api/v1/members?${params}&${sort}`, cookie });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { items: { id: number }[]; total: number; nextCursor: string | null };
    ids.push(...body.items.map((i) => i.id));
    totals.add(body.total);
    cursor = body.nextCursor;
    pages++;
  } while (cursor);
  return { ids, totals: [...totals], pages };
}

/** Half the kinds page in the default order (newest first), half by name, where ties are many. */
const sortOf = (kind: ProbeKind) => (PROBE_KINDS.indexOf(kind) % 2 ? 'sort=name&order=asc' : '');

describe.each(['office', 'tongzhou'] as const)('search as %s', (user) => {
  it.each(PROBE_KINDS)(
    '%s: exactly the right members, and their total',
    async (kind) => {
      const probe = probes.get(kind)!;
      const want = expected.get(kind)![user === 'office' ? 'all' : 'scoped'];
      const got = await searchAll(cookies[user], probe.q, sortOf(kind));
      const seen = new Set(got.ids);
      const missing = [...want].filter((id) => !seen.has(id));
      const extra = [...seen].filter((id) => !want.has(id));
      expect({
        missing: missing.slice(0, 10),
        extra: extra.slice(0, 10),
        repeated: got.ids.length - seen.size,
        totals: got.totals,
      }).toEqual({ missing: [], extra: [], repeated: 0, totals: [want.size] });
      // Full pages until one that is not (which may be empty).
      expect(got.pages).toBe(Math.floor(want.size / PAGE) + 1);
    },
    PROBE_MS,
  );
});

describe('the probes', () => {
  it('are picked from the data, page, and tell the two scopes apart', () => {
    const size = (k: ProbeKind) => expected.get(k)!.all.size;
    const fromData = PROBE_KINDS.filter((k) => k !== 'a mobile number one digit off a member’s');
    for (const k of fromData) expect(size(k), k).toBeGreaterThan(0);
    expect(size('the most common surname')).toBeGreaterThan(PAGE);
    expect(size('a common 2-character name piece')).toBeGreaterThan(size('a rare 2-character name piece'));
    expect(expected.get('a mobile number of a secretary-scope member')!.scoped.size).toBe(1);
    expect(expected.get('a mobile number of a member outside that scope')!.scoped.size).toBe(0);
    const drawnInScope: ProbeKind[] = [
      'a rare 2-character name piece',
      'a 3-character full name',
      'full pinyin of a 2-character name',
      '4 digits ending an ID number',
      '3 digits and X ending an ID number',
      'an ID number of a secretary-scope member',
    ];
    for (const k of drawnInScope) expect(expected.get(k)!.scoped.size, k).toBeGreaterThan(0);
    const split = fromData.filter((k) => {
      const { all, scoped } = expected.get(k)!;
      return scoped.size > 0 && scoped.size < all.size;
    });
    expect(split.length).toBeGreaterThanOrEqual(5);
  });
});

/**
 * A Latin-letter search is read in three parts (exact initials, longer initials, pinyin of other
 * initials; see searchParts) whose first rows are merged: every page in every order must be what
 * one query over the plain condition gives. 'zh' starts 2-character names' initials (周华),
 * longer initials (张宏伟) and pinyin (zhang…): rows of all three parts meet on the pages.
 */
describe('a pinyin or initials search merged from its parts', () => {
  const ORDERS = { '': 'created_at desc, id desc', 'sort=birthDate&order=asc': 'birth_date asc, id asc' };
  const matching = sql`(name_pinyin like 'zh%' or name_initials like 'zh%')`;

  it('has rows in each part', async () => {
    const [parts] = await queryRows<{ exact: number; longer: number; pinyin: number }>(
      t.store.db,
      sql`select count(*) filter (where name_initials = 'zh')::int as exact,
          count(*) filter (where name_initials like 'zh_%')::int as longer,
          count(*) filter (where name_initials not like 'zh%')::int as pinyin
        from members where ${matching}`,
    );
    expect(Object.values(parts!).every((n) => n > 0)).toBe(true);
  });

  it.each(
    (['office', 'tongzhou'] as const).flatMap((user) => Object.keys(ORDERS).map((sort) => ({ user, sort }))),
  )('pages as $user in the order $sort', async ({ user, sort }) => {
    const scope = user === 'office' ? sql`true` : sql`org_id in (${sql.join([...tongzhouOrgs], sql`, `)})`;
    const want = await queryRows<{ id: number }>(
      t.store.db,
      sql`select id from members where ${matching} and ${scope}
        order by ${sql.raw(ORDERS[sort as keyof typeof ORDERS])}`,
    );
    const got = await searchAll(cookies[user], 'zh', sort);
    expect(want.length).toBeGreaterThan(PAGE);
    expect({ ids: got.ids, totals: got.totals }).toEqual({
      ids: want.map((r) => r.id),
      totals: [want.length],
    });
  });
});

/** The plan of a query, as EXPLAIN prints it. */
async function planOf(query: SQL | { getSQL(): SQL }) {
  const rows = await queryRows<{ 'QUERY PLAN': string }>(t.store.db, sql`explain ${query}`);
  return rows.map((r) => r['QUERY PLAN']).join('\n');
}

/** PGlite's planner takes the same plans as PostgreSQL's here, so this runs on both stores. */
describe('the plan of a 2-character name search', () => {
  it('reads the bigram index, not every member', async () => {
    const { db } = t.store;
    for (const kind of ['a common 2-character name piece', 'a rare 2-character name piece'] as const) {
      const where = searchCondition(probes.get(kind)!.q, t.services.members.record.hashes);
      // The two queries of a list request: its total and its first page (see members.repository).
      const total = db.select({ n: sql`count(*)::int` }).from(members).where(where);
      const page = db
        .select({ id: members.id, org: orgs.name })
        .from(members)
        .innerJoin(orgs, eq(orgs.id, members.orgId))
        .where(where)
        .orderBy(desc(members.createdAt), desc(members.id))
        .limit(PAGE);
      for (const query of [total, page]) {
        const plan = await planOf(query);
        expect(plan, `${kind}\n${plan}`).toContain('members_name_bigrams_idx');
        expect(plan, `${kind}\n${plan}`).not.toMatch(/Seq Scan on members/);
      }
    }
  });
});
