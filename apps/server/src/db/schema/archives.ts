import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  pgTable,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { members } from './members';
import { orgs } from './orgs';
import { users } from './users';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });

/**
 * The archive room (档案室) of the committee's seat: a registry of documents (档案) with where
 * each lies (room 室, cabinet 柜, shelf 层, box 盒), their files (owner 'archive_item'), and the log
 * of borrowing and return. An item is lent to one borrower at a time (a partial unique index).
 */

/**
 * An item: its archive number (档号, unique), title, category (member 党员档案, org 组织文书,
 * meeting 会议记录, dues 党费账册, honour 荣誉资料, photo 照片音像, other), the org it belongs to,
 * the member it is about (for a member's file), the year, retention (permanent 永久, long 长期
 * 30 年, short 短期 10 年), its place in the room.
 */
export const archiveItems = pgTable(
  'archive_items',
  {
    id: serial('id').primaryKey(),
    code: text('code').notNull(),
    title: text('title').notNull(),
    category: text('category').notNull(),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    orgPath: text('org_path').notNull(),
    memberId: integer('member_id').references(() => members.id),
    year: smallint('year').notNull(),
    retention: text('retention').notNull(),
    room: text('room').notNull(),
    cabinet: text('cabinet').notNull(),
    shelf: text('shelf').notNull(),
    box: text('box').notNull(),
    pages: integer('pages'),
    note: text('note'),
    createdBy: integer('created_by').references(() => users.id),
    version: integer('version').notNull().default(0),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('archive_items_code_idx').on(t.code),
    index('archive_items_org_path_idx').using('btree', t.orgPath.op('text_pattern_ops'), t.year),
    index('archive_items_place_idx').on(t.room, t.cabinet, t.shelf, t.box),
    index('archive_items_member_idx').on(t.memberId),
  ],
);

/**
 * A loan (借阅): to whom (a name and their org or unit, and the user when it is one), why, from
 * which day, due back when, returned when (null while out).
 */
export const archiveLoans = pgTable(
  'archive_loans',
  {
    id: serial('id').primaryKey(),
    itemId: integer('item_id')
      .notNull()
      .references(() => archiveItems.id, { onDelete: 'cascade' }),
    borrowerName: text('borrower_name').notNull(),
    borrowerUnit: text('borrower_unit'),
    borrowerUserId: integer('borrower_user_id').references(() => users.id),
    purpose: text('purpose').notNull(),
    lentOn: day('lent_on').notNull(),
    dueOn: day('due_on').notNull(),
    returnedOn: day('returned_on'),
    lentBy: integer('lent_by').references(() => users.id),
    returnedBy: integer('returned_by').references(() => users.id),
    note: text('note'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('archive_loans_open_idx').on(t.itemId).where(sql`${t.returnedOn} is null`),
    index('archive_loans_item_idx').on(t.itemId, t.lentOn),
    index('archive_loans_due_idx').on(t.dueOn).where(sql`${t.returnedOn} is null`),
    check(
      'archive_loans_dates_check',
      sql`${t.dueOn} >= ${t.lentOn} and (${t.returnedOn} is null or ${t.returnedOn} >= ${t.lentOn})`,
    ),
  ],
);
