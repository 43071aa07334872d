import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  date,
  index,
  integer,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** The committee tree (流动党委 → 二级流动党委 → 支部 → 党小组). */
export const orgs = pgTable(
  'orgs',
  {
    id: serial('id').primaryKey(),
    parentId: integer('parent_id').references((): AnyPgColumn => orgs.id),
    /** Materialized path of ids from the root, dot-separated: `1.5.23`. */
    path: text('path').notNull(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    /** Host district (流入地) division code, mainly for second-level committees. */
    hostDistrict: text('host_district'),
    sortOrder: integer('sort_order').notNull().default(0),
    closedAt: ts('closed_at'),
    closedReason: text('closed_reason'),
    version: integer('version').notNull().default(0),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('orgs_path_idx').using('btree', t.path.op('text_pattern_ops')),
    index('orgs_parent_idx').on(t.parentId),
    uniqueIndex('orgs_sibling_name_idx')
      .on(sql`coalesce(${t.parentId}, 0)`, t.name)
      .where(sql`${t.closedAt} is null`),
  ],
);

/** Positions in an org (职务): 书记, 副书记, 委员 … with their term. */
export const orgPositions = pgTable(
  'org_positions',
  {
    id: serial('id').primaryKey(),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    title: text('title').notNull(),
    holderName: text('holder_name').notNull(),
    termStart: date('term_start', { mode: 'string' }).notNull(),
    termEnd: date('term_end', { mode: 'string' }),
    version: integer('version').notNull().default(0),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('org_positions_org_idx').on(t.orgId)],
);
