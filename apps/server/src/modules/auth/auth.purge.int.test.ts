import { randomBytes } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app';
import { sessions, users } from '../../db/schema';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({}, { members: 20 });
});
afterAll(() => t.close());

const DAY = 86_400_000;

describe('the auth.session_purge job', () => {
  it('deletes sessions expired or revoked more than 30 days ago, and counts them', async () => {
    const [user] = await t.store.db.select().from(users).where(eq(users.username, 'office'));
    const now = Date.now();
    const ago = (days: number) => new Date(now - days * DAY);
    const cases = {
      expiredLongAgo: { expiresAt: ago(31), revokedAt: null },
      revokedLongAgo: { expiresAt: ago(-1), revokedAt: ago(31) },
      expiredRecently: { expiresAt: ago(29), revokedAt: null },
      revokedRecently: { expiresAt: ago(20), revokedAt: ago(29) },
      open: { expiresAt: ago(-1), revokedAt: null },
    };
    const ids: Record<string, number> = {};
    for (const [name, times] of Object.entries(cases)) {
      const [row] = await t.store.db
        .insert(sessions)
        .values({
          userId: user!.id,
          tokenHash: randomBytes(32).toString('hex'),
          createdAt: ago(40),
          lastSeenAt: ago(35),
          ...times,
        })
        .returning({ id: sessions.id });
      ids[name] = row!.id;
    }

    const result = await t.services.jobs.runNow('auth.session_purge');
    expect(result.status).toBe('ran');
    expect((result as { run: { outcome: string; rows: number } }).run).toMatchObject({
      outcome: 'succeeded',
      rows: 2,
    });
    const left = await t.store.db
      .select({ id: sessions.id })
      .from(sessions)
      .where(inArray(sessions.id, Object.values(ids)));
    expect(left.map((r) => r.id).sort((a, b) => a - b)).toEqual(
      [ids.expiredRecently, ids.revokedRecently, ids.open].sort((a, b) => a! - b!),
    );

    // Nothing more the second time.
    const again = await t.services.jobs.runNow('auth.session_purge');
    expect((again as { run: { rows: number } }).run.rows).toBe(0);
  });
});
