import { and, asc, eq, inArray, like, ne } from 'drizzle-orm';
import { expect } from 'vitest';
import type { TestApp } from '../../../test/app';
import { branchOf, createUser, orgByName } from '../../../test/factories';
import { inboxItems, members, users } from '../../db/schema';
import { DEMO_ACCOUNTS } from '../../seed/demo-committee';

/** A member on the rolls placed in the subtree at `path`, other than those given. */
async function activeMemberIn(t: TestApp, path: string, not: number[]) {
  const [row] = await t.store.db
    .select({ id: members.id, name: members.name, orgPath: members.orgPath })
    .from(members)
    .where(
      and(
        like(members.orgPath, `${path}.%`),
        eq(members.status, 'active'),
        not.length ? ne(members.id, not[0]!) : undefined,
      ),
    )
    .orderBy(asc(members.id))
    .limit(1);
  if (!row) throw new Error(`no active member under ${path}`);
  return row;
}

/** The demo staff whose scope lies in 通州's subtree (its secretary, its working group). */
const TONGZHOU_DEMO_STAFF = DEMO_ACCOUNTS.filter((a) => a.committee === 'tongzhou').map((a) => a.username);

/**
 * The people a notice test addresses, on the demo committee: the Tongzhou and Haidian
 * secretaries, a branch secretary under each, the demo member (Tongzhou), and a member with a
 * login under each committee.
 */
export async function noticeWorld(t: TestApp) {
  const tongzhou = await orgByName(t.store, '驻北京通州区流动党委');
  const haidian = await orgByName(t.store, '驻北京海淀区流动党委');
  const tzBranch = await branchOf(t.store, '驻北京通州区流动党委');
  const hdBranch = await branchOf(t.store, '驻北京海淀区流动党委');
  const [demo] = await t.store.db
    .select({ id: users.id, memberId: users.memberId })
    .from(users)
    .where(eq(users.username, 'member'));
  const tzMember = await activeMemberIn(t, tongzhou.path, [demo!.memberId!]);
  const hdMember = await activeMemberIn(t, haidian.path, []);
  const [tzMemberUser, hdMemberUser, tzBranchSec, hdBranchSec] = await Promise.all([
    createUser(t.store, { role: 'member', scopeKind: 'self', memberId: tzMember.id }),
    createUser(t.store, { role: 'member', scopeKind: 'self', memberId: hdMember.id }),
    createUser(t.store, { role: 'secretary', scopeKind: 'org', orgId: tzBranch.id }),
    createUser(t.store, { role: 'secretary', scopeKind: 'org', orgId: hdBranch.id }),
  ]);
  const names = ['office', 'tongzhou', 'haidian', 'member', 'auditor', 'kangbao', 'admin'] as const;
  const demoCookies = await Promise.all(names.map((n) => t.login(n)));
  const cookie = Object.fromEntries(names.map((n, i) => [n, demoCookies[i]!])) as Record<
    (typeof names)[number],
    string
  >;
  const ids = await t.store.db
    .select({ id: users.id, username: users.username })
    .from(users)
    .where(inArray(users.username, [...names, ...TONGZHOU_DEMO_STAFF]));
  const userId = Object.fromEntries(ids.map((r) => [r.username, r.id])) as Record<
    (typeof names)[number],
    number
  >;
  const idOf = (username: string) => ids.find((r) => r.username === username)!.id;
  // Everyone a notice to 通州 reaches, but the member with a login created here (who reads first
  // in several tests): its demo staff, the branch secretary created here, the demo member.
  const tongzhouStaff = [...TONGZHOU_DEMO_STAFF.map(idOf), tzBranchSec.id, idOf('member')].sort(
    (a, b) => a - b,
  );
  return {
    orgs: { tongzhou, haidian, tzBranch, hdBranch },
    members: { demo: demo!.memberId!, tz: tzMember, hd: hdMember },
    cookie: {
      ...cookie,
      tzMember: await t.login(tzMemberUser.username, tzMemberUser.password),
      hdMember: await t.login(hdMemberUser.username, hdMemberUser.password),
      tzBranchSec: await t.login(tzBranchSec.username, tzBranchSec.password),
      hdBranchSec: await t.login(hdBranchSec.username, hdBranchSec.password),
    },
    /** Who a notice to 通州 reaches: the staff (and the demo member), and everyone with tzMember. */
    reach: {
      tongzhouStaff,
      tongzhou: [...tongzhouStaff, tzMemberUser.id].sort((a, b) => a - b),
    },
    userId: {
      ...userId,
      tzMember: tzMemberUser.id,
      hdMember: hdMemberUser.id,
      tzBranchSec: tzBranchSec.id,
      hdBranchSec: hdBranchSec.id,
    },
  };
}

export type NoticeWorld = Awaited<ReturnType<typeof noticeWorld>>;

/** A notice's body as the compose form sends it, to the target given. */
export const noticeBody = (target: object, extra: object = {}) => ({
  title: '关于开展主题党日活动的通知',
  bodyHtml: '<p>请各支部按时组织。</p>',
  target,
  ...extra,
});

/** Sends a notice and returns it; fails the test on anything but 201. */
export async function sendNotice(t: TestApp, cookie: string, target: object, extra: object = {}) {
  const res = await t.request({
    method: 'POST',
    url: '/api/v1/notices',
    payload: noticeBody(target, extra),
    cookie,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/** The accounts whose inbox holds the notice, sorted. */
export async function noticeRecipients(t: TestApp, noticeId: number): Promise<number[]> {
  const rows = await t.store.db
    .select({ userId: inboxItems.userId })
    .from(inboxItems)
    .where(eq(inboxItems.noticeId, noticeId));
  return rows.map((r) => r.userId).sort((a, b) => a - b);
}
