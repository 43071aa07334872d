import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app';
import { queryRows } from '../../../db/client';

let t: TestApp;
let office: string;
let member: string;

beforeAll(async () => {
  t = await createTestApp();
  [office, member] = await Promise.all([t.login('office'), t.login('member')]);
});
afterAll(() => t.close());

const get = async (url: string, cookie = office) => (await t.request({ method: 'GET', url, cookie })).json();

describe('the demo training classes', () => {
  it('holds the model classes, the trips, the 董存瑞 day and one open class with a waitlist', async () => {
    expect(await t.services.trainings.seed()).toEqual({ trainings: 6 });
    const items = (await get('/api/v1/trainings?limit=100')).items as {
      id: number;
      title: string;
      kind: string;
      state: string;
      counts: { enrolled: number; waitlisted: number; completed: number; sessions: number };
    }[];
    const titled = (part: string) => items.filter((i) => i.title.includes(part));
    expect(titled('示范培训班').map((i) => [i.state, i.counts.completed > 0])).toEqual([
      ['finished', true],
      ['finished', true],
    ]);
    for (const trip of ['延安', '井冈山', '董存瑞']) {
      const [c] = titled(trip);
      expect(c, trip).toMatchObject({ state: 'finished' });
      expect(c!.counts.sessions).toBeGreaterThan(0);
      expect(c!.counts.completed).toBeGreaterThan(0);
    }
    const open = items.find((i) => i.state === 'open')!;
    expect(open.counts).toMatchObject({ enrolled: 8, waitlisted: 3 });
    // Certificates numbered per year, unique; study hours in the ledger.
    const numbers = await queryRows<{ certificate_no: string }>(
      t.store.db,
      sql`select certificate_no from training_enrolments where certificate_no is not null order by certificate_no`,
    );
    expect(numbers.some((n) => n.certificate_no.startsWith('培〔2025〕'))).toBe(true);
    expect(numbers.some((n) => n.certificate_no.startsWith('培〔2026〕'))).toBe(true);
    expect(new Set(numbers.map((n) => n.certificate_no)).size).toBe(numbers.length);
    const [{ n }] = (await queryRows<{ n: number }>(
      t.store.db,
      sql`select count(*)::int as n from member_activity where source_module = 'trainings' and kind = 'study_hours'`,
    )) as [{ n: number }];
    expect(n).toBe(numbers.length);
    // The demo member may apply to the open class on the phone.
    const mine = await get('/api/v1/trainings/mine', member);
    expect(mine.open.find((c: { id: number }) => c.id === open.id)?.canApply).toBe(true);
  });
});
