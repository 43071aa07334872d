import { describe, expect, it } from 'vitest';
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
