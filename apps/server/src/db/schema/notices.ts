import { sql } from 'drizzle-orm';
import {
  bigserial,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { orgs } from './orgs';
import { users } from './users';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * Notices (通知公告): a title, a sanitized rich-text body, attachments (files owned by the
 * notice), a target (subtrees, roles, named members), a publish time and an optional deadline
 * for a reply. Publishing resolves the target to accounts and puts the notice in each inbox.
 */
export const notices = pgTable(
  'notices',
  {
    id: serial('id').primaryKey(),
    title: text('title').notNull(),
    /** Sanitized on the server: only the allowed tags and attributes remain. */
    bodyHtml: text('body_html').notNull(),
    senderId: integer('sender_id')
      .notNull()
      .references(() => users.id),
    /** The org the notice is sent from (its subtree bounds a secretary's targets). */
    senderOrgId: integer('sender_org_id').references(() => orgs.id),
    /** { orgIds: number[], roles: string[], memberIds: number[] } as sent. */
    target: jsonb('target').notNull(),
    /** draft, scheduled or published. */
    state: text('state').notNull().default('draft'),
    publishAt: ts('publish_at'),
    publishedAt: ts('published_at'),
    replyBy: ts('reply_by'),
    recipients: integer('recipients').notNull().default(0),
    version: integer('version').notNull().default(0),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('notices_sender_idx').on(t.senderId, t.createdAt),
    index('notices_state_idx').on(t.state, t.publishAt),
  ],
);

/**
 * Each account's inbox: the notices sent to it and the messages of jobs and modules (a
 * registration waiting for review, a reminder). Opening an item marks it read.
 */
export const inboxItems = pgTable(
  'inbox_items',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    /** notice, or the system message's kind (reminder, review …). */
    kind: text('kind').notNull(),
    noticeId: integer('notice_id').references(() => notices.id),
    title: text('title').notNull(),
    /** Where the message leads in the app (`/members/12`), for system messages. */
    link: text('link'),
    /** What made it, so that a job sends the same reminder only once (`birthday:2026:12`). */
    dedupeKey: text('dedupe_key'),
    createdAt: ts('created_at').notNull().defaultNow(),
    readAt: ts('read_at'),
    remindedAt: ts('reminded_at'),
  },
  (t) => [
    index('inbox_items_user_idx').on(t.userId, t.createdAt),
    uniqueIndex('inbox_items_notice_idx').on(t.noticeId, t.userId).where(sql`${t.noticeId} is not null`),
    uniqueIndex('inbox_items_dedupe_idx').on(t.userId, t.dedupeKey).where(sql`${t.dedupeKey} is not null`),
  ],
);
