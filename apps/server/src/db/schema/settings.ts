import { integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './users';

/**
 * Committee settings: the rules DOMAIN.md calls local practice (lost-contact days, meeting
 * frequencies, study-hour thresholds, dues brackets, points rules, the upload limit). A key
 * absent here has its default; each value is checked by the setting's schema when written.
 */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  version: integer('version').notNull().default(0),
  updatedBy: integer('updated_by').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});
