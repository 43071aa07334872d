import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { memberRecordColumns } from './members';
import { orgs } from './orgs';
import { users } from './users';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * A validated member import (批量导入), kept until it is committed or expires: its rows are
 * staged already prepared (pinyin, personal data encrypted and hashed), so the commit neither
 * reads the file nor validates again, and any instance may commit it. Bound to the user who
 * validated it and the file's SHA-256. `ready` is set once every row was read and none was bad;
 * a stage that is not ready (being written, or left by a crash) can never be committed.
 */
export const memberImportStages = pgTable(
  'member_import_stages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    fileSha256: text('file_sha256').notNull(),
    fileName: text('file_name').notNull(),
    /** The org chosen for rows without 所在党组织. */
    orgId: integer('org_id').references(() => orgs.id),
    /** Rows read from the file, and rows staged (all of them when ready). */
    total: integer('total').notNull().default(0),
    rows: integer('rows').notNull().default(0),
    ready: boolean('ready').notNull().default(false),
    createdAt: ts('created_at').notNull().defaultNow(),
    expiresAt: ts('expires_at').notNull(),
  },
  (t) => [
    index('member_import_stages_expires_idx').on(t.expiresAt),
    index('member_import_stages_user_idx').on(t.userId, t.fileSha256),
  ],
);

/**
 * The rows of a stage: `n` counts them 1, 2, … in file order (the commit inserts them in ranges
 * of `n`), `row` is the row's number in Excel; the rest are the members columns as the commit
 * inserts them (org_path and status_since are set again at commit).
 */
export const memberImportStageRows = pgTable(
  'member_import_stage_rows',
  {
    // No foreign key: its check would run once per staged row; the stage's rows go with it
    // (members.import.stages.repository `drop`, `dropExpired`).
    stageId: uuid('stage_id').notNull(),
    n: integer('n').notNull(),
    row: integer('row').notNull(),
    orgId: integer('org_id').notNull(),
    ...memberRecordColumns(),
  },
  (t) => [primaryKey({ columns: [t.stageId, t.n] })],
);
