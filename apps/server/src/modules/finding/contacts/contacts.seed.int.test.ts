import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app';
import { queryRows } from '../../../db/client';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({}, { members: 300 });
});
afterAll(() => t.close());

describe('the demo seed step of contacts', () => {
  it('logs contacts from every side, raises the rule’s flags and writes last year’s comments', async () => {
    const step = t.app.platform.seeds.find((s) => s.module === 'contacts');
    expect(step).toBeDefined();
    await step!.step(t.app.platform.ctx);

    const sides = await queryRows<{ side: string; n: number }>(
      t.store.db,
      sql`select side, count(*)::int as n from member_contacts group by side order by side`,
    );
    expect(sides.map((s) => s.side)).toEqual(['committee', 'home', 'host']);
    // The last contact date follows the log: no member's is older than a contact that reached them.
    const behind = await queryRows<{ n: number }>(
      t.store.db,
      sql`select count(*)::int as n from members m
          where m.last_contact_at < (select max(contacted_on) from member_contacts c
                                     where c.member_id = m.id and c.result = 'reached')`,
    );
    expect(behind[0]!.n).toBe(0);
    const flags = await queryRows<{ kind: string }>(
      t.store.db,
      sql`select distinct kind from member_flags where resolved_at is null`,
    );
    expect(flags.map((f) => f.kind)).toContain('no_contact');
    const comments = await queryRows<{ n: number; year: number }>(
      t.store.db,
      sql`select count(*)::int as n, min(year) as year from member_feedback where comment is not null`,
    );
    expect(comments[0]).toMatchObject({ n: 12, year: new Date().getFullYear() - 1 });
  });
});
