import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  bigserial,
  boolean,
  index,
  integer,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';
import { members } from './members';
import { orgs } from './orgs';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const users = pgTable('users', {
  id: serial('id').primaryKey(),
  /** Stored lower-cased; login is case-insensitive. */
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash').notNull(),
  mustChangePassword: boolean('must_change_password').notNull().default(true),
  disabled: boolean('disabled').notNull().default(false),
  /** The member record of a member's own account (role member, scope self). */
  memberId: integer('member_id')
    .unique()
    .references((): AnyPgColumn => members.id),
  lastLoginAt: ts('last_login_at'),
  passwordChangedAt: ts('password_changed_at').notNull().defaultNow(),
  version: integer('version').notNull().default(0),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/**
 * Failed sign-ins per username, whether or not the account exists, so that a lock
 * never tells an attacker which usernames are real.
 */
export const loginThrottle = pgTable('login_throttle', {
  username: text('username').primaryKey(),
  failures: integer('failures').notNull().default(0),
  lockedUntil: ts('locked_until'),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const sessions = pgTable(
  'sessions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    /** SHA-256 of the cookie token; the token itself is never stored. */
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: ts('created_at').notNull().defaultNow(),
    lastSeenAt: ts('last_seen_at').notNull().defaultNow(),
    expiresAt: ts('expires_at').notNull(),
    revokedAt: ts('revoked_at'),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId).where(sql`${t.revokedAt} is null`)],
);

export const roleAssignments = pgTable(
  'role_assignments',
  {
    id: serial('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    role: text('role').notNull(),
    scopeKind: text('scope_kind').notNull(),
    orgId: integer('org_id').references(() => orgs.id),
    /** Division code for home (county) and host (district) scopes. */
    division: text('division'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    unique('role_assignments_unique')
      .on(t.userId, t.role, t.scopeKind, t.orgId, t.division)
      .nullsNotDistinct(),
    index('role_assignments_org_idx').on(t.orgId),
  ],
);

/**
 * A user's second factor (两步验证): a TOTP secret (RFC 6238, as authenticator apps use),
 * encrypted with the field key; while being set up it waits in pendingSecret until the user
 * proves the app shows the right code. lastStep: the time step of the last code accepted, so a
 * code is never accepted twice.
 */
export const userSecondFactors = pgTable('user_second_factors', {
  userId: integer('user_id')
    .primaryKey()
    .references(() => users.id),
  secret: text('secret'),
  pendingSecret: text('pending_secret'),
  enabledAt: ts('enabled_at'),
  lastStep: bigint('last_step', { mode: 'number' }).notNull().default(0),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** One-time recovery codes (恢复码) for a user who lost the app: keyed hashes, each used once. */
export const userRecoveryCodes = pgTable(
  'user_recovery_codes',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    codeHash: text('code_hash').notNull(),
    usedAt: ts('used_at'),
  },
  (t) => [primaryKey({ columns: [t.userId, t.codeHash] })],
);
