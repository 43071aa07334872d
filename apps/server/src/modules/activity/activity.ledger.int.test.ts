import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app';
import { branchOf, createUser, orgByName } from '../../../test/factories';
import { memberBody } from '../../../test/member-factory';
import { queryRows, type Tx } from '../../db/client';
import { activityBackfillSql } from './activity.backfill';
import { ActivityEntryError } from './activity.errors';

let t: TestApp;
let office: string;
let tongzhou: string;
let tongzhouBranch: { id: number; path: string };
let otherBranch: { id: number; path: string };
/** When set, a subscriber that runs after the ledger's makes every status change fail. */
let failStatusChanges = false;

beforeAll(async () => {
  t = await createTestApp();
  [office, tongzhou] = (await Promise.all(['office', 'tongzhou'].map((u) => t.login(u)))) as [string, string];
  tongzhouBranch = await branchOf(t.store, '驻北京通州区流动党委');
  otherBranch = await branchOf(t.store, '驻北京通州区流动党委', '商贸物流');
  t.app.platform.ctx.events.subscribe('member.status_changed', async () => {
    if (failStatusChanges) throw new Error('a later step of the status change failed');
  });
});
afterAll(() => t.close());

const request = (method: 'GET' | 'POST' | 'PATCH', url: string, cookie: string, payload?: object) =>
  t.request({ method, url, cookie, ...(payload ? { payload } : {}) });

async function newMember(orgId = tongzhouBranch.id) {
  const res = await request('POST', '/api/v1/members', office, memberBody(orgId));
  expect(res.statusCode).toBe(201);
  return res.json() as { id: number; version: number };
}

interface EntryRow {
  kind: string;
  occurred_on: string;
  quantity: string;
  unit: string;
  source_module: string;
  source_id: string;
  org_id: number | null;
  org_path: string | null;
  title: string;
}

const entriesOf = (memberId: number) =>
  queryRows<EntryRow>(
    t.store.db,
    sql`select kind, occurred_on::text, quantity::text, unit, source_module, source_id, org_id, org_path, title
        from member_activity where member_id = ${memberId} order by id`,
  );

const changeStatus = (id: number, version: number, status: string, effectiveDate: string, reason: string) =>
  request('POST', `/api/v1/members/${id}/status`, tongzhou, { status, effectiveDate, reason, version });

describe('entries written with their record', () => {
  it('a new record and each status change, with the org the member was in at the time', async () => {
    const m = await newMember();
    const lost = await changeStatus(m.id, m.version, 'lost', '2026-03-01', '电话停机，多次联系未果');
    expect(lost.statusCode).toBe(200);
    const moved = await request('PATCH', `/api/v1/members/${m.id}`, office, {
      orgId: otherBranch.id,
      version: lost.json().version,
    });
    expect(moved.statusCode).toBe(200);
    expect(
      (await changeStatus(m.id, moved.json().version, 'active', '2026-04-02', '已恢复联系')).statusCode,
    ).toBe(200);
    const events = await queryRows<{ id: number }>(
      t.store.db,
      sql`select id from member_status_events where member_id = ${m.id} order by id`,
    );
    expect(await entriesOf(m.id)).toMatchObject([
      {
        kind: 'status_changed',
        title: '建立档案',
        org_path: tongzhouBranch.path,
        source_id: String(events[0]!.id),
      },
      {
        kind: 'status_changed',
        occurred_on: '2026-03-01',
        quantity: '1.00',
        unit: 'times',
        source_module: 'members',
        source_id: String(events[1]!.id),
        org_id: tongzhouBranch.id,
        org_path: tongzhouBranch.path,
        title: '电话停机，多次联系未果',
      },
      {
        kind: 'status_changed',
        occurred_on: '2026-04-02',
        org_id: otherBranch.id,
        org_path: otherBranch.path,
        title: '已恢复联系',
      },
    ]);
  });

  it('never left behind by a status change that fails after the ledger’s step', async () => {
    const m = await newMember();
    const before = await entriesOf(m.id);
    failStatusChanges = true;
    try {
      const res = await changeStatus(m.id, m.version, 'lost', '2026-03-01', '电话停机');
      expect(res.statusCode).toBe(500);
    } finally {
      failStatusChanges = false;
    }
    expect(await entriesOf(m.id)).toEqual(before);
    expect((await request('GET', `/api/v1/members/${m.id}`, office)).json().status).toBe('active');
  });

  it('a member updating their own contact details is a contact with the org', async () => {
    const m = await newMember();
    const account = await createUser(t.store, { role: 'member', scopeKind: 'self', memberId: m.id });
    const me = await t.login(account.username, account.password);
    const first = await request('PATCH', '/api/v1/me/member', me, {
      employer: '某物流公司',
      version: m.version,
    });
    expect(first.statusCode).toBe(200);
    const second = await request('PATCH', '/api/v1/me/member', me, {
      hostAddress: '北京市通州区梨园镇',
      version: first.json().version,
    });
    expect(second.statusCode).toBe(200);
    const contacts = (await entriesOf(m.id)).filter((e) => e.kind === 'contact');
    expect(contacts).toMatchObject([
      { title: '本人更新联系方式', org_path: tongzhouBranch.path, source_module: 'members' },
      { title: '本人更新联系方式', org_path: tongzhouBranch.path, source_module: 'members' },
    ]);
    expect(contacts[0]!.occurred_on).toBe(second.json().lastContactAt);
    // A stale update writes nothing, the contact included.
    const stale = await request('PATCH', '/api/v1/me/member', me, { employer: '别处', version: m.version });
    expect(stale.statusCode).toBe(409);
    expect((await entriesOf(m.id)).filter((e) => e.kind === 'contact')).toHaveLength(2);
  });

  it('follow their org when its subtree moves to another committee', async () => {
    const tongzhouCommittee = await orgByName(t.store, '驻北京通州区流动党委');
    const haidianCommittee = await orgByName(t.store, '驻北京海淀区流动党委');
    const branch = (
      await request('POST', '/api/v1/orgs', office, {
        parentId: tongzhouCommittee.id,
        name: '履历搬迁流动党支部',
        kind: 'branch',
      })
    ).json();
    const m = await newMember(branch.id);
    const moved = await request('POST', `/api/v1/orgs/${branch.id}/move`, office, {
      parentId: haidianCommittee.id,
      version: branch.version,
    });
    expect(moved.statusCode).toBe(200);
    expect(await entriesOf(m.id)).toMatchObject([
      { org_id: branch.id, org_path: `${haidianCommittee.path}.${branch.id}` },
    ]);
  });
});

describe('record and reverse', () => {
  const study = (memberId: number, quantity: number, sourceId = 'study-1') => ({
    memberId,
    kind: 'study_hours' as const,
    occurredOn: '2025-05-04',
    quantity,
    sourceModule: 'learning',
    sourceId,
    title: '青年节专题学习',
  });
  const inTx = <T>(fn: (tx: Tx) => Promise<T>) => t.store.db.transaction(fn);

  it('records once per source record: again is the same entry, updated', async () => {
    const m = await newMember();
    await inTx((tx) => t.services.activity.record(tx, study(m.id, 2)));
    await inTx((tx) => t.services.activity.record(tx, study(m.id, 2)));
    await inTx((tx) => t.services.activity.recordMany(tx, [study(m.id, 2), study(m.id, 3)]));
    const studies = (await entriesOf(m.id)).filter((e) => e.kind === 'study_hours');
    expect(studies).toEqual([
      expect.objectContaining({
        quantity: '3.00',
        unit: 'class_hours',
        source_module: 'learning',
        source_id: 'study-1',
        // Without an org given, the member's placement at the time of recording.
        org_path: tongzhouBranch.path,
      }),
    ]);
  });

  it('keeps every character of a title, and many entries in one call', async () => {
    const m = await newMember();
    const title = '“三会一课”, {专题} "党课"\\ 第一讲\n第二讲 NULL';
    await inTx((tx) =>
      t.services.activity.recordMany(
        tx,
        Array.from({ length: 25_000 }, (_, i) => ({
          ...study(m.id, 0.5, `many-${i}`),
          title: `${title} ${i}`,
        })),
      ),
    );
    const [row] = await queryRows<{ n: number; sum: string; first: string }>(
      t.store.db,
      sql`select count(*)::int as n, sum(quantity)::text as sum,
            (select title from member_activity where member_id = ${m.id} and source_id = 'many-0') as first
          from member_activity where member_id = ${m.id} and kind = 'study_hours'`,
    );
    expect(row).toEqual({ n: 25_000, sum: '12500.00', first: `${title} 0` });
  });

  it('reversing a record removes its entries, of one kind when named', async () => {
    const m = await newMember();
    await inTx((tx) =>
      t.services.activity.recordMany(tx, [
        study(m.id, 1, 'course-7'),
        { ...study(m.id, 1, 'course-7'), kind: 'honour', quantity: 1, title: '优秀学员' },
        study(m.id, 1, 'course-8'),
      ]),
    );
    expect(await inTx((tx) => t.services.activity.reverse(tx, 'learning', 'course-7', 'honour'))).toBe(1);
    expect((await entriesOf(m.id)).map((e) => [e.kind, e.source_id])).toEqual([
      ['status_changed', expect.any(String)],
      ['study_hours', 'course-7'],
      ['study_hours', 'course-8'],
    ]);
    expect(await inTx((tx) => t.services.activity.reverse(tx, 'learning', 'course-7'))).toBe(1);
    expect(await inTx((tx) => t.services.activity.reverse(tx, 'learning', 'course-7'))).toBe(0);
    expect((await entriesOf(m.id)).map((e) => e.source_id).slice(1)).toEqual(['course-8']);
  });

  it('a reversal rolled back with its transaction leaves the entry', async () => {
    const m = await newMember();
    await inTx((tx) => t.services.activity.record(tx, study(m.id, 1, 'course-9')));
    await expect(
      inTx(async (tx) => {
        await t.services.activity.reverse(tx, 'learning', 'course-9');
        throw new Error('the reversal of the course failed');
      }),
    ).rejects.toThrow('the reversal of the course failed');
    expect((await entriesOf(m.id)).map((e) => e.source_id)).toContain('course-9');
  });

  it('refuses an entry that breaks its contract, with the caller’s transaction', async () => {
    const m = await newMember();
    const dues = {
      memberId: m.id,
      kind: 'dues_paid' as const,
      occurredOn: '2025-05-04',
      quantity: 12.5,
      sourceModule: 'care',
      sourceId: 'dues-1',
      title: '缴纳党费',
    };
    await expect(inTx((tx) => t.services.activity.record(tx, dues))).rejects.toBeInstanceOf(
      ActivityEntryError,
    );
    await expect(
      inTx((tx) => t.services.activity.record(tx, { ...dues, quantity: 1250, memberId: 2147483646 })),
    ).rejects.toBeInstanceOf(ActivityEntryError);
    await inTx((tx) => t.services.activity.record(tx, { ...dues, quantity: 1250 }));
    expect((await entriesOf(m.id)).filter((e) => e.kind === 'dues_paid')).toMatchObject([
      { quantity: '1250.00', unit: 'fen' },
    ]);
  });
});

describe('the backfill (migration 0011, and the demo load)', () => {
  /** Seeded status events without their entry: same day, reason, time, and the member's org. */
  const uncovered = async () =>
    (
      await queryRows<{ n: number }>(
        t.store.db,
        sql`select count(*)::int as n from member_status_events e
            where e.actor_name = 'system' and not exists (
              select 1 from member_activity a join members m on m.id = a.member_id
              where a.source_module = 'members' and a.source_id = e.id::text and a.kind = 'status_changed'
                and a.member_id = e.member_id and a.occurred_on = e.effective_date and a.title = e.reason
                and a.org_id = m.org_id and a.org_path = m.org_path and a.created_at = e.created_at)`,
      )
    )[0]!.n;
  const ledgerCount = async () =>
    (
      await queryRows<{ n: number }>(
        t.store.db,
        sql`select count(*)::int as n from member_activity where kind = 'status_changed'`,
      )
    )[0]!.n;

  it('the demo load left every seeded status event on the timeline', async () => {
    const seeded = (
      await queryRows<{ n: number }>(
        t.store.db,
        sql`select count(*)::int as n from member_status_events where actor_name = 'system'`,
      )
    )[0]!.n;
    expect(seeded).toBeGreaterThan(600); // every demo member's creation, and the changes of some
    expect(await uncovered()).toBe(0);
  });

  it('fills in the status events that have no entry, and adds nothing when run again', async () => {
    const total = await ledgerCount();
    await t.store.db.execute(
      sql`delete from member_activity where kind = 'status_changed' and member_id in (
            select id from members order by id limit 50)`,
    );
    expect(await uncovered()).toBeGreaterThanOrEqual(50);
    await t.store.db.execute(sql.raw(activityBackfillSql()));
    expect(await uncovered()).toBe(0);
    expect(await ledgerCount()).toBe(total);
    await t.store.db.execute(sql.raw(activityBackfillSql()));
    expect(await ledgerCount()).toBe(total);
  });
});
