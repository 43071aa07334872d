import { describe, expect, it } from 'vitest';
import { databaseUnavailable, isDatabaseUnavailable } from '../lib/db-errors';
import { latestShippedMigration, readinessOf } from './readiness';

describe('readinessOf', () => {
  const shipped = 1_800_000_000_000;
  it('is ready when the database answers and holds the latest migration the app ships', () => {
    expect(readinessOf('ok', shipped, shipped)).toEqual({
      ready: true,
      checks: { database: 'ok', migrations: 'ok' },
    });
  });
  it('names a migration not applied yet', () => {
    expect(readinessOf('ok', shipped - 1, shipped).checks.migrations).toBe('pending');
    expect(readinessOf('ok', null, shipped)).toEqual({
      ready: false,
      checks: { database: 'ok', migrations: 'pending' },
    });
  });
  it('cannot tell the migrations without the database', () => {
    expect(readinessOf('timeout', null, shipped)).toEqual({
      ready: false,
      checks: { database: 'timeout', migrations: 'unknown' },
    });
  });
});

describe('latestShippedMigration', () => {
  it('reads the journal the app ships', () => {
    expect(latestShippedMigration()).toBeGreaterThan(1_700_000_000_000);
  });
});

describe('isDatabaseUnavailable (answered 503 DATABASE_UNAVAILABLE)', () => {
  it('knows a database restarting, stopped or out of reach, through Drizzle’s wrapper, and nothing else', () => {
    const wrapped = (cause: object) => Object.assign(new Error('Failed query: select 1'), { cause });
    for (const gone of [
      { code: '57P01', message: 'terminating connection due to administrator command' },
      { code: '08006', message: 'connection failure' },
      { code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:5432' },
      new Error('Connection terminated unexpectedly'),
      new Error('timeout exceeded when trying to connect'),
    ])
      expect(isDatabaseUnavailable(wrapped(gone))).toBe(true);
    expect(isDatabaseUnavailable(wrapped({ code: '23505', message: 'duplicate key' }))).toBe(false);
    expect(isDatabaseUnavailable(new Error('boom'))).toBe(false);
    expect(databaseUnavailable()).toMatchObject({ status: 503, code: 'DATABASE_UNAVAILABLE' });
  });
});
