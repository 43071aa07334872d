/**
 * The two forms of one rule: `scopeCovers`/`can` (JS, one record) and `scopeCondition` (SQL, a
 * query over many) must choose the same records, for every demo role and every kind of record.
 */
import type { Action } from '@ningxin/shared';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app';
import { createUser } from '../../test/factories';
import { queryRows } from '../db/client';
import { members, orgs } from '../db/schema';
import { MEMBER_COLUMNS, memberTarget } from '../modules/members/record/members.scope';
import { DEMO_ACCOUNTS } from '../seed/demo-committee';
import { type Actor, can, coversOrgPath, orgScope } from './policy';
import { inPathSubtree, scopeCondition } from './scope';

let t: TestApp;
const actors: [string, Actor][] = [];

async function actorOf(username: string, password?: string): Promise<Actor> {
  return t.actorOf(await t.login(username, password));
}

beforeAll(async () => {
  t = await createTestApp({}, { members: 300 });
  for (const { username } of DEMO_ACCOUNTS) actors.push([username, await actorOf(username)]);
  // An actor with two scopes at once: a branch secretary who also reads a host district.
  const [branch] = await queryRows<{ id: number }>(
    t.store.db,
    sql`select id from orgs where kind = 'branch' order by id limit 1`,
  );
  const twoScopes = await createUser(t.store, { role: 'secretary', scopeKind: 'org', orgId: branch!.id });
  await t.store.db.execute(
    sql`insert into role_assignments (user_id, role, scope_kind, division) values (${twoScopes.id}, 'host_viewer', 'host', '110105')`,
  );
  actors.push(['secretary + host viewer', await actorOf(twoScopes.username, twoScopes.password)]);
});
afterAll(() => t.close());

type MemberRow = { id: number; org_path: string; home_county: string; host_district: string | null };

describe('members: the SQL scope and the JS policy agree', () => {
  const ACTIONS: Action[] = ['member.read', 'member.write', 'member.export', 'member.reveal', 'member.self'];

  it.each(ACTIONS)('%s, for every demo role', async (action) => {
    const all = await queryRows<MemberRow>(
      t.store.db,
      sql`select id, org_path, home_county, host_district from members order by id`,
    );
    let compared = 0;
    for (const [name, actor] of actors) {
      const js = all
        .filter((r) =>
          can(
            actor,
            action,
            memberTarget({
              id: r.id,
              orgPath: r.org_path,
              homeCounty: r.home_county,
              hostDistrict: r.host_district,
            }),
          ),
        )
        .map((r) => r.id);
      let condition: ReturnType<typeof scopeCondition>;
      try {
        condition = scopeCondition(actor, action, MEMBER_COLUMNS);
      } catch {
        expect(js, `${name} may not ${action}, yet the policy lets it`).toEqual([]);
        continue;
      }
      const rows = await t.store.db
        .select({ id: members.id })
        .from(members)
        .where(condition)
        .orderBy(members.id);
      expect(
        rows.map((r) => r.id),
        `${name} ${action}`,
      ).toEqual(js);
      compared++;
    }
    expect(compared).toBeGreaterThan(0);
  });
});

describe('orgs: the tree scope, the placement check and the JS policy agree', () => {
  it.each(['org.read', 'org.write', 'member.write', 'member.import'] as Action[])('%s', async (action) => {
    const all = await queryRows<{ id: number; path: string }>(
      t.store.db,
      sql`select id, path from orgs order by id`,
    );
    for (const [name, actor] of actors) {
      const viaJs = all
        .filter((o) =>
          action.startsWith('org.')
            ? can(actor, action, { type: 'org', path: o.path })
            : coversOrgPath(actor, action, o.path),
        )
        .map((o) => o.id);
      let scope: ReturnType<typeof orgScope>;
      try {
        scope = orgScope(actor, action);
      } catch {
        expect(viaJs, `${name} may not ${action}`).toEqual([]);
        continue;
      }
      const rows = scope.all
        ? all
        : scope.paths.length === 0
          ? []
          : await t.store.db
              .select({ id: orgs.id, path: orgs.path })
              .from(orgs)
              .where(
                sql.join(
                  scope.paths.map((p) => inPathSubtree(orgs.path, p)),
                  sql` or `,
                ),
              )
              .orderBy(orgs.id);
      expect(
        rows.map((r) => r.id),
        `${name} ${action}`,
      ).toEqual(viaJs);
    }
  });
});
