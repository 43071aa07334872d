import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config';
import { isConnectionError, lsnValue } from './replica';

describe('DATABASE_REPLICA_URL', () => {
  it('needs DATABASE_URL: the embedded store has no standby', () => {
    expect(() => loadConfig({ DATABASE_REPLICA_URL: 'postgres://standby:5432/ningxin' })).toThrow(
      new ConfigError(
        'Invalid configuration:\n  DATABASE_REPLICA_URL: needs DATABASE_URL (a standby of a PostgreSQL primary; the embedded store has none)',
      ),
    );
  });

  it('takes the lag limit, a few seconds by default', () => {
    const primary = { DATABASE_URL: 'postgres://primary:5432/ningxin' };
    const url = 'postgres://standby:5432/ningxin';
    expect(loadConfig(primary).databaseReplica).toBeUndefined();
    expect(loadConfig({ ...primary, DATABASE_REPLICA_URL: url }).databaseReplica).toEqual({
      url,
      maxLagMs: 5000,
    });
    expect(
      loadConfig({ ...primary, DATABASE_REPLICA_URL: url, DATABASE_REPLICA_MAX_LAG_MS: '800' })
        .databaseReplica,
    ).toEqual({ url, maxLagMs: 800 });
    expect(() =>
      loadConfig({ ...primary, DATABASE_REPLICA_URL: url, DATABASE_REPLICA_MAX_LAG_MS: '10' }),
    ).toThrow(/DATABASE_REPLICA_MAX_LAG_MS/);
  });
});

describe('the replica router', () => {
  it('orders WAL positions across the 32-bit boundary', () => {
    expect(lsnValue('0/FFFFFFFF') < lsnValue('1/0')).toBe(true);
    expect(lsnValue('16/B374D848')).toBe(0x16b374d848n);
  });

  it('tells a lost connection from a failing statement', () => {
    for (const err of [
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5433'), { code: 'ECONNREFUSED' }),
      Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
      Object.assign(new Error('the database system is starting up'), { code: '57P03' }),
      new Error('Connection terminated unexpectedly'),
      new Error('timeout exceeded when trying to connect'),
    ])
      expect(isConnectionError(err)).toBe(true);
    for (const err of [
      Object.assign(new Error('syntax error'), { code: '42601' }),
      Object.assign(new Error('cannot execute INSERT in a read-only transaction'), { code: '25006' }),
    ])
      expect(isConnectionError(err)).toBe(false);
  });
});
