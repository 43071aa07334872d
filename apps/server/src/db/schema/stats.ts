import { sql } from 'drizzle-orm';
import { index, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './users';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * Kiosk links of the big screen (数据大屏): the office issues one for the screen in the seat, which
 * opens the screen each morning without a password. The link carries a random token; only its
 * keyed hash is stored. A token reads the screen's figures and nothing else, until revoked.
 */
export const screenTokens = pgTable(
  'screen_tokens',
  {
    id: serial('id').primaryKey(),
    /** Where the screen hangs, e.g. 昌平党员之家一楼大厅. */
    label: text('label').notNull(),
    tokenHash: text('token_hash').notNull().unique('screen_tokens_token_hash_key'),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    lastUsedAt: ts('last_used_at'),
    revokedAt: ts('revoked_at'),
    revokedBy: integer('revoked_by').references(() => users.id),
  },
  (t) => [index('screen_tokens_open_idx').on(t.createdAt).where(sql`${t.revokedAt} is null`)],
);
