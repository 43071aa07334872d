import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app';

let t: TestApp;
let office: string;

beforeAll(async () => {
  t = await createTestApp({}, { members: 200 });
  office = await t.login('office');
});
afterAll(() => t.close());

const items = async (url: string) =>
  (await t.request({ method: 'GET', url, cookie: office })).json().items as Record<string, unknown>[];

describe('the demo papers', () => {
  it('holds certificates in force, expiring, expired, revoked and renewed, and transfers open, done and overdue', async () => {
    expect(await t.services.papers.seed()).toEqual({ certificates: 25, transfers: 8 });
    const certs = await items('/api/v1/certificates?limit=100');
    const count = (status: string) => certs.filter((c) => c.status === status).length;
    expect(count('expiring')).toBeGreaterThanOrEqual(5);
    expect(count('expired')).toBe(3);
    expect(count('revoked')).toBe(1);
    expect(count('superseded')).toBe(1);
    expect(count('valid')).toBeGreaterThan(10);
    const transfers = await items('/api/v1/transfers?limit=100');
    expect(transfers.filter((x) => x.state === 'completed')).toHaveLength(4);
    expect(transfers.filter((x) => x.state === 'issued')).toHaveLength(4);
    expect(await items('/api/v1/transfers/overdue')).toHaveLength(1);
    expect(transfers.filter((x) => x.direction === 'incoming')).toHaveLength(2);
  });
});
