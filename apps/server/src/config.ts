import os from 'node:os';
import path from 'node:path';
import { CITIES } from '@ningxin/shared';
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().url().optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DATABASE_REPLICA_URL: z.string().url().optional(),
  DATABASE_REPLICA_MAX_LAG_MS: z.coerce.number().int().min(100).max(600_000).default(5000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: bool.default(false),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  /** Whether the administrators (系统、安全、审计) must sign in with a second factor: 'required' (等保) or 'optional'. */
  ADMIN_TWO_FACTOR: z.enum(['required', 'optional']).default('required'),
  LOGIN_LOCK_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  HOME_CITY: z
    .string()
    .regex(/^\d{6}$/)
    .default('130700'),
  HOST_CITY: z
    .string()
    .regex(/^\d{6}$/)
    .default('110000'),
  SEED_DEMO: bool.default(true),
  JOBS_ENABLED: bool.default(true),
  SEED_DEMO_MEMBERS: z.coerce.number().int().min(0).max(2_000_000).default(12_000),
  FIELD_ENCRYPTION_KEY: z.string().optional(),
  /** standard (AES-256-GCM, HMAC-SHA256, SHA-256 audit chain) or sm (国密: SM4-CTR, HMAC-SM3, SM3). */
  CRYPTO_SUITE: z.enum(['standard', 'sm']).default('standard'),
  WEB_DIST: z.string().optional(),
  PUBLIC_URL: z.string().url().optional(),
  CHALLENGE_TEST_ANSWERS: bool.default(false),
  METRICS_TOKEN: z.string().min(16, 'at least 16 characters').optional(),
  IMPORT_STAGE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  /** Worker threads of an import's check; 0: none (all in the request's thread). Default: cores − 1, at least 1. */
  IMPORT_WORKERS: z.coerce.number().int().min(0).max(64).optional(),
});

/** The committee's time zone: dates are days in Beijing time (DESIGN.md, Time and money). */
export const COMMITTEE_TIME_ZONE = 'Asia/Shanghai';

export interface Config {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  dataDir: string;
  databaseUrl: string | undefined;
  databasePoolSize: number;
  /**
   * A streaming standby of DATABASE_URL for reads that may lag (lists, search, dashboards,
   * exports), used while its lag stays within `maxLagMs`; else those reads go to the primary.
   */
  databaseReplica: { url: string; maxLagMs: number } | undefined;
  logLevel: string;
  trustProxy: boolean;
  session: { idleMinutes: number; absoluteHours: number };
  login: { maxFailures: number; lockMinutes: number; adminTwoFactor: boolean };
  homeCity: string;
  hostCity: string;
  seedDemo: boolean;
  seedDemoMembers: number;
  /** Whether this instance runs the scheduled jobs (several instances may: each slot runs once). */
  jobsEnabled: boolean;
  /** Base64 32-byte master key for field encryption; else a key file in DATA_DIR. */
  fieldEncryptionKey: string | undefined;
  /** The algorithms of field encryption, lookup hashes and the audit chain (docs/security.md). */
  cryptoSuite: 'standard' | 'sm';
  webDist: string;
  /** The site's public address (for QR codes on posters); else taken from the request's host. */
  publicUrl: string | undefined;
  /**
   * Tests only: the challenge endpoint also sends its answer in a header, so a browser test can
   * solve it. Refused when NODE_ENV is production.
   */
  challengeTestAnswers: boolean;
  /**
   * When set, /metrics serves the Prometheus metrics to requests bearing this token
   * (`Authorization: Bearer <token>`); unset, /metrics does not exist (404).
   */
  metricsToken: string | undefined;
  /** How long a validated import (its staged rows) may still be committed. */
  importStageMinutes: number;
  /**
   * Worker threads for the per-row work of an import's check (encryption, pinyin, COPY text);
   * 0 runs it in the request's thread.
   */
  importWorkers: number;
}

export class ConfigError extends Error {}

/** Parses the environment once at start; a bad value stops the process with a clear message. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  for (const [name, code] of [
    ['HOME_CITY', e.HOME_CITY],
    ['HOST_CITY', e.HOST_CITY],
  ] as const) {
    if (!CITIES[code]) {
      throw new ConfigError(`Invalid configuration:\n  ${name}: no code table for city ${code}`);
    }
  }
  if (e.DATABASE_REPLICA_URL && !e.DATABASE_URL) {
    throw new ConfigError(
      'Invalid configuration:\n  DATABASE_REPLICA_URL: needs DATABASE_URL (a standby of a PostgreSQL primary; the embedded store has none)',
    );
  }
  if (e.CHALLENGE_TEST_ANSWERS && e.NODE_ENV === 'production') {
    throw new ConfigError('Invalid configuration:\n  CHALLENGE_TEST_ANSWERS: not allowed in production');
  }
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    databaseReplica: e.DATABASE_REPLICA_URL
      ? { url: e.DATABASE_REPLICA_URL, maxLagMs: e.DATABASE_REPLICA_MAX_LAG_MS }
      : undefined,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    session: { idleMinutes: e.SESSION_IDLE_MINUTES, absoluteHours: e.SESSION_ABSOLUTE_HOURS },
    login: {
      maxFailures: e.LOGIN_MAX_FAILURES,
      lockMinutes: e.LOGIN_LOCK_MINUTES,
      adminTwoFactor: e.ADMIN_TWO_FACTOR === 'required',
    },
    homeCity: e.HOME_CITY,
    hostCity: e.HOST_CITY,
    seedDemo: e.SEED_DEMO,
    seedDemoMembers: e.SEED_DEMO_MEMBERS,
    jobsEnabled: e.JOBS_ENABLED,
    fieldEncryptionKey: e.FIELD_ENCRYPTION_KEY,
    cryptoSuite: e.CRYPTO_SUITE,
    webDist: path.resolve(e.WEB_DIST ?? new URL('../../web/dist', import.meta.url).pathname),
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ''),
    challengeTestAnswers: e.CHALLENGE_TEST_ANSWERS,
    metricsToken: e.METRICS_TOKEN,
    importStageMinutes: e.IMPORT_STAGE_MINUTES,
    // One thread per core but the one the request runs on, at least one.
    importWorkers: e.IMPORT_WORKERS ?? Math.max(1, os.availableParallelism() - 1),
  };
}
