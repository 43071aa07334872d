import { sql } from 'drizzle-orm';
import { type Db, queryRows, type Tx } from '../db/client';
import { orgPositions, orgs, roleAssignments, users } from '../db/schema';
import { appendAudit } from '../modules/audit/audit.service';
import { hashPassword } from '../modules/auth/auth.password';
import { orgsRepository } from '../modules/orgs/orgs.repository';
import {
  BRANCH_TRADES,
  DEMO_ACCOUNTS,
  DEMO_PASSWORD,
  secondLevelCommittees,
  TOP_COMMITTEE,
} from './demo-committee';
import { createRandom, type Random, syntheticName } from './random';

export interface SeedResult {
  created: boolean;
  orgs: number;
  accounts: typeof DEMO_ACCOUNTS;
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

/**
 * Creates the demo committee (17 second-level committees with 3–8 branches each) and the
 * demo accounts on an empty store. Does nothing when any org exists.
 */
export async function seedDemo(db: Db, seed = 2009): Promise<SeedResult> {
  const [{ n }] = (await queryRows<{ n: number }>(db, sql`select count(*)::int as n from orgs`)) as [
    { n: number },
  ];
  if (n > 0) return { created: false, orgs: n, accounts: DEMO_ACCOUNTS };
  const rng = createRandom(seed);
  const hashes = await Promise.all(DEMO_ACCOUNTS.map(() => hashPassword(DEMO_PASSWORD)));

  const count = await db.transaction(async (tx) => {
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

    for (const [i, account] of DEMO_ACCOUNTS.entries()) {
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
    await appendAudit(
      tx,
      { actorId: null, actorName: 'system', ip: null },
      {
        action: 'demo.seeded',
        after: { orgs: count, accounts: DEMO_ACCOUNTS.map((a) => a.username) },
      },
    );
    return count;
  });
  return { created: true, orgs: count, accounts: DEMO_ACCOUNTS };
}

export function demoAccountsText(): string {
  const lines = DEMO_ACCOUNTS.map((a) => `  ${a.username.padEnd(10)} ${a.description}`);
  return [`演示账户（密码均为 ${DEMO_PASSWORD}）/ demo accounts (password ${DEMO_PASSWORD}):`, ...lines].join(
    '\n',
  );
}
