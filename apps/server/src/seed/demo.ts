import { SYSTEM_ACTOR } from '@ningxin/shared';
import { and, asc, eq, like, sql } from 'drizzle-orm';
import { type Db, queryRows, type Tx } from '../db/client';
import { members, orgPositions, orgs, roleAssignments, users } from '../db/schema';
import type { FieldCrypto } from '../lib/field-crypto';
import { type AuditContext, audited } from '../modules/audit/audit.service';
import { hashPassword } from '../modules/auth/auth.password';
import { orgsRepository } from '../modules/orgs/orgs.repository';
import {
  BRANCH_TRADES,
  DEMO_ACCOUNTS,
  DEMO_PASSWORD,
  secondLevelCommittees,
  TOP_COMMITTEE,
} from './demo-committee';
import { DEMO_SEED, type TopUpOptions, topUpDemoMembers } from './demo-member-load';
import { createRandom, type Random, syntheticName } from './random';

export interface SeedResult {
  created: boolean;
  orgs: number;
  members: number;
  accounts: typeof DEMO_ACCOUNTS;
}

export interface SeedOptions extends TopUpOptions {
  /** How many synthetic members to create with the committee (SEED_DEMO_MEMBERS). */
  members?: number;
}

async function insertOrg(
  tx: Tx,
  parent: { id: number; path: string } | null,
  values: { name: string; kind: string; hostDistrict: string | null; sortOrder: number },
) {
  const id = await orgsRepository.nextId(tx);
  const path = parent ? `${parent.path}.${id}` : String(id);
  await tx.insert(orgs).values({ id, parentId: parent?.id ?? null, path, ...values });
  return { id, path };
}

async function addPosition(tx: Tx, rng: Random, orgId: number, title: string) {
  const year = rng.int(2022, 2025);
  await tx.insert(orgPositions).values({
    orgId,
    title,
    holderName: syntheticName(rng),
    termStart: `${year}-${String(rng.int(1, 12)).padStart(2, '0')}-01`,
    termEnd: null,
  });
}

/** The demo load acts as the system itself, under no account. */
const SYSTEM: AuditContext = { actorId: null, actorName: SYSTEM_ACTOR, ip: null };

/**
 * Creates the demo committee (17 second-level committees with 3–8 branches each), the demo
 * accounts and `options.members` synthetic members (default 12,000) on an empty store. Does
 * nothing when any org exists. The committee and accounts are one transaction, the members a
 * second (COPY, with the indexes built after the rows: 2.6× less work than multi-row inserts
 * on PGlite), then the member's own account.
 */
export async function seedDemo(db: Db, crypto: FieldCrypto, options: SeedOptions = {}): Promise<SeedResult> {
  const [{ n }] = (await queryRows<{ n: number }>(db, sql`select count(*)::int as n from orgs`)) as [
    { n: number },
  ];
  if (n > 0) return { created: false, orgs: n, members: 0, accounts: DEMO_ACCOUNTS };
  const seed = options.seed ?? DEMO_SEED;
  const rng = createRandom(seed);
  const staff = DEMO_ACCOUNTS.filter((a) => a.role !== 'member');
  const hashes = await Promise.all(staff.map(() => hashPassword(DEMO_PASSWORD)));

  const count = await audited(db, SYSTEM, async (tx, audit) => {
    let count = 0;
    const top = await insertOrg(tx, null, { ...TOP_COMMITTEE, kind: 'committee', sortOrder: 0 });
    count++;
    await addPosition(tx, rng, top.id, 'secretary');
    await addPosition(tx, rng, top.id, 'deputy_secretary');
    const committeeIds = new Map<string, number>();
    for (const [i, c] of secondLevelCommittees().entries()) {
      const sub = await insertOrg(tx, top, {
        name: c.name,
        kind: 'sub_committee',
        hostDistrict: c.hostDistrict,
        sortOrder: i,
      });
      committeeIds.set(c.key, sub.id);
      count++;
      for (const title of ['secretary', 'deputy_secretary', 'safety'])
        await addPosition(tx, rng, sub.id, title);
      const branches = rng.int(3, 8);
      for (let b = 0; b < branches; b++) {
        const branch = await insertOrg(tx, sub, {
          name: `${BRANCH_TRADES[b]}流动党支部`,
          kind: 'branch',
          hostDistrict: c.hostDistrict,
          sortOrder: b,
        });
        count++;
        await addPosition(tx, rng, branch.id, 'secretary');
      }
    }

    for (const [i, account] of staff.entries()) {
      const [user] = await tx
        .insert(users)
        .values({
          username: account.username,
          displayName: account.displayName,
          passwordHash: hashes[i]!,
          mustChangePassword: false,
        })
        .returning({ id: users.id });
      const scopeKind = account.committee
        ? 'org'
        : account.role === 'home_viewer'
          ? 'home'
          : account.role === 'host_viewer'
            ? 'host'
            : 'all';
      await tx.insert(roleAssignments).values({
        userId: user!.id,
        role: account.role,
        scopeKind,
        orgId: account.committee ? committeeIds.get(account.committee)! : null,
        division: account.division ?? null,
      });
    }
    audit({
      action: 'demo.seeded',
      after: { orgs: count, accounts: staff.map((a) => a.username), members: options.members ?? 12_000 },
    });
    return count;
  });
  const { added } = await topUpDemoMembers(db, crypto, options.members ?? 12_000, {
    ...options,
    seed,
    progressEvery: options.progressEvery ?? 4000,
  });
  await ensureDemoMemberAccount(db);
  return { created: true, orgs: count, members: added, accounts: DEMO_ACCOUNTS };
}

/**
 * The demo member's own account (`member`, role member, scope self), linked to the first 在册
 * full member of a 通州 branch who holds an activity certificate. Does nothing when the account
 * exists or no such member does.
 */
export async function ensureDemoMemberAccount(
  db: Db,
): Promise<{ username: string; memberId: number } | null> {
  const account = DEMO_ACCOUNTS.find((a) => a.role === 'member')!;
  const [existing] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.username, account.username));
  if (existing) return null;
  const tongzhou = secondLevelCommittees().find((c) => c.key === 'tongzhou')!;
  const [committee] = await db
    .select({ path: orgs.path })
    .from(orgs)
    .where(and(eq(orgs.name, tongzhou.name), eq(orgs.kind, 'sub_committee')));
  if (!committee) return null;
  const [member] = await db
    .select({ id: members.id, name: members.name })
    .from(members)
    .where(
      and(
        like(members.orgPath, `${committee.path}.%`),
        eq(members.status, 'active'),
        eq(members.memberType, 'full'),
        eq(members.relationship, 'certificate'),
      ),
    )
    .orderBy(asc(members.id))
    .limit(1);
  if (!member) return null;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await audited(db, SYSTEM, async (tx, audit) => {
    const [user] = await tx
      .insert(users)
      .values({
        username: account.username,
        displayName: member.name,
        passwordHash,
        mustChangePassword: false,
        memberId: member.id,
      })
      .returning({ id: users.id });
    await tx.insert(roleAssignments).values({ userId: user!.id, role: 'member', scopeKind: 'self' });
    audit({
      action: 'user.created',
      targetType: 'user',
      targetId: user!.id,
      targetLabel: account.username,
      after: { username: account.username, role: 'member', memberId: member.id },
    });
  });
  return { username: account.username, memberId: member.id };
}

export function demoAccountsText(): string {
  const lines = DEMO_ACCOUNTS.map((a) => `  ${a.username.padEnd(10)} ${a.description}`);
  return [`演示账户（密码均为 ${DEMO_PASSWORD}）/ demo accounts (password ${DEMO_PASSWORD}):`, ...lines].join(
    '\n',
  );
}
