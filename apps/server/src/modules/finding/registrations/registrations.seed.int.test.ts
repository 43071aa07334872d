import { parseIdNumber } from '@ningxin/shared';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app';
import { queryRows } from '../../../db/client';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({}, { members: 30 });
  await t.services.registrations.demo(t.app.platform.ctx);
});
afterAll(() => t.close());

describe('the demo registrations', () => {
  it('leave a dozen waiting (some for 通州) and a few returned, with valid synthetic ID numbers', async () => {
    const rows = await queryRows<{ state: string; id_cipher: string; reason: string | null; org: string }>(
      t.store.db,
      sql`select r.state, r.id_cipher, r.reason, o.name as org from registrations r join orgs o on o.id = r.review_org_id`,
    );
    expect(rows.filter((r) => r.state === 'submitted')).toHaveLength(12);
    expect(rows.filter((r) => r.state === 'returned' && r.reason)).toHaveLength(3);
    expect(
      rows.filter((r) => r.state === 'submitted' && r.org === '驻北京通州区流动党委').length,
    ).toBeGreaterThan(2);
    for (const r of rows)
      expect(parseIdNumber(t.app.platform.ctx.crypto.decrypt('idNumber', r.id_cipher)).ok).toBe(true);
    const queue = await t.request({
      method: 'GET',
      url: '/api/v1/registrations?limit=100',
      cookie: await t.login('office'),
    });
    const days = queue.json().items.map((i: { daysWaiting: number }) => i.daysWaiting);
    expect(Math.max(...days)).toBeGreaterThan(3);
  });
});
